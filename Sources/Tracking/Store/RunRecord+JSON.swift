// The public JSON shape of a run, as `mlexp runs --json` and `mlexp runs show ID --json` print it
// and tools return it: snake_case keys, metrics as {name: {"mean", "std", "ci_low", "ci_high"}},
// training time as "fit_seconds", no model bytes (only whether there is a model).
// Leaves out the store's internal columns.
import Foundation

/// A run as printed in JSON.
public struct RunJSONView: Sendable, Encodable, Equatable {
    public struct Dataset: Sendable, Encodable, Equatable {
        public var path: String
        public var fingerprint: String
        public var rows: Int
        public var columns: Int
    }
    public struct Metric: Sendable, Encodable, Equatable {
        public var mean: Double
        public var std: Double?
        public var ciLow: Double?
        public var ciHigh: Double?
        enum CodingKeys: String, CodingKey {
            case mean, std
            case ciLow = "ci_low"
            case ciHigh = "ci_high"
        }
    }
    public struct MLflow: Sendable, Encodable, Equatable {
        public var status: String
        public var runID: String?
        enum CodingKeys: String, CodingKey {
            case status
            case runID = "run_id"
        }
    }
    public struct TestSplit: Sendable, Encodable, Equatable {
        public var evaluatedAt: String
        public var requestedBy: String
        public var metrics: [String: Metric]
        enum CodingKeys: String, CodingKey {
            case evaluatedAt = "evaluated_at"
            case requestedBy = "requested_by"
            case metrics
        }
    }

    public var id: String
    public var createdAt: String
    public var status: String
    public var sessionID: String?
    public var model: String
    public var task: String
    public var target: String?
    public var dataset: Dataset
    public var features: [String]
    public var droppedColumns: [String]
    public var preprocessing: RunValue
    public var hyperParameters: [String: RunValue]
    public var seed: UInt64
    public var validation: RunValue
    public var metrics: [String: Metric]
    public var foldMetrics: [[String: Double]]
    public var fitSeconds: Double
    public var hypothesis: String?
    public var promptVersion: String?
    public var hasModel: Bool
    public var mlflow: MLflow
    /// Evaluations on the sealed test split (only in `runs show`).
    public var testEvaluations: [TestSplit]?

    enum CodingKeys: String, CodingKey {
        case id
        case createdAt = "created_at"
        case status
        case sessionID = "session_id"
        case model, task, target, dataset, features
        case droppedColumns = "dropped_columns"
        case preprocessing
        case hyperParameters = "hyper_parameters"
        case seed, validation
        case metrics
        case foldMetrics = "fold_metrics"
        case fitSeconds = "fit_seconds"
        case hypothesis
        case promptVersion = "prompt_version"
        case hasModel = "has_model"
        case mlflow
        case testEvaluations = "test_evaluations"
    }
}

extension RunRecord {
    /// The run's JSON view; pass its test-split evaluations to include them.
    public func jsonView(testEvaluations: [TestEvaluation]? = nil) -> RunJSONView {
        func metric(_ m: MetricSummary) -> RunJSONView.Metric {
            RunJSONView.Metric(mean: m.mean, std: m.std, ciLow: m.ciLow, ciHigh: m.ciHigh)
        }
        return RunJSONView(
            id: id, createdAt: RunJSONView.timestamp(createdAt), status: status.rawValue, sessionID: sessionID,
            model: modelFamily, task: task, target: target,
            dataset: .init(
                path: dataset.path, fingerprint: dataset.fingerprint, rows: dataset.rows, columns: dataset.columns),
            features: features, droppedColumns: droppedColumns, preprocessing: preprocessing,
            hyperParameters: hyperParameters, seed: seed, validation: validation, metrics: metrics.mapValues(metric),
            foldMetrics: foldMetrics, fitSeconds: trainingSeconds, hypothesis: hypothesis, promptVersion: promptVersion,
            hasModel: model != nil || (modelSize ?? 0) > 0,
            mlflow: .init(status: mlflowStatus.rawValue, runID: mlflowRunID),
            testEvaluations: testEvaluations?.map {
                .init(
                    evaluatedAt: RunJSONView.timestamp($0.evaluatedAt), requestedBy: $0.requestedBy,
                    metrics: $0.metrics.mapValues(metric))
            })
    }
}

extension RunJSONView {
    /// ISO 8601 with milliseconds, UTC.
    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }

    /// Pretty, key-sorted JSON of any encodable view; non-finite numbers become "inf", "-inf", "nan".
    public static func jsonText(_ value: some Encodable) throws(TrackingError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self)
        } catch {
            throw TrackingError(.encoding, "Cannot encode \(type(of: value)) as JSON: \(error).")
        }
    }
}
