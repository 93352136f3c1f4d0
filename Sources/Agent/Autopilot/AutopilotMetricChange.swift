// The Autopilot's answer to a user who changes the success metric after the plan has run: it measures
// every candidate on the new metric (compute_metrics on validation, never the test split), rewrites the
// log's context with the new metric, logs a decision under it, and says which model it keeps. Its calls
// carry ids "apm<k>" so the main plan's history ("ap<step>") ignores them.
// Leaves out: re-training (the candidates' out-of-fold predictions already answer any metric).

import Foundation
import LLMClient
import Languages

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
        for (i, c) in candidates.enumerated() where done["apm\(i)"] == nil {
            let text = i == 0 ? say(.measuring(metric: metric)) : ""
            return ("apm\(i)", "compute_metrics", ["run_id": .string(c.runID), "split": "validation"], text)
        }
        guard let best = best(candidates, done) else { return nil }
        if done["apmc"] == nil {
            var args = AutopilotText(language: plan.language, plan: plan).contextArguments(framing).objectValue ?? [:]
            args["metric"] = .string(say(.contextMetric(metric: metric, previous: framing)))
            return ("apmc", "append_log", .object(args), say(.updatingContext))
        }
        if done["apmd"] == nil {
            let args: JSONValue = [
                "kind": "decision",
                "title": .string(say(.keepTitle(model: best.model, metric: metric))),
                "run_ids": .strings([best.runID]),
                "analysis": .string(say(.keepAnalysis(model: best.model, metric: metric))),
                "next": .string(say(.keepNext(run: best.runID, metric: metric))),
            ]
            return ("apmd", "append_log", args, say(.loggingDecision))
        }
        return nil
    }

    private func say(_ message: MetricChangeMessage) -> String { message.text(plan.language) }

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
        guard let b = best(plan.candidates(before: .explain), results) else {
            return say(.couldNotMeasure(metric: metric, logPath: logPath))
        }
        let v = String(format: "%.3f", b.value)
        return say(.final(model: b.model, run: b.runID, metric: metric, value: v, logPath: logPath))
    }
}
