// The Autopilot's log entries (experiments, interpretation, decision) and its closing words. Entries
// carry prose and run ids; append_log adds every number from the store, so the log cannot disagree
// with the runs.

import Foundation

extension AutopilotText {
    private func t(_ en: String, _ fr: String) -> String { language.text(en, fr) }

    func title(_ step: AutopilotStep, _ f: AutopilotFraming) -> String {
        switch step {
        case .baseline: t("Baseline", "Baseline")
        case .linear:
            f.isRegression
                ? t("Ridge regression", "Régression ridge") : t("Logistic regression", "Régression logistique")
        case .gbdt: t("Gradient boosting", "Gradient boosting")
        case .text: t("Text-only model", "Modèle sur le texte seul")
        default: ""
        }
    }

    private func nextText(after step: AutopilotStep, _ f: AutopilotFraming) -> String {
        switch step {
        case .baseline:
            t(
                "a \(f.linearModel) model on every usable column.",
                "un modèle \(f.linearModel) sur toutes les colonnes utilisables.")
        case .linear:
            t(
                "gradient boosting, to test non-linear effects and interactions.",
                "le gradient boosting, pour tester les effets non linéaires et les interactions.")
        case .gbdt where !f.textColumns.isEmpty:
            t("a model on the text column(s) alone.", "un modèle sur la ou les colonnes texte seules.")
        default:
            t(
                "interpret the chosen model (importance, errors, limits), then decide.",
                "interpréter le modèle retenu (importance, erreurs, limites), puis décider.")
        }
    }

    func experimentArguments(_ step: AutopilotStep, _ done: AutopilotHistory.Done, _ f: AutopilotFraming) -> JSONValue {
        let features =
            step == .text
            ? t(
                "the text column(s) \(f.textColumns.joined(separator: ", ")) as TF-IDF",
                "la ou les colonnes texte \(f.textColumns.joined(separator: ", ")) en TF-IDF")
            : t("every column except the target", "toutes les colonnes sauf la cible")
                + (f.dropList.isEmpty
                    ? ""
                    : t(
                        " and the dropped ones (\(f.dropList.joined(separator: ", ")))",
                        " et celles écartées (\(f.dropList.joined(separator: ", ")))"))
        let model =
            done.call.arguments.isEmpty
            ? "" : ((try? JSONValue.parse(done.call.arguments))?["model"]?.stringValue ?? "")
        // A time limit that cut the fit short fixed the number of iterations: say so, with the count.
        let parameters =
            done.result["time_limited_iterations"]?.intValue.map { n in
                t(
                    "default hyper-parameters but the time limit, which stopped the first fold after \(n) iterations (every fold and the final model use \(n))",
                    "hyper-paramètres par défaut sauf la limite de temps, qui a arrêté le premier fold après \(n) itérations (tous les folds et le modèle final en font \(n))"
                )
            } ?? t("default hyper-parameters", "hyper-paramètres par défaut")
        var args: [String: JSONValue] = [
            "kind": "experiment", "title": .string(title(step, f)), "hypothesis": .string(hypothesis(step, f)),
            "approach": .string(
                t(
                    "\(model) on \(features); \(parameters), seed 42, \(f.validation).",
                    "\(model) sur \(features) ; \(parameters), graine 42, \(f.validationFR).")),
            "next": .string(nextText(after: step, f)),
        ]
        guard done.ok, let runID = done.result["run_id"]?.stringValue else {
            args["analysis"] = .string(
                t(
                    "The training failed: \(done.error ?? "unknown error"). This family is left out of the comparison.",
                    "L'entraînement a échoué : \(done.error ?? "erreur inconnue"). Cette famille est écartée de la comparaison."
                ))
            return .object(args)
        }
        args["run_ids"] = .strings([runID])
        var analysis: String
        if step == .baseline {
            analysis = t(
                "This is the floor: any model that does not beat it beyond the fold spread has learnt nothing useful.",
                "C'est le plancher : un modèle qui ne le bat pas au-delà de la dispersion des folds n'a rien appris d'utile."
            )
        } else if let cs = compareStep(after: step), let cmp = plan.history[cs.rawValue]?.result["comparison"],
            let other = cmp["other_run"]?.stringValue
        {
            args["compare_to"] = .string(other)
            let significant = cmp["significant"]?.boolValue == true
            let improves = (cmp["better_run"]?.stringValue ?? "") == runID
            analysis =
                switch (significant, improves) {
                case (true, true):
                    t(
                        "The hypothesis holds: the paired bootstrap interval of the difference with \(other) excludes zero.",
                        "L'hypothèse tient : l'intervalle bootstrap apparié de l'écart avec \(other) exclut zéro.")
                case (true, false):
                    t(
                        "The hypothesis is rejected: this model is significantly worse than \(other).",
                        "L'hypothèse est rejetée : ce modèle est significativement moins bon que \(other).")
                default:
                    t(
                        "Not confirmed: the difference with \(other) is within noise (its paired bootstrap interval contains zero); the simpler model is preferred.",
                        "Non confirmée : l'écart avec \(other) est dans le bruit (son intervalle bootstrap apparié contient zéro) ; on préfère le modèle le plus simple."
                    )
                }
        } else {
            analysis = t(
                "No comparison could be computed for this run.", "Aucune comparaison n'a pu être calculée pour ce run.")
        }
        args["analysis"] = .string(analysis)
        return .object(args)
    }

