// Sends runs from the local store to an MLflow tracking server and records the outcome in the
// store. The local store is the source of truth: a server that is down or refuses never loses a
// run (it stays `unsynced`, with the reason), the first failure is reported once through
// `onFailure`, and `push` sends every unsynced run later. Enabled by MLFLOW_TRACKING_URI or a URL.
// Leaves out: the REST wire format (MLflowClient) and the mapping of a run (MLflowPayload).
public import Foundation

/// A file to attach to an MLflow run (the run's log entry, a chart…).
public struct MLflowArtifact: Sendable, Equatable {
    public var name: String
    public var data: Data

    public init(name: String, data: Data) {
        self.name = name
        self.data = data
    }
}

/// What happened to one run.
public enum MLflowSyncOutcome: Sendable, Equatable {
    /// Logged; the server's run id, and whether the artifacts were uploaded.
    case synced(mlflowRunID: String, artifactsUploaded: Bool)
    /// Not logged; the run stays unsynced in the store.
    case failed(String)
}

/// Logs runs to MLflow.
public actor MLflowSink {
    public nonisolated let client: MLflowClient
    public nonisolated let experimentName: String
    let store: RunStore
    private var limits: MLflowLimits
    private var experimentID: String?
    private var reportedFailure = false
    private let onFailure: @Sendable (String) -> Void

    /// - Parameters:
    ///   - experimentName: created on the server when missing.
    ///   - onFailure: called once, on the first failure (later ones are only recorded per run).
    public init(
        client: MLflowClient, store: RunStore, experimentName: String = "mlexp",
        limits: MLflowLimits = MLflowLimits(), onFailure: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.client = client
        self.store = store
        self.experimentName = experimentName
        self.limits = limits
        self.onFailure = onFailure
    }

    /// A sink configured from `--mlflow URL` or the environment (MLFLOW_TRACKING_URI,
    /// MLFLOW_EXPERIMENT_NAME, MLFLOW_TRACKING_TOKEN, MLFLOW_TRACKING_USERNAME/PASSWORD);
    /// nil when neither names an http(s) server.
    public static func configured(
        url: String? = nil, store: RunStore, environment: [String: String] = ProcessInfo.processInfo.environment,
        onFailure: @escaping @Sendable (String) -> Void = { _ in }
    ) -> MLflowSink? {
        guard let uri = url ?? environment["MLFLOW_TRACKING_URI"], uri.hasPrefix("http://") || uri.hasPrefix("https://")
        else { return nil }
        let client = MLflowClient(
            baseURL: uri, token: environment["MLFLOW_TRACKING_TOKEN"],
            username: environment["MLFLOW_TRACKING_USERNAME"],
            password: environment["MLFLOW_TRACKING_PASSWORD"])
        let name = environment["MLFLOW_EXPERIMENT_NAME"].flatMap { $0.isEmpty ? nil : $0 } ?? "mlexp"
        return MLflowSink(client: client, store: store, experimentName: name, onFailure: onFailure)
    }

    /// Logs one stored run (params, metrics, tags, status, artifacts) and records the outcome in the store.
    @discardableResult
    public func sync(_ runID: String, artifacts: [MLflowArtifact] = []) async -> MLflowSyncOutcome {
        do throws(TrackingError) {
            let run = try store.get(runID)
            let tests = try store.testEvaluations(runID: runID)
            let (id, uploaded) = try await send(run, tests, artifacts)
            try store.updateMLflowSync(runID, status: .synced, mlflowRunID: id)
            return .synced(mlflowRunID: id, artifactsUploaded: uploaded)
        } catch {
            try? store.updateMLflowSync(runID, status: .unsynced, error: error.message)
            report(
                "MLflow: run \(runID) was not logged (\(error.message)). It is kept locally; `mlexp runs push` sends it later."
            )
            return .failed(error.message)
        }
    }

    /// Passes the first failure to `onFailure`; later ones stay silent (they are recorded per run).
    func report(_ message: String) {
        guard !reportedFailure else { return }
        reportedFailure = true
        onFailure(message)
    }

    /// Sends every unsynced run, oldest first; stops at the first failure when the server is unreachable.
    /// - Parameter artifacts: the files to attach to a given run.
    /// - Returns: each attempted run's outcome, in order.
    public func push(
        artifacts: @Sendable (RunRecord) -> [MLflowArtifact] = { _ in [] }
    ) async throws(TrackingError) -> [(runID: String, outcome: MLflowSyncOutcome)] {
        var results: [(runID: String, outcome: MLflowSyncOutcome)] = []
        for run in try store.unsynced() {
            let outcome = await sync(run.id, artifacts: artifacts(run))
            results.append((run.id, outcome))
            if case .failed(let message) = outcome, message.contains("Cannot reach") { break }
        }
        return results
    }

    private func send(
        _ run: RunRecord, _ tests: [TestEvaluation], _ artifacts: [MLflowArtifact]
    ) async throws(TrackingError) -> (String, Bool) {
        let experiment: String
        if let cached = experimentID {
            experiment = cached
        } else {
            experiment = try await client.experimentID(named: experimentName)
            experimentID = experiment
        }
        var payload = MLflowPayload(run: run, testEvaluations: tests, limits: limits)
        let start = Int64((run.createdAt.timeIntervalSince1970 * 1000).rounded())
        let (mlflowRunID, artifactURI) = try await client.createRun(
            experimentID: experiment, name: payload.runName, startTime: start, tags: payload.tags)
        do throws(TrackingError) {
            for batch in payload.batches(limits) {
                do throws(TrackingError) {
                    try await client.logBatch(runID: mlflowRunID, batch)
                } catch
                    where limits.paramValueLength > MLflowLimits.legacy.paramValueLength
                    && error.message.contains("INVALID_PARAMETER_VALUE") && error.message.contains("length")
                {
                    // An older server: params of at most 500 characters. Retry clipped, and remember.
                    limits = .legacy
                    payload = MLflowPayload(run: run, testEvaluations: tests, limits: limits)
                    let clipped = MLflowBatch(
                        params: batch.params.map {
                            MLflowKeyValue(key: $0.key, value: MLflowPayload.clip($0.value, limits.paramValueLength))
                        }, metrics: batch.metrics)
                    try await client.logBatch(runID: mlflowRunID, clipped)
                }
            }
            var uploaded = false
            if let artifactURI, !artifacts.isEmpty {
                uploaded = true
                for artifact in artifacts {
                    uploaded =
                        try await client.uploadArtifact(
                            artifactURI: artifactURI, name: artifact.name, data: artifact.data)
                        && uploaded
                }
            }
            let end = start + Int64((run.trainingSeconds * 1000).rounded())
            try await client.updateRun(
                runID: mlflowRunID, status: run.status == .failed ? "FAILED" : "FINISHED", endTime: end)
            return (mlflowRunID, uploaded)
        } catch {
            // Leave no run looking live on the server; the local run stays unsynced and is sent again.
            try? await client.updateRun(
                runID: mlflowRunID, status: "FAILED", endTime: Int64(Date().timeIntervalSince1970 * 1000))
            throw error
        }
    }
}
