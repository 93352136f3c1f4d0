// What one run becomes in MLflow, as plain values: run name, tags, params and metrics, split into
// `runs/log-batch` requests within MLflow's limits. Pure mapping, no I/O (MLflowClient sends it).
//   tags    mlexp.run_id, mlexp.dataset_fingerprint, mlexp.dataset_path, mlexp.model_family,
//           mlexp.hypothesis, mlexp.prompt_version, mlexp.session_id, mlexp.task, mlexp.target,
//           mlflow.note.content (the hypothesis, shown as the run's description)
//   params  every hyper-parameter under its own name, plus model_family, task, target, seed,
//           features, dropped_columns, preprocessing, validation, dataset_rows, dataset_columns
//   metrics <m> (mean), <m>_std, <m>_ci_low, <m>_ci_high at step 0; <m>_fold at step k for fold k;
//           test_<m> per sealed-test evaluation (step = its order); fit_seconds
// Non-finite metric values are left out (MLflow's JSON cannot carry them) and counted.
import Foundation

/// MLflow's documented limits for one `runs/log-batch` request and for values.
public struct MLflowLimits: Sendable, Equatable {
    public var paramsPerBatch = 100
    public var metricsPerBatch = 1000
    public var tagsPerBatch = 100
    /// Params + metrics + tags in one request.
    public var entitiesPerBatch = 1000
    /// 6000 on MLflow ≥ 2.x; 500 on older servers.
    public var paramValueLength = 6000
    public var keyLength = 250
    /// 8000 on recent servers; 5000 on older ones.
    public var tagValueLength = 5000

    public init() {}

    /// The limits of MLflow servers older than 2.x (params of at most 500 characters).
    public static var legacy: MLflowLimits {
        var limits = MLflowLimits()
        limits.paramValueLength = 500
        return limits
    }
}

struct MLflowMetric: Sendable, Equatable, Codable {
    var key: String
    var value: Double
    var timestamp: Int64
    var step: Int
}

struct MLflowKeyValue: Sendable, Equatable, Codable {
    var key: String
    var value: String
}

/// One `runs/log-batch` request body (without the run id).
struct MLflowBatch: Sendable, Equatable {
    var params: [MLflowKeyValue] = []
    var metrics: [MLflowMetric] = []
    var count: Int { params.count + metrics.count }
}

/// A run mapped to MLflow's vocabulary.
struct MLflowPayload: Sendable, Equatable {
    var runName: String
    var tags: [MLflowKeyValue]
    var params: [MLflowKeyValue]
    var metrics: [MLflowMetric]
    /// Metric values left out because they are not finite.
    var skippedNonFinite: Int

    init(run: RunRecord, testEvaluations: [TestEvaluation] = [], limits: MLflowLimits = MLflowLimits()) {
        runName = "\(run.id) \(run.modelFamily)"
        func tag(_ key: String, _ value: String?) -> MLflowKeyValue? {
            guard let value, !value.isEmpty else { return nil }
            return MLflowKeyValue(key: key, value: Self.clip(value, limits.tagValueLength))
        }
        tags = [
            tag("mlexp.run_id", run.id), tag("mlexp.dataset_fingerprint", run.dataset.fingerprint),
            tag("mlexp.dataset_path", run.dataset.path), tag("mlexp.model_family", run.modelFamily),
            tag("mlexp.hypothesis", run.hypothesis), tag("mlexp.prompt_version", run.promptVersion),
            tag("mlexp.session_id", run.sessionID), tag("mlexp.task", run.task), tag("mlexp.target", run.target),
            tag("mlflow.note.content", run.hypothesis),
        ].compactMap { $0 }

        var params: [String: String] = [:]
        for (key, value) in run.hyperParameters { params[key] = value.description }
        let described: [(String, String?)] = [
            ("model_family", run.modelFamily), ("task", run.task), ("target", run.target), ("seed", String(run.seed)),
            ("features", run.features.joined(separator: ",")),
            ("dropped_columns", run.droppedColumns.joined(separator: ",")),
            ("preprocessing", run.preprocessing == .null ? nil : run.preprocessing.description),
            ("validation", run.validation == .null ? nil : run.validation.description),
            ("dataset_rows", String(run.dataset.rows)), ("dataset_columns", String(run.dataset.columns)),
        ]
        for (key, value) in described where params[key] == nil {
            if let value, !value.isEmpty { params[key] = value }
        }
        self.params = params.keys.sorted().map {
            MLflowKeyValue(key: Self.key($0, limits), value: Self.clip(params[$0] ?? "", limits.paramValueLength))
        }

        let time = Int64((run.createdAt.timeIntervalSince1970 * 1000).rounded())
        var metrics: [MLflowMetric] = []
        var skipped = 0
        func add(_ key: String, _ value: Double?, step: Int = 0, at timestamp: Int64 = time) {
            guard let value else { return }
            guard value.isFinite else {
                skipped += 1
                return
            }
            metrics.append(MLflowMetric(key: Self.key(key, limits), value: value, timestamp: timestamp, step: step))
        }
        for name in run.metrics.keys.sorted() {
            guard let m = run.metrics[name] else { continue }
            add(name, m.mean)
            add(name + "_std", m.std)
            add(name + "_ci_low", m.ciLow)
            add(name + "_ci_high", m.ciHigh)
        }
        for (fold, values) in run.foldMetrics.enumerated() {
            for name in values.keys.sorted() { add(name + "_fold", values[name], step: fold) }
        }
        for (index, evaluation) in testEvaluations.enumerated() {
            let at = Int64((evaluation.evaluatedAt.timeIntervalSince1970 * 1000).rounded())
            for name in evaluation.metrics.keys.sorted() {
                add("test_" + name, evaluation.metrics[name]?.mean, step: index, at: at)
            }
        }
        add("fit_seconds", run.trainingSeconds)
        self.metrics = metrics
        skippedNonFinite = skipped
    }

    /// Params and metrics split into requests that respect the per-batch limits.
    func batches(_ limits: MLflowLimits = MLflowLimits()) -> [MLflowBatch] {
        var batches: [MLflowBatch] = []
        var current = MLflowBatch()
        func flush() {
            if current.count > 0 { batches.append(current) }
            current = MLflowBatch()
        }
        for param in params {
            if current.params.count == limits.paramsPerBatch || current.count == limits.entitiesPerBatch { flush() }
            current.params.append(param)
        }
        for metric in metrics {
            if current.metrics.count == limits.metricsPerBatch || current.count == limits.entitiesPerBatch { flush() }
            current.metrics.append(metric)
        }
        flush()
        return batches
    }

    /// MLflow accepts letters, digits, `_ - . / space` in keys; anything else becomes `_`.
    static func key(_ raw: String, _ limits: MLflowLimits) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-./ ")
        return String(String(raw.map { allowed.contains($0) ? $0 : "_" }).prefix(limits.keyLength))
    }

    /// A value cut to `length` characters, the cut marked with "…".
    static func clip(_ value: String, _ length: Int) -> String {
        value.count <= length ? value : String(value.prefix(length - 1)) + "…"
    }
}
