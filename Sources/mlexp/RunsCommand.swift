// `mlexp runs [--json]`: the recorded runs, newest first, as a table or as JSON (a list of runs,
// each with id, model, metrics {name: {mean, std, ci_low, ci_high}}, fit_seconds, hypothesis, …).
// `--sessions` lists the sessions of the workspace's transcripts instead, interrupted ones marked
// (resume them with `mlexp run --resume` or `mlexp chat --resume`). Subcommands: show, compare, push.
import Agent
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
    @Flag(help: "List the sessions (from transcripts/), interrupted ones marked, instead of the runs.")
    var sessions = false

    func run() async throws {
        if sessions { return listSessions() }
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

    /// One line per transcript, newest first: when, command, data → target, messages, state.
    func listSessions() {
        let folder = options.workspaceURL.appendingPathComponent("transcripts")
        var rows = [["TRANSCRIPT", "COMMAND", "PROBLEM", "SESSION", "MESSAGES", "STATE"]]
        var objects: [JSONValue] = []
        for url in SessionResume.transcripts(in: folder).reversed().prefix(limit ?? Int.max) {
            guard let r = try? SessionResume(url: url) else { continue }
            let h = r.transcript.header
            let state =
                r.isFinished
                ? "finished" : r.wasKilled ? "interrupted (resume: --resume)" : "stopped (resume: --resume)"
            let problem = [h.data, h.target].compactMap { $0 }.joined(separator: " → ")
            rows.append([
                url.lastPathComponent, h.command, problem, h.session ?? "", String(r.history.count), state,
            ])
            objects.append([
                "transcript": .string(url.path), "command": .string(h.command),
                "data": h.data.map { .string($0) } ?? .null,
                "target": h.target.map { .string($0) } ?? .null, "session": h.session.map { .string($0) } ?? .null,
                "messages": .int(r.history.count), "finished": .bool(r.isFinished), "interrupted": .bool(!r.isFinished),
            ])
        }
        if json { return print(JSONValue.array(objects).text) }
        print(rows.count == 1 ? "No session transcripts in \(folder.path)." : RunsFormat.table(rows))
    }
}
