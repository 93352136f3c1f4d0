// The search's words in the session's language (SearchMessage, SearchMoveMessage): the progress line
// (elapsed / budget, best so far), each move's hypothesis and approach, its log entry, and the summary
// of the budget for the decision.
// Numbers on screen are quoted from tool results (durations in whole seconds); log entries carry prose
// and run ids only, append_log writing the numbers from the store.

import Foundation
import Languages
import MLCore

/// Phrases of the search in the session's language.
struct AutopilotSearchText {
    let language: Language
    let search: AutopilotSearch

    var f: AutopilotFraming { search.framing }
    private func say(_ message: some Message) -> String { message.text(language) }
    private func score(_ c: Candidate) -> String {
        "\(f.metric) \(AutopilotText.f3(c.mean))" + (c.std.map { " ± \(AutopilotText.f3($0))" } ?? "")
            + " (\(c.runID))"
    }

    /// "[search 42 s / 120 s] Best so far: gbdt, roc_auc 0.861 ± 0.012 (r0005).\n"
    func progress() -> String {
        let clock = "[\(Int(search.clock.elapsed.rounded())) s / \(Int(search.clock.budget.rounded())) s] "
        guard let best = search.best() else { return clock }
        return clock + say(AutopilotMessage.bestSoFar(model: best.model, score: score(best)))
    }

    func title(_ move: SearchMove) -> String { say(SearchMoveMessage.title(move, regression: f.isRegression)) }

    func hypothesis(_ move: SearchMove) -> String { say(SearchMoveMessage.hypothesis(move, facts(move))) }

    func approach(_ move: SearchMove) -> String { say(SearchMoveMessage.approach(move, facts(move))) }

    /// What a move's sentences quote: the high-cardinality columns, the family encoded, an ensemble's members.
    private func facts(_ move: SearchMove) -> SearchMoveFacts {
        let members =
            (search.moves[move.rawValue]?.call.arguments).flatMap { try? JSONValue.parse($0) }?["members"]?
            .arrayValue?.compactMap(\.stringValue) ?? []
        return SearchMoveFacts(
            framing: f, encodingColumns: search.highCardinalityColumns.map { "'\($0)'" }.joined(separator: ", "),
            many: search.highCardinalityColumns.count > 1,
            encodedModel: search.encodedFamily?.step == .gbdt ? "gbdt" : f.linearModel, members: members,
            textTerms: AutopilotSearch.textTerms, tuningCandidates: search.firstTuningCandidates)
    }

    /// What the move carries forward from an earlier move that paid.
    func carried(_ move: SearchMove) -> String {
        (search.carriesTargetEncoding(move) ? say(SearchMessage.carriedTargetEncoding) : "")
            + (search.carriesLogTarget(move) ? say(SearchMessage.carriedLogTarget) : "")
    }

    func beforeMove(_ move: SearchMove) -> String {
        say(SearchMessage.beforeMove(title: title(move), hypothesis: hypothesis(move)))
    }

    /// The result sentence of a move: its score against the best before it, and whether it paid.
    func verdict(_ move: SearchMove) -> String? {
        guard let c = search.candidates.first(where: { $0.move == move }), let b = search.best(before: move) else {
            return nil
        }
        let delta = AutopilotText.f3(c.mean - b.mean)
        return say(
            SearchMessage.verdict(
                title: title(move), score: score(c), delta: delta, bestRun: b.runID, paid: search.paid(move)))
    }

    func beforeLog(_ move: SearchMove, _ done: AutopilotHistory.Done) -> String {
        var s = ""
        if let error = done.error {
            s = say(SearchMessage.experimentFailed(error))
        } else if let v = verdict(move) {
            s = v + "\n"
        }
        return s + say(AutopilotMessage.loggingExperiment)
    }

    func logArguments(_ move: SearchMove, _ done: AutopilotHistory.Done) -> JSONValue {
        var args: [String: JSONValue] = [
            "kind": "experiment", "title": .string(title(move)), "hypothesis": .string(hypothesis(move)),
            "approach": .string(approach(move) + carried(move)), "next": .string(nextText(after: move)),
        ]
        guard done.ok, let c = search.candidates.first(where: { $0.move == move }) else {
            args["analysis"] = .string(say(SearchMessage.failedAnalysis(error: done.error)))
            return .object(args)
        }
        args["run_ids"] = .strings([c.runID])
        let best = search.best(before: move)
        if let b = best { args["compare_to"] = .string(b.runID) }
        let behind = best.map { search.plan.better($0, than: c) } ?? false
        args["analysis"] = .string(
            say(behind ? SearchMessage.belowBest : search.paid(move) ? SearchMessage.holds : SearchMessage.withinNoise))
        return .object(args)
    }

    private func nextText(after move: SearchMove) -> String {
        let later = SearchMove.allCases.drop { $0 != move }.dropFirst().filter { search.applies($0) }
        guard let next = later.first else { return say(SearchMessage.chooseAndDecide) }
        return say(SearchMessage.nextInQueue(title: title(next)))
    }

    /// The budget used and why the search stopped, for the decision and the closing words.
    func summary() -> String {
        let used = Int(search.clock.elapsed.rounded()), budget = Int(search.clock.budget.rounded())
        let count = search.done.count
        let why: SearchMessage
        switch search.nextMove() {
        case .success: why = .stillRunning
        case .failure(let reason):
            switch reason.stop {
            case .exhausted: why = .exhausted
            case .noGain: why = .noGain(patience: searchPatience)
            case .budget(let move): why = .budget(nextTitle: title(move))
            }
        }
        let skipped = search.plan.skippedForTime.map { say(SearchMessage.skipped($0)) }
        let passed = skipped.isEmpty ? "" : say(SearchMessage.leftOutForTime(skipped))
        return say(SearchMessage.summary(experiments: count, used: used, budget: budget, why: say(why))) + passed
    }
}
