// A dataset as a session holds it: the table, its target, the seeded cut between the rows models may
// train on and the sealed test rows (evaluated only on explicit request), and the profile of the
// training rows.

public import MLCore

/// One dataset loaded in a session.
public struct LoadedDataset: Sendable {
    public var id: String
    /// The path relative to the workspace.
    public var path: String
    public var dataset: Dataset
    public var target: TargetSpec?
    public var split: SealedTestSplit
    /// The profile of the training rows (the test rows stay unseen).
    public var profile: DataProfile
    /// The training rows only: what every experiment sees (row i is `trainRows[i]` of `dataset`).
    public var trainDataset: Dataset

    public init(
        id: String, path: String, dataset: Dataset, target: TargetSpec?, split: SealedTestSplit, profile: DataProfile
    ) {
        self.id = id
        self.path = path
        self.dataset = dataset
        self.target = target
        self.split = split
        self.profile = profile
        self.trainDataset = dataset.selecting(rows: split.trainRows)
    }

    /// Content hash of the whole table (the store keys runs to it).
    public var fingerprint: String { split.fingerprint }
    public var trainRows: [Int] { split.trainRows }
    public var testRows: [Int] { split.testRows }
    /// The entity column folds and the test split keep whole (nil: rows are split freely).
    public var groupColumn: String? { split.groupColumn }

    /// The metric models are judged on.
    public var metric: String { profile.suggestedMetric }
}
