// One clustering experiment (no target): every column but the excluded ones and the reference,
// preprocessed with the distance preset — median imputation, one-hot categoricals, and numeric columns
// standardised to mean 0 and (population) std 1 on the fitted rows, as scikit-learn's StandardScaler,
// because k-means measures distances and a column in large units would decide alone — then k-means
// fitted on the given rows and scored on them: inertia, the silhouette (on a seeded sample of at most
// 5,000 rows) and, when a reference label column is named, the adjusted Rand index of the clusters
// against it. The reference never feeds the model. `mlexp train` without --target and the agent's
// train_model on a dataset loaded without a target call this.
// Leaves out: held-out scoring (there is no target to hold out) and families other than kmeans.

import Foundation

/// What one clustering experiment is.
public struct ClusteringSpec: Sendable, Equatable {
    public var family: ModelFamily
    /// Hyper-parameter overrides, checked against `family`'s parameters (`nClusters` → .int(3)).
    public var parameters: ParameterValues
    public var seed: UInt64
    /// Threads for the model (nil: its default).
    public var threads: Int?
    /// Columns left out of the features (IDs, constants).
    public var excluding: [String]
    /// A known label column to compare the clusters with (adjusted_rand); never a feature.
    public var reference: String?

    public init(
        family: ModelFamily = .kmeans, parameters: ParameterValues = ParameterValues(), seed: UInt64 = 0,
        threads: Int? = nil,
        excluding: [String] = [], reference: String? = nil
    ) {
        self.family = family
        self.parameters = parameters
        self.seed = seed
        self.threads = threads
        self.excluding = excluding
        self.reference = reference
    }

    /// The family's name, as results and records show it.
    public var model: String { family.name }
}

/// What a clustering experiment produced.
public struct ClusteringResult: Sendable {
    public var model: String
    /// Effective hyper-parameters, defaults included (camelCase names: `nClusters`, `nInit`, …).
    public var parameters: [String: String]
    /// inertia, silhouette (when there are 2 clusters or more) and adjusted_rand (with a reference).
    public var metrics: [String: Double]
    /// Seconds spent in the model's `fit` (preprocessing excluded).
    public var fitSeconds: Double
    /// Rows fitted, and the number of input features after preprocessing.
    public var rows: Int
    public var features: Int
    /// The input columns used, in dataset order.
    public var columns: [String]
    /// The columns left out (the excluded ones, then the reference).
    public var excluded: [String]
    public var pipeline: FittedPipeline
    public var fitted: AnyFittedModel
    /// The cluster of each fitted row, in row order.
    public var labels: [Int]
    /// Rows per cluster, by cluster index.
    public var sizes: [Int]
    /// The reference column resolved as classes, when one was named.
    public var reference: TargetSpec?
    /// Rows the adjusted Rand index was computed on (those with a reference value).
    public var referenceRows: Int
    /// Rows the silhouette was computed on (every row up to `ClusteringRunner.silhouetteSample`).
    public var silhouetteRows: Int

    /// The model as a run stores it: no target, the fitted scaler and encoders, the centres.
    public var trained: TrainedModel { TrainedModel(target: .none, pipeline: pipeline, model: fitted) }
}

/// Runs clustering experiments.
public enum ClusteringRunner {
    /// The families that cluster without a target.
    public static let families = [ModelFamily.kmeans.name]
    /// Rows above which the silhouette (O(rows²)) is computed on a seeded sample of this size.
    public static let silhouetteSample = 5_000

