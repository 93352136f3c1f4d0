// explain_model: interprets a run's stored model through MLCore's ModelExplainer (the engine of
// `mlexp explain --run`): the fitted pipeline and model saved with the run, loaded as they are (no
// refit), so the explanation is of exactly the model whose metrics were reported. Importance (permutation,
// gain for trees, SHAP) and partial dependence probe that model on the training rows it was fitted on
// (a seeded sample of at most 5,000); error slices, calibration and limits use the run's out-of-fold
// predictions — the ones its cross-validated metrics came from — when this session trained the run, else
// the in-sample predictions, and the result says which. The sealed test rows are never used. The result
// is bounded by top_k and holds no raw rows; its sentences come with their facts (ExplainFacts.swift).
// learning_curve: true also refits the run's family on growing shares of its folds (LearningCurveExplain.swift).

import Foundation
import MLCore
public import Tracking

/// Explains a run.
public struct ExplainModelTool: AgentTool {
    public let name = "explain_model"
    /// Most training rows the explanation evaluates (a seeded sample beyond).
    static let maxRows = 5_000
    public init() {}

    public func run(_ arguments: JSONValue, in context: ToolContext) async throws -> JSONValue {
        let run = try context.store.run(arguments["run_id"]?.stringValue ?? "")
        let d = try DatasetLookup.dataset(of: run, in: context)
        guard run.target != nil else { throw ToolError("run \(run.id) has no target; explain a supervised run.") }
        if run.modelFamily == "ensemble" {
            let members = run.hyperParameters["members"]?.description ?? "its members"
            throw ToolError(
                "run \(run.id) is an ensemble (the average of \(members)); explain one of its members, the strongest first."
            )
        }
        let k = arguments["top_k"]?.intValue ?? 5
        context.progress("load the stored model of \(run.id)")
        let trained = try TrainedModel.load(try run.modelData(in: context.store))
        let target = trained.target.column
        let labelled = try d.trainDataset.rowsWithTarget(target)
        var positions = Array(labelled.indices)
        let budget = arguments["time_budget_seconds"]?.doubleValue.map { ExplainBudget(seconds: max(0, $0)) }
        var learningCurve = arguments["learning_curve"]?.boolValue == true
        var budgetNote: String?
        if learningCurve, let budget, !budget.learningCurveFits(trainingSeconds: run.trainingSeconds) {
            learningCurve = false
            budgetNote =
                "learning curve left out: about \(Int(ExplainBudget.learningCurveSeconds(trainingSeconds: run.trainingSeconds).rounded(.up))) s of refits, more than half of the \(Int(budget.seconds.rounded())) s time budget"
        }
        var cap = Self.maxRows
        if positions.count > ExplainBudget.minimumRows, let budget {
            var rng = SeededGenerator(seed: run.seed, stream: 0xE4)
            let probe = Array(positions.shuffled(using: &rng).prefix(ExplainBudget.probeRows)).sorted()
            let x = try trained.pipeline.transform(d.trainDataset, rows: probe.map { labelled[$0] })
            let left =
                budget.seconds
                - (learningCurve ? ExplainBudget.learningCurveSeconds(trainingSeconds: run.trainingSeconds) : 0)
            cap = ExplainBudget.rows(
                seconds: left, secondsPerRow: ExplainBudget.secondsPerRow(trained.model, x),
                inputs: Set(trained.pipeline.features.map(\.sourceColumn)).count, available: positions.count,
                cap: Self.maxRows)
            if cap < min(positions.count, Self.maxRows) {
                let sampled =
                    "a sample of \(cap) rows, the most the \(Int(budget.seconds.rounded())) s time budget holds"
                budgetNote = budgetNote.map { $0 + "; " + sampled } ?? sampled
            }
        }
        if positions.count > cap {
            var rng = SeededGenerator(seed: run.seed, stream: 0xE4)
            positions.shuffle(using: &rng)
            positions = Array(positions.prefix(cap)).sorted()
        }
        let rows = positions.map { labelled[$0] }
        let set = try trained.pipeline.trainingSet(d.trainDataset, target: trained.target, rows: rows)
        // Built from the pipeline, so slices, ranges and effects read in the dataset's units.
        var input = ExplainInput(
            model: trained.model, pipeline: trained.pipeline, train: set, valid: set, targetName: target)
        let artifacts = context.session.artifacts(run.id)
        if let a = artifacts, a.datasetID == d.id, a.outOfFold.count == labelled.count {
            input.heldOutPrediction = a.outOfFold.selecting(rows: positions)
        }
        let sample =
            rows.count < labelled.count
            ? "a seeded sample of \(rows.count) of its \(labelled.count) training rows"
            : "its \(rows.count) training rows"
        let errorsFrom =
            input.heldOutPrediction != nil
            ? "errors, calibration and limits use its out-of-fold predictions (those of its reported \(run.validationScheme) metrics)"
            : "errors and limits are in-sample: this session holds no out-of-fold predictions for the run (retrain it to get them)"

        let isTree = trained.model.treeEnsemble != nil
        let asked = (arguments["methods"]?.arrayValue ?? []).compactMap {
            $0.stringValue.flatMap(ExplainMethod.init(rawValue:))
        }
        let methods: [ExplainMethod] =
            asked.isEmpty ? [.permutation] + (isTree ? [.gain] : []) + [.pdp, .errors, .limits] : asked
        let metric = run.mainMetric
        var out: [String: JSONValue] = [
            "run_id": .string(run.id), "model": .string(run.modelFamily),
            "rows_evaluated": .int(rows.count),
            "note": .string(
                "run \(run.id)'s stored model, as saved (no refit); importance and effects probe it on \(sample); \(errorsFrom); the sealed test split is untouched"
            ),
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
            if chartImportance == nil || method == .permutation {
                chartImportance = report.importance ?? chartImportance
            }
            effects += report.partialDependence ?? []
            errors = report.errors ?? errors
            switch method {
            case .permutation:
                out["importance"] = Self.json(report.importance, top: k)
                out["method"] = "permutation"
            case .gain, .shap:
                out["\(method.rawValue)_importance"] = Self.json(report.importance, top: k)
                if out["importance"] == nil {
                    out["importance"] = Self.json(report.importance, top: k); out["method"] = .string(method.rawValue)
                }
            case .pdp:
                out["effects"] = .array((report.partialDependence ?? []).prefix(k).map(ExplainFacts.effect))
            case .errors:
                guard let e = report.errors else { continue }
                out["error_metric"] = .string(e.metric)
                out["error_slices"] = .array(
                    e.slices.filter { $0.gap > 0 }.prefix(k).map { s in
                        [
                            "slice": .string("\(s.feature) \(s.slice)"), "rows": .int(s.support),
                            e.metric: .rounded(s.score), "overall": .rounded(e.overall),
                        ]
                    })
                if let ece = e.ece { out["calibration_error"] = .rounded(ece) }
            case .limits:
                out["limits"] = .strings(Array((report.limits?.statements ?? report.notes).prefix(k)))
                if let findings = report.limits?.findings {
                    out["limit_facts"] = .array(findings.prefix(k).map(ExplainFacts.limit))
                }
                if out["importance"] == nil {
                    out["importance"] = Self.json(report.importance, top: k); out["method"] = "permutation"
                }
            }
        }
        if let budgetNote { out["time_budget"] = .string(budgetNote) }
        if learningCurve {
            try Task.checkCancellation()
            context.progress("learning curve: \(run.modelFamily) refitted on growing shares of each fold")
            out["learning_curve"] = try LearningCurveExplain.run(
                run, dataset: d, metric: metric, workspace: context.workspace.root, language: context.chartLanguage)
        }
        // Best effort; the result above is unchanged.
        let fr = context.chartLanguage == .french, predicted = fr ? "\(target) prédit" : "predicted \(target)"
        // The output's words: MLCore's label of the curves' output (English), or in French from its facts.
        let output = effects.lazy.compactMap(\.output).first
        let className =
            output?.className
            ?? (trained.target.task.isClassification ? trained.target.classNames.last ?? "class" : nil)
        let label = (fr ? nil : output?.label) ?? predicted + (className.map { " (p(\($0)))" } ?? "")
        ExplainCharts.save(
            runID: run.id, model: run.modelFamily, workspace: context.workspace.root, metric: metric,
            importance: chartImportance,
            effects: effects, output: label, errors: errors, language: context.chartLanguage)
        ShapCharts.save(
            runID: run.id, model: input.model, valid: input.valid.x, workspace: context.workspace.root,
            output: trained.target.task.isClassification
                ? (fr ? "score brut (log-odds)" : "raw score (log-odds)") : predicted,
            language: context.chartLanguage)
        return .object(out)
    }

    static func explain(_ input: ExplainInput, method: ExplainMethod, metric: String, seed: UInt64) -> Result<
        ExplainReport, MLError
    > {
        do {
            return .success(try ModelExplainer.explain(input, method: method, metric: metric, repeats: 5, seed: seed))
        } catch {
            return .failure(error)
        }
    }

    static func json(_ report: ImportanceReport?, top: Int) -> JSONValue {
        guard let report else { return .null }
        return .array(
            report.features.sorted { $0.importance > $1.importance }.prefix(top).map { f in
                ["feature": .string(f.name), "importance": .rounded(f.importance), "std": .rounded(f.std)]
            })
    }
}
