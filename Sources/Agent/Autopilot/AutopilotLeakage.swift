// How the Autopilot acts on the profile's leakage evidence. A column is left out of the search when it
// is near-deterministic alone (likely_leakage), or suspicious and named like a post-outcome field
// (suspicious_predictor with action drop_column); an entity column (repeated_entity) is left out and
// the folds and test split are grouped by it (load_data did the cut). A suspicious column with an
// honest-looking name stays, with its warning quoted in the log. Either way one experiment measures
// how much of the score the column carries: the chosen family trained with it toggled (with it when
// it was left out, without it when it stayed), compared with the candidate on validation, and logged.
// That run is never a candidate, so the chosen model does not use a dropped column.
// Leaves out: the search itself (AutopilotPlan) and asking a person (the chat prompt does).

import Languages
import MLCore

extension AutopilotFraming {
    /// The column whose share of the score the check measures: the first column dropped as a leak, else
    /// the first suspicious column kept; `dropped` says which, `warning` is its evidence.
    var leakSuspect: (column: String, dropped: Bool, message: String, warning: DataWarning?)? {
        let leakKinds: Set<DataWarning.Kind> = [.likelyLeakage, .suspiciousPredictor]
        if let d = drops.first(where: { $0.warning.map { leakKinds.contains($0.kind) } ?? false }) {
            return (d.column, true, d.reason, d.warning)
        }
        if let w = otherWarnings.first(where: { $0.warning?.kind == .suspiciousPredictor }),
            let column = w.warning?.column, column != target
        {
            return (column, false, w.message, w.warning)
        }
        return nil
    }

    /// Warnings about the evidence the context entry quotes beyond the dropped columns: suspicious columns
    /// kept, near-duplicate rows, the grouped validation.
    var leakageNotes: [(message: String, warning: DataWarning?)] {
        otherWarnings.filter { [.suspiciousPredictor, .nearDuplicates].contains($0.warning?.kind) }
    }
}

extension AutopilotPlan {
    private typealias M = LeakageMessage

    /// The run the check toggles the column on: the chosen candidate, or gradient boosting when the
    /// chosen one is the text-only model or the baseline.
    func leakReference() -> Candidate? {
        let all = candidates(before: .leakCheck)
        guard let chosen = best(before: .leakCheck) else { return nil }
        if chosen.step == .baseline || chosen.step == .text {
            return all.first { $0.step == .gbdt } ?? all.first { $0.step == .linear }
        }
        return chosen
    }

    /// The leakage check's calls: train with the column toggled, compare, log.
    func leakageCall(_ step: AutopilotStep, _ f: AutopilotFraming) -> (arguments: JSONValue, text: String)? {
        guard let suspect = f.leakSuspect, let reference = leakReference() else { return nil }
        let said = FramingWords.warning(message: suspect.message, suspect.warning)
        switch step {
        case .leakCheck:
            let drop = suspect.dropped ? f.dropList.filter { $0 != suspect.column } : f.dropList + [suspect.column]
            var args: [String: JSONValue] = [
                "dataset_id": .string(f.datasetID), "model": .string(reference.model),
                "hypothesis": .string(leakHypothesis(suspect.column, dropped: suspect.dropped)), "seed": 42,
            ]
            if !drop.isEmpty { args["drop"] = .strings(drop) }
            let why = M.why(
                column: suspect.column, dropped: suspect.dropped, evidence: said, model: reference.model,
                referenceRun: reference.runID)
            return (.object(args), why.text(language))
        case .compareLeakCheck:
            guard let run = history[AutopilotStep.leakCheck.rawValue], run.ok,
                let id = run.result["run_id"]?.stringValue
            else { return nil }
            let args: JSONValue = [
                "run_id": .string(id), "compare_to": .string(reference.runID), "split": "validation",
            ]
            return (args, M.comparing(run: id, referenceRun: reference.runID).text(language))
        case .logLeakCheck:
            guard let run = history[AutopilotStep.leakCheck.rawValue] else { return nil }
            return (
                leakLogArguments(suspect, said: said, reference: reference, run: run, f), M.logging.text(language)
            )
        default: return nil
        }
    }

    func leakHypothesis(_ column: String, dropped: Bool) -> String {
        M.hypothesis(column: column, dropped: dropped).text(language)
    }

    func leakLogArguments(
        _ suspect: (column: String, dropped: Bool, message: String, warning: DataWarning?), said: FramingWords,
        reference: Candidate, run: AutopilotHistory.Done, _ f: AutopilotFraming
    ) -> JSONValue {
        let c = suspect.column
        var args: [String: JSONValue] = [
            "kind": "experiment",
            "title": .string(M.title(column: c).text(language)),
            "hypothesis": .string(leakHypothesis(c, dropped: suspect.dropped)),
            "approach": .string(
                M.approach(
                    column: c, dropped: suspect.dropped, model: reference.model, referenceRun: reference.runID, f
                ).text(language)),
        ]
        guard run.ok, let id = run.result["run_id"]?.stringValue else {
            args["analysis"] = .string(M.notTrained(error: run.error).text(language))
            return .object(args)
        }
        args["run_ids"] = .strings([id])
        args["compare_to"] = .string(reference.runID)
        let significant =
            history[AutopilotStep.compareLeakCheck.rawValue]?.result["comparison"]?["significant"]?.boolValue == true
        let analysis = M.analysis(
            column: c, dropped: suspect.dropped, evidence: said, run: id, referenceRun: reference.runID,
            significant: significant)
        args["analysis"] = .string(analysis.text(language))
        args["next"] = .string(M.next.text(language))
        return .object(args)
    }
}

extension AutopilotText {
    /// The context entry's words on the evidence kept in view: each suspicious column kept and the
    /// near-duplicate rows, with their warnings ("" when there is none).
    func leakageNotes(_ f: AutopilotFraming) -> String {
        f.leakageNotes.map { say(AutopilotMessage.leakageNote(.warning(message: $0.message, $0.warning))) }.joined()
    }
}
