// A model family with its hyper-parameters, type-erased so the CLI, the agent and validation can hold
// "some model" and fit it: one case per family, each fitting into an `AnyFittedModel`.
// Leaves out: building from names (ModelRegistry does that).

import Foundation

/// An unfitted model of any family.
public enum AnyEstimator: Sendable {
    case baseline(DummyModel)
    case linear(LinearRegression)
    case logistic(LogisticRegression)
    case knn(KNearestNeighbors)
    case naiveBayes(NaiveBayes)
    case tree(DecisionTree)
    case randomForest(RandomForest)
    case gbdt(HistGradientBoosting)
    case kmeans(KMeans)

    /// The registry name (`ridge`, `gbdt`, …).
    public var name: String {
        switch self {
        case .baseline: "baseline"
        case .linear(let m): m.parameters.kind.rawValue
        case .logistic: "logistic"
        case .knn: "knn"
        case .naiveBayes: "naive_bayes"
        case .tree: "tree"
        case .randomForest: "random_forest"
        case .gbdt: "gbdt"
        case .kmeans: "kmeans"
        }
    }

    /// Fits on `data`. - Throws: `MLError` saying what to change.
    public func fit(_ data: TrainingSet) throws(MLError) -> AnyFittedModel {
        switch self {
        case .baseline(let m): .baseline(try m.fit(data))
        case .linear(let m): .linear(try m.fit(data))
        case .logistic(let m): .logistic(try m.fit(data))
        case .knn(let m): .knn(try m.fit(data))
        case .naiveBayes(let m): .naiveBayes(try m.fit(data))
        case .tree(let m): .tree(try m.fit(data))
        case .randomForest(let m): .randomForest(try m.fit(data))
        case .gbdt(let m): .gbdt(try m.fit(data))
        case .kmeans(let m): .kmeans(try m.fit(data))
        }
    }

    /// Whether the family fits on `FeatureColumns` without a dense copy (gradient boosting bins them).
    public var fitsOnColumns: Bool {
        if case .gbdt = self { return true }
        return false
    }

    /// Whether the family never reads its inputs (the baseline predicts from the target alone), so
    /// cross-validation folds need no preprocessing.
    public var ignoresFeatures: Bool {
        if case .baseline = self { return true }
        return false
    }

    /// Fits on `x` and `y`: columns go to the families that take them, every other family gets the matrix.
    public func fit(_ x: FeatureInput, y: TargetValues) throws(MLError) -> AnyFittedModel {
        switch (self, x) {
        case (.gbdt(let m), .columns(let c)): return .gbdt(try m.fit(columns: c, y: y))
        case (_, .columns(let c)): return try fit(TrainingSet(x: c.matrix(), y: y))
        case (_, .matrix(let m)): return try fit(TrainingSet(x: m, y: y))
        }
    }

    /// The effective hyper-parameters (defaults included) as strings, keyed by their camelCase names.
    public var parameters: [String: String] {
        func flat<P: Encodable>(_ p: P) -> [String: String] {
            guard let data = try? JSONEncoder().encode(p),
                let object = try? JSONDecoder().decode([String: JSONScalar].self, from: data)
            else { return [:] }
            return object.mapValues(\.text)
        }
        switch self {
        case .baseline(let m): return flat(m.parameters)
        case .linear(let m): return flat(m.parameters)
        case .logistic(let m): return flat(m.parameters)
        case .knn(let m): return flat(m.parameters)
        case .naiveBayes(let m): return flat(m.parameters)
        case .tree(let m): return flat(m.parameters)
        case .randomForest(let m): return flat(m.parameters)
        case .gbdt(let m): return flat(m.parameters)
        case .kmeans(let m): return flat(m.parameters)
        }
    }

    /// Whether the family fits on data with missing values (NaN).
    public var acceptsMissingValues: Bool {
        switch self {
        case .tree, .randomForest, .gbdt: true
        default: false
        }
    }
}

/// Model input in either layout.
public enum FeatureInput: Sendable {
    case matrix(FeatureMatrix)
    case columns(FeatureColumns)
}

/// A JSON scalar read back from an encoded parameter struct, printed as the CLI shows it.
private enum JSONScalar: Decodable {
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case null

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            self = .null
        } else if let b = try? c.decode(Bool.self) {
            self = .bool(b)
        } else if let i = try? c.decode(Int.self) {
            self = .int(i)
        } else if let d = try? c.decode(Double.self) {
            self = .double(d)
        } else {
            self = .string(try c.decode(String.self))
        }
    }

    var text: String {
        switch self {
        case .bool(let b): b ? "true" : "false"
        case .int(let i): String(i)
        case .double(let d): String(d)
        case .string(let s): s
        case .null: "none"
        }
    }
}
