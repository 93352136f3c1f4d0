// The Autopilot's experiment plan: a fixed sequence of steps, each deciding its tool call from what
// the earlier steps returned (or skipping itself). Frame → context log → baseline → linear model →
// gradient boosting → text model (when there is text) → each compared with the best so far and logged →
// explain the chosen model → decision → one evaluation on the sealed test split → decision logged.
// Leaves out: the wording (AutopilotText.swift) and the ChatModel plumbing (Autopilot.swift).

/// The plan's steps, in order. The raw value is the step number carried in the call id.
public enum AutopilotStep: Int, CaseIterable, Sendable {
    case load, context
    case baseline, logBaseline
    case linear, compareLinear, logLinear
    case gbdt, compareGbdt, logGbdt
    case text, compareText, logText
    case leakCheck, compareLeakCheck, logLeakCheck
    case explain, logExplain
    case test, decision
}

/// One trained candidate: which step trained it and what train_model said.
struct Candidate {
    var step: AutopilotStep
    var runID: String
    var model: String
    var mean: Double
    var std: Double?
}

/// Decides the next call of the plan from the history.
struct AutopilotPlan {
    let brief: AutopilotBrief
    let history: AutopilotHistory
    var language: SessionLanguage { brief.language }

    var framing: AutopilotFraming? {
        history[AutopilotStep.load.rawValue].flatMap { $0.ok ? AutopilotFraming(loadResult: $0.result) : nil }
    }

    /// The training step behind each compare/log step.
    static let trainingStep: [AutopilotStep: AutopilotStep] = [
        .logBaseline: .baseline, .compareLinear: .linear, .logLinear: .linear, .compareGbdt: .gbdt,
        .logGbdt: .gbdt, .compareText: .text, .logText: .text,
    ]

    /// Candidates trained successfully before `step`, in plan order.
    func candidates(before step: AutopilotStep) -> [Candidate] {
        guard let metric = framing?.metric else { return [] }
        return [AutopilotStep.baseline, .linear, .gbdt, .text].filter { $0.rawValue < step.rawValue }.compactMap { s in
            guard let done = history[s.rawValue], done.ok, let id = done.result["run_id"]?.stringValue,
                let m = done.result["metrics"]?[metric], let mean = m["mean"]?.doubleValue
            else { return nil }
            return Candidate(
                step: s, runID: id, model: done.result["model"]?.stringValue ?? "", mean: mean,
                std: m["std"]?.doubleValue)
        }
    }

    func better(_ a: Candidate, than b: Candidate) -> Bool {
        (framing?.greaterIsBetter ?? true) ? a.mean > b.mean : a.mean < b.mean
    }

    /// The best candidate by mean validation metric among those before `step`.
    func best(before step: AutopilotStep) -> Candidate? {
        candidates(before: step).reduce(nil) { best, c in best.map { better(c, than: $0) ? c : $0 } ?? c }
    }

    /// The model kept: the best by mean, unless a simpler model (earlier in the plan, not the baseline) is
    /// within noise of it — then the simpler one, as a senior engineer would.
    func chosen() -> Candidate? {
        guard let best = best(before: .explain) else { return nil }
        let compareStep: [AutopilotStep: AutopilotStep] = [.gbdt: .compareGbdt, .text: .compareText]
        if let cs = compareStep[best.step], let comparison = history[cs.rawValue]?.result["comparison"],
            comparison["significant"]?.boolValue == false,
            let otherID = comparison["other_run"]?.stringValue,
            let other = candidates(before: .explain).first(where: { $0.runID == otherID }), other.step != .baseline
        {
            return other
        }
        return best
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
    func next() -> (step: AutopilotStep, arguments: JSONValue, text: String)? {
        if let load = history[AutopilotStep.load.rawValue], !load.ok { return nil }
        for step in AutopilotStep.allCases where step.rawValue > history.lastStep {
            if let call = call(for: step) { return (step, call.arguments, call.text) }
        }
        return nil
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
                "seed": 42,
            ]
            if let features {
                args["features"] = .strings(features)
            } else if !f.dropList.isEmpty {
                args["drop"] = drop
            }
            return .object(args)
        }
        switch step {
        case .load: return nil
        case .context:
            return (text.contextArguments(f), text.afterLoad(f))
        case .baseline:
            return (train("baseline", hypothesis: text.hypothesis(.baseline, f)), text.beforeTraining(.baseline, f))
        case .linear:
            return (train(f.linearModel, hypothesis: text.hypothesis(.linear, f)), text.beforeTraining(.linear, f))
        case .gbdt:
            return (train("gbdt", hypothesis: text.hypothesis(.gbdt, f)), text.beforeTraining(.gbdt, f))
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
            guard let chosen = chosen() else { return nil }
            return (
                ["run_id": .string(chosen.runID), "top_k": 5, "learning_curve": true], text.beforeExplain(chosen, f)
            )
        case .logExplain:
            guard let chosen = chosen(), let done = history[AutopilotStep.explain.rawValue], done.ok else { return nil }
            return (text.interpretationArguments(chosen, done.result, f), text.afterExplain(done.result))
        case .test:
            guard let chosen = chosen(), chosenBeatsBaseline() else { return nil }
            return (["run_id": .string(chosen.runID), "split": "test"], text.beforeTest(chosen, f))
        case .decision:
            return (text.decisionArguments(f), text.beforeDecision(f))
        case .leakCheck, .compareLeakCheck, .logLeakCheck:
            return leakageCall(step, f)
        }
    }
}
