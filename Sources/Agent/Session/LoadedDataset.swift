// A dataset as a session holds it: its target, the seeded cut between the rows models may train on
// and the sealed test rows (evaluated only on explicit request), the profile of the training rows,
// and the two parts of the table. The whole table is not kept beside its parts: at millions of rows
// a second copy would double the session's memory.

public import MLCore

/// One dataset loaded in a session.
public struct LoadedDataset: Sendable {
    public var id: String
    /// The path relative to the workspace.
    public var path: String
    public var target: TargetSpec?
    public var split: SealedTestSplit
    /// The profile of the training rows (the test rows stay unseen).
    public var profile: DataProfile
    /// The training rows only: what every experiment sees (row i is `trainRows[i]` of the file).
    public var trainDataset: Dataset
    /// The sealed test rows only (row i is `testRows[i]` of the file), on disk when large (SealedPart).
    public var sealed: SealedPart
    /// Rows in the file (rows without a target value are in neither part).
    public let rowCount: Int
    /// The training rows' target (nil without one): computed once, so every run's out-of-fold record
    /// shares this buffer instead of holding a copy (a copy per run at millions of rows).
    public let trainTarget: TargetValues?

    /// A session's dataset from the whole table, cut into its training and test parts.
    public init(
        id: String, path: String, dataset: consuming Dataset, target: TargetSpec?, split: SealedTestSplit,
        profile: DataProfile
    ) {
        let rows = dataset.rowCount
        let (train, test) = dataset.partitioned(split.trainRows, split.testRows)
        self.init(
            id: id, path: path, trainDataset: train, sealed: .inMemory(test), rowCount: rows, target: target,
            split: split, profile: profile)
    }

    /// A session's dataset from parts already cut (`Dataset.partitioned(split.trainRows, split.testRows)`).
    public init(
        id: String, path: String, trainDataset: Dataset, sealed: SealedPart, rowCount: Int, target: TargetSpec?,
        split: SealedTestSplit, profile: DataProfile
    ) {
        self.id = id
        self.path = path
        self.target = target
        self.split = split
        self.profile = profile
        self.trainDataset = trainDataset
        self.sealed = sealed
        self.rowCount = rowCount
        self.trainTarget = target.flatMap { try? $0.values(in: trainDataset) }
    }

    /// The training rows' target as `spec` reads it: the shared buffer when `spec` is this dataset's target.
    public func trainTarget(for spec: TargetSpec) throws(MLError) -> TargetValues {
        if spec == target, let trainTarget { return trainTarget }
        return try spec.values(in: trainDataset, rows: try trainDataset.rowsWithTarget(spec.column))
    }

    /// The sealed test rows, read back from disk when kept there.
    public func testDataset() throws(ToolError) -> Dataset { try sealed.dataset() }

    /// Content hash of the whole table (the store keys runs to it).
    public var fingerprint: String { split.fingerprint }
    public var trainRows: [Int] { split.trainRows }
    public var testRows: [Int] { split.testRows }
    /// The entity column folds and the test split keep whole (nil: rows are split freely).
    public var groupColumn: String? { split.groupColumn }
    /// The table's column names, in file order.
    public var columnNames: [String] { trainDataset.columnNames }
    public var columnCount: Int { trainDataset.columnCount }

    /// The cross-validation folds of train_model and tune_model when the call names none: the profile's
    /// suggestion (2 above a million rows, else 5).
    public var defaultFolds: Int {
        (2...10).contains(profile.suggestedValidation.folds) ? profile.suggestedValidation.folds : 5
    }

    /// The metric models are judged on.
    public var metric: String { profile.suggestedMetric }
}
