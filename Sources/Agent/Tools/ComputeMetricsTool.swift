// compute_metrics: a run's metrics with 95 % bootstrap intervals — on its out-of-fold predictions
// (validation, the default), or on the sealed test split when asked explicitly (split "test"; every
// such evaluation is recorded in the store, and the result says how many times the split was seen) —
// plus a confusion matrix or residual summary, and the paired difference with another run.

import Foundation
import MLCore
public import Tracking

/// Evaluates a run.
public struct ComputeMetricsTool: AgentTool {
    public let name = "compute_metrics"
    public init() {}
    /// Metrics reported besides the main one.
    static let extra: [TaskKind: [String]] = [
        .binary: ["accuracy", "f1", "average_precision", "log_loss"],
        .multiclass: ["accuracy", "f1_macro", "balanced_accuracy"],
        .regression: ["r2", "rmse", "mae"],
    ]

    /// The recorded test evaluation of a dataset, returned instead of a second look at its test split.
    static func recorded(_ e: TestEvaluation, asked: String) -> JSONValue {
        var metrics: [String: JSONValue] = [:]
        for (key, m) in e.metrics {
            var o: [String: JSONValue] = ["value": .rounded(m.mean)]
            if let l = m.ciLow, let h = m.ciHigh { o["ci_low"] = .rounded(l); o["ci_high"] = .rounded(h) }
            metrics[key] = .object(o)
        }
        let other = e.runID == asked ? "" : " It was spent on run \(e.runID), not \(asked)."
        return .object([
            "run_id": .string(e.runID), "split": "test", "metrics": .object(metrics), "already_used": .bool(true),
            "note": .string(
                "the sealed test split of this dataset was already evaluated; this is the recorded figure, and the split was not evaluated again.\(other) Choose between runs on validation (compare_runs)."
            ),
        ])
    }

    /// tools/compute_metrics.json's properties.
    struct Arguments: ToolArguments {
        var runID: String
        /// "validation" (the stored fold metrics) or "test" (the sealed split).
        var split: String
        var compareTo: String?

