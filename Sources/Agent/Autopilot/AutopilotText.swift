// The Autopilot's words, in English or French: what it says before each step, and the log entries it
// writes. Numbers on screen are quoted from tool results; log entries carry prose and run ids only,
// because append_log writes every number itself from the run store.

import Foundation
import Languages

/// Phrases of the Autopilot in the session's language.
struct AutopilotText {
    let language: Language
    let plan: AutopilotPlan

    func say(_ message: some Message) -> String { message.text(language) }
    static func f3(_ x: Double?) -> String { x.map { String(format: "%.3f", $0) } ?? "n/a" }

    private func score(_ c: Candidate, _ f: AutopilotFraming) -> String {
        "\(f.metric) \(Self.f3(c.mean))" + (c.std.map { " ± \(Self.f3($0))" } ?? "") + " (\(c.runID))"
    }

    private func modelName(_ step: AutopilotStep, _ f: AutopilotFraming) -> String {
        say(AutopilotMessage.modelName(step, regression: f.isRegression))
    }

    // MARK: framing

    func beforeLoad() -> String { say(AutopilotMessage.beforeLoad(path: plan.brief.path)) }

    func afterLoad(_ f: AutopilotFraming) -> String {
        var s = say(AutopilotMessage.framing(f))
        for d in f.drops {
            s += say(AutopilotMessage.dropping(column: d.column, .warning(message: d.reason, d.warning)))
        }
        for w in f.otherWarnings.prefix(3) {
            s += say(AutopilotMessage.note(.warning(message: w.message, w.warning)))
        }
        return s + say(AutopilotMessage.writingContext)
    }

    func contextArguments(_ f: AutopilotFraming) -> JSONValue {
        let problem =
            plan.brief.goal.map { say(AutopilotMessage.problemWithGoal(goal: $0, f)) }
            ?? say(AutopilotMessage.problem(f, path: plan.brief.path))
        let data = say(
            AutopilotMessage.data(
                path: plan.brief.path, f, dropped: say(AutopilotMessage.dropped(f)), leakageNotes: leakageNotes(f)))
        let metric = say(AutopilotMessage.metric(f))
        return ["kind": "context", "problem": .string(problem), "data": .string(data), "metric": .string(metric)]
    }

    // MARK: experiments

    func hypothesis(_ step: AutopilotStep, _ f: AutopilotFraming) -> String {
        say(AutopilotMessage.hypothesis(step, f))
    }

    func beforeTraining(_ step: AutopilotStep, _ f: AutopilotFraming) -> String {
        var s = ""
        if step != .baseline, let best = plan.best(before: step) {
            s = say(AutopilotMessage.bestSoFar(model: best.model, score: score(best, f)))
        }
        return s + say(AutopilotMessage.experiment(model: modelName(step, f), hypothesis: hypothesis(step, f)))
    }

    func beforeCompare(_ run: Candidate, _ reference: Candidate, _ f: AutopilotFraming) -> String {
        say(
            AutopilotMessage.comparing(
                model: run.model, score: score(run, f), reference: reference.model, referenceRun: reference.runID))
    }

    func beforeLog(_ step: AutopilotStep, _ done: AutopilotHistory.Done, _ f: AutopilotFraming) -> String {
        var s = ""
        if step == .baseline, let c = plan.candidates(before: .logBaseline).first(where: { $0.step == .baseline }) {
            s = say(AutopilotMessage.baselineScore(score(c, f)))
        }
        if let compareStep = compareStep(after: step),
            let cmp = plan.history[compareStep.rawValue]?.result["comparison"]
        {
            s += comparisonSentence(cmp, f) + "\n"
        }
        if let error = done.error { s += say(AutopilotMessage.trainingFailed(error)) }
        return s + say(AutopilotMessage.loggingExperiment)
    }

    func compareStep(after step: AutopilotStep) -> AutopilotStep? {
        [AutopilotStep.linear: AutopilotStep.compareLinear, .gbdt: .compareGbdt, .text: .compareText][step]
    }

    func comparisonSentence(_ c: JSONValue, _ f: AutopilotFraming) -> String {
        let other = c["other_run"]?.stringValue ?? "?", delta = Self.f3(c["delta"]?.doubleValue)
        let ci = "[\(Self.f3(c["ci_low"]?.doubleValue)), \(Self.f3(c["ci_high"]?.doubleValue))]"
        return say(
            AutopilotMessage.difference(
                other: other, delta: delta, interval: ci, significant: c["significant"]?.boolValue == true))
    }
}