    func beforeExplain(_ chosen: Candidate, _ f: AutopilotFraming) -> String {
        if let kept = plan.chosen(), kept.runID != chosen.runID {
            return t(
                "Chosen: the ensemble \(kept.runID) (one-standard-error rule on validation). An average has no single set of importances: explaining its strongest member, \(chosen.model) (\(chosen.runID)).",
                "Retenu : l'ensemble \(kept.runID) (règle d'une erreur type sur la validation). Une moyenne n'a pas d'importances propres : j'explique son membre le plus fort, \(chosen.model) (\(chosen.runID))."
            )
        }
        let why =
            plan.best(before: .explain)?.runID == chosen.runID
            ? t("the best validation score", "le meilleur score en validation")
            : t(
                "the simplest within one standard error of the best",
                "le plus simple à moins d'une erreur type du meilleur")
        return t(
            "Candidate: \(chosen.model) (\(chosen.runID)), \(why). Explaining it: importance, effect directions, error slices, limits, learning curve.",
            "Candidat : \(chosen.model) (\(chosen.runID)), \(why). Je l'explique : importance, sens des effets, tranches d'erreurs, limites, courbe d'apprentissage."
        )
    }

    /// Top features, effects, weakest slice and limits, as words (no numbers: the log's numbers come from runs).
    private func findings(_ e: JSONValue) -> (top: [String], effects: [String], slice: String?, limits: [String]) {
        let top = (e["importance"]?.arrayValue ?? []).prefix(5).compactMap { $0["feature"]?.stringValue }
        let effects = (e["effects"]?.arrayValue ?? []).prefix(3).compactMap { x -> String? in
            guard let feature = x["feature"]?.stringValue else { return nil }
            if language == .fr { return Self.frenchEffect(x) }
            if let sentence = x["sentence"]?.stringValue, !sentence.isEmpty {
                return sentence.hasSuffix(".") ? String(sentence.dropLast()) : sentence
            }
            return x["direction"]?.stringValue.map { "\(feature): \($0)" }
        }
        let slice = e["error_slices"]?.arrayValue?.first?["slice"]?.stringValue
        let limits =
            language == .fr
            ? Self.frenchLimits(e, count: 3) : (e["limits"]?.arrayValue ?? []).prefix(3).compactMap(\.stringValue)
        return (top, effects, slice, limits)
    }

    /// explain_model's learning-curve reading in the session's language, from its numbers.
    private func curveReading(_ e: JSONValue) -> String? {
        guard let c = e["learning_curve"], let metric = c["metric"]?.stringValue,
            let train = c["train_mean"]?.arrayValue?.last?.doubleValue,
            let valid = c["valid_mean"]?.arrayValue?.last?.doubleValue,
            let rows = c["train_rows"]?.arrayValue?.last?.doubleValue
        else { return nil }
        let at = t(
            "at \(Int(rows)) rows, train \(metric) \(Self.f3(train)), validation \(Self.f3(valid))",
            "à \(Int(rows)) lignes, \(metric) entraînement \(Self.f3(train)), validation \(Self.f3(valid))")
        switch c["diagnosis"]?.stringValue {
        case "more_data_helps":
            return at
                + t(
                    "; validation still rising, more data would help.",
                    " ; la validation monte encore, plus de données aideraient.")
        case "variance":
            return at
                + t(
                    "; train well above validation: variance (regularise or simplify).",
                    " ; entraînement bien au-dessus de la validation : variance (régulariser ou simplifier).")
        case "good_fit":
            return at
                + t(
                    "; close, flat and high: the model fits well.",
                    " ; proches, plates et hautes : le modèle est bien ajusté.")
        default:
            return at
                + t(
                    "; close and flat: bias (a more flexible model or better features).",
                    " ; proches et plates : biais (modèle plus souple ou meilleures variables).")
        }
    }

