// SearchMoveMessage in French.

import MLCore

extension SearchMoveMessage {
    var french: String {
        switch self {
        case .title(let move, let regression): Self.frenchTitle(move, regression: regression)
        case .hypothesis(let move, let facts): Self.frenchHypothesis(move, facts)
        case .approach(let move, let facts): Self.frenchApproach(move, facts)
        }
    }

    private static func frenchTitle(_ move: SearchMove, regression: Bool) -> String {
        switch move {
        case .logTarget: "Gradient boosting sur la cible en log"
        case .targetEncoding: "Encodage par la cible des colonnes à nombreuses modalités"
        case .tuneGbdt: "Gradient boosting réglé"
        case .randomForest: "Forêt aléatoire"
        case .neighbours: "k plus proches voisins"
        case .classWeights: "Gradient boosting aux classes pondérées"
        case .regularisation:
            regression ? "Ridge : force de régularisation" : "Régression logistique : force de régularisation"
        case .textTerms: "Modèle texte au vocabulaire plus large"
        case .ensemble: "Ensemble des meilleurs runs distincts"
        case .stack: "Empilement (stacking) des meilleurs runs distincts"
        case .tuneGbdtWide: "Gradient boosting, second réglage (plus large)"
        case .tuneForest: "Forêt aléatoire réglée"
        case .reensemble: "Ensemble des meilleurs runs distincts, avec les runs réglés"
        case .restack: "Empilement des meilleurs runs distincts, avec les runs réglés"
        }
    }

    private static func frenchHypothesis(_ move: SearchMove, _ x: SearchMoveFacts) -> String {
        let f = x.framing
        return switch move {
        case .logTarget:
            "'\(f.target)' est positive et asymétrique : ajuster log(1 + \(f.target)) rend les erreurs relatives, donc le gradient boosting fait mieux sur l'échelle d'origine."
        case .targetEncoding:
            "\(x.encodingColumns) \(x.many ? "ont" : "a") plus de \(PreprocessingOptions.highCardinalityLevels) modalités : encoder chaque modalité par la moyenne lissée de la cible, apprise dans chaque pli d'entraînement, permet à \(x.encodedModel) de mieux \(x.many ? "les " : "l'")utiliser que \(x.encodedModel == "gbdt" ? "ses codes de catégories natifs" : "des colonnes one-hot des modalités les plus fréquentes")."
        case .tuneGbdt:
            "Les réglages par défaut du gradient boosting ne sont pas les meilleurs ici : une recherche sur le taux d'apprentissage, les feuilles, leur taille, la pénalité L2, les itérations et la part de variables (successive halving), avec un réglage lent et fortement régularisé parmi les candidats, en trouve de meilleurs."
        case .randomForest:
            "Une forêt aléatoire (arbres profonds moyennés sur des échantillons bootstrap) a moins de variance que le boosting sur ces lignes et fait mieux."
        case .neighbours:
            "Toutes les variables sont des nombres : des lignes proches dans cet espace partagent leur \(f.isRegression ? "valeur" : "classe") plus que des arbres coupant une colonne à la fois ne le voient, donc les k plus proches voisins font bien ici, sur les valeurs brutes quand les colonnes ont une même unité ou standardisées sinon."
        case .classWeights:
            "Les classes sont déséquilibrées : pondérer davantage la classe rare (poids équilibrés) aide le gradient boosting à la séparer."
        case .regularisation:
            "La pénalité par défaut du modèle \(f.linearModel) n'est pas la bonne : une régularisation plus forte ou plus faible fait mieux."
        case .textTerms:
            "Le texte dit plus que ses 1 000 termes les plus fréquents : un modèle linéaire sur \(x.textTerms) unigrammes et bigrammes\(f.isRegression ? "" : ", aux poids de classes équilibrés,") fait mieux sur le texte seul, et est un membre fort d'un ensemble avec le gradient boosting."
        case .ensemble:
            "Les meilleurs runs de familles différentes se trompent différemment : la moyenne de leurs prédictions fait mieux que chacun seul."
        case .stack:
            "Les meilleurs runs ne sont pas également fiables : un méta-modèle ajusté sur leurs prédictions hors pli les pondère mieux qu'une simple moyenne."
        case .tuneGbdtWide:
            "Le gradient boosting est la meilleure famille ou à portée de bruit, et le budget est loin d'être dépensé : une seconde recherche plus large (trois fois plus de configurations, des plages plus larges, successive halving) trouve des réglages hors de portée du premier tour."
        case .tuneForest:
            "La forêt aléatoire est à portée de bruit du meilleur run : régler sa part de variables par coupure, la taille de ses feuilles et sa profondeur en fait la meilleure, ou un membre plus fort de l'ensemble."
        case .reensemble:
            "Le second tour a changé le meilleur run d'une famille : refaire la moyenne des meilleurs runs distincts, avec lui, fait mieux que le premier ensemble."
        case .restack:
            "Le second tour a changé le meilleur run d'une famille : un méta-modèle sur les prédictions hors pli des meilleurs runs distincts, avec lui, les pondère mieux que le premier empilement."
        }
    }

