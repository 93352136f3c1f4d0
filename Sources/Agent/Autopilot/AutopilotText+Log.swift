// The Autopilot's log entries (experiments, interpretation, decision) and its closing words. Entries
// carry prose and run ids; append_log adds every number from the store, so the log cannot disagree
// with the runs. The sentences are AutopilotLogMessage's.

import Foundation

extension AutopilotText {
    private typealias M = AutopilotLogMessage

    func title(_ step: AutopilotStep, _ f: AutopilotFraming) -> String {
        say(M.title(step, regression: f.isRegression))
    }

    private func nextText(after step: AutopilotStep, _ f: AutopilotFraming) -> String {
        say(M.next(after: step, linearModel: f.linearModel, hasText: !f.textColumns.isEmpty))
    }

    func experimentArguments(_ step: AutopilotStep, _ done: AutopilotHistory.Done, _ f: AutopilotFraming) -> JSONValue {
        let features =
            step == .text
            ? say(M.textFeatures(f.textColumns))
            : say(M.everyColumnExceptTarget) + (f.dropList.isEmpty ? "" : say(M.andDropped(f.dropList)))
        let model =
            done.call.arguments.isEmpty
            ? "" : ((try? JSONValue.parse(done.call.arguments))?["model"]?.stringValue ?? "")
        // A time limit that cut the fit short fixed the number of iterations: say so, with the count.
        let parameters =
            done.result["time_limited_iterations"]?.intValue.map { say(M.timeLimited(iterations: $0)) }
            ?? say(M.defaultParameters)
        var args: [String: JSONValue] = [
            "kind": "experiment", "title": .string(title(step, f)), "hypothesis": .string(hypothesis(step, f)),
            "approach": .string(say(M.approach(model: model, features: features, parameters: parameters, f))),
            "next": .string(nextText(after: step, f)),
        ]
        guard done.ok, let runID = done.result["run_id"]?.stringValue else {
            args["analysis"] = .string(say(M.trainingFailed(done.error)))
            return .object(args)
        }
        args["run_ids"] = .strings([runID])
        var analysis: String
        if step == .baseline {
            analysis = say(M.baselineFloor)
        } else if let cs = compareStep(after: step), let cmp = plan.history[cs.rawValue]?.result["comparison"],
            let other = cmp["other_run"]?.stringValue
        {
            args["compare_to"] = .string(other)
            let significant = cmp["significant"]?.boolValue == true
            let improves = (cmp["better_run"]?.stringValue ?? "") == runID
            analysis =
                switch (significant, improves) {
                case (true, true): say(M.hypothesisHolds(other: other))
                case (true, false): say(M.hypothesisRejected(other: other))
                default: say(M.notConfirmed(other: other))
                }
        } else {
            analysis = say(M.noComparison)
        }
        args["analysis"] = .string(analysis)
        return .object(args)
    }

    func beforeExplain(_ chosen: Candidate, _ f: AutopilotFraming) -> String {
        if let kept = plan.chosen(), kept.runID != chosen.runID {
            return say(M.explainingEnsemble(ensemble: kept.runID, model: chosen.model, run: chosen.runID))
        }
        let why =
            plan.best(before: .explain)?.runID == chosen.runID
            ? say(M.bestValidationScore) : say(M.simplestWithinOneStandardError)
        return say(M.candidate(model: chosen.model, run: chosen.runID, why: why))
    }

    /// Top features, effects, weakest slice and limits, as words (no numbers: the log's numbers come from runs).
    private func findings(_ e: JSONValue) -> (top: [String], effects: [String], slice: String?, limits: [String]) {
        let top = (e["importance"]?.arrayValue ?? []).prefix(5).compactMap { $0["feature"]?.stringValue }
        let slice = e["error_slices"]?.arrayValue?.first?["slice"]?.stringValue
        return (top, ExplainFindings.effects(e).text(language), slice, ExplainFindings.limits(e).text(language))
    }

    /// explain_model's learning-curve reading in the session's language, from its numbers.
    private func curveReading(_ e: JSONValue) -> String? {
        guard let c = e["learning_curve"], let metric = c["metric"]?.stringValue,
            let train = c["train_mean"]?.arrayValue?.last?.doubleValue,
            let valid = c["valid_mean"]?.arrayValue?.last?.doubleValue,
            let rows = c["train_rows"]?.arrayValue?.last?.doubleValue
        else { return nil }
        return say(M.curveAt(rows: Int(rows), metric: metric, train: Self.f3(train), validation: Self.f3(valid)))
            + say(M.curveDiagnosis(c["diagnosis"]?.stringValue))
    }