    /// Fits `spec` on `rows` of `dataset` (every row when nil) and scores the clusters.
    /// - Throws: for a family that needs a target, an unknown or non-label reference, a bad parameter.
    /// - Complexity: k-means' O(iterations × rows × k × features), plus O(s² × features) for the silhouette
    ///   on s = min(rows, 5,000) rows.
    public static func run(dataset: Dataset, rows selected: [Int]? = nil, spec: ClusteringSpec) throws(MLError)
        -> ClusteringResult
    {
        guard families.contains(spec.model) else {
            throw MLError(
                .invalidParameter,
                "'\(spec.model)' predicts a target, and there is none: without a target only \(families.joined(separator: ", ")) (clustering) trains. "
                    + "Use kmeans, or give the column to predict as the target.")
        }
        let estimator = try spec.family.make(spec.parameters, seed: spec.seed, threads: spec.threads)
        let rows = selected ?? Array(0..<dataset.rowCount)
        var excluded = spec.excluding
        var reference: TargetSpec?
        if let name = spec.reference {
            let r = try TargetSpec(dataset: dataset, column: name)
            guard r.task.isClassification else {
                throw MLError(
                    .invalidTarget,
                    "The reference '\(name)' holds numbers with many distinct values; a reference must be a label column (classes) "
                        + "to compare the clusters with. Name a categorical column, or leave the reference out.")
            }
            reference = r
            if !excluded.contains(name) { excluded.append(name) }
        }
        let pipeline = try Pipeline(dataset: dataset, target: nil, excluding: excluded, preset: .distance)
        let fp = try pipeline.fit(dataset, rows: rows)
        let x = try fp.transform(dataset, rows: rows)
        let start = DispatchTime.now().uptimeNanoseconds
        let fitted = try estimator.fit(TrainingSet(x: x, y: .none(rows: x.rows)))
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        guard let km = fitted.model as? FittedKMeans else {
            throw MLError(.invalidInput, "\(spec.model) did not return a clustering model; this is a bug.")
        }
        let k = km.parameters.nClusters, f = km.features.count
        let labels = km.trainingLabels
        var sizes = [Int](repeating: 0, count: k)
        for l in labels { sizes[l] += 1 }
        var metrics: [String: Double] = [:]
        let centers = (0..<k).map { Array(km.centers[($0 * f)..<(($0 + 1) * f)]) }
        metrics["inertia"] = try Metrics.inertia(x, labels: labels, centers: centers)
        var silhouetteRows = 0
        if sizes.filter({ $0 > 0 }).count >= 2 {
            let sample = Self.sample(x.rows, seed: spec.seed)
            let sx = sample.count == x.rows ? x : x.selecting(rows: sample)
            let sl = sample.count == x.rows ? labels : sample.map { labels[$0] }
            if let v = try? Metrics.silhouette(sx, labels: Self.compacted(sl)) {
                metrics["silhouette"] = v
                silhouetteRows = sample.count
            }
        }
        var referenceRows = 0
        if let reference {
            let column = try dataset.column(named: reference.column)
            let present = rows.indices.filter { !column.isMissing(rows[$0]) }
            if case .classes(let truth, _) = try reference.values(in: dataset, rows: present.map { rows[$0] }),
                present.count >= 2
            {
                metrics["adjusted_rand"] = try Metrics.adjustedRand(truth, present.map { labels[$0] })
                referenceRows = present.count
            }
        }
        return ClusteringResult(
            model: spec.model, parameters: estimator.parameters, metrics: metrics, fitSeconds: seconds,
            rows: rows.count,
            features: x.featureCount, columns: pipeline.columns.map(\.name), excluded: excluded, pipeline: fp,
            fitted: fitted,
            labels: labels, sizes: sizes, reference: reference, referenceRows: referenceRows,
            silhouetteRows: silhouetteRows)
    }

    /// Every row index below `n`, or a seeded sample of `silhouetteSample` of them, in order.
    static func sample(_ n: Int, seed: UInt64) -> [Int] {
        guard n > silhouetteSample else { return Array(0..<n) }
        var g = SeededGenerator(seed: seed, stream: 0x5111)
        return Array(Split.shuffled(Array(0..<n), using: &g).prefix(silhouetteSample)).sorted()
    }

    /// Labels renumbered 0..<m in order of first use (a sample may miss a cluster).
    static func compacted(_ labels: [Int]) -> [Int] {
        var map: [Int: Int] = [:]
        return labels.map { l in
            if let m = map[l] { return m }
            let m = map.count
            map[l] = m
            return m
        }
    }
}
