// The Autopilot's experiment plan: a fixed sequence of steps, each deciding its tool call from what
// the earlier steps returned (or skipping itself). Frame → context log → baseline → linear model →
// gradient boosting → text model (when there is text) → each compared with the best so far and logged →
// the search within the time budget (AutopilotSearch.swift, when the session has a budget) → the
// chosen model by the one-standard-error rule → explain it → one evaluation on the sealed test split →
// its configuration refitted on every labelled row as the model to use (finalize_model, when the budget
// holds the fit) → decision logged.
// Leaves out: the wording (AutopilotText.swift) and the ChatModel plumbing (Autopilot.swift).

import LLMClient
import Languages
import MLCore

/// The plan's steps, in order. The raw value is the step number carried in the call id.
public enum AutopilotStep: Int, CaseIterable, Sendable {
    case load, context
    case baseline, logBaseline
    case linear, compareLinear, logLinear
    case gbdt, compareGbdt, logGbdt
    case text, compareText, logText
    case leakCheck, compareLeakCheck, logLeakCheck
    case search
    case explain, logExplain
    case test, finalize, decision
}

/// One trained candidate: which step trained it and what train_model said.
struct Candidate {
    var step: AutopilotStep
    var runID: String
    var model: String
    var mean: Double
    var std: Double?
    /// The score on each validation fold (train_model's and tune_model's `folds`), for paired comparisons.
    var folds: [Double]? = nil
    /// Lower is simpler, for the one-standard-error rule.
    var complexity = 1
    /// The search move that trained it (nil: a step of the plan).
    var move: SearchMove? = nil
}

extension AutopilotStep {
    /// How complex the model of a training step is (the baseline simplest).
    var complexity: Int {
        switch self {
        case .baseline: 0
        case .gbdt: 2
        default: 1
        }
    }
}

/// Decides the next call of the plan from the history.
struct AutopilotPlan {
    let brief: AutopilotBrief
    let history: AutopilotHistory
    /// The conversation (the search reads its own calls from it) and the budget's clock (nil: no search).
    var messages: [ChatMessage] = []
    var clock: AutopilotClock? = nil
    /// Whether the session offers finalize_model (a session without it keeps the chosen run as the model).
    var canFinalize = true
    var language: Language { brief.language }

    /// The search, when the session has a budget.
    var search: AutopilotSearch? { AutopilotSearch(plan: self, messages: messages, clock: clock) }

    var framing: AutopilotFraming? {
        history[AutopilotStep.load.rawValue].flatMap { $0.ok ? AutopilotFraming(loadResult: $0.result) : nil }
    }

    /// The training step behind each compare/log step.
    static let trainingStep: [AutopilotStep: AutopilotStep] = [
        .logBaseline: .baseline, .compareLinear: .linear, .logLinear: .linear, .compareGbdt: .gbdt,
        .logGbdt: .gbdt, .compareText: .text, .logText: .text,
    ]

    /// Candidates trained successfully before `step`, in plan order (the search's after it).
    func candidates(before step: AutopilotStep) -> [Candidate] {
        guard let metric = framing?.metric else { return [] }
        let planned = [AutopilotStep.baseline, .linear, .gbdt, .text].filter { $0.rawValue < step.rawValue }.compactMap
        {
            s -> Candidate? in
            guard let done = history[s.rawValue], done.ok, let id = done.result["run_id"]?.stringValue,
                let m = done.result["metrics"]?[metric], let mean = m["mean"]?.doubleValue
            else { return nil }
            return Candidate(
                step: s, runID: id, model: done.result["model"]?.stringValue ?? "", mean: mean,
                std: m["std"]?.doubleValue, folds: m["folds"]?.arrayValue?.compactMap(\.doubleValue),
                complexity: s.complexity)
        }
        guard step.rawValue > AutopilotStep.search.rawValue, let search else { return planned }
        return planned + search.candidates
    }

    func better(_ a: Candidate, than b: Candidate) -> Bool {
        (framing?.greaterIsBetter ?? true) ? a.mean > b.mean : a.mean < b.mean
    }

    /// The best candidate by mean validation metric among those before `step`.
    func best(before step: AutopilotStep) -> Candidate? {
        candidates(before: step).reduce(nil) { best, c in best.map { better(c, than: $0) ? c : $0 } ?? c }
    }

    /// The model kept, on validation only: by the one-standard-error rule, the simplest model (not the
    /// baseline) whose mean is within one standard error of the best mean, as a senior engineer would;
    /// the standard error of the paired difference on the same folds when both runs report fold scores.
    func chosen() -> Candidate? {
        let pool = candidates(before: .explain).filter { $0.step != .baseline }
        let folds = framing?.scheme?.folds ?? 5
        let scored = pool.map {
            ScoredCandidate(
                id: $0.runID, mean: $0.mean, std: $0.std, folds: folds, complexity: $0.complexity, foldScores: $0.folds)
        }
        guard let kept = OneStandardErrorRule.choose(scored, greaterIsBetter: framing?.greaterIsBetter ?? true) else {
            return best(before: .explain)
        }
        return pool.first { $0.runID == kept.id }
    }

