// The one next step of the workflow, said as the call to make with the run ids it needs: what a guide
// hands a small model after each tool result (in the small tool profile's names), so that it follows the plan instead of holding it in mind.
// The order is the workflow's: data, context, baseline, two more families, a comparison with confidence
// intervals, an explanation, one experiment entry per run, the decision.
// Leaves out: when the line is sent (AgentLoop.setGuide).

import MLCore

extension SessionProgress {
    /// The families a session tries after the baseline, for a task: the linear model (the simplest), then
    /// gradient boosting (the strongest on tables, as the Autopilot's plan), then a random forest.
    static func candidateFamilies(_ task: TaskKind?) -> [String] {
        task == .regression ? ["ridge", "gbdt", "random_forest"] : ["logistic", "gbdt", "random_forest"]
    }

    /// The next step, or nil when there is nothing to guide (no target: clustering is led by the person).
    /// - Parameter target: the column the session was asked to predict, when one was.
    public func nextStep(target: String? = nil) -> String? {
        guard !datasets.isEmpty else { return "Next step: call load_data with the file and the target." }
        if let target, !targets.contains(target) {
            return
                "Next step: call load_data again with the same path and target \"\(target)\" (the column to predict)."
        }
        guard task != nil else { return nil }
        let baseline = runs.first { $0.model == "baseline" }
        let others = runs.filter { $0.model != "baseline" }
        if !hasContext {
            return
                "Next step: call log_context with the problem in one sentence (the tool writes the data and the metric)."
        }
        guard let baseline else {
            return "Next step: call train_model with model \"baseline\" and a one-sentence hypothesis."
        }
        let tried = Set(others.map(\.model))
        if tried.count < 2, let family = Self.candidateFamilies(task).first(where: { !tried.contains($0) }) {
            return
                "Next step: call train_model with model \"\(family)\" and a one-sentence hypothesis. Runs so far: \(Self.list(runs))."
        }
        let best = others.max { a, b in Self.lowerIsBetter(a.metric) ? a.mean > b.mean : a.mean < b.mean } ?? baseline
        if !compared {
            return
                "Next step: call compute_metrics with run_id \"\(best.id)\" (best so far, \(best.model)) and compare_to \"\(baseline.id)\" (baseline)."
        }
        if !explained { return "Next step: call explain_model with run_id \"\(best.id)\"." }
        if experiments < 3 {
            let run = runs[min(experiments, runs.count - 1)]
            let reference = run.id == baseline.id ? "" : ", compare_to \"\(baseline.id)\""
            return
                "Next step: call log_experiment for run \(run.id) (\(run.model)): hypothesis, run_ids [\"\(run.id)\"]\(reference), analysis and next (one sentence each; the tool writes the numbers)."
        }
        if !hasDecision {
            return
                "Next step: call log_decision: keep run \(best.id) (\(best.model)) or say why not, with run_ids [\"\(best.id)\"], analysis (why) and next."
        }
        return "Every step of the workflow is done: answer with a short summary for the user and no tool call."
    }

    private static func list(_ runs: [RunLine]) -> String {
        runs.map { "\($0.id) \($0.model) \($0.metric) \(format($0.mean))" }.joined(separator: "; ")
    }
}