    func afterExplain(_ e: JSONValue) -> String {
        var lines: [String] = []
        for item in (e["importance"]?.arrayValue ?? []).prefix(5) {
            lines.append("  \(item["feature"]?.stringValue ?? "?"): \(Self.f3(item["importance"]?.doubleValue))")
        }
        let found = findings(e)
        var s =
            say(M.mostImportant(method: e["method"]?.stringValue ?? "permutation")) + lines.joined(separator: "\n")
        if !found.effects.isEmpty { s += say(M.effectsLine(found.effects)) }
        if let slice = found.slice { s += say(M.weakestSlice(slice)) }
        for l in found.limits { s += say(M.limitLine(l)) }
        if let c = curveReading(e) { s += say(M.learningCurveLine) + c }
        return s + say(M.loggingInterpretation)
    }

    func interpretationArguments(_ chosen: Candidate, _ e: JSONValue, _ f: AutopilotFraming) -> JSONValue {
        let found = findings(e)
        var analysis = say(M.reliesOn(found.top))
        if !found.effects.isEmpty { analysis += say(M.effectsSentence(found.effects)) }
        if let slice = found.slice { analysis += say(M.errsMost(slice)) }
        if !found.limits.isEmpty { analysis += say(M.limitsLabel) + found.limits.joined(separator: " ") }
        if let c = curveReading(e) { analysis += say(M.learningCurveLabel) + c }
        return [
            "kind": "experiment",
            "title": .string(say(M.interpretationTitle)),
            "hypothesis": .string(say(M.interpretationHypothesis)),
            "approach": .string(say(M.interpretationApproach(model: chosen.model, run: chosen.runID))),
            "run_ids": .strings([chosen.runID]), "analysis": .string(analysis),
            "next": .string(say(M.decideThenConfirm)),
        ]
    }

    func beforeFinalize(_ chosen: Candidate, _ f: AutopilotFraming) -> String {
        say(M.beforeFinalize(model: chosen.model, run: chosen.runID))
    }

    func beforeTest(_ chosen: Candidate, _ f: AutopilotFraming) -> String {
        say(M.beforeTest(model: chosen.model, run: chosen.runID))
    }

    func decisionArguments(_ f: AutopilotFraming) -> JSONValue {
        guard let chosen = plan.chosen(), plan.chosenBeatsBaseline() else {
            return [
                "kind": "decision",
                "title": .string(say(M.stopTitle)),
                "run_ids": .strings(plan.candidates(before: .explain).map(\.runID)),
                "analysis": .string(say(M.stopAnalysis(target: f.target))),
                "next": .string(say(M.stopNext)),
            ]
        }
        let baseline = plan.candidates(before: .explain).first { $0.step == .baseline }
        let final = plan.finalRun
        let refit = final.map { " " + say(M.finalRefit(run: $0, of: chosen.runID)) } ?? ""
        return [
            "kind": "decision", "title": .string(say(M.keepTitle(model: chosen.model))),
            "run_ids": .strings((final.map { [$0] } ?? []) + [chosen.runID] + (baseline.map { [$0.runID] } ?? [])),
            "analysis": .string(
                say(M.keepAnalysis(model: chosen.model)) + refit + (plan.search.map { " " + $0.summary() } ?? "")),
            "next": .string(say(M.keepNext(run: final ?? chosen.runID))),
        ]
    }

    func beforeDecision(_ f: AutopilotFraming) -> String {
        var s = ""
        if let test = plan.history[AutopilotStep.test.rawValue], let m = test.result["metrics"]?[f.metric] {
            s = say(
                M.sealedTest(
                    metric: f.metric, value: Self.f3(m["value"]?.doubleValue), low: Self.f3(m["ci_low"]?.doubleValue),
                    high: Self.f3(m["ci_high"]?.doubleValue)))
        }
        return s + say(M.writingDecision)
    }

    /// The closing message: the decision and where the log is.
    func final(logPath: String) -> String {
        guard let f = plan.framing else {
            let error = plan.history[AutopilotStep.load.rawValue]?.error ?? say(M.noDataLoaded)
            return say(M.couldNotLoad(error))
        }
        guard let chosen = plan.chosen(), plan.chosenBeatsBaseline() else {
            return say(M.finalStop(logPath: logPath))
        }
        var s = say(M.finalKeep(model: chosen.model, score: score(chosen, f)))
        if let b = plan.candidates(before: .explain).first(where: { $0.step == .baseline }) {
            s += say(M.againstBaseline(score: score(b, f)))
        }
        if let m = plan.history[AutopilotStep.test.rawValue]?.result["metrics"]?[f.metric] {
            s += say(M.onSealedTest(Self.f3(m["value"]?.doubleValue)))
        }
        s += say(M.logIs(logPath))
        return s + (plan.search.map { "\n" + $0.summary() } ?? "")
    }

    private func score(_ c: Candidate, _ f: AutopilotFraming) -> String {
        "\(f.metric) \(Self.f3(c.mean))" + (c.std.map { " ± \(Self.f3($0))" } ?? "") + " (\(c.runID))"
    }
}
