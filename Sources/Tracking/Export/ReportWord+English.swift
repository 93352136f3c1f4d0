// ReportWord in English.

extension ReportWord {
    var english: String {
        switch self {
        case .allRuns: "All runs"
        case .noDecisionYet: "_No decision yet._"
        case .provenance:
            "_Exported by mlexp: the prose comes from the experiment log, every number from a run in the store (its id is given)._"
        case .missingRuns(let ids): "\n\n**Warning**: the log cites runs that are not in the store: \(ids)."
        case .model: "model"
        case .trainingSeconds: "training (s)"
        case .reproduce: "Reproduce"
        }
    }
}
