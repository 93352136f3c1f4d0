// k-nearest neighbours for classes (vote) and numbers (mean), uniform or distance weights, as
// scikit-learn's KNeighborsClassifier / KNeighborsRegressor (Euclidean metric). Fitting stores the
// training rows; prediction is an exact search (NeighborSearch).
// Leaves out: other metrics, radius neighbours, approximate search.

/// Hyper-parameters of `KNearestNeighbors`, scikit-learn's names and defaults.
public struct KNeighborsParameters: Sendable, Codable, Equatable {
    public enum Weights: String, Sendable, Codable, CaseIterable { case uniform, distance }
    public var nNeighbors = 5
    public var weights = Weights.uniform
    public var threads = 2

    public init() {}
}

/// The k-NN estimator (`knn` in the registry).
public struct KNearestNeighbors: Estimator {
    public var parameters: KNeighborsParameters

    public init(_ parameters: KNeighborsParameters = .init()) { self.parameters = parameters }

    public func fit(_ data: TrainingSet) throws(MLError) -> FittedKNearestNeighbors {
        let p = parameters
        try InputChecks.require("nNeighbors", p.nNeighbors, in: 1...Int(Int32.max), model: "knn")
        try InputChecks.require("threads", p.threads, in: 1...256, model: "knn")
        try InputChecks.requireRows(data.x, model: "knn")
        try InputChecks.requireFinite(data.x, model: "knn")
        guard p.nNeighbors <= data.rows else {
            throw MLError(
                .invalidParameter,
                "knn: nNeighbors=\(p.nNeighbors) is larger than the \(data.rows) training rows; valid values are 1…\(data.rows)."
            )
        }
        var classNames: [String]? = nil
        var targets: [Double]
        switch data.y.task {
        case .binary, .multiclass:
            let c = try InputChecks.classes(data, model: "knn")
            classNames = c.names
            targets = c.labels.map(Double.init)
        case .regression:
            targets = try InputChecks.values(data, model: "knn")
        case .clustering:
            throw MLError(.invalidTarget, "knn needs a target column; for clustering use kmeans.")
        }
        return FittedKNearestNeighbors(
            features: data.x.features, parameters: p, classNames: classNames, train: data.x.values, rows: data.rows,
            targets: targets)
    }
}

/// A fitted k-NN model: the training rows themselves.
public struct FittedKNearestNeighbors: FittedModel {
    public let features: [FeatureInfo]
    public let parameters: KNeighborsParameters
    public let classNames: [String]?
    /// Training features, column-major `[features × rows]`.
    let train: [Double]
    let rows: Int
    /// Class labels (as Double) or values.
    let targets: [Double]

    public func predict(_ x: FeatureMatrix) throws(MLError) -> Prediction {
        try checkFeatures(of: x)
        try InputChecks.requireFinite(x, model: "knn")
        let neighbors = NeighborSearch.search(
            queries: x, train: train, n: rows, k: parameters.nNeighbors, threads: parameters.threads)
        let byDistance = parameters.weights == .distance
        func weights(_ nb: [Neighbor]) -> [Double] {
            guard byDistance else { return [Double](repeating: 1, count: nb.count) }
            // scikit-learn: when some neighbours coincide with the query, only they count.
            if nb.contains(where: { $0.squaredDistance == 0 }) { return nb.map { $0.squaredDistance == 0 ? 1 : 0 } }
            return nb.map { 1 / $0.squaredDistance.squareRoot() }
        }
        guard let classNames else {
            return .values(
                neighbors.map { nb in
                    let w = weights(nb)
                    var s = 0.0, ws = 0.0
                    for (i, n) in nb.enumerated() { s += w[i] * targets[n.row]; ws += w[i] }
                    return s / ws
                })
        }
        let k = classNames.count
        var probs = [Double](repeating: 0, count: x.rows * k)
        var labels = [Int](repeating: 0, count: x.rows)
        for (r, nb) in neighbors.enumerated() {
            let w = weights(nb)
            var total = 0.0
            for (i, n) in nb.enumerated() { probs[r * k + Int(targets[n.row])] += w[i]; total += w[i] }
            var best = 0
            for c in 0..<k {
                probs[r * k + c] /= total
                if probs[r * k + c] > probs[r * k + best] { best = c }
            }
            labels[r] = best
        }
        return .classes(labels: labels, probabilities: probs, classCount: k)
    }
}
