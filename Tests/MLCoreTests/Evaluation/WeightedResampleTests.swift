// The weighted resample (multiplicities scored in one pass over rows sorted once) against its naive
// twin (rows repeated by their multiplicity, then Metrics.score): the same value for every metric on
// the same multiplicities — bit for bit for the counting metrics, to 1e-12 for the means — on random
// scores, scores with many ties, a constant predictor, and tiny sets where classes go missing.

import Testing

@testable import MLCore

@Suite struct WeightedResampleTests {
    static let exact: Set<String> = [
        "accuracy", "balanced_accuracy", "precision", "recall", "f1", "f1_macro", "f1_weighted", "mcc", "roc_auc",
        "average_precision", "median_ae",
    ]

    /// A classification prediction: `ties` rounds the scores to a few levels, `constant` ties them all.
    static func classes(rows: Int, classes k: Int, seed: UInt64, ties: Bool = false, constant: Bool = false) -> (
        TargetValues, Prediction
    ) {
        var g = SeededGenerator(seed: seed)
        let y = (0..<rows).map { _ in g.nextInt(below: k) }
        var probs: [Double] = []
        var labels: [Int] = []
        for i in 0..<rows {
            var row = (0..<k).map { c in (c == y[i] ? 0.8 : 0) + g.nextUnit() }
            if ties { row = row.map { ($0 * 4).rounded() + 1 } }
            if constant { row = (0..<k).map { Double($0 + 1) } }
            let s = row.reduce(0, +)
            row = row.map { $0 / s }
            probs += row
            labels.append(row.indices.max { row[$0] < row[$1] } ?? 0)
        }
        return (
            .classes(labels: y, classNames: (0..<k).map { "c\($0)" }),
            .classes(labels: labels, probabilities: probs, classCount: k)
        )
    }

    func expectSame(_ key: String, _ t: TargetValues, _ p: Prediction, seed: UInt64 = 3) throws {
        let scorer = try WeightedScorer(key, target: t, prediction: p)
        for i in 0..<25 {
            let w = ResampleWeights.weights(rows: t.count, seed: seed, index: i)
            let fast = w.withUnsafeBufferPointer { scorer.score($0) }
            let naive = Bootstrap.naiveScore(key, target: t, prediction: p, weights: w)
            if Self.exact.contains(key) {
                #expect(fast == naive, "\(key) resample \(i)")
            } else {
                #expect((fast == nil) == (naive == nil), "\(key) resample \(i)")
                if let fast, let naive { #expect(abs(fast - naive) <= 1e-12 * max(1, abs(naive)), "\(key) \(i)") }
            }
        }
    }

    @Test(arguments: [false, true])
    func binaryMetricsEqualTheNaiveResample(ties: Bool) throws {
        let (t, p) = Self.classes(rows: 3000, classes: 2, seed: 1, ties: ties)
        for key in [
            "accuracy", "balanced_accuracy", "precision", "recall", "f1", "mcc", "roc_auc", "average_precision",
            "log_loss", "brier",
        ] {
            try expectSame(key, t, p)
        }
    }

    @Test func multiclassMetricsEqualTheNaiveResample() throws {
        let (t, p) = Self.classes(rows: 1500, classes: 4, seed: 2, ties: true)
        for key in ["accuracy", "f1_macro", "f1_weighted", "balanced_accuracy", "mcc", "roc_auc", "log_loss", "brier"] {
            try expectSame(key, t, p)
        }
    }

    @Test func aConstantPredictorIsOneTieGroup() throws {
        let (t, p) = Self.classes(rows: 2000, classes: 2, seed: 4, constant: true)
        try expectSame("roc_auc", t, p)
        try expectSame("average_precision", t, p)
    }

    @Test func tinySetsAgreeWhereAClassGoesMissing() throws {
        let (t, p) = Self.classes(rows: 6, classes: 2, seed: 5)
        for key in ["roc_auc", "average_precision", "accuracy", "log_loss"] { try expectSame(key, t, p, seed: 9) }
    }

    @Test func regressionMetricsEqualTheNaiveResample() throws {
        var g = SeededGenerator(seed: 6)
        let y = (0..<2500).map { _ in 10 * g.nextUnit() + 0.1 }
        let p = y.map { ($0 + g.nextGaussian()).rounded() }  // rounded: tied absolute errors
        for key in ["r2", "rmse", "mae", "mape", "median_ae", "rmsle"] {
            try expectSame(key, .values(y), .values(p.map { max($0, 0) }))
        }
    }

    @Test func intervalAndComparisonDoNotDependOnTheResampleBatches() throws {
        // The same seed gives the same interval; weights are a pure function of (seed, resample).
        let (t, p) = Self.classes(rows: 5000, classes: 2, seed: 7)
        let a = try Bootstrap.interval(metric: "roc_auc", target: t, prediction: p, resamples: 100, seed: 2)
        let naive = (0..<100).compactMap { i in
            Bootstrap.naiveScore(
                "roc_auc", target: t, prediction: p, weights: ResampleWeights.weights(rows: 5000, seed: 2, index: i))
        }
        #expect(a.low == Stats.quantile(naive, 0.025) && a.high == Stats.quantile(naive, 0.975))
        #expect(
            ResampleWeights.weights(rows: 10, seed: 2, index: 3) == ResampleWeights.weights(rows: 10, seed: 2, index: 3)
        )
    }

    @Test(arguments: [0, 1, 15, 16, 17, 1001])
    func vectorWeightsEqualTheScalarDraws(rows: Int) {
        // Naive twin: one draw per four rows, a 16-bit lane each, counted against the thresholds.
        var rng = SeededGenerator(seed: 8, stream: 0xB007_0000 &+ 5)
        var naive: [UInt8] = []
        while naive.count < rows {
            let h = rng.next()
            for j in 0..<min(4, rows - naive.count) {
                let u = UInt16(truncatingIfNeeded: h >> (16 * UInt64(j)))
                naive.append(UInt8(ResampleWeights.cdf.filter { u >= $0 }.count))
            }
        }
        #expect(ResampleWeights.weights(rows: rows, seed: 8, index: 5) == naive)
    }

    @Test func intervalsOnSharedResamplesEqualEachMetricsOwnInterval() throws {
        let (t, p) = Self.classes(rows: 400, classes: 2, seed: 12, ties: true)
        let keys = ["roc_auc", "accuracy", "f1", "average_precision", "log_loss", "r2"]  // r2 does not apply
        let all = try Bootstrap.intervals(metrics: keys, target: t, prediction: p, resamples: 60, seed: 4)
        #expect(all.map(\.metric) == Array(keys.prefix(5)))
        for ci in all {
            #expect(ci == (try Bootstrap.interval(metric: ci.metric, target: t, prediction: p, resamples: 60, seed: 4)))
        }
    }

    @Test func poissonWeightsHaveMeanAndVarianceOne() {
        let w = ResampleWeights.weights(rows: 200_000, seed: 11, index: 0).map(Double.init)
        #expect(abs(Stats.mean(w) - 1) < 0.01)
        #expect(abs(Stats.std(w) * Stats.std(w) - 1) < 0.02)
    }
}