    /// The run the interpretation explains: the chosen one, or an ensemble's strongest member.
    func explained() -> Candidate? {
        guard let kept = chosen() else { return nil }
        guard let move = kept.move, move.combines else { return kept }
        return members(of: kept).reduce(nil) { b, c in b.map { better(c, than: $0) ? c : $0 } ?? c } ?? kept
    }

    /// Whether the chosen model beats the baseline beyond noise (from its comparison with the baseline
    /// or, failing that, from the fold spread).
    func chosenBeatsBaseline() -> Bool {
        guard let chosen = chosen(), chosen.step != .baseline,
            let baseline = candidates(before: .explain).first(where: { $0.step == .baseline })
        else { return false }
        let spread = max(chosen.std ?? 0, baseline.std ?? 0)
        return better(chosen, than: baseline) && abs(chosen.mean - baseline.mean) > spread
    }

    /// The next call, or nil when the plan is over. Skipped steps are passed over.
    func next() -> AutopilotCall? {
        if let load = history[AutopilotStep.load.rawValue], !load.ok { return nil }
        for step in AutopilotStep.allCases where step.rawValue > history.lastStep {
            if Self.skippedWhenOutOfTime.contains(step) && outOfTime { continue }
            if step == .search {
                if let call = search?.next() { return call }
                continue
            }
            if let call = call(for: step) {
                return AutopilotCall(
                    id: AutopilotHistory.callID(step: step.rawValue), name: Autopilot.toolName(step),
                    arguments: call.arguments, text: call.text)
            }
        }
        return nil
    }

    /// The steps after the search, planned from what is left of the budget and the explained run's
    /// training time (nil without a budget: no limit, learning curve included).
    func finish(explaining run: Candidate) -> AutopilotFinish? {
        guard let clock else { return nil }
        return AutopilotFinish(remaining: clock.remaining, trainingSeconds: trainingSeconds(of: run))
    }

    /// Seconds `run` took to train, as its train_model or tune_model result said (1 when unknown).
    func trainingSeconds(of run: Candidate) -> Double {
        let result =
            run.move.flatMap { search?.moves[$0.rawValue]?.result } ?? history[run.step.rawValue]?.result
        return result?["train_seconds"]?.doubleValue ?? 1
    }

    /// The model to use on new data: the chosen run refitted on every labelled row (finalize_model), if done.
    var finalRun: String? {
        guard let done = history[AutopilotStep.finalize.rawValue], done.ok else { return nil }
        return done.result["run_id"]?.stringValue
    }

    /// Whether the final fit on every row is worth it and fits in what is left of the budget. Worth it on
    /// tables up to `finalFitRows` training rows, where a quarter more rows still moves the score (a learning
    /// curve still climbing); above, the fit would cost seconds for nothing measurable. One fit of each model
    /// (an ensemble's members) is about its run's training time over its folds plus one, a quarter more for
    /// the sealed rows it adds.
    func finalFitFits(_ run: Candidate) -> Bool {
        guard (framing?.trainRows ?? 0) <= Self.finalFitRows else { return false }
        guard let clock else { return true }
        let fits = Double((framing?.scheme?.folds ?? 5) + 1)
        let models = run.move?.combines == true ? members(of: run) : [run]
        let seconds = models.reduce(0) { $0 + trainingSeconds(of: $1) } * 1.25 / fits
        return 1 + seconds <= clock.remaining
    }

    /// The most training rows a chosen run is refitted on every row for (finalize_model).
    static let finalFitRows = 200_000

    /// The candidates an ensemble run combines.
    func members(of run: Candidate) -> [Candidate] {
        guard let move = run.move else { return [] }
        let ids = Set(
            (search?.moves[move.rawValue]?.call.arguments).flatMap { try? JSONValue.parse($0) }?["members"]?
                .arrayValue?.compactMap(\.stringValue) ?? [])
        return candidates(before: .explain).filter { ids.contains($0.runID) }
    }

    /// Training steps of the plan passed over when the budget is spent before they start (what is
    /// left would not even hold the steps after the search): gradient boosting and the text model.
    static let skippedWhenOutOfTime: Set<AutopilotStep> = [.gbdt, .text]

    /// Gradient boosting's time limit per fit (its params.max_seconds): half of what the budget leaves after
    /// the closing steps, over the folds and the final fit (5 + 1, or 2 + 1 above a million rows), in whole
    /// seconds; nil without a budget. On a small table it never binds; on a wide, many-class one it keeps the
    /// first families inside the budget.
    var gbdtSecondsPerFit: Double? {
        guard let clock else { return nil }
        let linear = history[AutopilotStep.linear.rawValue]?.result["train_seconds"]?.doubleValue ?? 1
        let reserve = AutopilotFinish(remaining: clock.remaining, trainingSeconds: linear).reserve
        let fits = Double((framing?.scheme?.folds ?? 5) + 1)
        return max(1, ((clock.remaining - reserve) * 0.5 / fits).rounded())
    }

