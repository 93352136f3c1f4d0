// Every model family, one row each: its name, summary, preprocessing, parameter specs (in the
// family's own `+Parameters` file), estimator and scikit-learn equivalent. Adding a family is a row
// here plus the family's own files; the tools' enums (tools/train_model.json, tools/tune_model.json)
// are held equal to this list by ToolSchemaFamilyTests, which names the line to edit.

extension ModelFamily {
    /// The families in the order the CLI and the tools list them.
    public static let all: [ModelFamily] = [
        ModelFamily(
            name: "baseline", summary: "most frequent class / class prior, or the mean (every session's first model)",
            preset: .tree, ignoresFeatures: true, specs: DummyParameters.specs, defaults: DummyParameters(),
            estimator: DummyModel.init,
            scikitLearn: ScikitLearnEquivalent(
                classifier: .init(
                    "DummyClassifier", module: "sklearn.dummy", seeded: true, scaled: false, parameters: ["strategy"]),
                regressor: .init(
                    "DummyRegressor", module: "sklearn.dummy", seeded: false, scaled: false,
                    parameters: ["strategy", "quantile"]))),
        linear(
            .ols, "ordinary least squares (regression)",
            ScikitLearnEquivalent(
                regressor: .init(
                    "LinearRegression", module: "sklearn.linear_model", seeded: false, scaled: true,
                    parameters: ["fit_intercept"]))),
        linear(
            .ridge, "L2-regularised least squares (regression)",
            ScikitLearnEquivalent(
                classifier: .init(
                    "RidgeClassifier", module: "sklearn.linear_model", seeded: true, scaled: true,
                    parameters: ["alpha", "fit_intercept", "class_weight"]),
                regressor: .init(
                    "Ridge", module: "sklearn.linear_model", seeded: true, scaled: true,
                    parameters: ["alpha", "fit_intercept", "max_iter", "tol", "solver"]))),
        linear(
            .lasso, "L1-regularised least squares (regression)",
            ScikitLearnEquivalent(
                regressor: .init(
                    "Lasso", module: "sklearn.linear_model", seeded: true, scaled: true,
                    parameters: ["alpha", "fit_intercept", "max_iter", "tol"]))),
        linear(
            .elasticNet, "L1 + L2 regularised least squares (regression)",
            ScikitLearnEquivalent(
                regressor: .init(
                    "ElasticNet", module: "sklearn.linear_model", seeded: true, scaled: true,
                    parameters: ["alpha", "l1_ratio", "fit_intercept", "max_iter", "tol"]))),
        ModelFamily(
            name: "logistic", summary: "logistic regression, binary or multinomial (classification)", preset: .linear,
            specs: LogisticParameters.specs, defaults: LogisticParameters(), estimator: LogisticRegression.init,
            scikitLearn: ScikitLearnEquivalent(
                classifier: .init(
                    "LogisticRegression", module: "sklearn.linear_model", seeded: true, scaled: true,
                    parameters: [
                        "C", "penalty", "max_iter", "tol", "l1_ratio", "fit_intercept", "class_weight", "solver",
                    ]))),
        ModelFamily(
            name: "knn", summary: "k-nearest neighbours (classification, regression)", preset: .distance,
            specs: KNeighborsParameters.specs, defaults: KNeighborsParameters(), estimator: KNearestNeighbors.init,
            scikitLearn: ScikitLearnEquivalent(
                classifier: .init(
                    "KNeighborsClassifier", module: "sklearn.neighbors", seeded: false, scaled: true,
                    parameters: ["n_neighbors", "weights", "p", "metric"]),
                regressor: .init(
                    "KNeighborsRegressor", module: "sklearn.neighbors", seeded: false, scaled: true,
                    parameters: ["n_neighbors", "weights", "p", "metric"]))),
        ModelFamily(
            name: "naive_bayes", summary: "Gaussian or multinomial naive Bayes (classification)", preset: .linear,
            specs: NaiveBayesParameters.specs, defaults: NaiveBayesParameters(), estimator: NaiveBayes.init,
            scikitLearn: ScikitLearnEquivalent(
                classifier: .init(
                    "GaussianNB", module: "sklearn.naive_bayes", seeded: false, scaled: false,
                    parameters: ["var_smoothing"]))),
        ModelFamily(
            name: "tree", summary: "CART decision tree (classification, regression; handles missing values)",
            preset: .tree, acceptsMissingValues: true, specs: DecisionTreeParameters.specs,
            defaults: DecisionTreeParameters(), estimator: DecisionTree.init,
            scikitLearn: ScikitLearnEquivalent(
                classifier: .init(
                    "DecisionTreeClassifier", module: "sklearn.tree", seeded: true, scaled: false,
                    parameters: [
                        "max_depth", "min_samples_leaf", "min_samples_split", "max_features", "max_leaf_nodes",
                        "criterion", "class_weight", "ccp_alpha",
                    ]),
                regressor: .init(
                    "DecisionTreeRegressor", module: "sklearn.tree", seeded: true, scaled: false,
                    parameters: [
                        "max_depth", "min_samples_leaf", "min_samples_split", "max_features", "max_leaf_nodes",
                        "criterion", "ccp_alpha",
                    ]))),
        ModelFamily(
            name: "random_forest",
            summary: "random forest of CART trees (classification, regression; handles missing values)",
            preset: .tree, acceptsMissingValues: true, specs: RandomForestParameters.specs,
            defaults: RandomForestParameters(), estimator: RandomForest.init,
            scikitLearn: ScikitLearnEquivalent(
                classifier: .init(
                    "RandomForestClassifier", module: "sklearn.ensemble", seeded: true, scaled: false,
                    parameters: [
                        "n_estimators", "max_depth", "min_samples_leaf", "min_samples_split", "max_features",
                        "max_leaf_nodes", "bootstrap", "max_samples", "criterion", "class_weight",
                    ]),
                regressor: .init(
                    "RandomForestRegressor", module: "sklearn.ensemble", seeded: true, scaled: false,
                    parameters: [
                        "n_estimators", "max_depth", "min_samples_leaf", "min_samples_split", "max_features",
                        "max_leaf_nodes", "bootstrap", "max_samples", "criterion",
                    ]))),
        ModelFamily(
            name: "gbdt",
            summary: "histogram gradient boosting, LightGBM-style (classification, regression; handles missing values)",
            preset: .tree, acceptsMissingValues: true, specs: GradientBoostingParameters.specs,
            defaults: GradientBoostingParameters(), estimator: HistGradientBoosting.init,
            scikitLearn: ScikitLearnEquivalent(
                classifier: .init(
                    "HistGradientBoostingClassifier", module: "sklearn.ensemble", seeded: true, scaled: false,
                    parameters: [
                        "learning_rate", "max_iter", "max_leaf_nodes", "max_depth", "min_samples_leaf",
                        "l2_regularization", "max_features", "max_bins", "early_stopping", "validation_fraction",
                        "n_iter_no_change", "tol", "class_weight",
                    ]),
                regressor: .init(
                    "HistGradientBoostingRegressor", module: "sklearn.ensemble", seeded: true, scaled: false,
                    parameters: [
                        "learning_rate", "max_iter", "max_leaf_nodes", "max_depth", "min_samples_leaf",
                        "l2_regularization", "max_features", "max_bins", "early_stopping", "validation_fraction",
                        "n_iter_no_change", "tol", "loss",
                    ]))),
        kmeans,
    ]

    /// The clustering family, what a clustering experiment fits unless told otherwise.
    public static let kmeans = ModelFamily(
        name: "kmeans", summary: "k-means clustering", preset: .distance, specs: KMeansParameters.specs,
        defaults: KMeansParameters(), estimator: KMeans.init,
        scikitLearn: ScikitLearnEquivalent(
            clusterer: .init(
                "KMeans", module: "sklearn.cluster", seeded: true, scaled: true,
                parameters: ["n_clusters", "init", "n_init", "max_iter", "tol"])))

    /// One of the least-squares families, which share an estimator and differ by their penalty.
    private static func linear(_ kind: LinearKind, _ summary: String, _ scikitLearn: ScikitLearnEquivalent)
        -> ModelFamily
    {
        ModelFamily(
            name: kind.rawValue, summary: summary, preset: .linear, specs: LinearParameters.specs(kind),
            defaults: LinearParameters(kind: kind), estimator: LinearRegression.init, scikitLearn: scikitLearn)
    }
}
