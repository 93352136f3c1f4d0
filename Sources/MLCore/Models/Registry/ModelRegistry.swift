// Builds an estimator from a family name and `[String: String]` overrides, the way the CLI
// (`--model gbdt --set maxIter=200`) and the agent's train_model tool name models. Unknown names and
// keys get a suggestion and the list of valid ones; values outside their range name the range.
// Leaves out: fitting (AnyEstimator.fit) and validation schemes (the experiment runner).

import Foundation

/// The model families by name.
public enum ModelRegistry {
    /// Every family name, as the CLI and the train_model tool accept them.
    public static let names = [
        "baseline", "linear", "ridge", "lasso", "elasticnet", "logistic", "knn", "naive_bayes", "tree",
        "random_forest", "gbdt", "kmeans",
    ]

    /// One line per family: what it is and which tasks it takes.
    public static let summaries: [String: String] = [
        "baseline": "most frequent class / class prior, or the mean (every session's first model)",
        "linear": "ordinary least squares (regression)",
        "ridge": "L2-regularised least squares (regression)",
        "lasso": "L1-regularised least squares (regression)",
        "elasticnet": "L1 + L2 regularised least squares (regression)",
        "logistic": "logistic regression, binary or multinomial (classification)",
        "knn": "k-nearest neighbours (classification, regression)",
        "naive_bayes": "Gaussian or multinomial naive Bayes (classification)",
        "tree": "CART decision tree (classification, regression; handles missing values)",
        "random_forest": "random forest of CART trees (classification, regression; handles missing values)",
        "gbdt": "histogram gradient boosting, LightGBM-style (classification, regression; handles missing values)",
        "kmeans": "k-means clustering",
    ]

    /// The estimator for family `name` with `overrides` applied over scikit-learn's defaults.
    /// Keys may be camelCase (`maxIter`) or snake_case (`max_iter`).
    public static func make(_ name: String, parameters overrides: [String: String] = [:]) throws(MLError)
        -> AnyEstimator
    {
        switch name {
        case "baseline":
            return .baseline(DummyModel(try apply(overrides, FamilyParameters.dummy, DummyParameters(), name)))
        case "linear", "ridge", "lasso", "elasticnet":
            let kind = LinearKind(rawValue: name) ?? .ols
            return .linear(
                LinearRegression(
                    try apply(overrides, FamilyParameters.linear(kind), LinearParameters(kind: kind), name)))
        case "logistic":
            return .logistic(
                LogisticRegression(try apply(overrides, FamilyParameters.logistic, LogisticParameters(), name)))
        case "knn":
            return .knn(KNearestNeighbors(try apply(overrides, FamilyParameters.knn, KNeighborsParameters(), name)))
        case "naive_bayes":
            return .naiveBayes(
                NaiveBayes(try apply(overrides, FamilyParameters.naiveBayes, NaiveBayesParameters(), name)))
        case "tree":
            return .tree(DecisionTree(try apply(overrides, FamilyParameters.tree, DecisionTreeParameters(), name)))
        case "random_forest":
            return .randomForest(
                RandomForest(try apply(overrides, FamilyParameters.forest, RandomForestParameters(), name)))
        case "gbdt":
            return .gbdt(
                HistGradientBoosting(try apply(overrides, FamilyParameters.gbdt, GradientBoostingParameters(), name)))
        case "kmeans": return .kmeans(KMeans(try apply(overrides, FamilyParameters.kmeans, KMeansParameters(), name)))
        default:
            let hint = closestName(to: name, among: names).map { " Did you mean '\($0)'?" } ?? ""
            throw MLError(
                .invalidParameter, "Unknown model '\(name)'.\(hint) Models: \(names.joined(separator: ", ")).")
        }
    }

    /// The settable parameters of family `name`: name → valid values.
    public static func parameters(of name: String) -> [(name: String, valid: String)] {
        switch name {
        case "baseline": FamilyParameters.dummy.map { ($0.name, $0.valid) }
        case "linear", "ridge", "lasso", "elasticnet":
            FamilyParameters.linear(LinearKind(rawValue: name) ?? .ols).map { ($0.name, $0.valid) }
        case "logistic": FamilyParameters.logistic.map { ($0.name, $0.valid) }
        case "knn": FamilyParameters.knn.map { ($0.name, $0.valid) }
        case "naive_bayes": FamilyParameters.naiveBayes.map { ($0.name, $0.valid) }
        case "tree": FamilyParameters.tree.map { ($0.name, $0.valid) }
        case "random_forest": FamilyParameters.forest.map { ($0.name, $0.valid) }
        case "gbdt": FamilyParameters.gbdt.map { ($0.name, $0.valid) }
        case "kmeans": FamilyParameters.kmeans.map { ($0.name, $0.valid) }
        default: []
        }
    }

    private static func apply<P>(
        _ overrides: [String: String], _ specs: [ParameterSpec<P>], _ start: P, _ model: String
    ) throws(MLError) -> P {
        var p = start
        for key in overrides.keys.sorted() {
            let value = overrides[key]?.trimmingCharacters(in: .whitespaces) ?? ""
            let name = camelCaseKey(key)
            guard
                let spec = specs.first(where: { $0.name == name })
                    ?? specs.first(where: { $0.name.lowercased() == name.lowercased() })
            else {
                let known = specs.map(\.name)
                let hint = closestName(to: name, among: known).map { " Did you mean '\($0)'?" } ?? ""
                throw MLError(
                    .invalidParameter,
                    "\(model) has no parameter '\(key)'.\(hint) Its parameters: \(known.joined(separator: ", ")).")
            }
            try spec.apply(&p, value, model)
        }
        return p
    }
}
