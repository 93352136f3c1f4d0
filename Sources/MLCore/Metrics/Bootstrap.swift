// Bootstrap confidence intervals for any metric: resample the evaluated rows with replacement
// (seeded), recompute the metric, take percentiles. Leaves out: BCa correction and stratified
// resampling (a resample missing a class is redrawn instead, up to a limit).

/// A metric's value with a confidence interval.
public struct ConfidenceInterval: Sendable, Codable, Equatable {
    public var metric: String
    public var estimate: Double
    public var low: Double
    public var high: Double
    public var confidence: Double
    public var resamples: Int
}

public enum Bootstrap {
    /// Percentile bootstrap interval of `metric` on these rows.
    /// - Complexity: O(resamples × cost of the metric).
    public static func interval(
        metric: String, target: TargetValues, prediction: Prediction, resamples: Int = 1000,
        confidence: Double = 0.95, seed: UInt64 = 0
    ) throws(MLError) -> ConfidenceInterval {
        try check(resamples, confidence)
        let estimate = try Metrics.score(metric, target: target, prediction: prediction)
        var values: [Double] = []
        values.reserveCapacity(resamples)
        try resample(rows: target.count, resamples: resamples, seed: seed) { (rows) throws(MLError) -> Bool in
            guard
                let v = try? Metrics.score(
                    metric, target: target.selecting(rows: rows), prediction: prediction.selecting(rows: rows))
            else { return false }
            values.append(v)
            return true
        }
        let a = (1 - confidence) / 2
        return ConfidenceInterval(
            metric: metric, estimate: estimate, low: Stats.quantile(values, a),
            high: Stats.quantile(values, 1 - a), confidence: confidence, resamples: values.count)
    }

    static func check(_ resamples: Int, _ confidence: Double) throws(MLError) {
        guard resamples >= 10 else {
            throw MLError(.invalidParameter, "Use at least 10 bootstrap resamples (1000 is usual).")
        }
        guard confidence > 0, confidence < 1 else {
            throw MLError(.invalidParameter, "confidence must be in (0, 1), e.g. 0.95.")
        }
    }

    /// Calls `body` with `resamples` seeded bootstrap row sets; a resample on which `body` returns false
    /// (metric undefined, e.g. one class only) is redrawn, at most `resamples` extra times.
    static func resample(rows: Int, resamples: Int, seed: UInt64, _ body: ([Int]) throws(MLError) -> Bool)
        throws(MLError)
    {
        var done = 0, tries = 0
        var rng = SeededGenerator(seed: seed, stream: 0xB007)
        var idx = [Int](repeating: 0, count: rows)
        while done < resamples && tries < 2 * resamples {
            tries += 1
            for i in 0..<rows { idx[i] = rng.nextInt(below: rows) }
            if try body(idx) { done += 1 }
        }
        guard done >= resamples / 2 else {
            throw MLError(
                .invalidInput,
                "The metric is undefined on most bootstrap resamples (too few rows of a class). Evaluate on more rows.")
        }
    }
}
