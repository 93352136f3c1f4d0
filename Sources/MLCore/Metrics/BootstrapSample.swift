// The rows a bootstrap resamples. Up to `maxRows` rows: all of them, and the interval is the plain
// percentile bootstrap. Beyond: a seeded sample of `maxRows` rows (without replacement) is resampled and
// each resampled value's deviation from the sample's own value is rescaled by √(m / n) around the
// estimate on every row (the rescaled m-out-of-n bootstrap of Bickel, Götze & van Zwet 1997, valid for
// the √n-consistent metrics scored here: means, counts, ROC AUC, average precision). The cost is then
// O(resamples × m) for any number of rows. Leaves out: metrics that are not √n-consistent (a maximum).

/// Which rows a bootstrap resamples, and how its values map back to the whole set.
struct BootstrapSample: Sendable {
    /// Rows resampled at most; beyond, a seeded sample of this size.
    static let maxRows = 100_000
    /// The sampled rows in ascending order, or nil when every row is resampled.
    let rows: [Int]?
    /// √(m / n): a resampled deviation's scale on the whole set (1 without sampling).
    let scale: Double

    init(count n: Int, seed: UInt64) {
        guard n > Self.maxRows else {
            rows = nil
            scale = 1
            return
        }
        var rng = SeededGenerator(seed: seed, stream: 0xB5A3_0000)
        rows = rng.sampleIndices(Self.maxRows, of: n)
        scale = (Double(Self.maxRows) / Double(n)).squareRoot()
    }

    /// The target and predictions of the resampled rows.
    func select(_ target: TargetValues, _ predictions: [Prediction]) -> (TargetValues, [Prediction]) {
        guard let rows else { return (target, predictions) }
        return (target.selecting(rows: rows), predictions.map { $0.selecting(rows: rows) })
    }

    /// Resampled values mapped onto the whole set: `estimate + scale × (v − sampleValue)`; unchanged
    /// without sampling.
    func rescale(_ values: [Double], estimate: Double, sampleValue: Double) -> [Double] {
        guard rows != nil else { return values }
        return values.map { estimate + scale * ($0 - sampleValue) }
    }

    /// The number of rows resampled, or nil when every row is.
    var sampledRows: Int? { rows?.count }
}
