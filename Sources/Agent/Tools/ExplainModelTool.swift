// explain_model: interprets a run through MLCore's ModelExplainer (the engine of `mlexp explain`): the
// run's spec (family, overrides, dropped columns, seed) is refitted on a seeded 80/20 holdout of the
// training rows, and the held-out rows are explained — permutation importance, gain for tree models,
// SHAP, partial dependence of the top inputs (direction in words), error slices and the limits. The
// sealed test rows are never used. The result is bounded by top_k and holds no raw rows.

import Foundation
import MLCore
import Tracking

/// Explains a run.
public struct ExplainModelTool: AgentTool {
    public let name = "explain_model"
    public init() {}

    public func run(_ arguments: JSONValue, in context: ToolContext) async throws -> JSONValue {
        let run = try context.store.run(arguments["run_id"]?.stringValue ?? "")
        let d = try DatasetLookup.dataset(of: run, in: context)
        guard let target = run.target else { throw ToolError("run \(run.id) has no target; explain a supervised run.") }
        let k = arguments["top_k"]?.intValue ?? 5
        var overrides: [String: String] = [:]
        if case .object(let p) = run.preprocessing, case .object(let o)? = p["overrides"] {
            for (key, value) in o { if case .string(let s) = value { overrides[key] = s } }
        }
        let spec = ExperimentSpec(
            target: target, model: run.modelFamily, parameters: overrides, validation: .holdout(testFraction: 0.2), seed: run.seed,
            excluding: run.droppedColumns)
        context.progress("refit on a holdout of the training rows")
        let result = try ExperimentRunner.run(dataset: d.trainDataset, spec: spec)
        guard let validRows = result.validationRows else { throw ToolError("the holdout refit returned no validation rows; this is a bug.") }
        let held = Set(validRows)
        let trainRows = try d.trainDataset.rowsWithTarget(target).filter { !held.contains($0) }
        // Built from the pipeline, so slices, ranges and effects read in the dataset's units.
        let input = ExplainInput(
            model: result.fitted, pipeline: result.pipeline,
            train: try result.pipeline.trainingSet(d.trainDataset, target: result.target, rows: trainRows),
            valid: try result.pipeline.trainingSet(d.trainDataset, target: result.target, rows: validRows), targetName: target)

        let isTree = result.fitted.treeEnsemble != nil
        let asked = (arguments["methods"]?.arrayValue ?? []).compactMap { $0.stringValue.flatMap(ExplainMethod.init(rawValue:)) }
        let methods: [ExplainMethod] = asked.isEmpty ? [.permutation] + (isTree ? [.gain] : []) + [.pdp, .errors, .limits] : asked
        let metric = run.mainMetric
        var out: [String: JSONValue] = [
            "run_id": .string(run.id), "model": .string(run.modelFamily),
            "note": .string("explained on a seeded 80/20 holdout refit within the \(d.trainRows.count) training rows (\(validRows.count) held out); the sealed test split is untouched"),
        ]
        // Kept for the run's charts (`mlexp export`).
        var chartImportance: ImportanceReport?, effects: [PartialDependenceResult] = [], errors: ErrorAnalysisResult?
        for method in methods {
            try Task.checkCancellation()
            context.progress(method.rawValue)
            let attempt = Self.explain(input, method: method, metric: metric, seed: run.seed)
            guard case .success(let report) = attempt else {
                if case .failure(let error) = attempt {
                    // SHAP and gain exist only for some families: say so and go on; other failures are errors.
                    guard method == .shap || method == .gain else { throw error }
                    out["\(method.rawValue)_importance"] = .string(error.message)
                }
                continue
            }
            if chartImportance == nil || method == .permutation { chartImportance = report.importance ?? chartImportance }
            effects += report.partialDependence ?? []
            errors = report.errors ?? errors
            switch method {
            case .permutation:
                out["importance"] = Self.json(report.importance, top: k)
                out["method"] = "permutation"
            case .gain, .shap:
                out["\(method.rawValue)_importance"] = Self.json(report.importance, top: k)
                if out["importance"] == nil { out["importance"] = Self.json(report.importance, top: k); out["method"] = .string(method.rawValue) }
            case .pdp:
                out["effects"] = .array((report.partialDependence ?? []).prefix(k).map { pd in
                    ["feature": .string(pd.feature), "direction": .string(pd.direction), "sentence": .string(pd.sentence)]
                })
            case .errors:
                guard let e = report.errors else { continue }
                out["error_metric"] = .string(e.metric)
                out["error_slices"] = .array(e.slices.filter { $0.gap > 0 }.prefix(k).map { s in
                    ["slice": .string("\(s.feature) \(s.slice)"), "rows": .int(s.support), e.metric: .rounded(s.score), "overall": .rounded(e.overall)]
                })
                if let ece = e.ece { out["calibration_error"] = .rounded(ece) }
            case .limits:
                out["limits"] = .strings(Array((report.limits?.statements ?? report.notes).prefix(k)))
                if out["importance"] == nil { out["importance"] = Self.json(report.importance, top: k); out["method"] = "permutation" }
            }
        }
        // Best effort; the result above is unchanged.
        let label = "predicted \(target)" + (result.target.task.isClassification ? " (p(\(result.target.classNames.last ?? "class")))" : "")
        ExplainCharts.save(
            runID: run.id, model: run.modelFamily, workspace: context.workspace.root, metric: metric, importance: chartImportance,
            effects: effects, output: label, errors: errors)
        ShapCharts.save(runID: run.id, model: input.model, valid: input.valid.x, workspace: context.workspace.root,
                        output: result.target.task.isClassification ? "raw score (log-odds)" : "predicted \(target)")
        return .object(out)
    }

    static func explain(_ input: ExplainInput, method: ExplainMethod, metric: String, seed: UInt64) -> Result<ExplainReport, MLError> {
        do { return .success(try ModelExplainer.explain(input, method: method, metric: metric, repeats: 5, seed: seed)) } catch {
            return .failure(error)
        }
    }

    static func json(_ report: ImportanceReport?, top: Int) -> JSONValue {
        guard let report else { return .null }
        return .array(report.features.sorted { $0.importance > $1.importance }.prefix(top).map { f in
            ["feature": .string(f.name), "importance": .rounded(f.importance), "std": .rounded(f.std)]
        })
    }
}
