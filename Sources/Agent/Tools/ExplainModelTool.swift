// explain_model: interprets a run's stored model through MLCore's ModelExplainer (the engine of
// `mlexp explain --run`): the fitted pipeline and model saved with the run, loaded as they are (no
// refit), so the explanation is of exactly the model whose metrics were reported. Importance (permutation,
// gain for trees, SHAP) and partial dependence probe that model on the training rows it was fitted on
// (a seeded sample of 5,000 — fewer when a time budget says so — grown up to 20,000 while the importance's
// standard error is over 0.005; the result's `sample` states the size, the error and the bound); permutation
// importance is measured once and reused by partial dependence and limits; error slices, calibration and limits use the run's out-of-fold
// predictions — the ones its cross-validated metrics came from — when this session trained the run, else
// the in-sample predictions, and the result says which. The sealed test rows are never used. The result
// is bounded by top_k and holds no raw rows; its sentences come with their facts (ExplainFacts.swift).
// learning_curve: true also refits the run's family on growing shares of its folds (LearningCurveExplain.swift).

import Foundation
import Languages
import MLCore
public import Tracking

/// Explains a run.
public struct ExplainModelTool: AgentTool {
    public let name = "explain_model"
    /// Training rows the explanation evaluates first (a seeded sample beyond).
    static let maxRows = 5_000
    /// The standard error permutation importance is held under (metric units, times the score when it exceeds 1):
    /// when the first sample's largest standard error exceeds it, the sample grows by (se / bound)², up to `grownRows`
    /// (never past a time budget's rows).
    static let importanceSEBound = 0.005
    static let grownRows = 20_000
    /// Permutation repeats (the standard error is their spread over √(repeats − 1)).
    static let repeats = 5
    public init() {}

    /// tools/explain_model.json's properties.
    struct Arguments: ToolArguments {
        var runID: String
        /// Empty: permutation, gain (trees), pdp, errors and limits.
        var methods: [String]
        var learningCurve: Bool
        /// nil: no budget (every row up to `maxRows`, the learning curve when asked).
        var timeBudgetSeconds: Double?
        var topK: Int

