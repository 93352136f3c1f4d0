// The ROC / precision-recall curves from one radix sort equal the comparison-sort twin point for point,
// ties included, and match scikit-learn on a small case.
import Testing

@testable import MLCore

@Suite struct ScoreCurvesTests {
    /// The plain version: a comparison sort of the rows by score, highest first.
    private func naive(_ positives: [Bool], _ scores: [Double]) -> [[Double]] {
        let order = scores.indices.sorted { scores[$0] > scores[$1] }
        let p = Double(positives.count { $0 }), n = Double(positives.count) - p
        var fpr = [0.0], tpr = [0.0], precision = [1.0]
        var tp = 0.0, fp = 0.0
        for (k, i) in order.enumerated() {
            if positives[i] { tp += 1 } else { fp += 1 }
            if k + 1 < order.count, scores[order[k + 1]] == scores[i] { continue }
            fpr.append(fp / n)
            tpr.append(tp / p)
            precision.append(tp / (tp + fp))
        }
        return [fpr, tpr, precision]
    }

    @Test(arguments: [300, 5_000, 40_000])
    func theRadixOrderGivesTheComparisonSortsCurves(rows: Int) {
        var g = SeededGenerator(seed: UInt64(rows))
        // Scores rounded to 1/200: many ties, and a signed zero among them.
        let scores = (0..<rows).map { i in i == 7 ? -0.0 : Double(g.nextInt(below: 201)) / 200 }
        let positives = scores.map { s in Double(g.nextInt(below: 1_000)) / 1_000 < s }
        let c = ScoreCurves.rocAndPrecisionRecall(positives: positives, scores: scores)
        #expect([c.fpr, c.tpr, c.precision] == naive(positives, scores))
        #expect(c.recall == c.tpr)
    }

    @Test func aSmallCaseMatchesScikitLearn() {
        // sklearn.metrics.roc_curve([1,0,1,0,1], [0.9,0.8,0.8,0.3,0.1], drop_intermediate=False):
        // fpr [0, 0, 0.5, 1, 1], tpr [0, 1/3, 2/3, 2/3, 1].
        let c = ScoreCurves.rocAndPrecisionRecall(
            positives: [true, false, true, false, true], scores: [0.9, 0.8, 0.8, 0.3, 0.1])
        let fpr: [Double] = [0, 0, 0.5, 1, 1], tpr: [Double] = [0, 1.0 / 3, 2.0 / 3, 2.0 / 3, 1]
        #expect(c.fpr == fpr)
        #expect(c.tpr == tpr)
    }

    @Test func oneClassHasNoCurve() {
        #expect(ScoreCurves.rocAndPrecisionRecall(positives: [true, true], scores: [0.2, 0.7]).fpr.isEmpty)
    }
}
