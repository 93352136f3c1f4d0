// A dataset as a session holds it: the table, its profile, its target, and the seeded cut between
// the rows models may train on and the sealed test rows evaluated only on explicit request.

/// One dataset loaded in a session.
public struct LoadedDataset: Sendable {
    public var id: String
    /// The path relative to the workspace.
    public var path: String
    public var target: String?
    /// Row indices models may train and validate on.
    public var trainRows: [Int]
    /// Row indices of the sealed test split.
    public var testRows: [Int]
    public var seed: UInt64

    public init(id: String, path: String, target: String?, trainRows: [Int], testRows: [Int], seed: UInt64) {
        self.id = id
        self.path = path
        self.target = target
        self.trainRows = trainRows
        self.testRows = testRows
        self.seed = seed
    }
}