    /// Whether what is left of the budget is less than the steps after the search need.
    var outOfTime: Bool {
        guard let clock else { return false }
        let seconds = history[AutopilotStep.linear.rawValue]?.result["train_seconds"]?.doubleValue ?? 1
        return clock.remaining < AutopilotFinish(remaining: clock.remaining, trainingSeconds: seconds).reserve
    }

    /// The training steps that were passed over for lack of time (they applied, and later steps ran).
    var skippedForTime: [AutopilotStep] {
        Self.skippedWhenOutOfTime.sorted { $0.rawValue < $1.rawValue }.filter { step in
            history[step.rawValue] == nil && history.lastStep > step.rawValue
                && (step != .text || !(framing?.textColumns.isEmpty ?? true))
        }
    }

    private func call(for step: AutopilotStep) -> (arguments: JSONValue, text: String)? {
        let text = AutopilotText(language: language, plan: self)
        if step == .load {
            var args: [String: JSONValue] = ["path": .string(brief.path)]
            if let target = brief.target { args["target"] = .string(target) }
            return (.object(args), text.beforeLoad())
        }
        guard let f = framing else { return nil }
        let drop = JSONValue.strings(f.dropList)
        func train(_ model: String, hypothesis: String, features: [String]? = nil) -> JSONValue {
            var args: [String: JSONValue] = [
                "dataset_id": .string(f.datasetID), "model": .string(model), "hypothesis": .string(hypothesis),
                "seed": 42, "fold_scores": true,
            ]
            if let features {
                args["features"] = .strings(features)
            } else if !f.dropList.isEmpty {
                args["drop"] = drop
            }
            return .object(args)
        }
        switch step {
        case .load, .search: return nil
        case .context:
            return (text.contextArguments(f), text.afterLoad(f))
        case .baseline:
            return (train("baseline", hypothesis: text.hypothesis(.baseline, f)), text.beforeTraining(.baseline, f))
        case .linear:
            return (train(f.linearModel, hypothesis: text.hypothesis(.linear, f)), text.beforeTraining(.linear, f))
        case .gbdt:
            var args = train("gbdt", hypothesis: text.hypothesis(.gbdt, f)).objectValue ?? [:]
            if let seconds = gbdtSecondsPerFit { args["params"] = ["max_seconds": .number(seconds)] }
            return (.object(args), text.beforeTraining(.gbdt, f))
        case .text:
            guard !f.textColumns.isEmpty else { return nil }
            let model = f.linearModel
            return (
                train(model, hypothesis: text.hypothesis(.text, f), features: f.textColumns),
                text.beforeTraining(.text, f)
            )
        case .compareLinear, .compareGbdt, .compareText:
            guard let trained = Self.trainingStep[step],
                let run = candidates(before: step).first(where: { $0.step == trained }),
                let reference = best(before: trained)
            else { return nil }
            let args: JSONValue = [
                "run_id": .string(run.runID), "compare_to": .string(reference.runID), "split": "validation",
            ]
            return (args, text.beforeCompare(run, reference, f))
        case .logBaseline, .logLinear, .logGbdt, .logText:
            guard let trained = Self.trainingStep[step], let done = history[trained.rawValue] else { return nil }
            return (text.experimentArguments(trained, done, f), text.beforeLog(trained, done, f))
        case .explain:
            guard let chosen = explained() else { return nil }
            var args: [String: JSONValue] = ["run_id": .string(chosen.runID), "top_k": 5, "learning_curve": true]
            if let finish = finish(explaining: chosen) {
                args["learning_curve"] = .bool(finish.learningCurve)
                args["time_budget_seconds"] = .number(finish.explainSeconds)
            }
            return (.object(args), text.beforeExplain(chosen, f))
        case .logExplain:
            guard let chosen = explained(), let done = history[AutopilotStep.explain.rawValue], done.ok else {
                return nil
            }
            return (text.interpretationArguments(chosen, done.result, f), text.afterExplain(done.result))
        case .test:
            guard let chosen = chosen(), chosenBeatsBaseline() else { return nil }
            return (["run_id": .string(chosen.runID), "split": "test"], text.beforeTest(chosen, f))
        case .finalize:
            guard canFinalize, let chosen = chosen(), history[AutopilotStep.test.rawValue]?.ok == true,
                finalFitFits(chosen)
            else {
                return nil
            }
            return (["run_id": .string(chosen.runID)], text.beforeFinalize(chosen, f))
        case .decision:
            return (text.decisionArguments(f), text.beforeDecision(f))
        case .leakCheck, .compareLeakCheck, .logLeakCheck:
            return leakageCall(step, f)
        }
    }
}
