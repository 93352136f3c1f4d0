// Confusion matrix, ROC, precision-recall, calibration and residual charts drawn from
// scikit-learn's numbers (Fixtures/chart_inputs.json): well-formed SVG whose marks show those numbers.
import Foundation
import MLCore
import Testing

@testable import Tracking

extension ChartExportTests {
    @Suite struct EvaluationChartTests {
        @Test func confusionMatrixHasACellPerPairLabelledWithItsCount() throws {
            let input = try ChartFixtures.load().confusionMatrix
            let probe = try SVGProbe(SVGRenderer.render(try Chart.confusionMatrix(input)))
            #expect(try probe.marks("rect").count == 9)
            #expect(
                try probe.marks("text").map { $0.stringValue ?? "" } == input.counts.flatMap { $0.map(String.init) })
            #expect(try probe.texts("tick-x") == input.labels)
            #expect(try probe.texts("tick-y") == input.labels)
            // The largest count gets the darkest cell.
            let cells = try probe.marks("rect")
            let flat = input.counts.flatMap { $0 }
            let darkest = try #require(flat.indices.max { flat[$0] < flat[$1] })
            try #require(cells.count == flat.count)
            #expect(SVGProbe.attribute(cells[darkest], "fill") == "#1f4e79")
        }

        @Test func normalizedConfusionMatrixRowsAddUpToOneHundredPercent() throws {
            var input = try ChartFixtures.load().confusionMatrix
            input.normalize = true
            let labels = try SVGProbe(SVGRenderer.render(try Chart.confusionMatrix(input))).texts("text")
            let shares = labels.compactMap { Double($0.dropLast()) }
            #expect(shares.count == 9)
            for r in 0..<3 { #expect(abs(shares[(r * 3)..<(r * 3 + 3)].reduce(0, +) - 100) < 0.2) }
        }

        @Test func rocCurveFollowsScikitLearnPointsAndShowsAuc() throws {
            let curves = try ChartFixtures.load().roc
            let probe = try SVGProbe(SVGRenderer.render(try Chart.roc(curves)))
            let x = try probe.xValue(), y = try probe.yValue()
            let line = try #require(try probe.marks("line").first { $0.name == "polyline" })
            let pts = SVGProbe.points(line)
            #expect(pts.count == curves[0].x.count)
            for ((px, py), (fpr, tpr)) in zip(pts, zip(curves[0].x, curves[0].y)) {
                #expect(abs(x(px) - fpr) < 1e-3 && abs(y(py) - tpr) < 1e-3)
            }
            let diagonal = try #require(try probe.marks("rule").first)
            #expect(
                abs(x(SVGProbe.number(diagonal, "x1") ?? -1)) < 1e-9
                    && abs(y(SVGProbe.number(diagonal, "y2") ?? -1) - 1) < 1e-9)
            #expect(try probe.texts("legend-label").contains("class 1 (AUC 0.9942)"))
            #expect(try probe.texts("axis-title-x") == ["false positive rate"])
        }

        @Test func precisionRecallCurveHasThePrevalenceLine() throws {
            let pr = try ChartFixtures.load().precisionRecall
            let probe = try SVGProbe(
                SVGRenderer.render(try Chart.precisionRecall(pr.curves, prevalence: pr.prevalence)))
            let y = try probe.yValue()
            let rule = try #require(try probe.marks("rule").first)
            #expect(abs(y(SVGProbe.number(rule, "y1") ?? -1) - pr.prevalence) < 1e-3)
            let pts = SVGProbe.points(try #require(try probe.marks("line").first { $0.name == "polyline" }))
            #expect(pts.count == pr.curves[0].x.count)
            #expect(zip(pts, pr.curves[0].y).allSatisfy { abs(y($0.1) - $1) < 1e-3 })
        }

        @Test func calibrationCurveMarksEachBin() throws {
            let curves = try ChartFixtures.load().calibration
            let probe = try SVGProbe(SVGRenderer.render(try Chart.calibration(curves)))
            let x = try probe.xValue(), y = try probe.yValue()
            let dots = try probe.marks("point")
            #expect(dots.count == curves[0].x.count)
            for (d, (mx, fy)) in zip(dots, zip(curves[0].x, curves[0].y)) {
                #expect(
                    abs(x(SVGProbe.number(d, "cx") ?? -1) - mx) < 1e-3
                        && abs(y(SVGProbe.number(d, "cy") ?? -1) - fy) < 1e-3)
            }
            #expect(try probe.texts("legend-label").contains("perfectly calibrated"))
        }

        @Test func residualsArePlottedAsActualMinusPredicted() throws {
            let input = try ChartFixtures.load().residuals
            let probe = try SVGProbe(SVGRenderer.render(try Chart.residuals(input)))
            let x = try probe.xValue(), y = try probe.yValue()
            let dots = try probe.marks("point")
            #expect(dots.count == input.predicted.count)
            for (i, d) in dots.enumerated() {
                #expect(abs(x(SVGProbe.number(d, "cx") ?? -1) - input.predicted[i]) < 0.02)
                #expect(abs(y(SVGProbe.number(d, "cy") ?? -1) - (input.actual[i] - input.predicted[i])) < 0.02)
            }
            let zero = try #require(try probe.marks("rule").first)
            #expect(abs(y(SVGProbe.number(zero, "y1") ?? -1)) < 1e-6)
        }

        @Test func evaluationChartsRejectMismatchedShapes() {
            #expect(throws: MLError.self) {
                try Chart.confusionMatrix(ConfusionMatrixInput(labels: ["a", "b"], counts: [[1, 2]]))
            }
            #expect(throws: MLError.self) { try Chart.roc([CurveInput(name: "c", x: [0, 1], y: [0])]) }
            #expect(throws: MLError.self) { try Chart.residuals(ResidualsInput(predicted: [1], actual: [])) }
        }
    }
}
