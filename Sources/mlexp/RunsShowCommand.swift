// `mlexp runs show ID [--json]`: everything recorded about one run, including every evaluation of
// it on the sealed test split.
import ArgumentParser
import Foundation
import Tracking

struct RunsShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one run in full.")

    @OptionGroup var options: RunStoreOptions
    @Argument(help: "The run id (see `mlexp runs`).") var id: String
    @Flag(help: "Print JSON.") var json = false

    func run() async throws {
        let store = try options.openStore()
        let run = try store.get(id)
        let tests = try store.testEvaluations(runID: id)
        if json {
            print(try RunJSONView.jsonText(run.jsonView(testEvaluations: tests)))
            return
        }
        var rows: [[String]] = [
            ["id", run.id], ["created", "\(run.createdAt)"], ["status", run.status.rawValue],
            ["model", run.modelFamily], ["task", run.task], ["target", run.target ?? "—"],
            [
                "dataset",
                "\(run.dataset.path) (\(run.dataset.rows) rows × \(run.dataset.columns) columns, \(run.dataset.fingerprint.prefix(16)))",
            ],
            ["features", run.features.isEmpty ? "—" : run.features.joined(separator: ", ")],
            ["dropped", run.droppedColumns.isEmpty ? "—" : run.droppedColumns.joined(separator: ", ")],
            ["preprocessing", run.preprocessing.description], ["validation", run.validation.description],
            ["seed", String(run.seed)], ["fit", RunsFormat.number(run.trainingSeconds, digits: 3) + " s"],
            ["hypothesis", run.hypothesis ?? "—"], ["prompt", run.promptVersion ?? "—"],
            ["session", run.sessionID ?? "—"], ["model blob", run.model.map { "\($0.count) bytes" } ?? "none"],
            ["mlflow", run.mlflowStatus.rawValue + (run.mlflowRunID.map { " (\($0))" } ?? "")],
        ]
        for key in run.hyperParameters.keys.sorted() {
            rows.append(["param \(key)", run.hyperParameters[key]?.description ?? ""])
        }
        for name in RunsFormat.orderedMetricNames(run.metrics.keys) {
            guard let m = run.metrics[name] else { continue }
            let folds = run.foldMetrics.compactMap { $0[name] }.map { RunsFormat.number($0) }
            rows.append([
                "metric \(name)",
                RunsFormat.metric(m) + (folds.isEmpty ? "" : "  folds: " + folds.joined(separator: " ")),
            ])
        }
        print(RunsFormat.table(rows))
        if tests.isEmpty {
            print("\nSealed test split: never evaluated.")
        } else {
            print("\nSealed test split evaluations:")
            for test in tests {
                let metrics = RunsFormat.orderedMetricNames(test.metrics.keys).compactMap { name in
                    test.metrics[name].map { "\(name) \(RunsFormat.metric($0))" }
                }
                print("  \(test.evaluatedAt) by \(test.requestedBy): \(metrics.joined(separator: "; "))")
            }
        }
    }
}
