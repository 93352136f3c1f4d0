// One readable line per tool call: what was asked and what came back ("train_model gbdt → r0003
// roc_auc 0.851 ± 0.012"), or the error. Reads the tools' JSON results; never prints raw data.

import Agent
import Foundation

enum ToolLine {
    static func f3(_ v: JSONValue?) -> String { v?.doubleValue.map { String(format: "%.3f", $0) } ?? "?" }

    /// What the call asks, in a few words.
    static func request(_ name: String, _ arguments: String) -> String {
        let a = (try? JSONValue.parse(arguments)) ?? .object([:])
        let detail: String? =
            switch name {
            case "load_data": a["path"]?.stringValue.map { p in a["target"]?.stringValue.map { "\(p) → \($0)" } ?? p }
            case "train_model", "tune_model": a["model"]?.stringValue
            case "compute_metrics":
                a["run_id"]?.stringValue.map { "\($0)" + (a["split"]?.stringValue == "test" ? " on the TEST split" : "")
                    + (a["compare_to"]?.stringValue.map { " vs \($0)" } ?? "") }
            case "explain_model": a["run_id"]?.stringValue
            case "append_log": a["kind"]?.stringValue.map { k in a["title"]?.stringValue.map { "\(k): \($0)" } ?? k }
            case "compare_runs": "\(a["run_a"]?.stringValue ?? "?") vs \(a["run_b"]?.stringValue ?? "?")"
            case "profile_column": a["column"]?.stringValue
            default: nil
            }
        return detail.map { "\(name) \($0)" } ?? name
    }

    /// The outcome in one line (without the request part).
    static func outcome(_ name: String, _ content: String) -> String {
        guard let r = try? JSONValue.parse(content) else { return String(content.prefix(120)) }
        if let error = r["error"]?.stringValue { return error }
        switch name {
        case "load_data":
            let warnings = r["warnings"]?.arrayValue?.count ?? 0
            return "\(r["rows"]?.intValue ?? 0) rows × \(r["column_count"]?.intValue ?? 0) columns, \(r["task"]?.stringValue ?? "?"), metric \(r["metric"]?.stringValue ?? "?"), \(warnings) warning\(warnings == 1 ? "" : "s")"
        case "train_model":
            let metric = r["main_metric"]?.stringValue ?? ""
            let m = r["metrics"]?[metric]
            let spread = m?["std"] == nil ? "" : " ± \(f3(m?["std"]))"
            let k = r["n_clusters"]?.intValue.map { "k=\($0), " } ?? ""
            return "\(r["run_id"]?.stringValue ?? "?") \(k)\(metric) \(f3(m?["mean"]))\(spread)"
        case "compute_metrics":
            let metric = r["main_metric"]?.stringValue ?? ""
            let m = r["metrics"]?[metric]
            var s = "\(r["split"]?.stringValue ?? "") \(metric) \(f3(m?["value"])) [\(f3(m?["ci_low"])), \(f3(m?["ci_high"]))]"
            if let c = r["comparison"] {
                s += "; Δ \(f3(c["delta"])) vs \(c["other_run"]?.stringValue ?? "?") " + (c["significant"]?.boolValue == true ? "(significant)" : "(not significant)")
            }
            return s
        case "explain_model":
            let top = (r["importance"]?.arrayValue ?? []).prefix(3).compactMap { $0["feature"]?.stringValue }
            return "top features: " + top.joined(separator: ", ")
        case "append_log": return "wrote \(r["written"]?.stringValue ?? "entry") to \(r["path"]?.stringValue ?? "the log")"
        case "list_runs": return "\(r["count"]?.intValue ?? 0) runs"
        case "compare_runs":
            let c = r["comparison"]
            return "Δ \(f3(c?["delta"])) " + (c?["significant"]?.boolValue == true ? "(significant)" : "(not significant)")
        case "tune_model":
            return "\(r["evaluated"]?.intValue ?? 0) trials (\(r["strategy"]?.stringValue ?? "search")), best recorded as \(r["best_run"]?.stringValue ?? "?")"
        case "profile_column":
            return "\(r["type"]?.stringValue ?? "?"), \(r["missing"]?.intValue ?? 0) missing, \(r["distinct"]?.intValue ?? 0) distinct"
        default: return String(content.prefix(120))
        }
    }
}
