// The Autopilot's search, after the baseline and the first families and before the interpretation: a
// ranked queue of experiments, each a stated hypothesis, one tool call (train_model or tune_model) and
// one log entry, run while the session's time budget allows. The queue is ranked by expected gain per
// second: a log-transformed target for a skewed positive regression target, target encoding of
// high-cardinality categorical columns on the best first family, the text model with a larger vocabulary
// (AutopilotSearch+TextTerms.swift), tuning gradient boosting by
// successive halving, a random forest, k-nearest neighbours on all-numeric tables
// (AutopilotSearch+Neighbours.swift), balanced class weights for imbalanced classes, the linear
// model's regularisation strength, and last the ensemble of the best distinct runs, averaged, then
// stacked (a meta-model on their out-of-fold predictions). A move starts only
// when its estimated cost (from the first runs' training times) and the reserve for the interpretation
// fit in what is left of the budget; the search stops paying after three moves in a row without a
// significant gain (more than one standard error of the best), and then only the ensemble is tried.
// What paid is carried forward (target encoding, once it paid, is used by the later moves; a log target, by
// the later tunings of gradient boosting). Once the queue
// has run, a second round (AutopilotSearch+SecondRound.swift) tunes again the families still in contention.
// The plan keeps a tenth of the budget unplanned (AutopilotClock.slack) for a loaded machine.
// Call ids: "aps<move>" for a move's experiment, "apl<move>" for its log entry; everything is read back
// from the conversation, and the clock only decides whether a move starts.
// Leaves out: the words (AutopilotSearch+Text.swift); the choice among candidates (AutopilotPlan, one-SE rule).

import Foundation
import LLMClient
import MLCore

/// Moves after three in a row that brought no significant gain are not started (the ensemble excepted).
let searchPatience = 3

/// One call of the search: its id, tool, arguments and what is said before it.
struct AutopilotCall {
    var id: String
    var name: String
    var arguments: JSONValue
    var text: String
}

/// The search's state, read from the conversation, and its next call.
struct AutopilotSearch {
    let plan: AutopilotPlan
    let framing: AutopilotFraming
    let clock: AutopilotClock
    /// The moves' experiments ("aps") and their log entries ("apl").
    let moves: AutopilotHistory
    let logs: AutopilotHistory
    /// Moves done, in the order they ran.
    let done: [SearchMove]

    init?(plan: AutopilotPlan, messages: [ChatMessage], clock: AutopilotClock?) {
        guard let clock, let f = plan.framing, !f.isClustering else { return nil }
        self.plan = plan
        framing = f
        self.clock = clock
        moves = AutopilotHistory(messages: messages, prefix: "aps")
        logs = AutopilotHistory(messages: messages, prefix: "apl")
        var order: [SearchMove] = []
        for m in messages where m.role == .assistant {
            for call in m.toolCalls {
                guard let step = AutopilotHistory.step(ofCallID: call.id, prefix: "aps"), moves[step] != nil,
                    let move = SearchMove(rawValue: step), !order.contains(move)
                else { continue }
                order.append(move)
            }
        }
        done = order
    }

    var text: AutopilotSearchText { AutopilotSearchText(language: plan.language, search: self) }

    // MARK: what was found

    /// The candidates the search trained, in the order it ran them.
    var candidates: [Candidate] {
        done.compactMap { move in
            guard let done = moves[move.rawValue], done.ok else { return nil }
            return Self.candidate(done.result, move: move, metric: framing.metric)
        }
    }

    /// A candidate from train_model's or tune_model's result.
    static func candidate(_ r: JSONValue, move: SearchMove, metric: String) -> Candidate? {
        let id = r["run_id"]?.stringValue ?? r["best_run"]?.stringValue
        let m = r["metrics"]?[metric] ?? r["best"]?[metric]
        guard let id, let mean = m?["mean"]?.doubleValue else { return nil }
        return Candidate(
            step: .search, runID: id, model: r["model"]?.stringValue ?? "", mean: mean, std: m?["std"]?.doubleValue,
            folds: m?["folds"]?.arrayValue?.compactMap(\.doubleValue), complexity: move.complexity, move: move)
    }

    /// The best candidate by mean among the plan's runs and the moves that ran before `move` (all when nil).
    func best(before move: SearchMove? = nil) -> Candidate? {
        let base = plan.candidates(before: .search).filter { $0.step != .baseline }
        let earlier = Set(move.flatMap { m in done.firstIndex(of: m).map { done.prefix($0) } } ?? done[...])
        let searched = candidates.filter { c in c.move.map(earlier.contains) ?? false }
        return (base + searched).reduce(nil) { b, c in b.map { plan.better(c, than: $0) ? c : $0 } ?? c }
    }

