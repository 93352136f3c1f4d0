// `mlexp runs push [--mlflow URL]`: sends every run not yet on the MLflow server (down or refusing
// when it was recorded), with its log entries and its JSON as artifacts. The server comes from
// --mlflow or MLFLOW_TRACKING_URI.
import ArgumentParser
import Foundation
import Tracking

struct RunsPushCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "push", abstract: "Send the runs that have not reached the MLflow server yet.")

    @OptionGroup var options: RunStoreOptions
    @Option(help: "The MLflow tracking server (default: $MLFLOW_TRACKING_URI).") var mlflow: String?

    func run() async throws {
        let store = try options.openStore()
        guard let sink = MLflowSink.configured(url: mlflow, store: store) else {
            throw TrackingError(
                .invalidInput,
                "No MLflow server: pass --mlflow http://HOST:PORT or set MLFLOW_TRACKING_URI to the server's http(s) URL."
            )
        }
        let log = ExperimentLog(workspace: options.workspaceURL)
        let results = try await sink.push { run in MLflowSink.artifacts(for: run, log: log) }
        if results.isEmpty {
            print("Every run is already on \(sink.client.baseURL).")
            return
        }
        var failed = 0
        for (id, outcome) in results {
            switch outcome {
            case .synced(let mlflowID, let uploaded):
                print("\(id) → MLflow run \(mlflowID)" + (uploaded ? "" : " (the server takes no artifact uploads)"))
            case .failed(let message):
                failed += 1
                print("\(id) not sent: \(message)")
            }
        }
        let left = try store.unsynced().count
        print(
            "\(results.count - failed) sent to \(sink.client.baseURL) (experiment \(sink.experimentName)); \(left) still local only."
        )
        if failed > 0 { throw ExitCode(1) }
    }
}
