// End-of-session and after-the-fact hand-off to MLflow: attach files to a run already logged
// (the log entry is written after the run), and bring a whole session's runs up to date with
// their log entries and JSON as artifacts. Leaves out the per-run logging itself (MLflowSink).
import Foundation

extension MLflowSink {
    /// Uploads files to a run already on the server (e.g. its log entry, written after it was trained).
    /// - Returns: false when the run is not synced yet or the server takes no uploads (nothing sent).
    @discardableResult
    public func attach(_ artifacts: [MLflowArtifact], to runID: String) async -> Bool {
        do throws(TrackingError) {
            let run = try store.get(runID)
            guard run.mlflowStatus == .synced, let mlflowRunID = run.mlflowRunID,
                let uri = try await client.artifactURI(runID: mlflowRunID)
            else { return false }
            var uploaded = true
            for artifact in artifacts {
                uploaded =
                    try await client.uploadArtifact(artifactURI: uri, name: artifact.name, data: artifact.data)
                    && uploaded
            }
            return uploaded
        } catch {
            report("MLflow: files of run \(runID) were not uploaded (\(error.message)).")
            return false
        }
    }

    /// The files `mlexp` attaches to a run: the log entries that cite it, the run's JSON, and the
    /// charts saved for it in the workspace's chart archive, as SVG under `charts/`.
    /// - Parameter charts: the archive to read (default: the log's workspace's).
    public static func artifacts(for run: RunRecord, log: ExperimentLog?, charts: ChartArchive? = nil)
        -> [MLflowArtifact]
    {
        var files: [MLflowArtifact] = []
        if let log, let entry = try? log.markdown(citing: run.id) {
            files.append(MLflowArtifact(name: "experiment.md", data: Data(entry.utf8)))
        }
        if let json = try? RunJSONView.jsonText(run.jsonView()) {
            files.append(MLflowArtifact(name: "run.json", data: Data(json.utf8)))
        }
        let workspace = log.map { URL(fileURLWithPath: $0.markdownPath).deletingLastPathComponent() }
        if let archive = charts ?? workspace.map({ ChartArchive(workspace: $0) }) {
            for chart in archive.charts(runID: run.id) {
                let name = chart.kind.filter { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
                guard !name.isEmpty else { continue }
                files.append(MLflowArtifact(name: "charts/\(name).svg", data: Data(SVGRenderer.render(chart).utf8)))
            }
        }
        return files
    }

    /// At the end of a session: logs its runs that did not reach the server, and (re)attaches the
    /// log entries of those that did. Runs that fail are tried once more after `retryDelay` (a server
    /// still starting, or busy, often answers by then). Failures are recorded per run and reported once.
    /// - Returns: how many of the session's runs are on the server afterwards.
    @discardableResult
    public func finishSession(_ session: String?, log: ExperimentLog?, retryDelay: Duration = .seconds(2)) async -> Int
    {
        guard let runs = try? store.list(session: session) else { return 0 }
        var synced = 0, failed: [RunRecord] = []
        for run in runs.reversed() {
            let files = Self.artifacts(for: run, log: log)
            if run.mlflowStatus == .synced {
                await attach(files, to: run.id)
                synced += 1
            } else if case .synced = await sync(run.id, artifacts: files) {
                synced += 1
            } else {
                failed.append(run)
            }
        }
        guard !failed.isEmpty else { return synced }
        try? await Task.sleep(for: retryDelay)
        for run in failed {
            switch await sync(run.id, artifacts: Self.artifacts(for: run, log: log)) {
            case .synced: synced += 1
            case .failed(let message): if message.contains("Cannot reach") { return synced }  // still down: push later
            }
        }
        return synced
    }
}
