// Bootstrap confidence intervals for any metric: resample the evaluated rows with replacement
// (seeded Poisson multiplicities, ResampleWeights), score each resample in one pass over rows
// prepared once (WeightedScorer: the scores sorted once, not per resample), take percentiles.
// Resamples run in parallel with the same result at any thread count. Beyond 100,000 rows a seeded
// sample of them is resampled and the deviations rescaled (BootstrapSample). Leaves out: BCa correction and
// stratified resampling (a resample missing a class is replaced by the next draw, up to a limit).

/// A metric's value with a confidence interval.
public struct ConfidenceInterval: Sendable, Codable, Equatable {
    public var metric: String
    public var estimate: Double
    public var low: Double
    public var high: Double
    public var confidence: Double
    public var resamples: Int
    /// Rows resampled when a seeded sample of them stood in for all (deviations rescaled by √(m/n)); nil: all rows.
    public var sampledRows: Int? = nil
}

public enum Bootstrap {
    /// Percentile bootstrap interval of `metric` on these rows.
    /// - Complexity: one sort of the scores, then O(resamples × rows) spread over the cores.
    public static func interval(
        metric: String, target: TargetValues, prediction: Prediction, resamples: Int = 1000,
        confidence: Double = 0.95, seed: UInt64 = 0
    ) throws(MLError) -> ConfidenceInterval {
        try check(resamples, confidence)
        let estimate = try Metrics.score(metric, target: target, prediction: prediction)
        let sample = BootstrapSample(count: target.count, seed: seed)
        let (t, p) = sample.select(target, [prediction])
        let scorer = try WeightedScorer(metric, target: t, prediction: p[0])
        var values = try resample(rows: t.count, resamples: resamples, seed: seed) { w in scorer.score(w) }
        if sample.rows != nil {
            values = sample.rescale(
                values, estimate: estimate, sampleValue: try Metrics.score(metric, target: t, prediction: p[0]))
        }
        let a = (1 - confidence) / 2
        return ConfidenceInterval(
            metric: metric, estimate: estimate, low: Stats.quantile(values, a),
            high: Stats.quantile(values, 1 - a), confidence: confidence, resamples: values.count,
            sampledRows: sample.sampledRows)
    }

    static func check(_ resamples: Int, _ confidence: Double) throws(MLError) {
        guard resamples >= 10 else {
            throw MLError(.invalidParameter, "Use at least 10 bootstrap resamples (1000 is usual).")
        }
        guard confidence > 0, confidence < 1 else {
            throw MLError(.invalidParameter, "confidence must be in (0, 1), e.g. 0.95.")
        }
    }

    /// Intervals of several metrics on the same resamples: each resample's weights are drawn once and
    /// every metric is scored on them. Each interval equals `interval` of that metric alone (same streams,
    /// same rule for resamples where it is undefined). Metrics that do not apply are left out.
    public static func intervals(
        metrics: [String], target: TargetValues, prediction: Prediction, resamples: Int = 1000,
        confidence: Double = 0.95, seed: UInt64 = 0
    ) throws(MLError) -> [ConfidenceInterval] {
        try check(resamples, confidence)
        let sample = BootstrapSample(count: target.count, seed: seed)
        let (t, p) = sample.select(target, [prediction])
        var keys: [String] = [], estimates: [Double] = [], sampleValues: [Double] = [], scorers: [WeightedScorer] = []
        for key in metrics {
            guard let e = try? Metrics.score(key, target: target, prediction: prediction),
                let onSample = sample.rows == nil ? e : try? Metrics.score(key, target: t, prediction: p[0]),
                let scorer = try? WeightedScorer(key, target: t, prediction: p[0])
            else { continue }
            keys.append(key); estimates.append(e); sampleValues.append(onSample); scorers.append(scorer)
        }
        let prepared = scorers
        let values = resampleAll(rows: t.count, count: prepared.count, resamples: resamples, seed: seed) { w in
            prepared.map { $0.score(w) }
        }
        let a = (1 - confidence) / 2
        return keys.indices.compactMap { m in
            guard values[m].count >= resamples / 2 else { return nil }
            let v = sample.rescale(values[m], estimate: estimates[m], sampleValue: sampleValues[m])
            return ConfidenceInterval(
                metric: keys[m], estimate: estimates[m], low: Stats.quantile(v, a),
                high: Stats.quantile(v, 1 - a), confidence: confidence, resamples: v.count,
                sampledRows: sample.sampledRows)
        }
    }

    /// `body`'s value on `resamples` seeded resamples (multiplicities from `ResampleWeights`), in resample
    /// order. A resample on which `body` returns nil (metric undefined, e.g. one class only) is replaced by
    /// the next draws, at most `resamples` extra. Resamples run in parallel; the result does not depend on
    /// the thread count: resample i always has the weights of stream i, and values are taken in stream order.
    static func resample(
        rows: Int, resamples: Int, seed: UInt64, _ body: @Sendable (UnsafeBufferPointer<UInt8>) -> Double?
    ) throws(MLError) -> [Double] {
        let values = resampleAll(rows: rows, count: 1, resamples: resamples, seed: seed) { w in [body(w)] }[0]
        guard values.count >= resamples / 2 else {
            throw MLError(
                .invalidInput,
                "The metric is undefined on most bootstrap resamples (too few rows of a class). Evaluate on more rows.")
        }
        return values
    }

    /// `resample` for `count` values per resample: value m's list takes, in stream order, the resamples
    /// where it is defined, until it holds `resamples` or `2 × resamples` streams were drawn.
    static func resampleAll(
        rows: Int, count: Int, resamples: Int, seed: UInt64, _ body: @Sendable (UnsafeBufferPointer<UInt8>) -> [Double?]
    ) -> [[Double]] {
        var values = [[Double]](repeating: [], count: count)
        for m in 0..<count { values[m].reserveCapacity(resamples) }
        var next = 0
        while values.contains(where: { $0.count < resamples }) && next < 2 * resamples {
            let wanted = resamples - (values.map(\.count).min() ?? resamples)
            let batch = next == 0 ? wanted : min(2 * resamples - next, max(wanted * 2, 8))
            let first = next
            // Contiguous chunks, one weight buffer each: a few chunks per core keep both cores busy.
            let chunks = max(1, min(batch, rows >= 2048 ? 16 : 1))
            let parts = Parallel.map(chunks, parallel: chunks > 1) { c -> [[Double?]] in
                let lo = first + batch * c / chunks, hi = first + batch * (c + 1) / chunks
                let w = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: rows)
                defer { w.deallocate() }
                return (lo..<hi).map { i in
                    ResampleWeights.fill(w, seed: seed, index: i)
                    return body(UnsafeBufferPointer(w))
                }
            }
            for row in parts.joined() {
                for m in 0..<count where values[m].count < resamples { if let v = row[m] { values[m].append(v) } }
            }
            next += batch
        }
        return values
    }

    /// The naive twin of a weighted score: repeat each row by its multiplicity, then `Metrics.score`.
    static func naiveScore(_ metric: String, target: TargetValues, prediction: Prediction, weights: [UInt8]) -> Double?
    {
        let rows = ResampleWeights.expandedRows(weights)
        return try? Metrics.score(
            metric, target: target.selecting(rows: rows), prediction: prediction.selecting(rows: rows))
    }
}
