// k-means clustering (scikit-learn's KMeans, Lloyd's algorithm, run with Hamerly's bounds so most
// distances are skipped but the result is exactly Lloyd's; Hamerly.swift): greedy k-means++ seeding
// (2 + ⌊ln k⌋ candidates per centre) drawing from NumPy's RandomState(seed) as scikit-learn does, so a
// seed gives scikit-learn's start and result; nInit restarts keeping the lowest inertia (by scikit-learn's
// rule), convergence
// when the centres move less than tol × mean feature variance, empty clusters moved to the farthest
// point. Assignment runs in parallel over rows (distances in C, CKMeans, with the machine's widest SIMD);
// centre sums are exact fixed-point sums (ClusterSums), so the result does not depend on the thread count.
// Leaves out: Elkan's k-bounds variant, mini-batch k-means.

import Foundation

/// Hyper-parameters of `KMeans`, scikit-learn's names and defaults.
public struct KMeansParameters: Sendable, Codable, Equatable {
    public enum Initialization: String, Sendable, Codable, CaseIterable {
        case kMeansPlusPlus = "k-means++"
        case random
    }
    public var nClusters = 8
    public var initialization = Initialization.kMeansPlusPlus
    public var nInit = 1
    public var maxIter = 300
    public var tol = 1e-4
    public var seed: UInt64 = 0
    public var threads = 2

    public init() {}

    enum CodingKeys: String, CodingKey {
        case nClusters
        case initialization = "init"
        case nInit, maxIter, tol, seed, threads
    }
}

/// The k-means estimator (`kmeans` in the registry). Ignores any target.
public struct KMeans: Estimator {
    public var parameters: KMeansParameters

    public init(_ parameters: KMeansParameters = .init()) { self.parameters = parameters }

    public func fit(_ data: TrainingSet) throws(MLError) -> FittedKMeans {
        try fit(data, initialCenters: nil)
    }

    /// Fits from given starting centres (row-major `nClusters × features`), or seeded initialisation when nil.
    public func fit(_ data: TrainingSet, initialCenters: [Double]?) throws(MLError) -> FittedKMeans {
        let p = parameters, m = "kmeans"
        try InputChecks.require("nClusters", p.nClusters, in: 1...1_000_000, model: m)
        try InputChecks.require("nInit", p.nInit, in: 1...1_000, model: m)
        try InputChecks.require("maxIter", p.maxIter, in: 1...1_000_000, model: m)
        try InputChecks.require("tol", p.tol, greaterThan: 0, orEqual: true, model: m)
        try InputChecks.require("threads", p.threads, in: 1...256, model: m)
        try InputChecks.requireRows(data.x, model: m)
        try InputChecks.requireFinite(data.x, model: m)
        guard p.nClusters <= data.rows else {
            throw MLError(
                .invalidParameter,
                "kmeans: nClusters=\(p.nClusters) is larger than the \(data.rows) rows; valid values are 1…\(data.rows)."
            )
        }
        let w = try InputChecks.weights(data)
        let lloyd = Lloyd(x: data.x, weights: w, k: p.nClusters, threads: p.threads)
        // scikit-learn's tolerance is relative to the data: tol × mean of the feature variances.
        var meanVariance = 0.0
        for j in 0..<data.x.featureCount {
            let c = data.x.column(j)
            let mean = c.reduce(0, +) / Double(data.rows)
            meanVariance += c.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(data.rows)
        }
        let tolerance = p.tol * meanVariance / Double(data.x.featureCount)
        var best: Lloyd.Result? = nil
        if let initialCenters {
            guard initialCenters.count == p.nClusters * data.x.featureCount else {
                throw MLError(
                    .shapeMismatch,
                    "kmeans: \(initialCenters.count) initial centre values for \(p.nClusters) × \(data.x.featureCount)."
                )
            }
            best = lloyd.runHamerly(centers: initialCenters, maxIter: p.maxIter, tolerance: tolerance)
        } else {
            // k-means++ restarts draw one after another from NumPy's stream, as scikit-learn's do.
            var numpy = NumPyRandomState(seed: p.seed)
            for run in 0..<p.nInit {
                var g = SeededGenerator(seed: p.seed, stream: UInt64(run) &+ 1)
                let start = p.initialization == .kMeansPlusPlus ? lloyd.plusPlus(&numpy) : lloyd.randomRows(&g)
                let r = lloyd.runHamerly(centers: start, maxIter: p.maxIter, tolerance: tolerance)
                // scikit-learn's rule: a lower inertia wins unless it is the same clustering (rounding).
                if let b = best {
                    if r.inertia < b.inertia && !Self.sameClustering(r.labels, b.labels, k: p.nClusters) { best = r }
                } else {
                    best = r
                }
            }
        }
        guard let best else { throw MLError(.invalidInput, "kmeans: no run finished.") }
        return FittedKMeans(
            features: data.x.features, parameters: p, centers: best.centers, inertia: best.inertia,
            iterations: best.iterations, trainingLabels: best.labels)
    }
}

extension KMeans {
    /// scikit-learn's `_is_same_clustering`: every cluster of `a` maps to a single cluster of `b`.
    static func sameClustering(_ a: [Int], _ b: [Int], k: Int) -> Bool {
        var mapping = [Int](repeating: -1, count: k)
        for (x, y) in zip(a, b) {
            if mapping[x] == -1 {
                mapping[x] = y
            } else if mapping[x] != y {
                return false
            }
        }
        return true
    }
}

/// A fitted k-means model: the centres.
public struct FittedKMeans: FittedModel {
    public let features: [FeatureInfo]
    public let parameters: KMeansParameters
    /// Row-major `nClusters × features`.
    public let centers: [Double]
    /// Sum of (weighted) squared distances of training rows to their centre.
    public let inertia: Double
    public let iterations: Int
    public let trainingLabels: [Int]

    public func predict(_ x: FeatureMatrix) throws(MLError) -> Prediction {
        try checkFeatures(of: x)
        try InputChecks.requireFinite(x, model: "kmeans")
        let lloyd = Lloyd(
            x: x, weights: [Double](repeating: 1, count: x.rows), k: parameters.nClusters, threads: parameters.threads)
        return .clusters(lloyd.assign(centers).labels)
    }
}
