// The Autopilot's words, in English or French: what it says before each step, and the log entries it
// writes. Numbers on screen are quoted from tool results; log entries carry prose and run ids only,
// because append_log writes every number itself from the run store.

import Foundation
import Languages

/// Phrases of the Autopilot in the session's language.
struct AutopilotText {
    let language: Language
    let plan: AutopilotPlan

    private func t(_ en: String, _ fr: String) -> String { language.text(en, fr) }
    static func f3(_ x: Double?) -> String { x.map { String(format: "%.3f", $0) } ?? "n/a" }

    private func score(_ c: Candidate, _ f: AutopilotFraming) -> String {
        "\(f.metric) \(Self.f3(c.mean))" + (c.std.map { " ± \(Self.f3($0))" } ?? "") + " (\(c.runID))"
    }

    private func modelName(_ step: AutopilotStep, _ f: AutopilotFraming) -> String {
        switch step {
        case .baseline:
            t(
                "baseline (\(f.isRegression ? "mean" : "majority class"))",
                "baseline (\(f.isRegression ? "moyenne" : "classe majoritaire"))")
        case .linear:
            f.isRegression
                ? t("ridge regression", "régression ridge") : t("logistic regression", "régression logistique")
        case .gbdt: t("gradient boosting", "gradient boosting")
        case .text:
            f.isRegression
                ? t("ridge on the text alone", "ridge sur le texte seul")
                : t("logistic regression on the text alone", "régression logistique sur le texte seul")
        default: ""
        }
    }

    // MARK: framing

    func beforeLoad() -> String {
        t(
            "I am the Autopilot: a rule-based experimenter built into mlexp, not an LLM. Loading \(plan.brief.path) and profiling it.",
            "Je suis l'Autopilot : un expérimentateur à règles intégré à mlexp, pas un LLM. Je charge \(plan.brief.path) et je le profile."
        )
    }

    func afterLoad(_ f: AutopilotFraming) -> String {
        var s = t(
            "Framing: \(f.task) task on '\(f.target)', \(f.rows) rows (\(f.trainRows) for training and validation, \(f.testRows) sealed as the test split). Main metric: \(f.metric); validation: \(f.validation).",
            "Cadrage : tâche \(f.taskFR) sur '\(f.target)', \(f.rows) lignes (\(f.trainRows) pour l'entraînement et la validation, \(f.testRows) scellées comme jeu de test). Métrique principale : \(f.metric) ; validation : \(f.validationFR)."
        )
        for d in f.drops {
            s += t(
                "\nDropping '\(d.column)': \(d.reason)",
                "\nJ'écarte '\(d.column)' : \(AutopilotFraming.french(d.reason, d.warning))")
        }
        for w in f.otherWarnings.prefix(3) {
            s += t("\nNote: \(w.message)", "\nÀ noter : \(AutopilotFraming.french(w.message, w.warning))")
        }
        return s + t("\nWriting the context to the log.", "\nJ'écris le contexte dans le journal.")
    }

    func contextArguments(_ f: AutopilotFraming) -> JSONValue {
        let problem =
            plan.brief.goal.map {
                t("\($0) — predict '\(f.target)' (\(f.task)).", "\($0) — prédire '\(f.target)' (\(f.taskFR)).")
            }
            ?? t(
                "Predict '\(f.target)' (\(f.task)) from the other columns of \(plan.brief.path).",
                "Prédire '\(f.target)' (\(f.taskFR)) à partir des autres colonnes de \(plan.brief.path).")
        let dropped =
            f.drops.isEmpty
            ? t("no column dropped", "aucune colonne écartée")
            : language == .fr
                ? "écartées : "
                    + f.drops.map { "\($0.column) (\(AutopilotFraming.french($0.reason, $0.warning)))" }.joined(
                        separator: " ; ")
                : "dropped: " + f.drops.map { "\($0.column) (\($0.reason))" }.joined(separator: "; ")
        let data = t(
            "\(plan.brief.path): \(f.rows) rows, \(f.columnCount) columns; \(f.testRows) rows sealed as the test split (seeded); \(dropped)\(leakageNotes(f)).",
            "\(plan.brief.path) : \(f.rows) lignes, \(f.columnCount) colonnes ; \(f.testRows) lignes scellées comme jeu de test (graine fixe) ; \(dropped)\(leakageNotes(f))."
        )
        let metric = t(
            "\(f.metric) under \(f.validation); success: better than the baseline beyond the spread of the folds, then confirmed once on the sealed test split.",
            "\(f.metric) en \(f.validationFR) ; succès : mieux que la baseline au-delà de la dispersion des folds, puis confirmé une fois sur le jeu de test scellé."
        )
        return ["kind": "context", "problem": .string(problem), "data": .string(data), "metric": .string(metric)]
    }

