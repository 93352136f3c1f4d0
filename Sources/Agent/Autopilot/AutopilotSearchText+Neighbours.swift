// The words of the search's k-nearest-neighbours move (AutopilotSearch+Neighbours.swift), in English or
// French: its title, hypothesis and approach.

extension AutopilotSearchText {
    var neighboursTitle: String { t("k-nearest neighbours", "k plus proches voisins") }

    var neighboursHypothesis: String {
        t(
            "Every feature is a number: rows close in that space share their \(f.isRegression ? "value" : "class") more than trees splitting one column at a time can tell, so k-nearest neighbours scores well here, on the raw values when the columns share one unit or standardised when they do not.",
            "Toutes les variables sont des nombres : des lignes proches dans cet espace partagent leur \(f.isRegression ? "valeur" : "classe") plus que des arbres coupant une colonne à la fois ne le voient, donc les k plus proches voisins font bien ici, sur les valeurs brutes quand les colonnes ont une même unité ou standardisées sinon."
        )
    }

    var neighboursApproach: String {
        let counts = AutopilotSearch.neighbourCounts.map(String.init).joined(separator: ", ")
        return t(
            "tune_model on knn: every configuration of n_neighbors (\(counts)), weights (uniform, distance) and scaling (standard, none) on all the rows of the same folds (random search over the whole grid); the best retrained as a run.",
            "tune_model sur knn : toutes les configurations de n_neighbors (\(counts)), weights (uniform, distance) et scaling (standard, none) sur toutes les lignes des mêmes folds (recherche aléatoire sur toute la grille) ; la meilleure réentraînée en run."
        )
    }
}
