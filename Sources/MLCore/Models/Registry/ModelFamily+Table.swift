// Every model family, one row each. Adding a family is a row here plus the family's own files
// (its estimator, fitted model and parameter specs in FamilyParameters).

extension ModelFamily {
    /// The families in the order the CLI and the tools list them.
    public static let all: [ModelFamily] = [
        ModelFamily(
            name: "baseline", summary: "most frequent class / class prior, or the mean (every session's first model)",
            preset: .tree, ignoresFeatures: true, specs: FamilyParameters.dummy, defaults: DummyParameters(),
            estimator: DummyModel.init),
        linear(.ols, "ordinary least squares (regression)"),
        linear(.ridge, "L2-regularised least squares (regression)"),
        linear(.lasso, "L1-regularised least squares (regression)"),
        linear(.elasticNet, "L1 + L2 regularised least squares (regression)"),
        ModelFamily(
            name: "logistic", summary: "logistic regression, binary or multinomial (classification)", preset: .linear,
            specs: FamilyParameters.logistic, defaults: LogisticParameters(), estimator: LogisticRegression.init),
        ModelFamily(
            name: "knn", summary: "k-nearest neighbours (classification, regression)", preset: .distance,
            specs: FamilyParameters.knn, defaults: KNeighborsParameters(), estimator: KNearestNeighbors.init),
        ModelFamily(
            name: "naive_bayes", summary: "Gaussian or multinomial naive Bayes (classification)", preset: .linear,
            specs: FamilyParameters.naiveBayes, defaults: NaiveBayesParameters(), estimator: NaiveBayes.init),
        ModelFamily(
            name: "tree", summary: "CART decision tree (classification, regression; handles missing values)",
            preset: .tree, acceptsMissingValues: true, specs: FamilyParameters.tree,
            defaults: DecisionTreeParameters(), estimator: DecisionTree.init),
        ModelFamily(
            name: "random_forest",
            summary: "random forest of CART trees (classification, regression; handles missing values)",
            preset: .tree, acceptsMissingValues: true, specs: FamilyParameters.forest,
            defaults: RandomForestParameters(), estimator: RandomForest.init),
        ModelFamily(
            name: "gbdt",
            summary: "histogram gradient boosting, LightGBM-style (classification, regression; handles missing values)",
            preset: .tree, acceptsMissingValues: true, specs: FamilyParameters.gbdt,
            defaults: GradientBoostingParameters(), estimator: HistGradientBoosting.init),
        kmeans,
    ]

    /// The clustering family, what a clustering experiment fits unless told otherwise.
    public static let kmeans = ModelFamily(
        name: "kmeans", summary: "k-means clustering", preset: .distance, specs: FamilyParameters.kmeans,
        defaults: KMeansParameters(), estimator: KMeans.init)

    /// One of the least-squares families, which share an estimator and differ by their penalty.
    private static func linear(_ kind: LinearKind, _ summary: String) -> ModelFamily {
        ModelFamily(
            name: kind.rawValue, summary: summary, preset: .linear, specs: FamilyParameters.linear(kind),
            defaults: LinearParameters(kind: kind), estimator: LinearRegression.init)
    }
}
