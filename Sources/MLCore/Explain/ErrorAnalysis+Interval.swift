// A 95 % interval on one slice's score, so a weak segment is a finding only when its gap is beyond
// noise (the interval excludes the overall score). Accuracy: the Wilson interval of the share of
// correct rows; mean absolute error: mean ± t · sd / √n of the rows' absolute errors; any other
// metric: the 2.5 and 97.5 percentiles of 200 seeded bootstrap resamples of the slice's rows.
// Leaves out: the uncertainty of the overall score (it is taken as the reference, measured on all rows).

import Foundation

extension ErrorAnalysis {
    static let intervalZ = 1.959_963_984_540_054
    static let bootstrapResamples = 200

    /// The interval of `metric` on `rows`; nil when it cannot be computed (fewer than two rows, a metric
    /// undefined on a resample).
    static func sliceInterval(
        _ metric: String, target: TargetValues, prediction: Prediction, rows: [Int]
    ) -> (low: Double, high: Double)? {
        let n = rows.count
        guard n >= 2 else { return nil }
        switch (metric, target, prediction) {
        case ("accuracy", .classes(let y, _), .classes(let p, _, _)):
            let correct = rows.filter { y[$0] == p[$0] }.count
            return wilson(successes: correct, n: n)
        case ("mae", .values(let y), .values(let p)):
            let errors = rows.map { abs(y[$0] - p[$0]) }
            let half = Stats.studentTQuantile(0.975, df: Double(n - 1)) * Stats.std(errors) / Double(n).squareRoot()
            let mean = Stats.mean(errors)
            return (mean - half, mean + half)
        default:
            var rng = SeededGenerator(seed: UInt64(n) &* 0x9E37_79B9_7F4A_7C15 ^ 17)
            var scores: [Double] = []
            for _ in 0..<bootstrapResamples {
                let sample = (0..<n).map { _ in rows[Int(rng.next() % UInt64(n))] }
                if let s = try? Metrics.score(
                    metric, target: target.selecting(rows: sample), prediction: prediction.selecting(rows: sample)),
                    s.isFinite
                {
                    scores.append(s)
                }
            }
            guard scores.count >= bootstrapResamples / 2 else { return nil }
            return (Stats.quantile(scores, 0.025), Stats.quantile(scores, 0.975))
        }
    }

    /// Wilson's 95 % score interval of a proportion.
    static func wilson(successes: Int, n: Int) -> (low: Double, high: Double) {
        let p = Double(successes) / Double(n), z2 = intervalZ * intervalZ, nd = Double(n)
        let center = (p + z2 / (2 * nd)) / (1 + z2 / nd)
        let half = intervalZ / (1 + z2 / nd) * (p * (1 - p) / nd + z2 / (4 * nd * nd)).squareRoot()
        return (max(0, center - half), min(1, center + half))
    }
}

extension ErrorAnalysisResult.Slice {
    /// Whether the slice is worse than `overall` beyond noise: its 95 % interval lies wholly on the
    /// worse side of the overall score (below it when greater is better).
    public func worseBeyondNoise(than overall: Double, greaterIsBetter: Bool) -> Bool {
        guard let low, let high else { return false }
        return greaterIsBetter ? high < overall : low > overall
    }
}
