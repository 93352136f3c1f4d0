// ClusteringMessage in English.

extension ClusteringMessage {
    var english: String {
        switch self {
        case .problem(let path):
            "Find natural groups in the rows of \(path); there is no target to predict (clustering)."
        case .noColumnDropped: "no column dropped"
        case .droppedLabel: "dropped: "
        case .data(let path, let rows, let columns, let trainRows, let testRows, let dropped):
            "\(path): \(rows) rows, \(columns) columns; k-means fits the \(trainRows) training rows (\(testRows) stay sealed); \(dropped)."
        case .referenceInData(let r):
            " '\(r)' is a known label, used only as a reference (adjusted_rand), never as a feature."
        case .metric(let ks):
            "silhouette (higher is better: tight, well separated clusters), on standardised features; k chosen by the highest silhouette over k = \(ks); inertia reported, not used to choose (it always falls as k grows)."
        case .firstHypothesis(let k):
            "The rows form at least two groups: k-means with k=\(k) on standardised features separates them (the simplest clustering, which every larger k must beat on silhouette)."
        case .hypothesis(let k):
            "k=\(k) groups describe the data better than the best k so far: a higher silhouette means tighter, better separated clusters."
        case .everyColumn: "every column"
        case .everyColumnExcept(let drops): "every column except \(drops.joined(separator: ", "))"
        case .heldOutReference(let r): " ('\(r)' held out as the reference)"
        case .title(let k): "k-means, k=\(k)"
        case .approach(let k, let columns, let reference):
            "kmeans with n_clusters=\(k), n_init=10, seed 42, on \(columns)\(reference); numeric columns standardised (mean 0, std 1), categories one-hot; fitted and scored on the training rows."
        case .chooseK: "choose k by the highest silhouette, then decide."
        case .nextK(let k): "k-means with k=\(k)."
        case .fitFailed(let error): "The fit failed: \(error ?? "unknown error"). This k is left out of the choice."
        case .holds(let previousK, let previousRun, let k):
            "The hypothesis holds: the silhouette is higher than with k=\(previousK) (\(previousRun)), the best so far; k=\(k) becomes the candidate."
        case .rejected(let previousK, let previousRun):
            "The hypothesis is rejected: the silhouette is not higher than with k=\(previousK) (\(previousRun)); splitting further makes the clusters less separated."
        case .first: "This is the first clustering: the silhouette to beat."
        case .referenceReported(let r):
            " adjusted_rand shows how closely the clusters follow '\(r)'; it is reported, not used to choose k."
        case .stopTitle: "Stop: no clustering could be fitted"
        case .stopAnalysis: "Every k-means fit failed; see the experiments for the errors."
        case .stopNext: "fix the data problems the errors name, then cluster again."
        case .highest(let k, let tried):
            "k=\(k) has the highest silhouette of the \(tried) values of k tried, on standardised features."
        case .againstReference(let r):
            " Against the reference '\(r)', adjusted_rand says how far the clusters recover the known labels (1 = the same grouping)."
        case .keepTitle(let k): "Keep k-means with k=\(k)"
        case .keepNext(let run):
            "assign new rows with `mlexp predict \(run) FILE`; describe each cluster by its feature means before naming it."
        case .framing(let rows, let trainRows, let testRows, let ks):
            "Framing: no target, so a clustering task: find natural groups in \(rows) rows (\(trainRows) fitted, \(testRows) sealed). Plan: k-means on standardised features for k = \(ks), k chosen by silhouette."
        case .referenceHeldOut(let r):
            "\n'\(r)' is held out as a reference: compared with the clusters (adjusted_rand), never a feature."
        case .leavingOut(let d): "\nLeaving out '\(d)'."
        case .writingContext: "\nWriting the context to the log."
        case .bestSoFar(let k, let score): "Best so far: k=\(k), \(score).\n"
        case .experiment(let k, let hypothesis): "Experiment: k-means with k=\(k). Hypothesis: \(hypothesis)"
        case .fitFailedLogging(let error): "The fit failed: \(error)\nLogging this experiment."
        case .fitted(let k, let score, let sizes):
            "k=\(k): \(score ?? "no silhouette"); cluster sizes \(sizes).\nLogging this experiment."
        case .noFitSucceeded: "No fit succeeded. Writing the decision to the log."
        case .highestSilhouette(let k, let score):
            "Highest silhouette: k=\(k), \(score). Writing the decision to the log."
        case .finalStop(let logPath): "Decision: stop — no clustering could be fitted. The log is in \(logPath)."
        case .finalKeep(let k, let score, let logPath):
            "Decision: keep k-means with k=\(k), \(score). The log is in \(logPath)."
        }
    }
}
