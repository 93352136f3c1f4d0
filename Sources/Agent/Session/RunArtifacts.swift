// What a session keeps in memory about a run it trained: the out-of-fold predictions on the training
// rows (for bootstrap intervals and paired comparisons) and the target they are scored against.
// The store keeps the rest; runs from earlier sessions are compared on their stored fold metrics.
// OutOfFoldArchive keeps a copy on disk, so a resumed session compares its runs as before.

public import MLCore

/// Out-of-fold predictions of one run.
public struct RunArtifacts: Sendable, Codable {
    public var runID: String
    public var datasetID: String
    /// The training rows' target, in the order of `outOfFold`.
    public var target: TargetValues
    public var outOfFold: Prediction

    public init(runID: String, datasetID: String, target: TargetValues, outOfFold: Prediction) {
        self.runID = runID
        self.datasetID = datasetID
        self.target = target
        self.outOfFold = outOfFold
    }
}
