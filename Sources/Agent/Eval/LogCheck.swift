// The experiment-log checks of a scenario run: the log exists with its context (problem, data,
// metric), at least one experiment, every experiment with hypothesis / approach / result / analysis /
// next and its run ids, a decision, and every number backed by the store (ExperimentLog.verify);
// optionally its language and the metric its context names. Leaves out: the other checks (EvalChecks).

import Foundation
import Tracking

enum LogCheck {
    static func run(_ log: ExperimentLog, store: RunStore, expectLanguage: String?, logMetric: String?) -> [CheckResult]
    {
        let document: LogDocument
        do { document = try log.read() } catch {
            return [CheckResult(name: "log_complete", passed: false, detail: "no readable log: \(error)")]
        }
        var problems: [String] = []
        if let c = document.context {
            for (name, text) in [("problem", c.problem), ("data", c.data), ("metric", c.metric)]
            where text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                problems.append("context has no \(name)")
            }
        } else {
            problems.append("no context section")
        }
        if document.entries.isEmpty { problems.append("no experiment") }
        for entry in document.entries {
            let fields = [
                ("hypothesis", entry.hypothesis), ("approach", entry.approach), ("result", entry.result),
                ("analysis", entry.analysis), ("next", entry.next),
            ]
            let empty = fields.filter { $0.1.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }.map(\.0)
            if !empty.isEmpty { problems.append("experiment #\(entry.number) lacks \(empty.joined(separator: ", "))") }
            let cited =
                entry.runIDs
                + [entry.approach, entry.result].flatMap { $0.matches(of: /\br\d{4,}\b/).map { String($0.output) } }
            if cited.isEmpty { problems.append("experiment #\(entry.number) names no run id") }
        }
        if (document.decision ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            problems.append("no decision")
        }
        do {
            let issues = try log.verify(against: store)
            problems += issues.prefix(5).map { "not backed by the store: \($0)" }
        } catch {
            problems.append("verification against the store failed: \(error)")
        }
        var out = [
            CheckResult(
                name: "log_complete", passed: problems.isEmpty,
                detail: problems.isEmpty
                    ? "context, \(document.entries.count) complete experiment(s) with run ids, a decision; every number matches the store"
                    : problems.joined(separator: "; "))
        ]
        if let expectLanguage {
            let lang = document.language.rawValue
            out.append(
                CheckResult(name: "log_language", passed: lang == expectLanguage, detail: "log written in \(lang)"))
        }
        if let logMetric {
            let metric = document.context?.metric ?? ""
            out.append(
                CheckResult(
                    name: "log_metric", passed: metric.lowercased().contains(logMetric.lowercased()),
                    detail: "the log's metric: \(metric.isEmpty ? "(none)" : metric)"))
        }
        return out
    }
}
