// `--mlflow URL` for the session commands (run, chat): at the end of a session its runs are logged
// to the MLflow tracking server (this flag, else $MLFLOW_TRACKING_URI), each with its log entry and
// JSON as artifacts. A server that is down or refuses loses nothing: the runs stay in the local
// store, one notice says so, and `mlexp runs push` sends them later.
import ArgumentParser
import Tracking

struct MLflowOptions: ParsableArguments {
    @Option(
        name: .customLong("mlflow"),
        help: "Also log the session's runs to this MLflow tracking server (default: $MLFLOW_TRACKING_URI).")
    var url: String?

    /// Logs the session's runs when a server is configured, and says how it went through `notice`.
    func finishSession(
        store: RunStore, log: ExperimentLog, session: String, notice: @escaping @Sendable (String) -> Void
    )
        async
    {
        guard let sink = MLflowSink.configured(url: url, store: store, onFailure: notice) else { return }
        let synced = await sink.finishSession(session, log: log)
        let total = (try? store.list(session: session).count) ?? synced
        guard total > 0 else { return }
        var text =
            "MLflow: \(synced)/\(total) runs of this session on \(sink.client.baseURL) (experiment \(sink.experimentName))."
        if synced < total { text += " The others stay local; send them with `mlexp runs push`." }
        notice(text)
    }
}
