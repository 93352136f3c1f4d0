// SearchMessage in English.

extension SearchMessage {
    var english: String {
        switch self {
        case .carriedTargetEncoding:
            " With categorical_encoding target, which paid in an earlier experiment of the search (what paid is kept)."
        case .carriedLogTarget:
            " With target_transform log, which paid in an earlier experiment of the search (what paid is kept)."
        case .beforeMove(let title, let hypothesis):
            "Search, experiment: \(title.lowercased()). Hypothesis: \(hypothesis)"
        case .verdict(let title, let score, let delta, let bestRun, true):
            "\(title): \(score), \(delta) against \(bestRun): a gain beyond one standard error of the best so far."
        case .verdict(let title, let score, let delta, let bestRun, false):
            "\(title): \(score), \(delta) against \(bestRun): no gain beyond one standard error of the best so far."
        case .experimentFailed(let error): "The experiment failed: \(error)\n"
        case .failedAnalysis(let error):
            "The experiment failed: \(error ?? "no run was recorded"). The search goes on without it."
        case .belowBest: "Not confirmed: it scores below the best run so far."
        case .holds:
            "The hypothesis holds: the gain over the best run so far exceeds one standard error of their difference on the same folds."
        case .withinNoise:
            "Not confirmed: the gain over the best run so far is within one standard error of their difference on the same folds, so it does not pay for its complexity."
        case .chooseAndDecide:
            "choose on validation (one-standard-error rule), interpret the chosen model, then decide."
        case .nextInQueue(let title): "next in the queue, if the budget allows: \(title.lowercased())."
        case .stillRunning: "it was still running"
        case .exhausted: "every experiment of the queue that applies to these data was run"
        case .noGain(let patience): "\(patience) experiments in a row brought no gain beyond one standard error"
        case .budget(let title):
            "the budget left could not fit the next experiment (\(title.lowercased())) and the interpretation"
        case .skipped(let step): step == .gbdt ? "gradient boosting" : "the text model"
        case .leftOutForTime(let skipped):
            " Left out for lack of time (the budget was spent before they could start): \(skipped.joined(separator: ", "))."
        case .summary(let count, let used, let budget, let why):
            "Search: \(count) experiment\(count == 1 ? "" : "s") after the first families; \(used) s of the \(budget) s budget used by this decision; the search ended because \(why). The model was chosen on validation by the one-standard-error rule (the simplest within one standard error of the best)."
        }
    }
}