    // MARK: experiments

    func hypothesis(_ step: AutopilotStep, _ f: AutopilotFraming) -> String {
        switch step {
        case .baseline:
            t(
                "A model that ignores the features (\(f.isRegression ? "predicts the mean" : "predicts the majority class")) sets the score every real model must beat.",
                "Un modèle qui ignore les variables (\(f.isRegression ? "prédit la moyenne" : "prédit la classe majoritaire")) fixe le score que tout vrai modèle doit battre."
            )
        case .linear:
            t(
                "A \(modelName(.linear, f)) on scaled, one-hot encoded features beats the baseline, because '\(f.target)' depends roughly additively on a few columns.",
                "Une \(modelName(.linear, f)) sur des variables standardisées et encodées bat la baseline, car '\(f.target)' dépend à peu près additivement de quelques colonnes."
            )
        case .gbdt:
            t(
                "Gradient boosting captures interactions and non-linear effects that the linear model misses, so it beats the best model so far.",
                "Le gradient boosting capte des interactions et des effets non linéaires que le modèle linéaire manque, donc il bat le meilleur modèle jusqu'ici."
            )
        case .text:
            t(
                "The text column(s) \(f.textColumns.joined(separator: ", ")) alone carry signal: a \(modelName(.text, f)) (TF-IDF) beats the baseline.",
                "La ou les colonnes texte \(f.textColumns.joined(separator: ", ")) portent à elles seules du signal : un \(modelName(.text, f)) (TF-IDF) bat la baseline."
            )
        default: ""
        }
    }

    func beforeTraining(_ step: AutopilotStep, _ f: AutopilotFraming) -> String {
        var s = ""
        if step != .baseline, let best = plan.best(before: step) {
            s = t(
                "Best so far: \(best.model), \(score(best, f)).\n",
                "Meilleur jusqu'ici : \(best.model), \(score(best, f)).\n")
        }
        return s
            + t(
                "Experiment: \(modelName(step, f)). Hypothesis: \(hypothesis(step, f))",
                "Expérience : \(modelName(step, f)). Hypothèse : \(hypothesis(step, f))")
    }

    func beforeCompare(_ run: Candidate, _ reference: Candidate, _ f: AutopilotFraming) -> String {
        t(
            "\(run.model): \(score(run, f)). Comparing it with \(reference.model) (\(reference.runID)) on the same folds, with bootstrap confidence intervals.",
            "\(run.model) : \(score(run, f)). Je le compare à \(reference.model) (\(reference.runID)) sur les mêmes folds, avec des intervalles de confiance bootstrap."
        )
    }

    func beforeLog(_ step: AutopilotStep, _ done: AutopilotHistory.Done, _ f: AutopilotFraming) -> String {
        var s = ""
        if step == .baseline, let c = plan.candidates(before: .logBaseline).first(where: { $0.step == .baseline }) {
            s = t("Baseline: \(score(c, f)).\n", "Baseline : \(score(c, f)).\n")
        }
        if let compareStep = compareStep(after: step),
            let cmp = plan.history[compareStep.rawValue]?.result["comparison"]
        {
            s += comparisonSentence(cmp, f) + "\n"
        }
        if let error = done.error { s += t("The training failed: \(error)\n", "L'entraînement a échoué : \(error)\n") }
        return s + t("Logging this experiment.", "Je consigne cette expérience.")
    }

    func compareStep(after step: AutopilotStep) -> AutopilotStep? {
        [AutopilotStep.linear: AutopilotStep.compareLinear, .gbdt: .compareGbdt, .text: .compareText][step]
    }

    func comparisonSentence(_ c: JSONValue, _ f: AutopilotFraming) -> String {
        let other = c["other_run"]?.stringValue ?? "?", delta = Self.f3(c["delta"]?.doubleValue)
        let ci = "[\(Self.f3(c["ci_low"]?.doubleValue)), \(Self.f3(c["ci_high"]?.doubleValue))]"
        return c["significant"]?.boolValue == true
            ? t(
                "Difference with \(other): \(delta) \(ci) (95% CI, paired bootstrap) — significant.",
                "Écart avec \(other) : \(delta) \(ci) (IC 95 %, bootstrap apparié) — significatif.")
            : t(
                "Difference with \(other): \(delta) \(ci) (95% CI, paired bootstrap) — not significant: within noise.",
                "Écart avec \(other) : \(delta) \(ci) (IC 95 %, bootstrap apparié) — non significatif : dans le bruit.")
    }
}
