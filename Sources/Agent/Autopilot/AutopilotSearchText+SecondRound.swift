// The words of the search's second round (AutopilotSearch+SecondRound.swift), in English or French: the
// title, hypothesis and approach of the wider tuning of gradient boosting, the tuning of the random
// forest, and the ensembles made again with the tuned runs.

extension AutopilotSearchText {
    func secondRoundTitle(_ move: SearchMove) -> String {
        switch move {
        case .tuneGbdtWide:
            t("Gradient boosting, second tuning round (wider)", "Gradient boosting, second réglage (plus large)")
        case .tuneForest: t("Tuned random forest", "Forêt aléatoire réglée")
        case .reensemble:
            t(
                "Ensemble of the best distinct runs, with the tuned runs",
                "Ensemble des meilleurs runs distincts, avec les runs réglés")
        case .restack:
            t(
                "Stacking of the best distinct runs, with the tuned runs",
                "Empilement des meilleurs runs distincts, avec les runs réglés")
        default: title(move)
        }
    }

    func secondRoundHypothesis(_ move: SearchMove) -> String {
        switch move {
        case .tuneGbdtWide:
            t(
                "Gradient boosting is the best family or within noise of it, and the budget is far from spent: a second, wider search (three times the configurations, wider ranges of every setting, successive halving) finds settings the first round could not reach.",
                "Le gradient boosting est la meilleure famille ou à portée de bruit, et le budget est loin d'être dépensé : une seconde recherche plus large (trois fois plus de configurations, des plages plus larges, successive halving) trouve des réglages hors de portée du premier tour."
            )
        case .tuneForest:
            t(
                "The random forest is within noise of the best run: tuning its feature share per split, leaf size and depth makes it the best, or a stronger member of the ensemble.",
                "La forêt aléatoire est à portée de bruit du meilleur run : régler sa part de variables par coupure, la taille de ses feuilles et sa profondeur en fait la meilleure, ou un membre plus fort de l'ensemble."
            )
        case .reensemble:
            t(
                "The second round changed the best run of a family: averaging the best distinct runs again, with it, scores better than the first ensemble.",
                "Le second tour a changé le meilleur run d'une famille : refaire la moyenne des meilleurs runs distincts, avec lui, fait mieux que le premier ensemble."
            )
        case .restack:
            t(
                "The second round changed the best run of a family: a meta-model on the out-of-fold predictions of the best distinct runs, with it, weighs them better than the first stacking.",
                "Le second tour a changé le meilleur run d'une famille : un méta-modèle sur les prédictions hors pli des meilleurs runs distincts, avec lui, les pondère mieux que le premier empilement."
            )
        default: hypothesis(move)
        }
    }

    func secondRoundApproach(_ move: SearchMove) -> String {
        switch move {
        case .tuneGbdtWide:
            t(
                "tune_model on gbdt: successive halving over 54 configurations, learning_rate 0.01–0.5 (log scale), max_leaf_nodes 7–127, min_samples_leaf 2–80, l2_regularization 0–100, max_iter 100–800, max_features 0.3–1, on the same folds; the best configuration retrained as a run.",
                "tune_model sur gbdt : successive halving sur 54 configurations, learning_rate 0,01–0,5 (échelle log), max_leaf_nodes 7–127, min_samples_leaf 2–80, l2_regularization 0–100, max_iter 100–800, max_features 0,3–1, sur les mêmes folds ; la meilleure configuration réentraînée en run."
            )
        case .tuneForest:
            t(
                "tune_model on random_forest: successive halving over 18 configurations of max_features (sqrt to all), min_samples_leaf 1–8 and max_depth (10, 20, none), on the same folds; the best configuration retrained as a run.",
                "tune_model sur random_forest : successive halving sur 18 configurations de max_features (sqrt à toutes), min_samples_leaf 1–8 et max_depth (10, 20, aucune), sur les mêmes folds ; la meilleure configuration réentraînée en run."
            )
        default: approach(move)
        }
    }
}
