// The CART decision tree (scikit-learn's DecisionTreeClassifier / Regressor): exact splits, Gini or
// entropy for classes and squared error for numbers, depth and leaf-size limits, a seeded feature
// order, and missing values (NaN) sent to the better side at each split. Leaves hold class fractions
// or means, in the shared TreeStructure (cover = weighted rows, gain = weighted impurity decrease).
// Leaves out: cost-complexity pruning, maxLeafNodes.

import Foundation

/// Hyper-parameters of `DecisionTree`, scikit-learn's names and defaults.
public struct DecisionTreeParameters: Sendable, Codable, Equatable {
    /// nil: gini for classes, squared_error for numbers.
    public var criterion: CARTCriterion? = nil
    public var maxDepth: Int? = nil
    public var minSamplesSplit = 2
    public var minSamplesLeaf = 1
    public var minImpurityDecrease = 0.0
    /// "sqrt", "log2", a fraction in (0, 1], or a count ≥ 1 written as an integer; nil: all features.
    public var maxFeatures: String? = nil
    public var seed: UInt64 = 0

    public init() {}

    /// Checks every value against the ranges of `DecisionTreeParameters.specs`, the one place they are stated.
    func validate(model: String) throws(MLError) {
        try Self.specs.check(self, model: model)
    }

    /// The number of features evaluated per node.
    static func featureCount(_ spec: String?, features f: Int, model: String) throws(MLError) -> Int {
        guard let spec else { return f }
        switch spec {
        case "sqrt": return max(1, Int(Double(f).squareRoot()))
        case "log2": return max(1, Int(log2(Double(f))))
        case "all", "none": return f
        default:
            if let i = Int(spec), i >= 1 { return min(i, f) }
            if let x = Double(spec), x > 0, x <= 1 { return max(1, Int(x * Double(f))) }
            throw MLError(
                .invalidParameter,
                "\(model): maxFeatures=\(spec) is not valid; use sqrt, log2, a fraction in (0, 1] or a count ≥ 1.")
        }
    }
}

/// The decision tree estimator (`tree` in the registry).
public struct DecisionTree: Estimator {
    public var parameters: DecisionTreeParameters

    public init(_ parameters: DecisionTreeParameters = .init()) { self.parameters = parameters }

    public func fit(_ data: TrainingSet) throws(MLError) -> FittedDecisionTree {
        let p = parameters
        try p.validate(model: "tree")
        let prepared = try CARTData(data, criterion: p.criterion, model: "tree")
        let settings = CARTSettings(
            criterion: prepared.criterion, maxDepth: p.maxDepth, minSamplesSplit: p.minSamplesSplit,
            minSamplesLeaf: p.minSamplesLeaf, minImpurityDecrease: p.minImpurityDecrease,
            maxFeatures: try DecisionTreeParameters.featureCount(
                p.maxFeatures, features: data.x.featureCount, model: "tree"))
        let builder = CARTBuilder(
            x: data.x, labels: prepared.labels, targets: prepared.targets, classes: prepared.classNames?.count ?? 0,
            settings: settings)
        let tree = builder.build(weights: prepared.weights, seed: p.seed)
        return FittedDecisionTree(features: data.x.features, parameters: p, classNames: prepared.classNames, tree: tree)
    }
}

/// Target, weights and criterion checked for CART (shared with the random forest).
struct CARTData: Sendable {
    var labels: [Int]?
    var targets: [Double]?
    var classNames: [String]?
    var weights: [Double]
    var criterion: CARTCriterion

    init(_ data: TrainingSet, criterion: CARTCriterion?, model: String) throws(MLError) {
        try InputChecks.requireRows(data.x, model: model)
        try InputChecks.requireNoInfinity(data.x, model: model)
        weights = try InputChecks.weights(data)
        switch data.y.task {
        case .binary, .multiclass:
            let c = try InputChecks.classes(data, model: model)
            labels = c.labels
            classNames = c.names
            self.criterion = criterion ?? .gini
            guard self.criterion.isClassification else {
                throw MLError(
                    .invalidParameter,
                    "\(model): criterion=squared_error is for numbers; a class target takes gini or entropy.")
            }
        case .regression:
            targets = try InputChecks.values(data, model: model)
            self.criterion = criterion ?? .squaredError
            guard !self.criterion.isClassification else {
                throw MLError(
                    .invalidParameter,
                    "\(model): criterion=\(self.criterion.rawValue) is for classes; a numeric target takes squared_error."
                )
            }
        case .clustering:
            throw MLError(.invalidTarget, "\(model) needs a target column; for clustering use kmeans.")
        }
    }
}

/// A fitted decision tree.
public struct FittedDecisionTree: TreeEnsemble {
    public let features: [FeatureInfo]
    public let parameters: DecisionTreeParameters
    public let classNames: [String]?
    public let tree: TreeStructure

    public var trees: [TreeStructure] { [tree] }
    public var treeCombination: TreeCombination {
        TreeCombination(base: [Double](repeating: 0, count: tree.valueWidth), scale: 1)
    }

    public func predict(_ x: FeatureMatrix) throws(MLError) -> Prediction {
        try checkFeatures(of: x)
        try InputChecks.requireNoInfinity(x, model: "tree")
        let raw = TreeEvaluation.rawScores(
            trees: [tree], combination: treeCombination, outputs: tree.valueWidth, x: x, threads: 1)
        return CARTOutput.prediction(raw: raw, rows: x.rows, classNames: classNames)
    }
}

/// Class fractions `[classes × rows]` (or values) into a prediction.
enum CARTOutput {
    static func prediction(raw: [Double], rows n: Int, classNames: [String]?) -> Prediction {
        guard let classNames else { return .values(raw) }
        let k = classNames.count
        var probs = [Double](repeating: 0, count: n * k), labels = [Int](repeating: 0, count: n)
        for r in 0..<n {
            var best = 0
            for c in 0..<k {
                probs[r * k + c] = raw[c * n + r]
                if probs[r * k + c] > probs[r * k + best] { best = c }
            }
            labels[r] = best
        }
        return .classes(labels: labels, probabilities: probs, classCount: k)
    }
}
