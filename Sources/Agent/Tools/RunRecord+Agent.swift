// How tools read a stored run: its main metric and a compact JSON summary for the model.

import Foundation
import MLCore
public import Tracking

extension RunRecord {
    /// The metric the run was judged on: the one its validation scheme names, else the first usual one present.
    public var mainMetric: String {
        if case .object(let v) = validation, case .string(let m)? = v["metric"], metrics[m] != nil { return m }
        for key in ["roc_auc", "accuracy", "r2", "f1_macro", "rmse", "silhouette"] where metrics[key] != nil {
            return key
        }
        return metrics.keys.sorted().first ?? "none"
    }

    /// "stratified 5-fold CV", as recorded.
    var validationScheme: String {
        if case .object(let v) = validation, case .string(let s)? = v["scheme"] { return s }
        return "cross-validation"
    }

    /// mean, std and CI of one metric, rounded, for the model; `folds` adds its score on each validation
    /// fold (the paired comparisons of runs on the same folds read them).
    func metricJSON(_ key: String, folds: Bool = false) -> JSONValue? {
        guard let m = metrics[key] else { return nil }
        var o: [String: JSONValue] = ["mean": .rounded(m.mean)]
        if let s = m.std { o["std"] = .rounded(s) }
        if let l = m.ciLow, let h = m.ciHigh { o["ci_low"] = .rounded(l); o["ci_high"] = .rounded(h) }
        let perFold = foldMetrics.compactMap { $0[key] }
        if folds, perFold.count >= 2, perFold.count == foldMetrics.count {
            o["folds"] = .array(perFold.map { .rounded($0) })
        }
        return .object(o)
    }

    /// A compact summary: id, model, hypothesis, the main metric (and a few others), parameters.
    func summaryJSON(allMetrics: Bool = false) -> JSONValue {
        var m: [String: JSONValue] = [:]
        let keys = allMetrics ? Array(metrics.keys.sorted().prefix(12)) : [mainMetric]
        for k in keys { m[k] = metricJSON(k) }
        var o: [String: JSONValue] = [
            "run_id": .string(id), "model": .string(modelFamily), "metrics": .object(m),
            "main_metric": .string(mainMetric), "dataset": .string(dataset.path),
        ]
        if let h = hypothesis { o["hypothesis"] = .string(String(h.prefix(160))) }
        if !hyperParameters.isEmpty { o["params"] = .object(hyperParameters) }
        if !droppedColumns.isEmpty { o["dropped"] = .strings(droppedColumns) }
        return .object(o)
    }
}

extension RunStore {
    /// The run `id`, with an error that lists recent runs when it is unknown.
    func run(_ id: String) throws(ToolError) -> RunRecord {
        do { return try get(id) } catch {
            let known = (try? list(limit: 30).map(\.id)) ?? []
            if known.isEmpty { throw ToolError("no run '\(id)': no run is recorded yet; train one with train_model.") }
            throw ToolError(
                "no run '\(id)'.\(NameSuggestion.didYouMean(id, among: known)) Recent runs: \(known.prefix(10).joined(separator: ", "))."
            )
        }
    }
}
