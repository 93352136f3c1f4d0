// `mlexp runs [--json]`: the recorded runs, newest first, as a table or as JSON (a list of runs,
// each with id, model, metrics {name: {mean, std, ci_low, ci_high}}, fit_seconds, hypothesis, …).
// Subcommands: show, compare, push.
import ArgumentParser
import Foundation
import Tracking

struct RunsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runs",
        abstract: "List the recorded runs (newest first).",
        subcommands: [RunsListCommand.self, RunsShowCommand.self, RunsCompareCommand.self, RunsPushCommand.self],
        defaultSubcommand: RunsListCommand.self)
}

struct RunsListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the recorded runs (newest first).")

    @OptionGroup var options: RunStoreOptions
    @Flag(help: "Print JSON: a list of runs.") var json = false
    @Option(help: "Only this session's runs.") var session: String?
    @Option(help: "Show at most this many runs.") var limit: Int?

    func run() async throws {
        let file = RunStore.defaultPath(workspace: options.workspaceURL)
        if json && !FileManager.default.fileExists(atPath: file.path) {
            print("[]")
            return
        }
        let runs = try options.openStore().list(session: session, limit: limit)
        if json {
            print(try RunJSONView.jsonText(runs.map { $0.jsonView() }))
            return
        }
        guard !runs.isEmpty else {
            print("No runs yet. Train a model first, e.g. `mlexp run FILE --target COL`.")
            return
        }
        var rows = [["ID", "MODEL", "STATUS", "METRICS", "FIT", "HYPOTHESIS"]]
        for run in runs {
            let names = RunsFormat.orderedMetricNames(run.metrics.keys).prefix(2)
            let metrics = names.compactMap { name in run.metrics[name].map { "\(name) \(RunsFormat.metric($0))" } }
            rows.append([
                run.id, run.modelFamily, run.status.rawValue, metrics.joined(separator: "; "),
                RunsFormat.number(run.trainingSeconds, digits: 2) + "s", RunsFormat.truncate(run.hypothesis ?? "", 60),
            ])
        }
        print(RunsFormat.table(rows))
    }
}