    private static func frenchApproach(_ move: SearchMove, _ x: SearchMoveFacts) -> String {
        let f = x.framing, validation = FramingWords.validation(f).french
        return switch move {
        case .logTarget:
            "gbdt avec target_transform log (ajusté sur log(1 + y), prédictions ramenées par exp − 1, scorées à l'échelle d'origine) ; graine 42, \(validation)."
        case .targetEncoding:
            "\(x.encodedModel) avec categorical_encoding target sur \(x.encodingColumns) : la moyenne de la cible par modalité, rapprochée de la moyenne globale selon sa propre dispersion (smooth=\"auto\" de scikit-learn), croisée sur les lignes d'ajustement et apprise sur les plis d'entraînement seulement ; graine 42, \(validation)."
        case .tuneGbdt:
            "tune_model sur gbdt : successive halving sur \(x.tuningCandidates) configurations de learning_rate, max_leaf_nodes, min_samples_leaf, l2_regularization, max_iter et max_features, le premier tour de chaque configuration sur au moins \(TuneSearch.minRows) lignes d'entraînement d'un pli (ou toutes ; 8 configurations quand cela fait un seul tour), après une configuration fortement régularisée évaluée en premier (\(AutopilotSearch.slowGbdtText)), sur les mêmes folds ; la meilleure configuration réentraînée en run."
        case .randomForest: "random_forest aux hyper-paramètres par défaut ; graine 42, \(validation)."
        case .classWeights: "gbdt avec class_weight balanced ; graine 42, \(validation)."
        case .neighbours:
            "tune_model sur knn : toutes les configurations de n_neighbors (\(AutopilotSearch.neighbourCounts.map(String.init).joined(separator: ", "))), weights (uniform, distance) et scaling (standard, none) sur toutes les lignes des mêmes folds (recherche aléatoire sur toute la grille) ; la meilleure réentraînée en run."
        case .regularisation:
            "tune_model sur \(f.linearModel) pour \(f.isRegression ? "alpha" : "C") d'un centième à cent, sur les mêmes folds ; la meilleure valeur réentraînée en run."
        case .textTerms:
            "\(f.linearModel) avec les colonnes de texte seules (\(f.textColumns.joined(separator: ", "))), text_max_terms \(x.textTerms)\(f.isRegression ? "" : " et class_weight balanced") ; graine 42, \(validation)."
        case .ensemble, .reensemble:
            "train_model ensemble : la moyenne des prédictions (probabilités pour les classes) de \(x.members.joined(separator: ", ")), scorée sur leurs prédictions hors pli ; rien n'est réentraîné."
        case .stack, .restack:
            "train_model ensemble avec ensemble_method stack : \(f.isRegression ? "ridge" : "régression logistique") sur les prédictions hors pli de \(x.members.joined(separator: ", ")), validée sur les mêmes plis (le méta-modèle de chaque pli ajusté sur les autres plis seulement) ; aucun membre réentraîné."
        case .tuneGbdtWide:
            "tune_model sur gbdt : successive halving sur 54 configurations, learning_rate 0,01–0,5 (échelle log), max_leaf_nodes 7–127, min_samples_leaf 2–80, l2_regularization 0–100, max_iter 100–800, max_features 0,3–1, sur les mêmes folds ; la meilleure configuration réentraînée en run."
        case .tuneForest:
            "tune_model sur random_forest : successive halving sur 18 configurations de max_features (sqrt à toutes), min_samples_leaf 1–8 et max_depth (10, 20, aucune), sur les mêmes folds ; la meilleure configuration réentraînée en run."
        }
    }
}