    /// Whether `move`'s run beat the best before it by more than one standard error: of their paired
    /// difference on the same folds when both report fold scores, else of that best's mean.
    func paid(_ move: SearchMove) -> Bool {
        guard let c = candidates.first(where: { $0.move == move }), let b = best(before: move) else { return false }
        let scored = [c, b].map {
            ScoredCandidate(
                id: $0.runID, mean: $0.mean, std: $0.std, folds: folds, complexity: $0.complexity, foldScores: $0.folds)
        }
        let se = scored[0].standardError(against: scored[1])
        let gain = framing.greaterIsBetter ? c.mean - b.mean : b.mean - c.mean
        return gain > se
    }

    /// The folds of the cross-validation (load_data's scheme, else 5).
    var folds: Int { framing.scheme?.folds ?? 5 }

    /// Moves in a row, most recent last, that did not pay.
    var unpaidStreak: Int {
        var n = 0
        for move in done.reversed() where !move.combines {
            if paid(move) { break }
            n += 1
        }
        return n
    }

    // MARK: what applies

    var loadResult: JSONValue? { plan.history[AutopilotStep.load.rawValue]?.result }

    /// A regression target ≥ 0 whose mean sits well above its median (Pearson's second skewness > 0.5).
    var skewedPositiveTarget: Bool {
        guard framing.isRegression, let d = loadResult?["target"]?["distribution"],
            let mean = d["mean"]?.doubleValue, let median = d["median"]?.doubleValue,
            let std = d["std"]?.doubleValue, let low = d["min"]?.doubleValue, std > 0
        else { return false }
        return low >= 0 && 3 * (mean - median) / std > 0.5
    }

    /// The profile flagged the classes as imbalanced.
    var imbalanced: Bool {
        !framing.isRegression
            && (loadResult?["warnings"]?.arrayValue ?? []).contains { $0["kind"]?.stringValue == "imbalanced_target" }
    }

    /// Categorical features with more levels than PreprocessingOptions.highCardinalityLevels (as load_data
    /// counted them), those the plan keeps.
    var highCardinalityColumns: [String] {
        let skip = Set(framing.dropList + framing.textColumns + [framing.target])
        return (loadResult?["columns"]?.arrayValue ?? []).compactMap { c in
            guard let name = c["name"]?.stringValue, !skip.contains(name), c["type"]?.stringValue == "categorical",
                let distinct = c["distinct"]?.intValue, distinct > PreprocessingOptions.highCardinalityLevels
            else { return nil }
            return name
        }
    }

    /// The first family (linear model or gradient boosting) that scored best: the one target encoding is tried on.
    var encodedFamily: Candidate? {
        plan.candidates(before: .search).filter { $0.step == .linear || $0.step == .gbdt }.reduce(nil) { b, c in
            b.map { plan.better(c, than: $0) ? c : $0 } ?? c
        }
    }

    /// Whether `move` trains with target encoding because that move paid before it: what paid is carried
    /// forward, so a later move is not measured without it.
    func carriesTargetEncoding(_ move: SearchMove) -> Bool {
        guard !move.combines, move != .targetEncoding, move != .textTerms,
            let at = done.firstIndex(of: .targetEncoding),
            paid(.targetEncoding)
        else { return false }
        return done.firstIndex(of: move).map { $0 > at } ?? true
    }

    /// Whether `move`, a tuning of gradient boosting, fits on log(1 + y) because the log-target move (gradient
    /// boosting with target_transform log) paid before it: a tuning without it would measure its settings
    /// against a run that had it, two changes at once. The other families keep the raw target (the log
    /// target was measured on gradient boosting only).
    func carriesLogTarget(_ move: SearchMove) -> Bool {
        guard move == .tuneGbdt || move == .tuneGbdtWide, let at = done.firstIndex(of: .logTarget), paid(.logTarget)
        else { return false }
        return done.firstIndex(of: move).map { $0 > at } ?? true
    }

    /// Seconds the first gradient boosting and linear runs took (cross-validation and refit).
    var gbdtSeconds: Double { seconds(of: .gbdt) }
    var linearSeconds: Double { seconds(of: .linear) }

    private func seconds(of step: AutopilotStep) -> Double {
        plan.history[step.rawValue]?.result["train_seconds"]?.doubleValue ?? 1
    }

    /// Seconds the slowest single run so far took to train (the first families' and the search's): the
    /// run the interpretation explains may be any of them.
    var slowestRunSeconds: Double {
        done.filter { !$0.combines }.reduce(max(gbdtSeconds, linearSeconds)) { s, move in
            max(s, moves[move.rawValue]?.result["train_seconds"]?.doubleValue ?? 0)
        }
    }

    /// Seconds kept for the interpretation, the test evaluation and the log after the search
    /// (AutopilotFinish), for the slowest run so far.
    var reserve: Double {
        AutopilotFinish(remaining: clock.remaining, trainingSeconds: slowestRunSeconds).reserve
    }

