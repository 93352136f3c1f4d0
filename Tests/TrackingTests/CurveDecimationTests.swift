// Decimated curves (CurveDecimation): a ROC curve of 200,000 rows and a wiggly curve keep at most 500
// points, their first, last and extreme points, and every dropped point lies within the stated
// tolerance (here ≤ 0.01 in the curve's units) of the kept polyline; short curves are left whole.

import Foundation
import MLCore
import Testing

@testable import Tracking

@Suite struct CurveDecimationTests {
    /// ROC points (fpr, tpr) of noisy scores, one per distinct threshold from the highest down.
    static func rocCurve(rows: Int, seed: UInt64) -> ([Double], [Double]) {
        var g = SeededGenerator(seed: seed)
        let labels = (0..<rows).map { _ in g.nextInt(below: 2) }
        let scores = labels.map { Double($0) * 0.6 + g.nextUnit() }
        let order = scores.indices.sorted { scores[$0] > scores[$1] }
        let p = Double(labels.reduce(0, +)), n = Double(rows) - p
        var fpr = [0.0], tpr = [0.0], tp = 0.0, fp = 0.0
        for i in order {
            if labels[i] == 1 { tp += 1 } else { fp += 1 }
            fpr.append(fp / n); tpr.append(tp / p)
        }
        return (fpr, tpr)
    }

    func expectShapeKept(_ x: [Double], _ y: [Double], bound: Double) {
        let (kept, tolerance) = CurveDecimation.decimate(x: x, y: y, maxPoints: 500)
        #expect(kept.count <= 500 && kept.count >= 4)
        #expect(kept.first == 0 && kept.last == x.count - 1)
        let lo = y.indices.min { y[$0] < y[$1] } ?? 0, hi = y.indices.max { y[$0] < y[$1] } ?? 0
        #expect(kept.contains(lo) && kept.contains(hi), "extremes of y kept")
        #expect(tolerance <= bound)
        var worst = 0.0
        for (a, b) in zip(kept, kept.dropFirst()) where b > a + 1 {
            for i in (a + 1)..<b {
                worst = max(worst, CurveDecimation.distance(x[i], y[i], x[a], y[a], x[b], y[b]))
            }
        }
        #expect(worst <= tolerance, "every dropped point within the tolerance of the kept polyline")
    }

    @Test func aMillionRowROCCurveKeepsItsShapeIn500Points() {
        let (x, y) = Self.rocCurve(rows: 200_000, seed: 3)
        expectShapeKept(x, y, bound: 0.01)
    }

    @Test func aWigglyCurveKeepsItsTurningPoints() {
        let x = (0..<20_000).map { Double($0) / 20_000 }
        let y = x.map { 0.5 + 0.4 * sin(12 * $0) * (1 - $0) }
        expectShapeKept(x, y, bound: 0.01)
    }

    @Test func shortCurvesAreLeftWhole() {
        let (kept, tolerance) = CurveDecimation.decimate(x: [0, 0.5, 1], y: [0, 0.7, 1])
        #expect(kept == [0, 1, 2] && tolerance == 0)
    }

    @Test func chartsOfLargeEvaluationsHoldAtMost500PointsPerCurve() throws {
        let (x, y) = Self.rocCurve(rows: 50_000, seed: 4)
        let chart = try Chart.roc([CurveInput(name: "m", x: x, y: y)])
        let line = chart.layers.filter { $0.mark == .line }
        #expect(line.count == 1 && line[0].data.count <= 500)
    }
}
