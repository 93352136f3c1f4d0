// "Is B better than A, by how much, how sure": a paired comparison of two models evaluated on the
// same rows (paired bootstrap of the metric difference) or the same CV folds (corrected resampled
// t-test of Nadeau & Bengio 2003, which widens the variance by n_valid/n_train because training
// sets overlap). The difference is oriented so that positive always means B is better.
// Leaves out: multiple-comparison corrections across many models.

/// The answer of a paired comparison, for people and for the agent.
public struct ComparisonResult: Sendable, Codable, Equatable {
    public var metric: String
    /// "paired_bootstrap" or "corrected_t_test".
    public var method: String
    public var scoreA: Double
    public var scoreB: Double
    /// How much better B is than A (positive: B better, for losses too).
    public var improvement: Double
    public var low: Double
    public var high: Double
    public var confidence: Double
    /// Two-sided p-value of "no difference".
    public var pValue: Double
    public var significant: Bool
    /// "A", "B" or "neither".
    public var better: String
    public var summary: String
    /// Rows resampled when a seeded sample of them stood in for all (paired bootstrap beyond 100,000 rows).
    public var sampledRows: Int?

    init(
        metric: String, method: String, a: Double, b: Double, improvement: Double, low: Double, high: Double,
        confidence: Double, pValue: Double
    ) {
        self.metric = metric; self.method = method; scoreA = a; scoreB = b
        self.improvement = improvement; self.low = low; self.high = high; self.confidence = confidence
        self.pValue = pValue
        significant = pValue < 1 - confidence && (low > 0 || high < 0)
        better = !significant ? "neither" : (improvement > 0 ? "B" : "A")
        let pct = Int((confidence * 100).rounded())
        let range = "\(pct) % CI \(Self.fmt(low)) to \(Self.fmt(high)), p = \(Self.fmt(pValue))"
        switch better {
        case "B": summary = "B is better than A by \(Self.fmt(improvement)) \(metric) (\(range))."
        case "A": summary = "A is better than B by \(Self.fmt(-improvement)) \(metric) (\(range))."
        default: summary = "No significant difference in \(metric): B − A = \(Self.fmt(improvement)) (\(range))."
        }
    }

    static func fmt(_ v: Double) -> String {
        let r = (v * 10000).rounded() / 10000
        return r == 0 ? "0" : "\(r)"
    }
}

public enum PairedComparison {
    /// Paired bootstrap of metric(B) − metric(A) on the same rows, seeded: both models are scored on the
    /// same resamples (multiplicities), each from one sort of its scores.
    /// - Complexity: O(rows log rows + resamples × rows), the resamples spread over the cores.
    public static func bootstrap(
        metric: String, target: TargetValues, a: Prediction, b: Prediction, resamples: Int = 1000,
        confidence: Double = 0.95, seed: UInt64 = 0
    ) throws(MLError) -> ComparisonResult {
        try Bootstrap.check(resamples, confidence)
        guard a.count == target.count, b.count == target.count else {
            throw MLError(.shapeMismatch, "Both models must be evaluated on the same \(target.count) rows.")
        }
        let sign = Metrics.greaterIsBetter(metric) ? 1.0 : -1.0
        let sa = try Metrics.score(metric, target: target, prediction: a)
        let sb = try Metrics.score(metric, target: target, prediction: b)
        // Beyond BootstrapSample.maxRows rows, the same seeded sample of rows for both models.
        let sample = BootstrapSample(count: target.count, seed: seed)
        let (t, p) = sample.select(target, [a, b])
        let scoreA = try WeightedScorer(metric, target: t, prediction: p[0])
        let scoreB = try WeightedScorer(metric, target: t, prediction: p[1])
        let alpha = (1 - confidence) / 2
        let observed = sign * (sb - sa)
        var diffs = try Bootstrap.resample(rows: t.count, resamples: resamples, seed: seed) { w in
            guard let va = scoreA.score(w), let vb = scoreB.score(w) else { return nil }
            return sign * (vb - va)
        }
        if sample.rows != nil {
            let onSample =
                sign
                * (try Metrics.score(metric, target: t, prediction: p[1])
                    - Metrics.score(metric, target: t, prediction: p[0]))
            diffs = sample.rescale(diffs, estimate: observed, sampleValue: onSample)
        }
        // Two-sided bootstrap p-value: twice the smaller share of resampled differences on either side of 0.
        let le = Double(diffs.filter { $0 <= 0 }.count) / Double(diffs.count)
        let ge = Double(diffs.filter { $0 >= 0 }.count) / Double(diffs.count)
        let pValue = min(1, 2 * min(le, ge))
        var result = ComparisonResult(
            metric: metric, method: "paired_bootstrap", a: sa, b: sb, improvement: observed,
            low: Stats.quantile(diffs, alpha), high: Stats.quantile(diffs, 1 - alpha),
            confidence: confidence, pValue: pValue)
        result.sampledRows = sample.sampledRows
        return result
    }

    /// Corrected resampled t-test on per-fold scores of A and B over the same folds.
    /// - Parameter validFraction: n_valid / n_train of the folds (1/(k−1) for k-fold).
    public static func correctedTTest(
        metric: String, foldScoresA: [Double], foldScoresB: [Double], validFraction: Double, confidence: Double = 0.95
    ) throws(MLError) -> ComparisonResult {
        let k = foldScoresA.count
        guard k >= 2, foldScoresB.count == k else {
            throw MLError(.invalidInput, "The corrected t-test needs the scores of both models on the same ≥ 2 folds.")
        }
        let sign = Metrics.greaterIsBetter(metric) ? 1.0 : -1.0
        let d = zip(foldScoresA, foldScoresB).map { sign * ($1 - $0) }
        let mean = Stats.mean(d), variance = Stats.std(d) * Stats.std(d)
        let se = (variance * (1 / Double(k) + validFraction)).squareRoot()
        let df = Double(k - 1)
        let p: Double, half: Double
        if se == 0 {
            p = mean == 0 ? 1 : 0
            half = 0
        } else {
            let t = mean / se
            p = 2 * (1 - Stats.studentTCDF(abs(t), df: df))
            half = Stats.studentTQuantile(1 - (1 - confidence) / 2, df: df) * se
        }
        return ComparisonResult(
            metric: metric, method: "corrected_t_test", a: Stats.mean(foldScoresA),
            b: Stats.mean(foldScoresB), improvement: mean, low: mean - half, high: mean + half,
            confidence: confidence, pValue: p)
    }
}
