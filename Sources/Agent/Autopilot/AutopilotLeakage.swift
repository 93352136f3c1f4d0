// How the Autopilot acts on the profile's leakage evidence. A column is left out of the search when it
// is near-deterministic alone (likely_leakage), or suspicious and named like a post-outcome field
// (suspicious_predictor with action drop_column); an entity column (repeated_entity) is left out and
// the folds and test split are grouped by it (load_data did the cut). A suspicious column with an
// honest-looking name stays, with its warning quoted in the log. Either way one experiment measures
// how much of the score the column carries: the chosen family trained with it toggled (with it when
// it was left out, without it when it stayed), compared with the candidate on validation, and logged.
// That run is never a candidate, so the chosen model does not use a dropped column.
// Leaves out: the search itself (AutopilotPlan) and asking a person (the chat prompt does).

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
    private func t(_ en: String, _ fr: String) -> String { language.text(en, fr) }

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
        let said = language == .fr ? AutopilotFraming.french(suspect.message, suspect.warning) : suspect.message
        switch step {
        case .leakCheck:
            let drop = suspect.dropped ? f.dropList.filter { $0 != suspect.column } : f.dropList + [suspect.column]
            var args: [String: JSONValue] = [
                "dataset_id": .string(f.datasetID), "model": .string(reference.model),
                "hypothesis": .string(leakHypothesis(suspect.column, dropped: suspect.dropped)), "seed": 42,
            ]
            if !drop.isEmpty { args["drop"] = .strings(drop) }
            let why =
                suspect.dropped
                ? t(
                    "'\(suspect.column)' was left out of the search. Evidence: \(said) Measuring how much of the score it would carry: \(reference.model) trained with it, against \(reference.runID) without it.",
                    "'\(suspect.column)' a été écartée de la recherche. Preuves : \(said) Je mesure la part du score qu'elle porterait : \(reference.model) entraîné avec elle, face à \(reference.runID) sans elle."
                )
                : t(
                    "'\(suspect.column)' stays in the search: \(said) Its name does not say it is recorded after the outcome. Measuring how much of the score it carries: \(reference.model) trained without it, against \(reference.runID) with it.",
                    "'\(suspect.column)' reste dans la recherche : \(said) Son nom ne dit pas qu'elle est enregistrée après le résultat. Je mesure la part du score qu'elle porte : \(reference.model) entraîné sans elle, face à \(reference.runID) avec elle."
                )
            return (.object(args), why)
        case .compareLeakCheck:
            guard let run = history[AutopilotStep.leakCheck.rawValue], run.ok,
                let id = run.result["run_id"]?.stringValue
            else { return nil }
            let args: JSONValue = [
                "run_id": .string(id), "compare_to": .string(reference.runID), "split": "validation",
            ]
            return (
                args,
                t(
                    "Comparing \(id) with \(reference.runID) on the same folds (paired bootstrap).",
                    "Je compare \(id) à \(reference.runID) sur les mêmes folds (bootstrap apparié).")
            )
        case .logLeakCheck:
            guard let run = history[AutopilotStep.leakCheck.rawValue] else { return nil }
            return (
                leakLogArguments(suspect, said: said, reference: reference, run: run, f),
                t("Logging the leakage check.", "Je consigne la vérification de fuite.")
            )
        default: return nil
        }
    }

    func leakHypothesis(_ column: String, dropped: Bool) -> String {
        dropped
            ? t(
                "With '\(column)' the score rises far above the honest models': the rise is what the leak would have added.",
                "Avec '\(column)' le score monte bien au-dessus de celui des modèles honnêtes : la hausse est ce que la fuite aurait ajouté."
            )
            : t(
                "Without '\(column)' the score falls: the fall is the share of the score that rests on it.",
                "Sans '\(column)' le score baisse : la baisse est la part du score qui repose sur elle.")
    }

    func leakLogArguments(
        _ suspect: (column: String, dropped: Bool, message: String, warning: DataWarning?), said: String,
        reference: Candidate, run: AutopilotHistory.Done, _ f: AutopilotFraming
    ) -> JSONValue {
        let c = suspect.column
        var args: [String: JSONValue] = [
            "kind": "experiment",
            "title": .string(t("Leakage check: '\(c)'", "Vérification de fuite : '\(c)'")),
            "hypothesis": .string(leakHypothesis(c, dropped: suspect.dropped)),
            "approach": .string(
                suspect.dropped
                    ? t(
                        "\(reference.model) as in \(reference.runID), with '\(c)' added back; same folds, seed 42, \(f.validation).",
                        "\(reference.model) comme \(reference.runID), en réintégrant '\(c)' ; mêmes folds, graine 42, \(f.validationFR)."
                    )
                    : t(
                        "\(reference.model) as in \(reference.runID), without '\(c)'; same folds, seed 42, \(f.validation).",
                        "\(reference.model) comme \(reference.runID), sans '\(c)' ; mêmes folds, graine 42, \(f.validationFR)."
                    )),
        ]
        guard run.ok, let id = run.result["run_id"]?.stringValue else {
            args["analysis"] = .string(
                t(
                    "The check could not be trained: \(run.error ?? "unknown error").",
                    "La vérification n'a pas pu être entraînée : \(run.error ?? "erreur inconnue")."))
            return .object(args)
        }
        args["run_ids"] = .strings([id])
        args["compare_to"] = .string(reference.runID)
        let significant =
            history[AutopilotStep.compareLeakCheck.rawValue]?.result["comparison"]?["significant"]?.boolValue == true
        let decision =
            suspect.dropped
            ? t(
                "The evidence: \(said) '\(c)' stays out of every candidate, so the chosen model does not use it; the difference between \(id) (with it) and \(reference.runID) (without it) is what it would carry\(significant ? ", beyond noise" : ", within noise here").",
                "Les preuves : \(said) '\(c)' reste hors de tous les candidats, donc le modèle retenu ne l'utilise pas ; l'écart entre \(id) (avec elle) et \(reference.runID) (sans elle) est ce qu'elle porterait\(significant ? ", au-delà du bruit" : ", dans le bruit ici")."
            )
            : t(
                "The evidence: \(said) '\(c)' is kept (its name does not say it comes after the outcome); the difference between \(reference.runID) (with it) and \(id) (without it) is the share of the score that rests on it\(significant ? ", beyond noise" : ", within noise"). If it is not known at prediction time, the model without it is the honest one.",
                "Les preuves : \(said) '\(c)' est gardée (son nom ne dit pas qu'elle vient après le résultat) ; l'écart entre \(reference.runID) (avec elle) et \(id) (sans elle) est la part du score qui repose sur elle\(significant ? ", au-delà du bruit" : ", dans le bruit"). Si elle n'est pas connue au moment de prédire, le modèle sans elle est le modèle honnête."
            )
        args["analysis"] = .string(decision)
        args["next"] = .string(
            t(
                "interpret the chosen model (importance, errors, limits), then decide.",
                "interpréter le modèle retenu (importance, erreurs, limites), puis décider."))
        return .object(args)
    }
}

extension AutopilotText {
    /// The context entry's words on the evidence kept in view: each suspicious column kept and the
    /// near-duplicate rows, with their warnings ("" when there is none).
    func leakageNotes(_ f: AutopilotFraming) -> String {
        f.leakageNotes.map { n in
            language == .fr
                ? " ; à noter : \(AutopilotFraming.french(n.message, n.warning))" : "; note: \(n.message)"
        }.joined()
    }
}