    /// A move's estimated seconds.
    func cost(_ move: SearchMove) -> Double {
        switch move {
        case .logTarget, .classWeights: max(gbdtSeconds, 0.2)
        case .targetEncoding: max(1.5 * (encodedFamily?.step == .gbdt ? gbdtSeconds : linearSeconds), 0.3)
        case .tuneGbdt: max(4 * gbdtSeconds, 2)
        case .randomForest: max(4 * gbdtSeconds, 0.5)
        case .regularisation: max(5 * linearSeconds, 0.3)
        case .textTerms: textTermsCost
        case .neighbours: neighboursCost
        case .ensemble, .stack, .reensemble, .restack: 0.2
        case .tuneGbdtWide, .tuneForest: secondRoundCost(move)
        }
    }

    /// Whether `move` is worth trying on this problem.
    func applies(_ move: SearchMove) -> Bool {
        let trained = Set(plan.candidates(before: .search).map(\.step))
        switch move {
        case .logTarget: return skewedPositiveTarget && trained.contains(.gbdt)
        case .targetEncoding: return !highCardinalityColumns.isEmpty && encodedFamily != nil
        case .tuneGbdt: return trained.contains(.gbdt)
        case .randomForest: return framing.columnCount - 1 - framing.dropList.count - framing.textColumns.count > 0
        case .classWeights: return imbalanced && trained.contains(.gbdt)
        case .regularisation: return trained.contains(.linear)
        case .textTerms: return plan.history[AutopilotStep.text.rawValue]?.ok == true
        case .neighbours: return neighboursApply
        case .ensemble, .stack: return ensembleMembers.count >= 2
        case .tuneGbdtWide, .tuneForest, .reensemble, .restack: return secondRoundApplies(move)
        }
    }

    /// Why the search ended (or would end now).
    enum Stop: Equatable {
        case exhausted, noGain
        case budget(SearchMove)
    }

    /// The first move the queue would start now, or why none.
    /// A move that does not fit in the budget is passed over for a cheaper one later in the queue.
    func nextMove() -> Result<SearchMove, StopReason> {
        var blocked: SearchMove?
        for move in SearchMove.allCases where moves[move.rawValue] == nil && applies(move) {
            if !move.combines && unpaidStreak >= searchPatience && !(move.secondRound && secondRoundOpen) { continue }
            guard cost(move) + reserve <= clock.remaining else {
                if blocked == nil { blocked = move }
                continue
            }
            return .success(move)
        }
        if let blocked { return .failure(StopReason(.budget(blocked))) }
        return .failure(StopReason(unpaidStreak >= searchPatience ? .noGain : .exhausted))
    }

    /// A stop reason as an Error, so it can ride in a Result.
    struct StopReason: Error, Equatable {
        var stop: Stop
        init(_ stop: Stop) { self.stop = stop }
    }

    // MARK: the next call

    /// The log entry of the last move when it is not written yet, else the next move's call, else nil.
    func next() -> AutopilotCall? {
        if let last = done.last, logs[last.rawValue] == nil, let experiment = moves[last.rawValue] {
            return AutopilotCall(
                id: AutopilotHistory.callID(step: last.rawValue, prefix: "apl"), name: "append_log",
                arguments: text.logArguments(last, experiment), text: text.beforeLog(last, experiment))
        }
        guard case .success(let move) = nextMove(), let call = call(move) else { return nil }
        return AutopilotCall(
            id: AutopilotHistory.callID(step: move.rawValue, prefix: "aps"), name: call.name,
            arguments: call.arguments, text: text.progress() + text.beforeMove(move))
    }

