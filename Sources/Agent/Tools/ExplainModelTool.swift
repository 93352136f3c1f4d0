// explain_model: interprets a run on its training rows (the sealed test rows stay unseen): global
// importance (permutation; gain and SHAP for tree models), the direction of the top features' effect
// (partial dependence, in words), error analysis on the out-of-fold predictions (weakest slices; no
// raw rows), and the model's limits as sentences. Bounded by top_k.

import Foundation
import MLCore
import Tracking

/// Explains a run.
public struct ExplainModelTool: AgentTool {
    public let name = "explain_model"
    public init() {}
    /// Rows sampled for permutation importance, SHAP and partial dependence.
    static let sampleRows = 800

    public func run(_ arguments: JSONValue, in context: ToolContext) async throws -> JSONValue {
        let run = try context.store.run(arguments["run_id"]?.stringValue ?? "")
        let d = try DatasetLookup.dataset(of: run, in: context)
        let trained = try TrainedModel.load(try run.modelData(in: context.store))
        let k = arguments["top_k"]?.intValue ?? 5
        let isTree = trained.model.treeEnsemble != nil
        let asked = Set((arguments["methods"]?.arrayValue ?? []).compactMap(\.stringValue))
        let methods = asked.isEmpty ? Set(["permutation", "pdp", "errors", "limits"] + (isTree ? ["gain"] : [])) : asked
        let metric = run.mainMetric
        let levelNames = Self.levelNames(trained.pipeline)
        let predict: (FeatureMatrix) throws(MLError) -> Prediction = { (m: FeatureMatrix) throws(MLError) -> Prediction in
            try trained.model.predict(m)
        }
        let rows = d.trainRows
        let x = try trained.pipeline.transform(d.dataset, rows: rows)
        let y = try trained.target.values(in: d.dataset, rows: rows)
        var rng = SeededGenerator(seed: 5, stream: 0)
        var positions = Array(0..<rows.count)
        if positions.count > Self.sampleRows {
            positions.shuffle(using: &rng)
            positions = Array(positions.prefix(Self.sampleRows)).sorted()
        }
        let xs = x.selecting(rows: positions), ys = y.selecting(rows: positions)
        var out: [String: JSONValue] = [
            "run_id": .string(run.id), "model": .string(run.modelFamily),
            "note": .string("computed on the training rows (\(positions.count) sampled of \(rows.count)); the sealed test split is untouched"),
        ]
        var importance: ImportanceReport?
        if methods.contains("permutation") {
            context.progress("permutation importance")
            let report = try PermutationImportance.compute(x: xs, y: ys, metric: metric, repeats: 3, seed: 3, predict: predict)
            importance = report
            out["importance"] = Self.json(report, top: k)
            out["method"] = "permutation"
        }
        if methods.contains("gain"), let ensemble = trained.model.treeEnsemble {
            let report = try ModelImportance.trees(ensemble, kind: "gain")
            out["gain_importance"] = Self.json(report, top: k)
            if importance == nil { importance = report; out["importance"] = Self.json(report, top: k); out["method"] = "gain" }
        }
        if methods.contains("shap"), let ensemble = trained.model.treeEnsemble {
            context.progress("SHAP values")
            let values = try TreeSHAP.explain(ensemble, x: xs.selecting(rows: Array(0..<min(xs.rows, 300))))
            out["shap_importance"] = Self.json(ModelImportance.shap(values, features: xs.features), top: k)
        }
        var effects: [PartialDependenceResult] = []
        let label = trained.target.task.isClassification ? "predicted \(trained.target.classNames.last ?? "class")" : "predicted \(trained.target.column)"
        if methods.contains("pdp"), let report = importance {
            context.progress("partial dependence")
            let top = report.features.sorted { $0.importance > $1.importance }.prefix(min(k, 3))
            out["effects"] = .array(top.compactMap { f -> JSONValue? in
                guard let pd = try? PartialDependence.compute(x: xs, feature: f.name, outputLabel: label, gridSize: 10, iceSamples: 0, levelNames: levelNames, predict: predict)
                else { return nil }
                effects.append(pd)
                return ["feature": .string(f.name), "direction": .string(pd.direction), "sentence": .string(pd.sentence)]
            })
        }
        var errors: ErrorAnalysisResult?
        if methods.contains("errors") || methods.contains("limits") {
            context.progress("error analysis")
            let prediction = try context.session.artifacts(run.id)?.outOfFold ?? trained.model.predict(x)
            errors = try ErrorAnalysis.analyze(x: x, target: y, prediction: prediction, levelNames: levelNames)
            if let e = errors, methods.contains("errors") {
                out["error_slices"] = .array(e.slices.filter { $0.gap > 0 }.prefix(k).map { s in
                    ["slice": .string("\(s.feature) \(s.slice)"), "rows": .int(s.support), e.metric: .rounded(s.score),
                     "overall": .rounded(e.overall)]
                })
                out["error_metric"] = .string(e.metric)
                out["predictions"] = .string(context.session.artifacts(run.id) == nil ? "in-sample (run from an earlier session)" : "out-of-fold")
            }
        }
        if methods.contains("limits") {
            let score = run.metrics[metric]?.mean
            let limits = ModelLimits.summarize(
                trainX: x, errors: errors, importance: importance, score: score, metric: metric, trainTarget: y)
            out["limits"] = .strings(Array(limits.statements.prefix(k)))
        }
        // Kept for `mlexp export` (best effort; the result above is unchanged).
        ExplainCharts.save(runID: run.id, model: run.modelFamily, workspace: context.workspace.root, metric: metric,
                           importance: importance, effects: effects, output: label, errors: errors)
        return .object(out)
    }

    static func json(_ report: ImportanceReport, top: Int) -> JSONValue {
        .array(report.features.sorted { $0.importance > $1.importance }.prefix(top).map { f in
            ["feature": .string(f.name), "importance": .rounded(f.importance), "std": .rounded(f.std)]
        })
    }

    /// Names of the codes of native categorical features, by feature name.
    static func levelNames(_ pipeline: FittedPipeline) -> [String: [String]] {
        var out: [String: [String]] = [:]
        for step in pipeline.steps {
            if case .codes(let c, let levels, let other, _) = step { out[c] = levels + (other ? ["(other)"] : []) }
        }
        return out
    }
}
