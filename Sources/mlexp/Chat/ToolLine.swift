// One readable line per tool call, in the session's language: what was asked and what came back
// ("train_model gbdt → r0003 roc_auc 0.851 ± 0.012"), or the error. Reads the tools' JSON results;
// never prints raw data. Leaves out: a tool's error text, which the tool writes (in English, for the model).

import Agent
import Foundation
import Languages

enum ToolLine {
    static func f3(_ v: JSONValue?) -> String { v?.doubleValue.map { String(format: "%.3f", $0) } ?? "?" }

    /// What the call asks, in a few words.
    static func request(_ name: String, _ arguments: String, _ language: Language = .en) -> String {
        let a = (try? JSONValue.parse(arguments)) ?? .object([:])
        let detail: String? =
            switch name {
            case "load_data": a["path"]?.stringValue.map { p in a["target"]?.stringValue.map { "\(p) → \($0)" } ?? p }
            case "train_model", "tune_model": a["model"]?.stringValue
            case "compute_metrics":
                a["run_id"]?.stringValue.map {
                    "\($0)"
                        + (a["split"]?.stringValue == "test" ? ToolLineMessage.onTestSplit.text(language) : "")
                        + (a["compare_to"]?.stringValue.map { " vs \($0)" } ?? "")
                }
            case "explain_model": a["run_id"]?.stringValue
            case "append_log":
                a["kind"]?.stringValue.map { k in
                    (a["title"]?.stringValue.map { ToolLineMessage.entryTitle(kind: k, title: $0) }
                        ?? ToolLineMessage.entryKind(k)).text(language)
                }
            case "compare_runs": "\(a["run_a"]?.stringValue ?? "?") vs \(a["run_b"]?.stringValue ?? "?")"
            case "profile_column": a["column"]?.stringValue
            default: nil
            }
        return detail.map { "\(name) \($0)" } ?? name
    }

    /// The outcome in one line (without the request part).
    static func outcome(_ name: String, _ content: String, _ language: Language = .en) -> String {
        guard let r = try? JSONValue.parse(content) else { return String(content.prefix(120)) }
        if let error = r["error"]?.stringValue { return error }
        func say(_ message: ToolLineMessage) -> String { message.text(language) }
        func significance(_ c: JSONValue?) -> String { say(.significance(c?["significant"]?.boolValue == true)) }
        switch name {
        case "load_data":
            let warnings = r["warnings"]?.arrayValue?.count ?? 0
            let rows = r["rows"]?.intValue ?? 0, columns = r["column_count"]?.intValue ?? 0
            let task = r["task"]?.stringValue ?? "?", metric = r["metric"]?.stringValue ?? "?"
            return say(.loaded(rows: rows, columns: columns, task: task, metric: metric, warnings: warnings))
        case "train_model":
            let metric = r["main_metric"]?.stringValue ?? ""
            let m = r["metrics"]?[metric]
            let spread = m?["std"] == nil ? "" : " ± \(f3(m?["std"]))"
            let k = r["n_clusters"]?.intValue.map { "k=\($0), " } ?? ""
            return "\(r["run_id"]?.stringValue ?? "?") \(k)\(metric) \(f3(m?["mean"]))\(spread)"
        case "compute_metrics":
            let metric = r["main_metric"]?.stringValue ?? ""
            let m = r["metrics"]?[metric]
            var s =
                "\(r["split"]?.stringValue ?? "") \(metric) \(f3(m?["value"])) [\(f3(m?["ci_low"])), \(f3(m?["ci_high"]))]"
            if let c = r["comparison"] {
                s += "; Δ \(f3(c["delta"])) vs \(c["other_run"]?.stringValue ?? "?") " + significance(c)
            }
            return s
        case "explain_model":
            let top = (r["importance"]?.arrayValue ?? []).prefix(3).compactMap { $0["feature"]?.stringValue }
            return say(.topFeatures(Array(top)))
        case "append_log":
            let written = r["written"]?.stringValue, path = r["path"]?.stringValue
            return say(.wrote(entry: written, path: path))
        case "list_runs": return "\(r["count"]?.intValue ?? 0) runs"
        case "compare_runs": return "Δ \(f3(r["comparison"]?["delta"])) " + significance(r["comparison"])
        case "tune_model":
            let trials = r["evaluated"]?.intValue ?? 0, strategy = r["strategy"]?.stringValue,
                best = r["best_run"]?.stringValue ?? "?"
            return say(.tuned(trials: trials, strategy: strategy, best: best))
        case "profile_column":
            let type = r["type"]?.stringValue ?? "?", missing = r["missing"]?.intValue ?? 0,
                distinct = r["distinct"]?.intValue ?? 0
            return say(.profiled(type: type, missing: missing, distinct: distinct))
        case "finalize_model":
            let run = r["run_id"]?.stringValue ?? "?", of = r["refit_of"]?.stringValue ?? "?"
            return say(.finalized(run: run, of: of, rows: r["rows"]?.intValue ?? 0))
        default: return String(content.prefix(120))
        }
    }
}
