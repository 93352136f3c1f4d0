// `mlexp runs compare A B`: two runs side by side (parameters and metrics), the difference of each
// metric, and, when both were validated on the same folds, a corrected resampled t-test per metric.
import ArgumentParser
import Foundation
import Tracking

struct RunsCompareCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "compare", abstract: "Compare two runs side by side.")

    @OptionGroup var options: RunStoreOptions
    @Argument(help: "The first run id (the reference).") var a: String
    @Argument(help: "The second run id.") var b: String

    func run() async throws {
        let comparison = try options.openStore().compare(a, b)
        var rows = [["", comparison.a.id, comparison.b.id]]
        for p in comparison.parameters {
            let marker = p.a == p.b ? "" : " *"
            rows.append([p.name + marker, RunsFormat.truncate(p.a ?? "—", 40), RunsFormat.truncate(p.b ?? "—", 40)])
        }
        print(RunsFormat.table(rows))
        print("(* differs)\n")
        var metricRows = [["METRIC", comparison.a.id, comparison.b.id, "B − A"]]
        for m in comparison.metrics {
            let delta = (m.a?.mean).flatMap { a in (m.b?.mean).map { b in RunsFormat.number(b - a) } } ?? "—"
            metricRows.append([m.name, m.a.map(RunsFormat.metric) ?? "—", m.b.map(RunsFormat.metric) ?? "—", delta])
        }
        print(RunsFormat.table(metricRows))
        print()
        if let chart = comparison.chartText() { print(chart + "\n") }
        for line in RunsPairedTest.lines(comparison) { print(line) }
    }
}
