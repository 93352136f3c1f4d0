// The search's second round: once the first queue has run, a senior engineer spends what is left of the
// budget where it still pays instead of stopping. A wider tuning round of gradient boosting (more
// configurations, wider ranges, successive halving) when the boosting family is the best single family or
// within noise of it; a tuning round of the random forest when the forest is within noise of the best; and
// the ensemble (averaged, then stacked) again when those runs changed the best run of a family. "Within
// noise": the best single run's gain over the family's best is at most two standard errors of their paired
// difference on the same folds. A move starts only when its estimated cost and the reserve fit in what is
// left; the rule of three moves in a row without a gain holds unless the first round's last moves still
// paid or two families or more are within noise of the best (then which is best is not settled yet).
// Leaves out: the words (SearchMoveMessage, in Messages/).

import LLMClient
import MLCore

extension SearchMove {
    /// The moves of the second round: they start only after every first-round move that applies has run.
    var secondRound: Bool { [.tuneGbdtWide, .tuneForest, .reensemble, .restack].contains(self) }
}

extension AutopilotSearch {
    /// The single runs so far (the plan's first families and the search's, ensembles and the baseline excepted).
    var singleRuns: [Candidate] {
        (plan.candidates(before: .search) + candidates).filter {
            $0.step != .baseline && !($0.move?.combines ?? false)
        }
    }

    private func bestOf(_ pool: [Candidate]) -> Candidate? {
        pool.reduce(nil) { b, c in b.map { plan.better(c, than: $0) ? c : $0 } ?? c }
    }

    /// Whether the best single run of `model` (the text-only model excepted) is the best single run, or
    /// behind it by at most two standard errors of their paired difference.
    func withinNoise(_ model: String) -> Bool {
        let singles = singleRuns
        guard let best = bestOf(singles), let c = bestOf(singles.filter { $0.model == model && $0.step != .text })
        else { return false }
        if c.runID == best.runID { return true }
        let scored = [c, best].map {
            ScoredCandidate(
                id: $0.runID, mean: $0.mean, std: $0.std, folds: folds, complexity: $0.complexity, foldScores: $0.folds)
        }
        return abs(best.mean - c.mean) <= 2 * scored[0].standardError(against: scored[1])
    }

    /// Whether the second round goes on despite the rule of three moves without gain: the first round's
    /// last moves still paid, or two families or more are within noise of the best single run (which of
    /// them is best is not settled, so tuning them still pays).
    var secondRoundOpen: Bool {
        var streak = 0
        for move in done.reversed() where !move.combines && !move.secondRound {
            if paid(move) { break }
            streak += 1
        }
        return streak < searchPatience
            || ["gbdt", "random_forest", framing.linearModel].filter(withinNoise).count >= 2
    }

    /// Whether a first-round move that would start is still waiting (the second round comes after it); one
    /// the rule of three moves without gain passes over is not waiting.
    private var firstRoundPending: Bool {
        SearchMove.allCases.contains { m in
            !m.secondRound && moves[m.rawValue] == nil && applies(m) && (m.combines || unpaidStreak < searchPatience)
        }
    }

    /// The members of an ensemble move that ran, or nil.
    private func members(of move: SearchMove) -> Set<String>? {
        guard let call = moves[move.rawValue]?.call else { return nil }
        return Set(
            (try? JSONValue.parse(call.arguments))?["members"]?.arrayValue?.compactMap(\.stringValue) ?? [])
    }

    func secondRoundApplies(_ move: SearchMove) -> Bool {
        guard !firstRoundPending else { return false }
        switch move {
        case .tuneGbdtWide: return moves[SearchMove.tuneGbdt.rawValue]?.ok == true && withinNoise("gbdt")
        case .tuneForest: return moves[SearchMove.randomForest.rawValue]?.ok == true && withinNoise("random_forest")
        case .reensemble, .restack:
            let tuned = [SearchMove.tuneGbdtWide, .tuneForest].contains { moves[$0.rawValue]?.ok == true }
            let first = members(of: move == .reensemble ? .ensemble : .stack)
            return tuned && ensembleMembers.count >= 2 && first != Set(ensembleMembers.map(\.runID))
        default: return false
        }
    }

    /// Seconds the tuned gradient boosting's run took (cross-validation and refit), else the first one's.
    var tunedGbdtSeconds: Double {
        max(gbdtSeconds, moves[SearchMove.tuneGbdt.rawValue]?.result["train_seconds"]?.doubleValue ?? 0)
    }

    /// Seconds the random forest's run took.
    var forestSeconds: Double {
        moves[SearchMove.randomForest.rawValue]?.result["train_seconds"]?.doubleValue ?? max(4 * gbdtSeconds, 0.5)
    }

    /// The retraining of a second-round move's best configuration: up to three times the family's run, as a
    /// wider range can pick a slower configuration than the first round did.
    private func refitSeconds(_ move: SearchMove) -> Double {
        3 * (move == .tuneForest ? forestSeconds : tunedGbdtSeconds)
    }

    /// A second-round tuning's estimated seconds: its search (at least four refits' worth) and the refit.
    func secondRoundCost(_ move: SearchMove) -> Double {
        max(7 * refitSeconds(move) / 3 + refitSeconds(move), 3)
    }

    /// The seconds the search of `move` is given: 60 % of what is left once the reserve and the refit are
    /// kept back (the last trial may run past it).
    func secondRoundSearchSeconds(_ move: SearchMove) -> Double {
        max(2, (clock.remaining - reserve - refitSeconds(move)) * 0.6)
    }

    /// tune_model's arguments of a second-round tuning (besides the dataset, hypothesis, seed and drop).
    func secondRoundArguments(_ move: SearchMove) -> [String: JSONValue] {
        var args: [String: JSONValue] = [:]
        switch move {
        case .tuneGbdtWide:
            args["model"] = "gbdt"
            args["space"] = [
                "learning_rate": ["low": 0.01, "high": 0.5, "log": true], "max_leaf_nodes": [7, 15, 31, 63, 127],
                "min_samples_leaf": [2, 5, 10, 20, 40, 80], "l2_regularization": [0, 0.01, 0.1, 1, 10, 100],
                "max_iter": [100, 200, 400, 800], "max_features": [0.3, 0.5, 0.8, 1],
            ]
            args["candidates"] = 54
        case .tuneForest:
            args["model"] = "random_forest"
            args["space"] = [
                "max_features": ["sqrt", 0.2, 0.33, 0.5, 0.8, "all"], "min_samples_leaf": [1, 2, 4, 8],
                "max_depth": ["none", 10, 20],
            ]
            args["candidates"] = 18
            if !framing.textColumns.isEmpty { args["drop"] = .strings(framing.dropList + framing.textColumns) }
        default: break
        }
        args["time_budget_seconds"] = .rounded(secondRoundSearchSeconds(move), digits: 0)
        return args
    }
}