    func afterExplain(_ e: JSONValue) -> String {
        var lines: [String] = []
        for item in (e["importance"]?.arrayValue ?? []).prefix(5) {
            lines.append("  \(item["feature"]?.stringValue ?? "?"): \(Self.f3(item["importance"]?.doubleValue))")
        }
        let found = findings(e)
        var s =
            t(
                "Most important features (\(e["method"]?.stringValue ?? "permutation")):\n",
                "Variables les plus importantes (\(e["method"]?.stringValue ?? "permutation")) :\n")
            + lines.joined(separator: "\n")
        if !found.effects.isEmpty {
            s += t("\nEffects: ", "\nEffets : ") + found.effects.joined(separator: t("; ", " ; "))
        }
        if let slice = found.slice { s += t("\nWeakest slice: \(slice)", "\nTranche la plus faible : \(slice)") }
        for l in found.limits { s += t("\nLimit: \(l)", "\nLimite : \(l)") }
        if let c = curveReading(e) { s += t("\nLearning curve: ", "\nCourbe d'apprentissage : ") + c }
        return s + t("\nLogging the interpretation.", "\nJe consigne l'interprétation.")
    }

    func interpretationArguments(_ chosen: Candidate, _ e: JSONValue, _ f: AutopilotFraming) -> JSONValue {
        let found = findings(e)
        var analysis = t(
            "The model relies most on \(found.top.joined(separator: ", ")).",
            "Le modèle s'appuie surtout sur \(found.top.joined(separator: ", ")).")
        if !found.effects.isEmpty {
            analysis += t(" Effects: ", " Effets : ") + found.effects.joined(separator: t("; ", " ; ")) + "."
        }
        if let slice = found.slice {
            analysis += t(" It errs most on \(slice).", " Il se trompe le plus sur \(slice).")
        }
        if !found.limits.isEmpty { analysis += t(" Limits: ", " Limites : ") + found.limits.joined(separator: " ") }
        if let c = curveReading(e) { analysis += t(" Learning curve: ", " Courbe d'apprentissage : ") + c }
        return [
            "kind": "experiment",
            "title": .string(t("Interpretation of the chosen model", "Interprétation du modèle retenu")),
            "hypothesis": .string(
                t(
                    "The chosen model relies on plausible features and its errors concentrate in identifiable slices.",
                    "Le modèle retenu s'appuie sur des variables plausibles et ses erreurs se concentrent dans des tranches identifiables."
                )),
            "approach": .string(
                t(
                    "Permutation importance and partial dependence of the stored \(chosen.model) model of \(chosen.runID) on its training rows; error slices from its out-of-fold predictions; the learning curve on its folds (never the test split).",
                    "Importance par permutation et dépendance partielle du modèle \(chosen.model) enregistré de \(chosen.runID) sur ses lignes d'entraînement ; tranches d'erreurs d'après ses prédictions hors pli ; courbe d'apprentissage sur ses plis (jamais le test)."
                )),
            "run_ids": .strings([chosen.runID]), "analysis": .string(analysis),
            "next": .string(
                t(
                    "decide, then confirm once on the sealed test split.",
                    "décider, puis confirmer une fois sur le jeu de test scellé.")),
        ]
    }

    func beforeTest(_ chosen: Candidate, _ f: AutopilotFraming) -> String {
        t(
            "Decision taken on validation only: keep \(chosen.model) (\(chosen.runID)). Now, and only now, one evaluation on the sealed test split (recorded in the store).",
            "Décision prise sur la validation seule : garder \(chosen.model) (\(chosen.runID)). Maintenant, et seulement maintenant, une évaluation sur le jeu de test scellé (enregistrée)."
        )
    }

