// AutopilotMessage in French.

extension AutopilotMessage {
    var french: String {
        switch self {
        case .modelName(let step, let regression):
            switch step {
            case .baseline: "baseline (\(regression ? "moyenne" : "classe majoritaire"))"
            case .linear: regression ? "régression ridge" : "régression logistique"
            case .gbdt: "gradient boosting"
            case .text: regression ? "ridge sur le texte seul" : "régression logistique sur le texte seul"
            default: ""
            }
        case .help:
            "Je suis l'Autopilot, un expérimentateur à règles (pas un LLM). Donnez-moi un fichier et une cible, par exemple : « titanic.csv cible survived »."
        case .beforeLoad(let path):
            "Je suis l'Autopilot : un expérimentateur à règles intégré à mlexp, pas un LLM. Je charge \(path) et je le profile."
        case .framing(let f):
            "Cadrage : tâche \(FramingWords.task(f.task).french) sur '\(f.target)', \(f.rows) lignes (\(f.trainRows) pour l'entraînement et la validation, \(f.testRows) scellées comme jeu de test). Métrique principale : \(f.metric) ; validation : \(FramingWords.validation(f).french)."
        case .dropping(let column, let reason): "\nJ'écarte '\(column)' : \(reason.french)"
        case .note(let warning): "\nÀ noter : \(warning.french)"
        case .writingContext: "\nJ'écris le contexte dans le journal."
        case .problemWithGoal(let goal, let f): "\(goal) — prédire '\(f.target)' (\(FramingWords.task(f.task).french))."
        case .problem(let f, let path):
            "Prédire '\(f.target)' (\(FramingWords.task(f.task).french)) à partir des autres colonnes de \(path)."
        case .dropped(let f):
            f.drops.isEmpty
                ? "aucune colonne écartée"
                : "écartées : "
                    + f.drops.map { "\($0.column) (\(FramingWords.warning(message: $0.reason, $0.warning).french))" }
                    .joined(separator: " ; ")
        case .data(let path, let f, let dropped, let notes):
            "\(path) : \(f.rows) lignes, \(f.columnCount) colonnes ; \(f.testRows) lignes scellées comme jeu de test (graine fixe) ; \(dropped)\(notes)."
        case .metric(let f):
            "\(f.metric) en \(FramingWords.validation(f).french) ; succès : mieux que la baseline au-delà de la dispersion des folds, puis confirmé une fois sur le jeu de test scellé."
        case .hypothesis(let step, let f):
            switch step {
            case .baseline:
                "Un modèle qui ignore les variables (\(f.isRegression ? "prédit la moyenne" : "prédit la classe majoritaire")) fixe le score que tout vrai modèle doit battre."
            case .linear:
                "Une \(Self.modelName(.linear, regression: f.isRegression).french) sur des variables standardisées et encodées bat la baseline, car '\(f.target)' dépend à peu près additivement de quelques colonnes."
            case .gbdt:
                "Le gradient boosting capte des interactions et des effets non linéaires que le modèle linéaire manque, donc il bat le meilleur modèle jusqu'ici."
            case .text:
                "La ou les colonnes texte \(f.textColumns.joined(separator: ", ")) portent à elles seules du signal : un \(Self.modelName(.text, regression: f.isRegression).french) (TF-IDF) bat la baseline."
            default: ""
            }
        case .bestSoFar(let model, let score): "Meilleur jusqu'ici : \(model), \(score).\n"
        case .experiment(let model, let hypothesis): "Expérience : \(model). Hypothèse : \(hypothesis)"
        case .comparing(let model, let score, let reference, let referenceRun):
            "\(model) : \(score). Je le compare à \(reference) (\(referenceRun)) sur les mêmes folds, avec des intervalles de confiance bootstrap."
        case .baselineScore(let score): "Baseline : \(score).\n"
        case .trainingFailed(let error): "L'entraînement a échoué : \(error)\n"
        case .loggingExperiment: "Je consigne cette expérience."
        case .difference(let other, let delta, let interval, let significant):
            significant
                ? "Écart avec \(other) : \(delta) \(interval) (IC 95 %, bootstrap apparié) — significatif."
                : "Écart avec \(other) : \(delta) \(interval) (IC 95 %, bootstrap apparié) — non significatif : dans le bruit."
        case .leakageNote(let warning): " ; à noter : \(warning.french)"
        }
    }
}
