// The Autopilot's answer to a user who changes the success metric after the plan has run: it measures
// every candidate on the new metric (compute_metrics on validation, never the test split), rewrites the
// log's context with the new metric, logs a decision under it, and says which model it keeps. Its calls
// carry ids "apm<k>" so the main plan's history ("ap<step>") ignores them.
// Leaves out: re-training (the candidates' out-of-fold predictions already answer any metric).

import Foundation
import LLMClient

/// A change of success metric asked for in the last user message.
struct AutopilotMetricChange {
    /// Metric keys the Autopilot recognises in a user's words, longest first ("f1_macro" before "f1").
    static let keys = [
        "balanced_accuracy", "average_precision", "median_ae", "f1_weighted", "f1_macro", "log_loss", "precision",
        "accuracy", "roc_auc", "recall", "brier", "rmsle", "silhouette", "rmse", "mape", "mae", "mcc", "r2", "f1",
    ]
    static let lowerIsBetter: Set<String> = ["rmse", "mae", "mape", "median_ae", "rmsle", "log_loss", "brier"]

    let metric: String
    let plan: AutopilotPlan
    let framing: AutopilotFraming
    let messages: [ChatMessage]

    /// The metric named in `text` (as a whole word), if any.
    static func metric(in text: String) -> String? {
        let lower = text.lowercased()
        for key in keys {
            let pattern = "(^|[^a-z0-9_])" + NSRegularExpression.escapedPattern(for: key) + "($|[^a-z0-9_])"
            if lower.range(of: pattern, options: .regularExpression) != nil { return key }
        }
        return nil
    }

    /// A change applies when the plan is over and the last user message names another metric.
    init?(plan: AutopilotPlan, messages: [ChatMessage]) {
        guard let f = plan.framing, plan.next() == nil,
            let lastUser = messages.lastIndex(where: { $0.role == .user }),
            messages[..<lastUser].contains(where: { $0.role == .assistant }),
            let m = Self.metric(in: messages[lastUser].content ?? ""), m != f.metric
        else { return nil }
        self.metric = m
        self.plan = plan
        self.framing = f
        self.messages = messages
    }

    /// Results of this round's calls, by call id.
    private var results: [String: JSONValue] {
        var out: [String: JSONValue] = [:]
        for m in messages where m.role == .tool {
            if let id = m.toolCallID, id.hasPrefix("apm") {
                out[id] = (try? JSONValue.parse(m.content ?? "")) ?? ["error": .string(m.content ?? "")]
            }
        }
        return out
    }

    /// The next call of the round, or nil when the round is over (then `final` is said).
    func next() -> (id: String, name: String, arguments: JSONValue, text: String)? {
        let candidates = plan.candidates(before: .explain)
        let done = results
        let fr = plan.language == .fr
        for (i, c) in candidates.enumerated() where done["apm\(i)"] == nil {
            let text =
                i == 0
                ? (fr
                    ? "Nouvelle métrique de succès : \(metric). Je mesure chaque candidat en \(metric) sur la validation (le jeu de test reste scellé)."
                    : "New success metric: \(metric). Measuring every candidate in \(metric) on validation (the test split stays sealed).")
                : ""
            return ("apm\(i)", "compute_metrics", ["run_id": .string(c.runID), "split": "validation"], text)
        }
        guard let best = best(candidates, done) else { return nil }
        if done["apmc"] == nil {
            var args = AutopilotText(language: plan.language, plan: plan).contextArguments(framing).objectValue ?? [:]
            args["metric"] = .string(
                fr
                    ? "\(metric) (à la demande de l'utilisateur, au lieu de \(framing.metric)) en \(framing.validationFR)"
                    : "\(metric) (asked by the user, instead of \(framing.metric)) under \(framing.validation)")
            return (
                "apmc", "append_log", .object(args),
                fr ? "Je mets à jour le contexte du journal." : "Updating the log's context."
            )
        }
        if done["apmd"] == nil {
            let args: JSONValue = [
                "kind": "decision",
                "title": .string(fr ? "Garder \(best.model) sous \(metric)" : "Keep \(best.model) under \(metric)"),
                "run_ids": .strings([best.runID]),
                "analysis": .string(
                    fr
                        ? "Mesurés en \(metric) sur la validation, les candidats déjà entraînés placent \(best.model) en tête ; le jeu de test n'a pas été réutilisé."
                        : "Measured in \(metric) on validation, the candidates already trained put \(best.model) first; the test split was not used again."
                ),
                "next": .string(
                    fr
                        ? "régler le seuil de décision de \(best.runID) pour \(metric), sur la validation seulement."
                        : "tune the decision threshold of \(best.runID) for \(metric), on validation only."),
            ]
            return ("apmd", "append_log", args, fr ? "Je consigne la décision." : "Logging the decision.")
        }
        return nil
    }

    /// The candidate with the best value of the new metric.
    private func best(_ candidates: [Candidate], _ done: [String: JSONValue]) -> (
        model: String, runID: String, value: Double
    )? {
        let lower = Self.lowerIsBetter.contains(metric)
        var out: (model: String, runID: String, value: Double)?
        for (i, c) in candidates.enumerated() {
            guard let m = done["apm\(i)"]?["metrics"]?[metric],
                let v = m["value"]?.doubleValue ?? m["mean"]?.doubleValue
            else { continue }
            if let o = out, lower ? v >= o.value : v <= o.value { continue }
            out = (c.model, c.runID, v)
        }
        return out
    }

    /// The closing words of the round.
    func final(logPath: String) -> String {
        let fr = plan.language == .fr
        guard let b = best(plan.candidates(before: .explain), results) else {
            return fr
                ? "Je n'ai pas pu mesurer \(metric) sur les candidats ; le journal est dans \(logPath)."
                : "I could not measure \(metric) on the candidates; the log is in \(logPath)."
        }
        let v = String(format: "%.3f", b.value)
        return fr
            ? "Sous \(metric), je garde \(b.model) (\(b.runID)) : \(metric) \(v) en validation. Le journal est dans \(logPath)."
            : "Under \(metric), I keep \(b.model) (\(b.runID)): \(metric) \(v) on validation. The log is in \(logPath)."
    }
}
