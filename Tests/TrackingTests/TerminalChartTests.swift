// The Unicode rendering of charts: bars as long as their values, intervals and dots on rows,
// heatmap counts, and braille curves within their frame.
import Foundation
import Testing

@testable import Tracking

extension ChartExportTests {
    @Suite struct TerminalChartTests {
        @Test func barsAreProportionalToTheirValues() throws {
            let input = FeatureImportanceInput(
                measure: "gain", features: [.init(name: "big", mean: 10), .init(name: "half", mean: 5)])
            let text = TerminalChart.render(try Chart.featureImportance(input), width: 40)
            let rows = text.split(separator: "\n").map(String.init)
            let big = try #require(rows.first { $0.hasPrefix("big") }),
                half = try #require(rows.first { $0.hasPrefix("half") })
            let blocks = { (s: String) in s.filter { $0 == "█" }.count }
            // The axis ends at 10 over 40 cells: 40 full blocks, then 20.
            #expect(blocks(big) == 40 && blocks(half) == 20)
            #expect(big.hasSuffix(" 10") && half.hasSuffix(" 5"))
        }

        @Test func runComparisonRowsShowIntervalsAndValues() throws {
            let input = try ChartFixtures.load().runComparison
            let text = TerminalChart.render(try Chart.runComparison(input))
            for run in input.runs {
                let row = try #require(text.split(separator: "\n").first { $0.hasPrefix(run.label) })
                #expect(row.contains("●"), "\(row)")
                // Wide intervals show both caps (a narrow one is hidden under its dot).
                if (run.high ?? 0) - (run.low ?? 0) > 0.1 { #expect(row.contains("├") && row.contains("┤"), "\(row)") }
                #expect(row.contains(ChartFormat.number(run.value)))
            }
        }

        @Test func heatmapListsEveryCount() throws {
            let input = try ChartFixtures.load().confusionMatrix
            let lines = TerminalChart.render(try Chart.confusionMatrix(input)).split(separator: "\n")
            #expect(lines.count == 2 + input.labels.count)
            for (i, row) in input.counts.enumerated() {
                let cells = lines[2 + i].split(separator: " ").dropFirst().map { $0.filter(\.isNumber) }
                #expect(cells == row.map(String.init), "\(lines[2 + i])")
            }
        }

        @Test func curvesAreBrailleWithinTheFrame() throws {
            let text = TerminalChart.render(try Chart.roc(try ChartFixtures.load().roc), width: 30, height: 8)
            let lines = text.split(separator: "\n").map(String.init)
            let plot = lines.filter { $0.contains("┤") }
            #expect(plot.count == 8)
            #expect(plot.allSatisfy { $0.split(separator: "┤", maxSplits: 1).last?.count == 30 })
            let dots = plot.joined().unicodeScalars.filter { (0x2801...0x28FF).contains($0.value) }
            #expect(dots.count > 10)
            #expect(lines.last?.contains("AUC") == true)
        }

        @Test func everyChartRendersInTheTerminal() throws {
            for chart in try AllCharts.make() {
                let text = TerminalChart.render(chart)
                #expect(text.hasPrefix(chart.title) && text.split(separator: "\n").count >= 3, "\(chart.kind)")
            }
        }
    }
}
