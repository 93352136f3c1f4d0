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
    /// The column whose values were kept whole on one side (a grouped split), if any.
    public let groupColumn: String?

    /// Cuts the split. The generator's seed mixes the fingerprint with `seed`, so two datasets never
    /// share a cut by accident while the same dataset always gets the same one.
    /// - Parameter groupColumn: keep each value of this column on one side (EntityGroups.codes): whole
    ///   groups, in seeded order, go to the test side until it holds `testFraction` of the rows.
    public init(
        dataset: Dataset, target: TargetSpec?, testFraction: Double = 0.2, seed: UInt64 = 0,
        groupColumn: String? = nil
    ) throws(MLError) {
        let fingerprint = dataset.fingerprint
        var rows = Array(0..<dataset.rowCount)
        let mixed = fingerprint.value ^ (seed &* 0x9E37_79B9_7F4A_7C15)
        let positions: TrainTestIndices
        if let target { rows = try dataset.rowsWithTarget(target.column) }
        if let groupColumn {
            let column = try dataset.column(named: groupColumn)
            guard let codes = EntityGroups.codes(column) else {
                throw MLError(
                    .invalidParameter,
                    "'\(groupColumn)' is \(column.kind.rawValue); a grouped split needs a categorical or integer column."
                )
            }
            positions = try Split.groupedHoldout(
                groups: rows.map { codes[$0] }, testFraction: testFraction, seed: mixed)
        } else if let target {
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
        self.stratified = groupColumn == nil && (target?.task.isClassification ?? false)
        self.trainRows = mapped.train
        self.testRows = mapped.test
        self.groupColumn = groupColumn
    }
}