    func decisionArguments(_ f: AutopilotFraming) -> JSONValue {
        guard let chosen = plan.chosen(), plan.chosenBeatsBaseline() else {
            return [
                "kind": "decision",
                "title": .string(t("Stop: nothing beats the baseline", "Arrêt : rien ne bat la baseline")),
                "run_ids": .strings(plan.candidates(before: .explain).map(\.runID)),
                "analysis": .string(
                    t(
                        "No model beats the baseline beyond the spread of the folds; the columns available do not predict '\(f.target)' well enough.",
                        "Aucun modèle ne bat la baseline au-delà de la dispersion des folds ; les colonnes disponibles ne prédisent pas assez bien '\(f.target)'."
                    )),
                "next": .string(
                    t(
                        "collect more informative features or more rows before modelling again.",
                        "collecter des variables plus informatives ou plus de lignes avant de remodéliser.")),
            ]
        }
        let baseline = plan.candidates(before: .explain).first { $0.step == .baseline }
        return [
            "kind": "decision", "title": .string(t("Keep \(chosen.model)", "Garder \(chosen.model)")),
            "run_ids": .strings([chosen.runID] + (baseline.map { [$0.runID] } ?? [])),
            "analysis": .string(
                t(
                    "\(chosen.model) beats the baseline beyond the fold spread and was chosen on validation only; the sealed test split confirms it once.",
                    "\(chosen.model) bat la baseline au-delà de la dispersion des folds et a été choisi sur la validation seule ; le jeu de test scellé le confirme une fois."
                ) + (plan.search.map { " " + $0.summary() } ?? "")),
            "next": .string(
                t(
                    "use \(chosen.runID) for predictions (`mlexp predict \(chosen.runID) FILE`); to go further, tune its hyper-parameters or add features, one change at a time.",
                    "utiliser \(chosen.runID) pour prédire (`mlexp predict \(chosen.runID) FICHIER`) ; pour aller plus loin, régler ses hyper-paramètres ou ajouter des variables, un changement à la fois."
                )),
        ]
    }

    func beforeDecision(_ f: AutopilotFraming) -> String {
        var s = ""
        if let test = plan.history[AutopilotStep.test.rawValue], let m = test.result["metrics"]?[f.metric] {
            s = t(
                "Sealed test split: \(f.metric) \(Self.f3(m["value"]?.doubleValue)) [\(Self.f3(m["ci_low"]?.doubleValue)), \(Self.f3(m["ci_high"]?.doubleValue))] (95% CI).\n",
                "Jeu de test scellé : \(f.metric) \(Self.f3(m["value"]?.doubleValue)) [\(Self.f3(m["ci_low"]?.doubleValue)), \(Self.f3(m["ci_high"]?.doubleValue))] (IC 95 %).\n"
            )
        }
        return s + t("Writing the decision to the log.", "J'écris la décision dans le journal.")
    }

    /// The closing message: the decision and where the log is.
    func final(logPath: String) -> String {
        guard let f = plan.framing else {
            let error =
                plan.history[AutopilotStep.load.rawValue]?.error ?? t("no data was loaded", "aucune donnée chargée")
            return t("I could not load the data: \(error)", "Je n'ai pas pu charger les données : \(error)")
        }
        guard let chosen = plan.chosen(), plan.chosenBeatsBaseline() else {
            return t(
                "Decision: stop — no model beats the baseline beyond noise. The log is in \(logPath).",
                "Décision : arrêt — aucun modèle ne bat la baseline au-delà du bruit. Le journal est dans \(logPath).")
        }
        var s = t(
            "Decision: keep \(chosen.model), \(score(chosen, f)) in validation",
            "Décision : garder \(chosen.model), \(score(chosen, f)) en validation")
        if let b = plan.candidates(before: .explain).first(where: { $0.step == .baseline }) {
            s += t(", against the baseline's \(score(b, f))", ", contre \(score(b, f)) pour la baseline")
        }
        if let m = plan.history[AutopilotStep.test.rawValue]?.result["metrics"]?[f.metric] {
            s += t(
                "; on the sealed test split \(Self.f3(m["value"]?.doubleValue))",
                " ; sur le jeu de test scellé \(Self.f3(m["value"]?.doubleValue))")
        }
        s += t(". The log is in \(logPath).", ". Le journal est dans \(logPath).")
        return s + (plan.search.map { "\n" + $0.summary() } ?? "")
    }

    private func score(_ c: Candidate, _ f: AutopilotFraming) -> String {
        "\(f.metric) \(Self.f3(c.mean))" + (c.std.map { " ± \(Self.f3($0))" } ?? "") + " (\(c.runID))"
    }
}
