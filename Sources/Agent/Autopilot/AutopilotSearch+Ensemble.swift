// The members the search's ensembles combine: one run per distinct family, each family's by the
// one-standard-error rule, those close enough to the best. The ensemble moves (average, stack, and their
// second-round repeats) all read this list.
// Leaves out: when an ensemble move runs (AutopilotSearch.applies / nextMove) and its call.

import MLCore

extension AutopilotSearch {
    /// The members of the ensemble: one run of each distinct family (the text-only model counts as one),
    /// at most three, those close enough to the best (within four standard errors and a half-point). A
    /// family's member is its run the one-standard-error rule keeps among the family's runs: a tuned run
    /// replaces the default one only when it beats it beyond noise (digits: a tuning's 0.001 gain on
    /// validation came from a learning rate of 0.28 over 400 rounds that scored 0.96 held out, against 0.97
    /// for the default; the average with it scored below its other members).
    /// The stacked ensemble combines the same members.
    var ensembleMembers: [Candidate] {
        let pool = (plan.candidates(before: .search) + candidates).filter {
            $0.step != .baseline && !($0.move?.combines ?? false)
        }
        guard let best = pool.reduce(nil, { b, c in b.map { plan.better(c, than: $0) ? c : $0 } ?? c }) else {
            return []
        }
        var families: [String: [Candidate]] = [:]
        for c in pool { families[c.step == .text || c.move == .textTerms ? "text" : c.model, default: []].append(c) }
        let byFamily = families.values.compactMap {
            Self.familyMember($0, folds: folds, greaterIsBetter: framing.greaterIsBetter)
        }
        let se = (best.std ?? 0) / Double(max(folds, 1)).squareRoot()
        let close = byFamily.filter { c in
            abs(c.mean - best.mean) <= 4 * se + 0.005 * max(1, abs(best.mean))
        }
        return Array(
            close.sorted { plan.better($0, than: $1) || (!plan.better($1, than: $0) && $0.runID < $1.runID) }.prefix(3))
    }

    /// The run of one family's `runs` the one-standard-error rule keeps (the first when it keeps none).
    static func familyMember(_ runs: [Candidate], folds: Int, greaterIsBetter: Bool) -> Candidate? {
        let scored = runs.map {
            ScoredCandidate(
                id: $0.runID, mean: $0.mean, std: $0.std, folds: folds, complexity: $0.complexity, foldScores: $0.folds)
        }
        let kept = OneStandardErrorRule.choose(scored, greaterIsBetter: greaterIsBetter)
        return runs.first { $0.runID == kept?.id } ?? runs.first
    }
}
