// The baseline every session starts with (scikit-learn's DummyClassifier / DummyRegressor): it ignores
// the features and predicts the class prior, the most frequent class, random classes drawn from the
// prior (stratified, seeded), or the mean / median of a numeric target.
// Leaves out: the "constant" and "quantile" strategies.

/// Hyper-parameters of `DummyModel`.
public struct DummyParameters: Sendable, Codable, Equatable {
    public enum Strategy: String, Sendable, Codable, CaseIterable {
        case prior
        case mostFrequent = "most_frequent"
        case stratified, uniform, mean, median
        var isForClasses: Bool { self != .mean && self != .median }
    }
    /// nil: `prior` for classes, `mean` for numbers.
    public var strategy: Strategy? = nil
    public var seed: UInt64 = 0

    public init() {}
}

/// The baseline estimator (`baseline` in the registry).
public struct DummyModel: Estimator {
    public var parameters: DummyParameters

    public init(_ parameters: DummyParameters = .init()) { self.parameters = parameters }

    public func fit(_ data: TrainingSet) throws(MLError) -> FittedDummyModel {
        try InputChecks.requireRows(data.x, model: "baseline")
        let w = try InputChecks.weights(data)
        switch data.y {
        case .classes:
            let (labels, names) = try InputChecks.classes(data, model: "baseline")
            let strategy = parameters.strategy ?? .prior
            guard strategy.isForClasses else {
                throw MLError(
                    .invalidParameter,
                    "baseline: strategy=\(strategy.rawValue) is for numeric targets; a class target takes prior, most_frequent, stratified or uniform."
                )
            }
            var prior = [Double](repeating: 0, count: names.count)
            for (i, l) in labels.enumerated() { prior[l] += w[i] }
            let total = prior.reduce(0, +)
            prior = prior.map { $0 / total }
            return FittedDummyModel(
                features: data.x.features, strategy: strategy, seed: parameters.seed, classNames: names, prior: prior,
                constant: 0)
        case .values:
            let y = try InputChecks.values(data, model: "baseline")
            let strategy = parameters.strategy ?? .mean
            guard !strategy.isForClasses else {
                throw MLError(
                    .invalidParameter,
                    "baseline: strategy=\(strategy.rawValue) is for class targets; a numeric target takes mean or median."
                )
            }
            let constant: Double
            if strategy == .mean {
                var s = 0.0
                for i in y.indices { s += w[i] * y[i] }
                constant = s / w.reduce(0, +)
            } else {
                constant = weightedMedian(y, weights: data.sampleWeights)
            }
            return FittedDummyModel(
                features: data.x.features, strategy: strategy, seed: parameters.seed, classNames: nil, prior: [],
                constant: constant)
        case .none:
            throw MLError(.invalidTarget, "baseline needs a target column; for clustering use kmeans.")
        }
    }
}

/// A fitted baseline.
public struct FittedDummyModel: FittedModel {
    public let features: [FeatureInfo]
    public let strategy: DummyParameters.Strategy
    public let seed: UInt64
    public let classNames: [String]?
    /// Class frequencies (weighted) seen in training.
    public let prior: [Double]
    /// The mean or median for a numeric target.
    public let constant: Double

    public func predict(_ x: FeatureMatrix) throws(MLError) -> Prediction {
        try checkFeatures(of: x)
        let n = x.rows
        guard let classNames else { return .values([Double](repeating: constant, count: n)) }
        let k = classNames.count
        let mode = prior.indices.max { prior[$0] < prior[$1] || (prior[$0] == prior[$1] && $0 > $1) } ?? 0
        var probs = [Double](repeating: 0, count: n * k)
        var labels = [Int](repeating: mode, count: n)
        var g = SeededGenerator(seed: seed, stream: 0xD)
        for r in 0..<n {
            switch strategy {
            case .mostFrequent: probs[r * k + mode] = 1
            case .uniform:
                for c in 0..<k { probs[r * k + c] = 1 / Double(k) }
                labels[r] = g.nextInt(below: k)
            case .stratified:
                var u = g.nextUnit(), c = 0
                while c < k - 1 && u >= prior[c] { u -= prior[c]; c += 1 }
                labels[r] = c
                probs[r * k + c] = 1
            default:
                for c in 0..<k { probs[r * k + c] = prior[c] }
            }
        }
        return .classes(labels: labels, probabilities: probs, classCount: k)
    }
}
