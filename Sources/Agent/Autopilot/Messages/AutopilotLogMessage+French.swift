// AutopilotLogMessage in French.

extension AutopilotLogMessage {
    var french: String {
        switch self {
        case .title(let step, let regression):
            switch step {
            case .baseline: "Baseline"
            case .linear: regression ? "Régression ridge" : "Régression logistique"
            case .gbdt: "Gradient boosting"
            case .text: "Modèle sur le texte seul"
            default: ""
            }
        case .next(let step, let linearModel, let hasText):
            switch step {
            case .baseline: "un modèle \(linearModel) sur toutes les colonnes utilisables."
            case .linear: "le gradient boosting, pour tester les effets non linéaires et les interactions."
            case .gbdt where hasText: "un modèle sur la ou les colonnes texte seules."
            default: "interpréter le modèle retenu (importance, erreurs, limites), puis décider."
            }
        case .textFeatures(let columns): "la ou les colonnes texte \(columns.joined(separator: ", ")) en TF-IDF"
        case .everyColumnExceptTarget: "toutes les colonnes sauf la cible"
        case .andDropped(let columns): " et celles écartées (\(columns.joined(separator: ", ")))"
        case .timeLimited(let n):
            "hyper-paramètres par défaut sauf la limite de temps, qui a arrêté le premier fold après \(n) itérations (tous les folds et le modèle final en font \(n))"
        case .defaultParameters: "hyper-paramètres par défaut"
        case .approach(let model, let features, let parameters, let f):
            "\(model) sur \(features) ; \(parameters), graine 42, \(FramingWords.validation(f).french)."
        case .trainingFailed(let error):
            "L'entraînement a échoué : \(error ?? "erreur inconnue"). Cette famille est écartée de la comparaison."
        case .baselineFloor:
            "C'est le plancher : un modèle qui ne le bat pas au-delà de la dispersion des folds n'a rien appris d'utile."
        case .hypothesisHolds(let other):
            "L'hypothèse tient : l'intervalle bootstrap apparié de l'écart avec \(other) exclut zéro."
        case .hypothesisRejected(let other):
            "L'hypothèse est rejetée : ce modèle est significativement moins bon que \(other)."
        case .notConfirmed(let other):
            "Non confirmée : l'écart avec \(other) est dans le bruit (son intervalle bootstrap apparié contient zéro) ; on préfère le modèle le plus simple."
        case .noComparison: "Aucune comparaison n'a pu être calculée pour ce run."
        case .explainingEnsemble(let ensemble, let model, let run):
            "Retenu : l'ensemble \(ensemble) (règle d'une erreur type sur la validation). Une moyenne n'a pas d'importances propres : j'explique son membre le plus fort, \(model) (\(run))."
        case .bestValidationScore: "le meilleur score en validation"
        case .simplestWithinOneStandardError: "le plus simple à moins d'une erreur type du meilleur"
        case .candidate(let model, let run, let why):
            "Candidat : \(model) (\(run)), \(why). Je l'explique : importance, sens des effets, tranches d'erreurs, limites, courbe d'apprentissage."
        case .curveAt(let rows, let metric, let train, let validation):
            "à \(rows) lignes, \(metric) entraînement \(train), validation \(validation)"
        case .curveDiagnosis(let diagnosis):
            switch diagnosis {
            case "more_data_helps": " ; la validation monte encore, plus de données aideraient."
            case "variance": " ; entraînement bien au-dessus de la validation : variance (régulariser ou simplifier)."
            case "good_fit": " ; proches, plates et hautes : le modèle est bien ajusté."
            default: " ; proches et plates : biais (modèle plus souple ou meilleures variables)."
            }
        case .mostImportant(let method): "Variables les plus importantes (\(method)) :\n"
        case .effectsLine(let effects): "\nEffets : " + effects.joined(separator: " ; ")
        case .weakestSlice(let slice): "\nTranche la plus faible : \(slice)"
        case .limitLine(let limit): "\nLimite : \(limit)"
        case .learningCurveLine: "\nCourbe d'apprentissage : "
        case .loggingInterpretation: "\nJe consigne l'interprétation."
        case .reliesOn(let top): "Le modèle s'appuie surtout sur \(top.joined(separator: ", "))."
        case .effectsSentence(let effects): " Effets : " + effects.joined(separator: " ; ") + "."
        case .errsMost(let slice): " Il se trompe le plus sur \(slice)."
        case .limitsLabel: " Limites : "
        case .learningCurveLabel: " Courbe d'apprentissage : "
        case .interpretationTitle: "Interprétation du modèle retenu"
        case .interpretationHypothesis:
            "Le modèle retenu s'appuie sur des variables plausibles et ses erreurs se concentrent dans des tranches identifiables."
        case .interpretationApproach(let model, let run):
            "Importance par permutation et dépendance partielle du modèle \(model) enregistré de \(run) sur ses lignes d'entraînement ; tranches d'erreurs d'après ses prédictions hors pli ; courbe d'apprentissage sur ses plis (jamais le test)."
        case .decideThenConfirm: "décider, puis confirmer une fois sur le jeu de test scellé."
        case .beforeTest(let model, let run):
            "Décision prise sur la validation seule : garder \(model) (\(run)). Maintenant, et seulement maintenant, une évaluation sur le jeu de test scellé (enregistrée)."
        case .beforeFinalize(let model, let run):
            "Le choix est fait et son score de test enregistré : la configuration de \(model) (\(run)) est maintenant ajustée sur toutes les lignes étiquetées, celles du test scellé comprises, comme modèle à utiliser sur de nouvelles données."
        case .finalRefit(let run, let of):
            "Le modèle à utiliser est \(run) : la configuration de \(of) réajustée sur toutes les lignes étiquetées (entraînement et test scellé) ; son estimation est le score de test scellé de \(of)."
        case .stopTitle: "Arrêt : rien ne bat la baseline"
        case .stopAnalysis(let target):
            "Aucun modèle ne bat la baseline au-delà de la dispersion des folds ; les colonnes disponibles ne prédisent pas assez bien '\(target)'."
        case .stopNext: "collecter des variables plus informatives ou plus de lignes avant de remodéliser."
        case .keepTitle(let model): "Garder \(model)"
        case .keepAnalysis(let model):
            "\(model) bat la baseline au-delà de la dispersion des folds et a été choisi sur la validation seule ; le jeu de test scellé le confirme une fois."
        case .keepNext(let run):
            "utiliser \(run) pour prédire (`mlexp predict \(run) FICHIER`) ; pour aller plus loin, régler ses hyper-paramètres ou ajouter des variables, un changement à la fois."
        case .sealedTest(let metric, let value, let low, let high):
            "Jeu de test scellé : \(metric) \(value) [\(low), \(high)] (IC 95 %).\n"
        case .writingDecision: "J'écris la décision dans le journal."
        case .noDataLoaded: "aucune donnée chargée"
        case .couldNotLoad(let error): "Je n'ai pas pu charger les données : \(error)"
        case .finalStop(let logPath):
            "Décision : arrêt — aucun modèle ne bat la baseline au-delà du bruit. Le journal est dans \(logPath)."
        case .finalKeep(let model, let score): "Décision : garder \(model), \(score) en validation"
        case .againstBaseline(let score): ", contre \(score) pour la baseline"
        case .onSealedTest(let value): " ; sur le jeu de test scellé \(value)"
        case .logIs(let path): ". Le journal est dans \(path)."
        }
    }
}
