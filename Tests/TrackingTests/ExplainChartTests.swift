// Feature importance, SHAP summary and partial dependence charts drawn from scikit-learn's and
// shap's numbers (Fixtures/chart_inputs.json, written by scripts/fixtures/chart_inputs.py): the SVG
// is well-formed XML and its marks, read back through the axis ticks, show those numbers.
import Foundation
import MLCore
import Testing

@testable import Tracking

extension ChartExportTests {
    @Suite struct ExplainChartTests {
        @Test func featureImportanceBarsShowMeansAndErrorBarsShowStd() throws {
            let input = try ChartFixtures.load().featureImportance
            let svg = SVGRenderer.render(try Chart.featureImportance(input))
            let probe = try SVGProbe(svg)
            let sorted = input.features.sorted { $0.mean > $1.mean }
            #expect(try probe.texts("tick-y") == sorted.map(\.name))
            let bars = try probe.marks("bar")
            #expect(bars.count == input.features.count)
            let value = try probe.xValue()
            for (bar, f) in zip(bars, sorted) {
                let x = try #require(SVGProbe.number(bar, "x")), w = try #require(SVGProbe.number(bar, "width"))
                #expect(abs(value(x + w) - f.mean) < 1e-3, "bar of \(f.name)")
            }
            let errors = try probe.marks("errorbar")
            #expect(errors.count == sorted.filter { $0.std != nil }.count)
            for (e, f) in zip(errors, sorted) {
                let std = try #require(f.std)
                #expect(abs(value(try #require(SVGProbe.number(e, "x1"))) - (f.mean - std)) < 1e-3)
                #expect(abs(value(try #require(SVGProbe.number(e, "x2"))) - (f.mean + std)) < 1e-3)
            }
            #expect(try probe.texts("axis-title-x") == ["drop in roc_auc"])
        }

        @Test func importanceFromRepeatsUsesMeanAndSampleStd() throws {
            let fixture = try ChartFixtures.load().featureImportance
            let repeats = try ChartFixtures.repeats()
            for f in fixture.features {
                let fromRepeats = FeatureImportanceInput.Feature(name: f.name, repeats: try #require(repeats[f.name]))
                #expect(abs(fromRepeats.mean - f.mean) < 1e-5)
                // scikit-learn reports the population std (ddof 0); ours is the sample std (ddof 1).
                let n = Double(try #require(repeats[f.name]).count)
                #expect(abs(try #require(fromRepeats.std) * ((n - 1) / n).squareRoot() - (f.std ?? -1)) < 1e-5)
            }
        }

        @Test func shapSummaryHasOneDotPerRowOrderedByMeanAbsoluteShap() throws {
            let input = try ChartFixtures.load().shapSummary
            let probe = try SVGProbe(SVGRenderer.render(try Chart.shapSummary(input)))
            let meanAbs = { (f: ShapSummaryInput.Feature) in f.shapValues.map(abs).reduce(0, +) }
            #expect(try probe.texts("tick-y") == input.features.sorted { meanAbs($0) > meanAbs($1) }.map(\.name))
            let dots = try probe.marks("point")
            #expect(dots.count == input.features.map(\.shapValues.count).reduce(0, +))
            let value = try probe.xValue()
            let drawn = try dots.map { value(try #require(SVGProbe.number($0, "cx"))) }.sorted()
            let given = input.features.flatMap(\.shapValues).sorted()
            #expect(zip(drawn, given).allSatisfy { abs($0 - $1) < 0.01 })
            // The row with the highest feature value is drawn in the "high" colour.
            let cty = try #require(input.features.first { $0.name == "cty" })
            let values = try #require(cty.featureValues).map { $0 ?? 0 }
            let top = try #require(values.indices.max { values[$0] < values[$1] })
            let topX = try #require(
                dots.first {
                    abs(value(SVGProbe.number($0, "cx") ?? 0) - cty.shapValues[top]) < 1e-3
                        && SVGProbe.attribute($0, "fill") == "#d1495b"
                })
            _ = topX
        }

        @Test func shapSummaryKeepsTheTopFeaturesAndCapsDotsPerFeature() throws {
            var input = try ChartFixtures.load().shapSummary
            input.top = 2
            input.maxPoints = 10
            let probe = try SVGProbe(SVGRenderer.render(try Chart.shapSummary(input)))
            #expect(try probe.texts("tick-y").count == 2)
            #expect(try probe.marks("point").count == 20)
        }

        @Test func partialDependenceDrawsTheAverageOverIndividualCurves() throws {
            let input = try ChartFixtures.load().partialDependence
            let probe = try SVGProbe(SVGRenderer.render(try Chart.partialDependence(input)))
            let lines = try probe.marks("line")
            #expect(lines.count == input.individual.count + 1)
            let x = try probe.xValue(), y = try probe.yValue()
            let average = try #require(lines.last).self
            let pts = SVGProbe.points(average)
            #expect(pts.count == input.grid.count)
            for ((px, py), (g, a)) in zip(pts, zip(input.grid, input.average)) {
                #expect(abs(x(px) - g) < 0.01)
                #expect(abs(y(py) - a) < 0.02)
            }
            #expect(try probe.texts("legend-label") == ["individual rows (ICE)", "partial dependence"])
        }

        @Test func explainChartsRejectBadInputWithAMessage() {
            #expect(throws: MLError.self) {
                try Chart.featureImportance(FeatureImportanceInput(measure: "gain", features: []))
            }
            #expect(throws: MLError.self) {
                try Chart.partialDependence(PartialDependenceInput(feature: "a", grid: [1, 2], average: [1]))
            }
            #expect(throws: MLError.self) {
                try Chart.shapSummary(
                    ShapSummaryInput(features: [.init(name: "a", shapValues: [1, 2], featureValues: [1])]))
            }
            #expect(throws: MLError.self) {
                try Chart.featureImportance(
                    FeatureImportanceInput(measure: "gain", features: [.init(name: "a", mean: .nan)]))
            }
        }
    }
}