        enum Keys: String, CodingKey, CaseIterable {
            case runID = "run_id"
            case split
            case compareTo = "compare_to"
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: Keys.self)
            runID = try c.value(.runID, default: "")
            split = try c.value(.split, default: "validation")
            compareTo = try c.decodeIfPresent(String.self, forKey: .compareTo)
        }
    }

    public func run(_ arguments: JSONValue, in context: ToolContext) async throws -> JSONValue {
        let args = try Arguments(arguments, tool: name)
        let run = try context.store.run(args.runID)
        let split = args.split
        guard run.task != TaskKind.clustering.rawValue else {
            throw ToolError(
                "run \(run.id) is a clustering (\(run.modelFamily), no target): its metrics (silhouette, inertia, adjusted_rand with a reference) "
                    + "came with train_model on the rows it was fitted on, and there is no target to score on a split. "
                    + "Compare clusterings by their silhouette (list_runs), or train kmeans with another n_clusters.")
        }
        let metric = run.mainMetric
        var out: [String: JSONValue] = [
            "run_id": .string(run.id), "model": .string(run.modelFamily), "split": .string(split),
            "main_metric": .string(metric),
        ]
        if split == "test" {
            guard args.compareTo == nil else {
                throw ToolError(
                    "compare runs on validation, not on the test split; call compute_metrics with split \"validation\" and compare_to, and evaluate only the chosen run on test."
                )
            }
            // Sealed: evaluated once per dataset. A second request gets the recorded figure, not a new look.
            let earlier = try context.store.testEvaluations().first { e in
                (try? context.store.get(e.runID).dataset.fingerprint) == run.dataset.fingerprint
            }
            if let earlier { return Self.recorded(earlier, asked: run.id) }
            let d = try DatasetLookup.dataset(of: run, in: context)
            let trained = try TrainedModel.load(try run.modelData(in: context.store))
            let test = try d.testDataset()
            let target = try trained.target.values(in: test, rows: nil)
            let prediction = try trained.predict(test)
            let (json, summaries, bootstrap) = try Self.metrics(target: target, prediction: prediction, main: metric)
            out["bootstrap"] = bootstrap
            try Task.checkCancellation()
            let previous = try context.store.testEvaluations().filter { e in
                (try? context.store.get(e.runID).dataset.fingerprint) == run.dataset.fingerprint
            }.count
            try context.store.recordTestEvaluation(
                TestEvaluation(runID: run.id, metrics: summaries, requestedBy: "agent session \(context.session.id)"))
            out["metrics"] = json
            out["rows"] = .int(d.testRows.count)
            out["details"] = Self.details(target: target, prediction: prediction)
            EvaluationCharts.save(
                runID: run.id, model: run.modelFamily, target: target, prediction: prediction,
                targetName: run.target ?? "target", split: split, workspace: context.workspace.root,
                language: context.chartLanguage)
            out["note"] = .string(
                "evaluation recorded; the test split of this dataset has now been evaluated \(previous + 1) time\(previous == 0 ? "" : "s")"
                    + (previous > 0 ? " — each extra look makes it less of an unbiased estimate." : "."))
            return .object(out)
        }
        if let a = context.session.artifacts(run.id) {
            let (json, _, bootstrap) = try Self.metrics(target: a.target, prediction: a.outOfFold, main: metric)
            out["bootstrap"] = bootstrap
            out["metrics"] = json
            out["rows"] = .int(a.target.count)
            out["details"] = Self.details(target: a.target, prediction: a.outOfFold)
            EvaluationCharts.save(
                runID: run.id, model: run.modelFamily, target: a.target, prediction: a.outOfFold,
                targetName: run.target ?? "target", split: split, workspace: context.workspace.root,
                language: context.chartLanguage)
            out["source"] = "out-of-fold predictions of the cross-validation"
        } else {
            var stored: [String: JSONValue] = [:]
            for key in run.metrics.keys.sorted().prefix(8) {
                guard let m = run.metrics[key] else { continue }
                var o: [String: JSONValue] = ["value": .rounded(m.mean)]
                if let s = m.std { o["std"] = .rounded(s) }
                if let l = m.ciLow, let h = m.ciHigh { o["ci_low"] = .rounded(l); o["ci_high"] = .rounded(h) }
                stored[key] = .object(o)
            }
            out["metrics"] = .object(stored)
            out["source"] = .string(
                run.refitOf.map {
                    "the validation of \($0)'s configuration (\(run.id) is its final refit on every row)"
                }
                    ?? "stored fold metrics (the run was trained in an earlier session)")
        }
        if let other = args.compareTo {
            let reference = try context.store.run(other)
            out["comparison"] = try RunComparer.compare(reference, run, metric: metric, session: context.session)
        }
        return .object(out)
    }

    /// Each metric with its bootstrap interval, as JSON and as store summaries.
    static func metrics(target: TargetValues, prediction: Prediction, main: String) throws -> (
        JSONValue, [String: Tracking.MetricSummary], bootstrap: JSONValue?
    ) {
        var json: [String: JSONValue] = [:]
        var summaries: [String: Tracking.MetricSummary] = [:]
        // Every metric on the same resamples: one draw of weights per resample for all of them.
        let keys = [main] + (extra[target.task] ?? []).filter({ $0 != main })
        let intervals =
            (try? Bootstrap.intervals(metrics: keys, target: target, prediction: prediction, resamples: 500, seed: 13))
            ?? []
        for ci in intervals {
            let key = ci.metric
            guard ci.estimate.isFinite else { continue }
            json[key] = ["value": .rounded(ci.estimate), "ci_low": .rounded(ci.low), "ci_high": .rounded(ci.high)]
            summaries[key] = Tracking.MetricSummary(mean: ci.estimate, ciLow: ci.low, ciHigh: ci.high)
        }
        return (.object(json), summaries, intervals.first?.sampledRows.map { Self.sampleNote($0, of: target.count) })
    }

    /// How a bootstrap on a seeded sample of rows reads in a result (said only when it sampled).
    static func sampleNote(_ sampled: Int, of rows: Int) -> JSONValue {
        [
            "resampled_rows": .int(sampled), "rows": .int(rows),
            "method": .string(
                "percentile bootstrap on a seeded sample of \(sampled) of the \(rows) rows, its deviations rescaled by √(\(sampled)/\(rows)) around the value on every row"
            ),
        ]
    }

    /// A confusion matrix (classes) or a residual summary (regression), bounded.
    static func details(target: TargetValues, prediction: Prediction) -> JSONValue {
        switch (target, prediction) {
        case (.classes(let labels, let names), .classes(let predicted, _, _)) where names.count <= 12:
            guard let cm = try? ConfusionMatrix(yTrue: labels, yPred: predicted, classCount: names.count) else {
                return .null
            }
            let rows = (0..<names.count).map { t in
                JSONValue.array((0..<names.count).map { .int(cm.counts[t * names.count + $0]) })
            }
            return [
                "confusion_matrix": .array(rows), "classes": .strings(names),
                "layout": "rows: true class, columns: predicted",
            ]
        case (.values(let y), .values(let p)):
            let residuals = zip(y, p).map { $0 - $1 }
            let abs = residuals.map { Swift.abs($0) }.sorted()
            guard !abs.isEmpty else { return .null }
            return [
                "residuals": [
                    "mean": .rounded(residuals.reduce(0, +) / Double(residuals.count)),
                    "median_abs": .rounded(abs[abs.count / 2]),
                    "p90_abs": .rounded(abs[min(abs.count - 1, abs.count * 9 / 10)]),
                    "max_abs": .rounded(abs[abs.count - 1]),
                ]
            ]
        default: return .null
        }
    }
}

/// Finds the session's dataset a run was trained on, and a run's model bytes.
enum DatasetLookup {
    static func dataset(of run: RunRecord, in context: ToolContext) throws -> LoadedDataset {
        if let d = context.session.datasets.first(where: { $0.fingerprint == run.dataset.fingerprint }) { return d }
        throw ToolError(
            "run \(run.id) was trained on \(run.dataset.path), which is not loaded in this session; call load_data with path \"\(run.dataset.path)\" and target \"\(run.target ?? "")\" first."
        )
    }
}

extension RunRecord {
    func modelData(in store: RunStore) throws -> Data {
        if let model { return model }
        if let full = try? store.get(id), let model = full.model { return model }
        throw ToolError("run \(id) has no stored model; retrain it with train_model.")
    }
}
