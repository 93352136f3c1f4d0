// The sealed test split: cut once per dataset, from its content fingerprint (and an optional seed),
// so every run on the same data gets the same test rows; stratified for classification targets.
// Training, tuning and cross-validation use `trainRows` only; the test rows are evaluated only on
// explicit request (the run store records every such evaluation). Leaves out: that bookkeeping.

/// Rows set aside as the final test, and the rows left for development.
public struct SealedTestSplit: Sendable, Codable, Equatable {
    /// The dataset's content fingerprint the split was cut from.
    public let fingerprint: String
    public let seed: UInt64
    public let testFraction: Double
    public let stratified: Bool
    /// Dataset rows for training and validation (rows without a target value are left out).
    public let trainRows: [Int]
    /// Dataset rows of the sealed test split.
    public let testRows: [Int]

    /// Cuts the split. The generator's seed mixes the fingerprint with `seed`, so two datasets never
    /// share a cut by accident while the same dataset always gets the same one.
    public init(dataset: Dataset, target: TargetSpec?, testFraction: Double = 0.2, seed: UInt64 = 0) throws(MLError) {
        let fingerprint = dataset.fingerprint
        var rows = Array(0..<dataset.rowCount)
        let mixed = fingerprint.value ^ (seed &* 0x9E37_79B9_7F4A_7C15)
        let positions: TrainTestIndices
        if let target {
            rows = try dataset.rowsWithTarget(target.column)
            if case .classes(let labels, _) = try target.values(in: dataset, rows: rows) {
                positions = try Split.stratifiedHoldout(labels: labels, testFraction: testFraction, seed: mixed)
            } else {
                positions = try Split.holdout(count: rows.count, testFraction: testFraction, seed: mixed)
            }
        } else {
            positions = try Split.holdout(count: rows.count, testFraction: testFraction, seed: mixed)
        }
        let mapped = positions.mapped(to: rows)
        self.fingerprint = fingerprint.hex
        self.seed = seed
        self.testFraction = testFraction
        self.stratified = target?.task.isClassification ?? false
        self.trainRows = mapped.train
        self.testRows = mapped.test
    }
}
