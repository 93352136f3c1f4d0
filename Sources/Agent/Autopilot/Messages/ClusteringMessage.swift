// The Autopilot's clustering plan: its words on screen and its log entries, as ids with their facts.
// ClusteringMessage+English.swift and +French.swift write them out.

import Languages

/// A sentence of the clustering plan. `ks`: the numbers of clusters tried, as "2, 3, 4".
enum ClusteringMessage: Message {
    case problem(path: String)
    case noColumnDropped
    case droppedLabel
    case data(path: String, rows: Int, columns: Int, trainRows: Int, testRows: Int, dropped: String)
    case referenceInData(String)
    case metric(ks: String)
    case firstHypothesis(k: Int)
    case hypothesis(k: Int)
    case everyColumn
    case everyColumnExcept([String])
    case heldOutReference(String)
    case title(k: Int)
    case approach(k: Int, columns: String, reference: String)
    case chooseK
    case nextK(Int)
    case fitFailed(error: String?)
    case holds(previousK: Int, previousRun: String, k: Int)
    case rejected(previousK: Int, previousRun: String)
    case first
    case referenceReported(String)
    case stopTitle
    case stopAnalysis
    case stopNext
    case highest(k: Int, tried: Int)
    case againstReference(String)
    case keepTitle(k: Int)
    case keepNext(run: String)
    case framing(rows: Int, trainRows: Int, testRows: Int, ks: String)
    case referenceHeldOut(String)
    case leavingOut(String)
    case writingContext
    case bestSoFar(k: Int, score: String)
    case experiment(k: Int, hypothesis: String)
    case fitFailedLogging(String)
    /// `score` nil: no silhouette.
    case fitted(k: Int, score: String?, sizes: String)
    case noFitSucceeded
    case highestSilhouette(k: Int, score: String)
    case finalStop(logPath: String)
    case finalKeep(k: Int, score: String, logPath: String)
}
