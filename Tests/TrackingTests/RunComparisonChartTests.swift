// `mlexp runs compare`'s terminal chart (RunComparison.chartText): the shared main metric of the two
// runs, each drawn as a row with its interval, the reference run named, plain characters only.
import Foundation
import Testing

@testable import Tracking

@Suite struct RunComparisonChartTests {
    func run(_ id: String, _ family: String, _ mean: Double, _ low: Double, _ high: Double) -> RunRecord {
        var r = RunRecord(
            dataset: DatasetInfo(fingerprint: "f", rows: 10, columns: 2, path: "d.csv"), target: "y",
            task: "multiclass", modelFamily: family)
        r.id = id
        r.metrics = ["accuracy": MetricSummary(mean: mean, ciLow: low, ciHigh: high)]
        return r
    }

    @Test func comparisonTextShowsBothRunsWithIntervals() throws {
        let c = RunComparison(run("r0001", "baseline", 0.4, 0.35, 0.45), run("r0002", "gbdt", 0.9, 0.85, 0.95))
        #expect(c.chartMetric == "accuracy")
        let text = try #require(c.chartText())
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.contains("r0001 baseline") })
        #expect(lines.contains { $0.contains("r0002 gbdt") })
        #expect(text.contains("├") && text.contains("┤"))
        #expect(!text.contains("\u{1B}["), "no ANSI colour")
        let chart = try #require(c.chart())
        #expect(chart.layers.first { $0.mark == .errorBar }?.data.count == 2)
    }
}