    private func call(_ move: SearchMove) -> (name: String, arguments: JSONValue)? {
        var args: [String: JSONValue] = [
            "dataset_id": .string(framing.datasetID), "hypothesis": .string(text.hypothesis(move)), "seed": 42,
            "fold_scores": true,
        ]
        if !framing.dropList.isEmpty { args["drop"] = .strings(framing.dropList) }
        if carriesTargetEncoding(move) { args["categorical_encoding"] = "target" }
        if carriesLogTarget(move) { args["target_transform"] = "log" }
        switch move {
        case .logTarget:
            args["model"] = "gbdt"
            args["target_transform"] = "log"
        case .randomForest:
            // Without the text columns: TF-IDF's hundreds of sparse terms make deep trees slow for little gain.
            args["model"] = "random_forest"
            if !framing.textColumns.isEmpty { args["drop"] = .strings(framing.dropList + framing.textColumns) }
        case .classWeights:
            args["model"] = "gbdt"
            args["params"] = ["class_weight": "balanced"]

        case .targetEncoding:
            args["model"] = .string(encodedFamily?.step == .gbdt ? "gbdt" : framing.linearModel)
            args["categorical_encoding"] = "target"
        case .tuneGbdt:
            args["model"] = "gbdt"
            args["space"] = [
                "learning_rate": ["low": 0.02, "high": 0.3, "log": true], "max_leaf_nodes": [7, 15, 31, 63],
                "min_samples_leaf": [5, 10, 20, 40], "l2_regularization": [0, 0.1, 1, 10], "max_iter": [100, 200, 400],
                "max_features": [0.5, 0.8, 1],
            ]
            args["candidates"] = .int(firstTuningCandidates)
            args["include"] = [
                .object(Dictionary(uniqueKeysWithValues: Self.slowGbdtParameters.map { ($0.name, $0.value) }))
            ]
            let seconds = max(2, (clock.remaining - reserve - 2 * gbdtSeconds) * 0.6)
            args["time_budget_seconds"] = .rounded(seconds, digits: 0)
            return ("tune_model", .object(args))
        case .regularisation:
            args["model"] = .string(framing.linearModel)
            args["space"] =
                framing.isRegression
                ? ["alpha": [0.01, 0.1, 1, 10, 100]] : ["C": [0.01, 0.1, 1, 10, 100]]
            args["strategy"] = "random"
            args["candidates"] = 5
            args["time_budget_seconds"] = .rounded(max(2, cost(.regularisation) * 2), digits: 0)
            return ("tune_model", .object(args))
        case .ensemble, .stack, .reensemble, .restack:
            args["model"] = "ensemble"
            args["members"] = .strings(ensembleMembers.map(\.runID))
            if !move.averages { args["ensemble_method"] = "stack" }
            args.removeValue(forKey: "drop")
        case .textTerms:
            args.merge(textTermsArguments) { _, new in new }
        case .neighbours:
            return ("tune_model", .object(args.merging(neighboursArguments) { _, new in new }))
        case .tuneGbdtWide, .tuneForest:
            return ("tune_model", .object(args.merging(secondRoundArguments(move)) { _, new in new }))
        }
        return ("train_model", .object(args))
    }

    /// The strongly regularised gradient boosting the first tuning evaluates first, before its sampled
    /// configurations (tune_model's `include`), so a tuning its time budget cuts still returns it: many
    /// small, shrunk trees (4 leaves, learning rate 0.03) on half the features; random sampling over six
    /// settings seldom draws all of them at once. Our gbdt, 5-fold CV on the 80 % of the quality benchmark's
    /// splits (validation only, `mlexp train --cv 5`, 2–3 fold seeds), against the defaults and against the
    /// configuration it replaces (500 iterations, at least 50 rows in a leaf): AUC caravan 0.733 → 0.776
    /// (was 0.758; three splits), titanic 0.846 → 0.861 (0.860), default 0.935 → 0.946 (0.943), affairs
    /// 0.729 → 0.752 (0.752), oj 0.881 → 0.902 (0.900); wage R² 0.272 → 0.336 (0.333).
    static let slowGbdtParameters: [(name: String, value: JSONValue)] = [
        ("learning_rate", 0.03), ("max_iter", 300), ("max_leaf_nodes", 4), ("min_samples_leaf", 10),
        ("max_features", 0.5), ("l2_regularization", 1),
    ]

    /// Configurations the first gradient boosting tuning samples: 18, or 8 when successive halving would run
    /// one round (a fold's training rows under tune_model's `min_rows`: a random search, every configuration
    /// a full cross-validation). Then the tuning's cost is bounded (caravan, 3,000 rows a fold and 85 columns:
    /// 19 full cross-validations took 15 s of a 60 s budget at load 3, and at load 8 its time budget cut it
    /// and left the second round no room), and fewer noisy draws compete with the included configuration on
    /// folds whose scores spread by ± 0.04.
    var firstTuningCandidates: Int { Self.firstTuningCandidates(trainRows: framing.trainRows, folds: folds) }

    /// `firstTuningCandidates` for `trainRows` rows (the sealed test split excepted) in `folds` folds.
    static func firstTuningCandidates(trainRows: Int, folds: Int) -> Int {
        let k = max(folds, 2)
        let schedule = HyperparameterSearch.halvingSchedule(
            candidates: 18 + 1, factor: 3, trainingRows: trainRows * (k - 1) / k, minRows: TuneSearch.minRows)
        return schedule.count > 1 ? 18 : 8
    }

    /// The strongly regularised configuration in words: "learning_rate 0.03, max_iter 500, …".
    static var slowGbdtText: String { slowGbdtParameters.map { "\($0.name) \($0.value)" }.joined(separator: ", ") }

    /// The summary for the decision: the budget used and why the search stopped.
    func summary() -> String { text.summary() }
}
