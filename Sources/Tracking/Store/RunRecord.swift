// One experiment run as the store keeps it: what data, which model and parameters, how it was
// validated, what it scored, why it was tried, and the fitted model as opaque bytes.
// Leaves out: how the model blob is encoded (the models code owns that) and any ML computation.
public import Foundation

/// The lifecycle of a run.
public enum RunStatus: String, Sendable, Codable, Equatable, CaseIterable {
    case running, finished, failed
}

/// Whether a run has reached the MLflow tracking server.
public enum MLflowSyncStatus: String, Sendable, Codable, Equatable, CaseIterable {
    /// Not sent yet, or the last attempt failed (`mlexp runs push` sends it).
    case unsynced
    /// Logged on the server; `RunRecord.mlflowRunID` holds the server's run id.
    case synced
}

/// The dataset a run was trained on.
public struct DatasetInfo: Sendable, Codable, Equatable {
    /// Content hash of the file (hex).
    public var fingerprint: String
    public var rows: Int
    public var columns: Int
    /// Path relative to the workspace.
    public var path: String

    public init(fingerprint: String, rows: Int, columns: Int, path: String) {
        self.fingerprint = fingerprint
        self.rows = rows
        self.columns = columns
        self.path = path
    }
}

/// One metric over the validation folds: mean, standard deviation, and an optional confidence interval.
public struct MetricSummary: Sendable, Codable, Equatable {
    public var mean: Double
    public var std: Double?
    public var ciLow: Double?
    public var ciHigh: Double?

    public init(mean: Double, std: Double? = nil, ciLow: Double? = nil, ciHigh: Double? = nil) {
        self.mean = mean
        self.std = std
        self.ciLow = ciLow
        self.ciHigh = ciHigh
    }

    /// Mean and sample standard deviation of per-fold values (std nil with fewer than two folds).
    public init(folds values: [Double]) {
        let n = Double(values.count)
        let mean = values.isEmpty ? .nan : values.reduce(0, +) / n
        self.mean = mean
        if values.count > 1 {
            std = (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)).squareRoot()
        }
    }

    /// Every number this summary holds (used to check numbers quoted in the log).
    public var values: [Double] { [mean] + [std, ciLow, ciHigh].compactMap { $0 } }
}

/// A recorded experiment run.
public struct RunRecord: Sendable, Codable, Equatable {
    /// Short, sortable id assigned by the store on insert ("r0001", "r0002", …).
    public var id: String = ""
    /// Assigned by the store on insert.
    public var createdAt = Date(timeIntervalSince1970: 0)
    public var sessionID: String?
    public var status: RunStatus = .finished
    public var dataset: DatasetInfo
    public var target: String?
    /// "classification", "regression", "clustering" (MLCore's TaskKind raw values).
    public var task: String
    public var features: [String] = []
    public var droppedColumns: [String] = []
    public var preprocessing: RunValue = .null
    public var modelFamily: String
    public var hyperParameters: [String: RunValue] = [:]
    public var seed: UInt64 = 0
    public var validation: RunValue = .null
    /// Metrics per validation fold, in fold order.
    public var foldMetrics: [[String: Double]] = []
    /// Aggregate metrics (mean, std, optional CI) keyed by scikit-learn scorer name.
    public var metrics: [String: MetricSummary] = [:]
    public var trainingSeconds: Double = 0
    public var hypothesis: String?
    public var promptVersion: String?
    /// The fitted model and pipeline, encoded by the models code. Not part of the JSON column.
    public var model: Data?
    /// Size in bytes of the stored model, set by the store also when a listing leaves the bytes out.
    public var modelSize: Int?
    public var mlflowStatus: MLflowSyncStatus = .unsynced
    public var mlflowRunID: String?

    public init(
        dataset: DatasetInfo, target: String?, task: String, modelFamily: String,
        sessionID: String? = nil, hypothesis: String? = nil
    ) {
        self.dataset = dataset
        self.target = target
        self.task = task
        self.modelFamily = modelFamily
        self.sessionID = sessionID
        self.hypothesis = hypothesis
    }

    enum CodingKeys: String, CodingKey {
        case id, createdAt, sessionID, status, dataset, target, task, features, droppedColumns
        case preprocessing, modelFamily, hyperParameters, seed, validation, foldMetrics, metrics
        case trainingSeconds, hypothesis, promptVersion, mlflowStatus, mlflowRunID
    }
}

/// One evaluation of a run on the sealed test split, kept so that every look at it is auditable.
public struct TestEvaluation: Sendable, Codable, Equatable {
    public var runID: String
    public var evaluatedAt: Date
    public var metrics: [String: MetricSummary]
    /// Who asked: "user", "agent", the session id, or a CLI command.
    public var requestedBy: String

    public init(runID: String, evaluatedAt: Date = Date(), metrics: [String: MetricSummary], requestedBy: String) {
        self.runID = runID
        self.evaluatedAt = evaluatedAt
        self.metrics = metrics
        self.requestedBy = requestedBy
    }
}