        enum Keys: String, CodingKey, CaseIterable {
            case runID = "run_id"
            case methods
            case learningCurve = "learning_curve"
            case timeBudgetSeconds = "time_budget_seconds"
            case topK = "top_k"
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: Keys.self)
            runID = try c.value(.runID, default: "")
            methods = try c.value(.methods, default: [])
            learningCurve = try c.value(.learningCurve, default: false)
            timeBudgetSeconds = try c.decodeIfPresent(Double.self, forKey: .timeBudgetSeconds)
            topK = try c.value(.topK, default: 5)
        }
    }

    public func run(_ arguments: JSONValue, in context: ToolContext) async throws -> JSONValue {
        let args = try Arguments(arguments, tool: name)
        let run = try context.store.run(args.runID)
        let d = try DatasetLookup.dataset(of: run, in: context)
        guard run.target != nil else { throw ToolError("run \(run.id) has no target; explain a supervised run.") }
        if run.modelFamily == "ensemble" {
            let members = run.hyperParameters["members"]?.description ?? "its members"
            throw ToolError(
                "run \(run.id) is an ensemble (the average of \(members)); explain one of its members, the strongest first."
            )
        }
        let k = args.topK
        context.progress("load the stored model of \(run.id)")
        let trained = try TrainedModel.load(try run.modelData(in: context.store))
        let target = trained.target.column
        let labelled = try d.trainDataset.rowsWithTarget(target)
        var positions = Array(labelled.indices)
        let budget = args.timeBudgetSeconds.map { ExplainBudget(seconds: max(0, $0)) }
        var learningCurve = args.learningCurve
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
        let isTree = trained.model.treeEnsemble != nil
        let asked = args.methods.compactMap(ExplainMethod.init(rawValue:))
        let methods: [ExplainMethod] =
            asked.isEmpty ? [.permutation] + (isTree ? [.gain] : []) + [.pdp, .errors, .limits] : asked
        let metric = run.mainMetric
        let artifacts = context.session.artifacts(run.id)
        // The rows probed: a seeded sample (its first `cap` rows are those of any larger one).
        if positions.count > cap {
            var rng = SeededGenerator(seed: run.seed, stream: 0xE4)
            positions.shuffle(using: &rng)
        }
        func probe(rows count: Int) throws -> (ExplainInput, [Int]) {
            let chosen = Array(positions.prefix(count)).sorted()
            let rows = chosen.map { labelled[$0] }
            let set = try trained.pipeline.trainingSet(d.trainDataset, target: trained.target, rows: rows)
            // Built from the pipeline, so slices, ranges and effects read in the dataset's units.
            var input = ExplainInput(
                model: trained.model, pipeline: trained.pipeline, train: set, valid: set, targetName: target)
            if let a = artifacts, a.datasetID == d.id, a.outOfFold.count == labelled.count {
                input.heldOutPrediction = a.outOfFold.selecting(rows: chosen)
            }
            return (input, rows)
        }
        var (input, rows) = try probe(rows: cap)
        var sampleFacts: JSONValue?
        if methods.contains(where: { [.permutation, .pdp, .limits].contains($0) }) {
            context.progress("permutation importance on \(rows.count) rows")
            var r = try ModelExplainer.permutation(trained.model, input.valid, metric, Self.repeats, run.seed)
            let bound = Self.importanceSEBound * max(1, abs(r.baseline ?? 0))
            var se = Self.standardError(r)
            let most = min(labelled.count, budget == nil ? Self.grownRows : cap)
            if se > bound, rows.count < most {
                let wanted = Double(rows.count) * (se / bound) * (se / bound)
                let grown = min(most, Int(wanted.rounded(.up)))
                context.progress("importance standard error \(PartialDependence.short(se)) > \(bound): \(grown) rows")
                (input, rows) = try probe(rows: grown)
                r = try ModelExplainer.permutation(trained.model, input.valid, metric, Self.repeats, run.seed)
                se = Self.standardError(r)
            }
            input.permutationImportance = r
            sampleFacts = [
                "rows": .int(rows.count), "of": .int(labelled.count), "importance_se": .rounded(se),
                "se_bound": .rounded(bound),
                "rule": .string(
                    "a seeded sample of \(Self.maxRows) rows (fewer when the time budget says so), grown by (se / bound)² up to \(Self.grownRows) when the largest importance's standard error exceeds the bound"
                ),
            ]
        }
        let sample =
            rows.count < labelled.count
            ? "a seeded sample of \(rows.count) of its \(labelled.count) training rows"
            : "its \(rows.count) training rows"
        let errorsFrom =
            input.heldOutPrediction != nil
            ? "errors, calibration and limits use its out-of-fold predictions (those of its reported \(run.validationScheme) metrics)"
            : "errors and limits are in-sample: this session holds no out-of-fold predictions for the run (retrain it to get them)"

        var out: [String: JSONValue] = [
            "run_id": .string(run.id), "model": .string(run.modelFamily),
            "rows_evaluated": .int(rows.count),
            "note": .string(
                "run \(run.id)'s stored model, as saved (no refit); importance and effects probe it on \(sample); \(errorsFrom); the sealed test split is untouched"
            ),
        ]
        if let sampleFacts { out["sample"] = sampleFacts }
        // Kept for the run's charts (`mlexp export`).
        var chartImportance: ImportanceReport?, effects: [PartialDependenceResult] = [], errors: ErrorAnalysisResult?
        for method in methods {
            try Task.checkCancellation()
            context.progress(method.rawValue)
            let attempt = Self.explain(input, method: method, metric: metric, repeats: Self.repeats, seed: run.seed)
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
        let language = context.chartLanguage, predicted = ToolMessage.predicted(target: target).text(language)
        // The output's words: MLCore's label of the curves' output (English), or from its facts.
        let output = effects.lazy.compactMap(\.output).first
        let className =
            output?.className
            ?? (trained.target.task.isClassification ? trained.target.classNames.last ?? "class" : nil)
        let label = ToolMessage.output(label: output?.label, target: target, className: className).text(language)
        ExplainCharts.save(
            runID: run.id, model: run.modelFamily, workspace: context.workspace.root, metric: metric,
            importance: chartImportance,
            effects: effects, output: label, errors: errors, language: context.chartLanguage)
        ShapCharts.save(
            runID: run.id, model: input.model, valid: input.valid.x, workspace: context.workspace.root,
            output: trained.target.task.isClassification
                ? ToolMessage.rawScoreLogOdds.text(language) : predicted,
            language: context.chartLanguage)
        return .object(out)
    }

    /// The largest standard error of a permutation importance's mean over its repeats.
    static func standardError(_ r: ImportanceReport) -> Double {
        let n = Double(max(r.repeats ?? 1, 2))
        return r.features.map { $0.std / (n - 1).squareRoot() }.max() ?? 0
    }

    static func explain(_ input: ExplainInput, method: ExplainMethod, metric: String, repeats: Int, seed: UInt64)
        -> Result<ExplainReport, MLError>
    {
        do {
            return .success(
                try ModelExplainer.explain(input, method: method, metric: metric, repeats: repeats, seed: seed))
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
