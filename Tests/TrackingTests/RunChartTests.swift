// Learning curve and comparison-of-runs charts from scikit-learn's numbers
// (Fixtures/chart_inputs.json), and the escaping of text in every SVG.
import Foundation
import Languages
import MLCore
import Testing

@testable import Tracking

extension ChartExportTests {
    @Suite struct RunChartTests {
        @Test func learningCurveDrawsMeanLinesOverStdBands() throws {
            let input = try ChartFixtures.load().learningCurve
            let probe = try SVGProbe(SVGRenderer.render(try Chart.learningCurve(input)))
            #expect(try probe.marks("area").count == 2)
            let lines = try probe.marks("line")
            #expect(lines.count == 2)
            #expect(try probe.marks("point").count == 2 * input.sizes.count)
            let x = try probe.xValue(), y = try probe.yValue()
            for (line, series) in zip(lines, input.series) {
                let pts = SVGProbe.points(line)
                #expect(pts.count == input.sizes.count)
                for ((px, py), (size, folds)) in zip(pts, zip(input.sizes, series.scores)) {
                    #expect(abs(x(px) - size) < 0.1)
                    #expect(abs(y(py) - folds.reduce(0, +) / Double(folds.count)) < 1e-3)
                }
            }
            #expect(try probe.texts("legend-label") == ["train", "validation"])
        }

        @Test func runComparisonShowsEachRunsValueAndInterval() throws {
            let input = try ChartFixtures.load().runComparison
            let probe = try SVGProbe(SVGRenderer.render(try Chart.runComparison(input)))
            #expect(try probe.texts("tick-y") == input.runs.map(\.label))
            let x = try probe.xValue()
            let dots = try probe.marks("point"), bars = try probe.marks("errorbar")
            #expect(dots.count == 3 && bars.count == 3)
            for (run, (dot, bar)) in zip(input.runs, zip(dots, bars)) {
                #expect(abs(x(SVGProbe.number(dot, "cx") ?? -1) - run.value) < 1e-3)
                #expect(abs(x(SVGProbe.number(bar, "x1") ?? -1) - (run.low ?? .nan)) < 1e-3)
                #expect(abs(x(SVGProbe.number(bar, "x2") ?? -1) - (run.high ?? .nan)) < 1e-3)
            }
            let reference = try #require(try probe.marks("rule").first)
            #expect(abs(x(SVGProbe.number(reference, "x1") ?? -1) - input.runs[0].value) < 1e-3)
            #expect(SVGProbe.number(reference, "y1") != SVGProbe.number(reference, "y2"))
        }

        @Test func runComparisonNeedsDistinctLabels() {
            #expect(throws: MLError.self) {
                try Chart.runComparison(
                    RunComparisonInput(metric: "f1", runs: [.init(label: "a", value: 1), .init(label: "a", value: 2)]))
            }
        }

        @Test func textIsEscapedAndSurvivesTheRoundTrip() throws {
            let nasty = #"a<b & "c" 'd' > e"#
            let input = FeatureImportanceInput(
                measure: "gain <&>",
                features: [
                    .init(name: nasty, mean: 0.5, std: 0.1),
                    .init(name: "x\u{1}y", mean: 0.2),
                ])
            var chart = try Chart.featureImportance(input)
            chart.title = "Title </svg> & <script>"
            let svg = SVGRenderer.render(chart)
            let probe = try SVGProbe(svg)
            #expect(try probe.texts("tick-y") == [nasty, "xy"])
            #expect(try probe.texts("title") == ["Title </svg> & <script>"])
            #expect(!svg.contains("<script>"))
        }

        @Test func everyChartIsAnSVGDocumentOfItsSize() throws {
            for chart in try AllCharts.make() {
                let probe = try SVGProbe(SVGRenderer.render(chart))
                let root = try #require(probe.root)
                #expect(root.name == "svg", "\(chart.kind)")
                #expect(SVGProbe.attribute(root, "width") == String(chart.width))
                #expect(try probe.texts("title") == [chart.title])
                #expect(try !probe.texts("axis-title-x").isEmpty && !probe.texts("axis-title-y").isEmpty)
            }
        }
    }
}

/// One of each chart, from the fixture, in one language.
enum AllCharts {
    static func make(_ language: Language = .en) throws -> [Chart] {
        var f = try ChartFixtures.load()
        let l = language
        if l == .fr {
            // The labels a caller gives (the model's output, the series' names) in the caller's language too.
            f.partialDependence.output = "survie prédite"
            f.shapSummary.output = "survie prédite"
            f.learningCurve.series = f.learningCurve.series.enumerated().map { i, s in
                var s = s
                s.name = i == 0 ? "entraînement" : "validation"
                return s
            }
        }
        return [
            try Chart.featureImportance(f.featureImportance, language: l),
            try Chart.shapSummary(f.shapSummary, language: l),
            try Chart.partialDependence(f.partialDependence, language: l),
            try Chart.confusionMatrix(f.confusionMatrix, language: l),
            try Chart.roc(f.roc, language: l),
            try Chart.precisionRecall(f.precisionRecall.curves, prevalence: f.precisionRecall.prevalence, language: l),
            try Chart.calibration(f.calibration, language: l), try Chart.residuals(f.residuals, language: l),
            try Chart.learningCurve(f.learningCurve, language: l),
            try Chart.runComparison(f.runComparison, language: l),
        ]
    }
}
