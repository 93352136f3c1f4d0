// train_model: one experiment on a loaded dataset's training rows (never the sealed test rows) —
// the model family with its overrides, cross-validated with preprocessing fitted inside each fold —
// recorded in the run store with everything needed to reproduce, explain and predict (metrics per
// fold, a bootstrap interval of the main metric on out-of-fold predictions, the fitted model, the
// hypothesis, the prompt version). Returns a compact summary. target_transform "log" fits a numeric
// target on log(1 + y) and scores on the original scale. On a dataset loaded without a target it
// clusters instead (TrainModelTool+Clustering.swift); model "ensemble" averages stored runs
// (TrainModelTool+Ensemble.swift).

import Foundation
import MLCore
public import Tracking

/// Trains and records one run.
public struct TrainModelTool: AgentTool {
    public let name = "train_model"
    public init() {}

    /// tools/train_model.json's properties (a supervised run, a clustering or an ensemble).
    struct Arguments: ToolArguments {
        var model: String
        var hypothesis: String
        /// nil: the last dataset loaded.
        var datasetID: String?
        /// nil: every column but the target and `drop`.
        var features: [String]?
        var drop: [String]
        /// Clustering only: a label column to compare the clusters with.
        var reference: String?
        /// Hyper-parameters by name as sent; the family checks them (ModelFamily.values).
        var params: [String: ParameterValue]
        /// Ensemble only: the runs to combine, and "average" or "stack".
        var members: [String]
        var ensembleMethod: String
        /// nil: the TF-IDF default (1,000 terms).
        var textMaxTerms: Int?
        /// nil or "auto": the family's own encoding.
        var categoricalEncoding: String?
        /// nil or "none": the target as it is.
        var targetTransform: String?
        /// nil or "auto": the family's own scaling of numeric columns; "standard" or "none".
        var scaling: String?
        /// nil: the dataset's default (5, or 2 above a million rows).
        var folds: Int?
        var foldScores: Bool
        var seed: UInt64

        enum Keys: String, CodingKey, CaseIterable {
            case model, hypothesis
            case datasetID = "dataset_id"
            case features, drop, reference, params, members
            case textMaxTerms = "text_max_terms"
            case categoricalEncoding = "categorical_encoding"
            case ensembleMethod = "ensemble_method"
            case targetTransform = "target_transform"
            case scaling, folds
            case foldScores = "fold_scores"
            case seed
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: Keys.self)
            model = try c.value(.model, default: "")
            hypothesis = try c.value(.hypothesis, default: "")
            datasetID = try c.decodeIfPresent(String.self, forKey: .datasetID)
            features = try c.decodeIfPresent([String].self, forKey: .features)
            drop = try c.value(.drop, default: [])
            reference = try c.decodeIfPresent(String.self, forKey: .reference)
            params = try c.value(.params, default: [:])
            members = try c.value(.members, default: [])
            ensembleMethod = try c.value(.ensembleMethod, default: "average")
            textMaxTerms = try c.decodeIfPresent(Int.self, forKey: .textMaxTerms)
            categoricalEncoding = try c.decodeIfPresent(String.self, forKey: .categoricalEncoding)
            targetTransform = try c.decodeIfPresent(String.self, forKey: .targetTransform)
            scaling = try c.decodeIfPresent(String.self, forKey: .scaling)
            folds = try c.decodeIfPresent(Int.self, forKey: .folds)
            foldScores = try c.value(.foldScores, default: false)
            seed = try c.value(.seed, default: 42)
        }
    }

    public func run(_ arguments: JSONValue, in context: ToolContext) async throws -> JSONValue {
        let args = try Arguments(arguments, tool: name)
        let d = try context.session.dataset(args.datasetID)
        guard let target = d.target else { return try Self.cluster(args, dataset: d, context: context) }
        if args.reference != nil {
            throw ToolError(
                "reference is for clustering a dataset loaded without a target; '\(d.id)' has the target '\(target.column)'. Leave reference out."
            )
        }
        try WorkflowRules.requireBaseline(before: args.model, dataset: d, context: context)
        if args.model == "ensemble" {
            return try Self.ensemble(args, dataset: d, context: context)
        }
        let excluding = try Self.excluded(
            features: args.features, drop: args.drop, dataset: d, target: target.column)
        let targetTransform = try Self.targetTransform(args.targetTransform)
        let categoricalEncoding = try Self.categoricalEncoding(args.categoricalEncoding)
        let textMaxTerms = try Self.textMaxTerms(args.textMaxTerms)
        let family = try ModelFamily.named(args.model)
        let spec = ExperimentSpec(
            target: target.column, family: family, parameters: try family.values(args.params),
            validation: .crossValidation(folds: args.folds ?? d.defaultFolds),
            seed: args.seed, excluding: excluding, groupColumn: d.groupColumn,
            targetTransform: targetTransform, categoricalEncoding: categoricalEncoding, textMaxTerms: textMaxTerms,
            standardize: try Self.standardize(args.scaling))
        let hypothesis = args.hypothesis
        let trained = try RunRecorder.train(spec, on: d, context: context)
        try Task.checkCancellation()
        let record = try RunRecorder.record(trained, dataset: d, hypothesis: hypothesis, context: context)
        let summary = RunRecorder.summary(record, dataset: d, foldScores: args.foldScores)
        guard let iterations = trained.result.iterationsFixedByTimeLimit, case .object(var out) = summary else {
            return summary
        }
        out["time_limit"] = .string(
            "max_seconds stopped the first fold after \(iterations) iterations; every fold and the final model use \(iterations)"
        )
        out["time_limited_iterations"] = .int(iterations)
        return .object(out)
    }

    /// The columns to leave out: every column but `features` when they are given, else `drop`; each name
    /// must exist (the error suggests the closest).
    static func excluded(features: [String]?, drop: [String], dataset d: LoadedDataset, target: String) throws
        -> [String]
    {
        let names = d.columnNames
        for name in drop + (features ?? []) where d.trainDataset.index(of: name) == nil {
            throw ToolError(Dataset.unknownColumnMessage(name, among: names))
        }
        if features?.contains(target) == true {
            throw ToolError("'\(target)' is the target; it cannot be a feature too. Remove it from features.")
        }
        guard let features else { return drop }
        let keep = Set(features).subtracting(drop)
        guard !keep.isEmpty else { throw ToolError("no feature is left; name at least one column in features.") }
        return names.filter { $0 != target && !keep.contains($0) }
    }

    /// The text_max_terms argument: the TF-IDF vocabulary of text columns (nil: the default, 1,000 terms).
    static func textMaxTerms(_ value: Int?) throws -> Int? {
        guard let n = value else { return nil }
        guard (10...20_000).contains(n) else {
            throw ToolError("text_max_terms must be a whole number of terms from 10 to 20000, not \(n).")
        }
        return n
    }

    /// The target_transform argument: "log" (fit on log(1 + y)), or nil for "none" or no argument.
    static func targetTransform(_ value: String?) throws -> TargetTransform? {
        guard let name = value, name != "none" else { return nil }
        guard let t = TargetTransform(rawValue: name) else {
            throw ToolError("target_transform must be \"log\" or \"none\", not '\(name)'.")
        }
        return t
    }

    /// The scaling argument: whether numeric columns are standardised ("standard"), kept as they are
    /// ("none"), or as the family's preset does (nil for "auto" or no argument).
    static func standardize(_ value: String?) throws -> Bool? {
        switch value {
        case nil, "auto": return nil
        case "standard": return true
        case "none": return false
        case let name?:
            throw ToolError("scaling must be \"standard\", \"none\" or \"auto\", not '\(name)'.")
        }
    }

    /// The categorical_encoding argument: how high-cardinality categorical columns (more than
    /// PreprocessingOptions.highCardinalityLevels levels) are encoded; nil for "auto" or no argument.
    static func categoricalEncoding(_ value: String?) throws -> CategoricalEncoding? {
        guard let name = value, name != "auto" else { return nil }
        guard let e = CategoricalEncoding(rawValue: name), [.oneHot, .frequency, .target].contains(e) else {
            throw ToolError(
                "categorical_encoding must be \"one_hot\", \"frequency\", \"target\" or \"auto\", not '\(name)'.")
        }
        return e
    }
}

/// Turns an experiment into a stored run and a summary for the model; shared by train_model and tune_model.
enum RunRecorder {
    /// One cross-validated experiment on the training rows, with its wall time and out-of-fold target.
    struct Trained {
        /// The family's name ("ensemble" for an average of runs), as the run records it.
        var model: String
        /// The overrides as text, and the preprocessing preset, for the run's preprocessing description.
        var overrides: [String: String]
        var preset: PreprocessingPreset
        var targetColumn: String
        var excluding: [String]
        var seed: UInt64
        var targetTransform: TargetTransform?
        var result: ExperimentResult
        var cv: CrossValidationResult
        /// The training rows' target, in the order of `cv.outOfFold`.
        var target: TargetValues
        var seconds: Double
        var validation: String
    }

    /// Runs `spec` on the training rows only: the sealed test rows are not in the data it sees.
    static func train(_ spec: ExperimentSpec, on d: LoadedDataset, context: ToolContext) throws -> Trained {
        let start = Date()
        context.progress("\(spec.model): cross-validation on \(d.trainRows.count) rows")
        let result = try ExperimentRunner.run(dataset: d.trainDataset, spec: spec)
        guard let cv = result.crossValidation else {
            throw ToolError("the experiment returned no cross-validation; this is a bug.")
        }
        let target = try d.trainTarget(for: result.target)
        let folds: Int = if case .crossValidation(let k) = spec.validation { k } else { 0 }
        return Trained(
            model: spec.model, overrides: spec.parameters.texts, preset: spec.family.preset,
            targetColumn: spec.target, excluding: spec.excluding, seed: spec.seed,
            targetTransform: spec.targetTransform, result: result, cv: cv, target: target,
            seconds: Date().timeIntervalSince(start),
            validation: spec.groupColumn.map { "grouped \(folds)-fold CV on '\($0)'" }
                ?? ((result.target.task.isClassification ? "stratified " : "") + "\(folds)-fold CV"))
    }

    /// Records a trained model as a run; `tuning` (the search that chose its hyper-parameters, from
    /// tune_model) is kept under `validation.tuned`, since those folds also picked the parameters;
    /// `model` replaces the fitted one (an ensemble's members).
    static func record(
        _ trained: Trained, dataset d: LoadedDataset, hypothesis: String, context: ToolContext,
        tuning: RunValue? = nil, model: TrainedModel? = nil
    ) throws -> RunRecord {
        let metric = d.metric
        let result = trained.result
        var metrics: [String: Tracking.MetricSummary] = [:]
        for (key, s) in trained.cv.summary where s.mean.isFinite {
            metrics[key] = Tracking.MetricSummary(mean: s.mean, std: s.std.isFinite ? s.std : nil)
        }
        if let ci = try? Bootstrap.interval(
            metric: metric, target: trained.target, prediction: trained.cv.outOfFold, resamples: 500, seed: 11),
            ci.low.isFinite, ci.high.isFinite
        {
            metrics[metric]?.ciLow = ci.low
            metrics[metric]?.ciHigh = ci.high
        }
        var run = RunRecord(
            dataset: DatasetInfo(
                fingerprint: d.fingerprint, rows: d.rowCount, columns: d.columnCount, path: d.path),
            target: d.target?.column, task: d.target?.task.rawValue ?? "clustering", modelFamily: trained.model,
            sessionID: context.session.id, hypothesis: hypothesis)
        run.features = d.columnNames.filter {
            $0 != trained.targetColumn && !trained.excluding.contains($0)
        }
        run.droppedColumns = trained.excluding
        // Each column's treatment and the TF-IDF settings too, so the notebook's Python can reproduce them.
        run.preprocessing = RunPreprocessing.record(
            result.pipeline.pipeline, preset: trained.preset, overrides: trained.overrides,
            highCardinalityColumns: result.pipeline.highCardinalityColumns)
        // The effective hyper-parameters, defaults included: the run can be reproduced from the record.
        run.hyperParameters = runValues(result.parameters)
        if let t = trained.targetTransform { run.hyperParameters["targetTransform"] = .string(t.rawValue) }
        run.seed = trained.seed
        run.validation = .object([
            "scheme": .string(trained.validation), "folds": .number(Double(trained.cv.folds.count)),
            "metric": .string(metric),
            "train_rows": .number(Double(d.trainRows.count)), "sealed_test_rows": .number(Double(d.testRows.count)),
        ])
        if let tuning, case .object(var validation) = run.validation {
            validation["tuned"] = tuning
            run.validation = .object(validation)
        }
        run.foldMetrics = trained.cv.folds.map(\.metrics)
        run.metrics = metrics
        run.trainingSeconds = trained.seconds
        run.promptVersion = Prompts.version
        run.model = try
            (model
            ?? TrainedModel(
                target: result.target, pipeline: result.pipeline, model: result.fitted,
                targetTransform: trained.targetTransform)).saved()
        try Task.checkCancellation()
        let stored = try context.store.insert(run)
        context.recordRun(
            RunArtifacts(runID: stored.id, datasetID: d.id, target: trained.target, outOfFold: trained.cv.outOfFold))
        return stored
    }

    /// Parameter strings as stored values: finite numbers as numbers, "true"/"false" as booleans.
    static func runValues(_ parameters: [String: String]) -> [String: RunValue] {
        parameters.mapValues { v in
            Double(v).flatMap { $0.isFinite ? RunValue.number($0) : nil }
                ?? (v == "true" ? .bool(true) : v == "false" ? .bool(false) : .string(v))
        }
    }

    /// The run's result for the model; `foldScores` adds the main metric on each validation fold.
    static func summary(_ run: RunRecord, dataset d: LoadedDataset, foldScores: Bool = false) -> JSONValue {
        var metrics: [String: JSONValue] = [:]
        let others = run.metrics.keys.sorted().filter { $0 != run.mainMetric }.prefix(4)
        metrics[run.mainMetric] = run.metricJSON(run.mainMetric, folds: foldScores)
        for key in others { metrics[key] = run.metricJSON(key) }
        return [
            "run_id": .string(run.id), "model": .string(run.modelFamily), "dataset_id": .string(d.id),
            "main_metric": .string(run.mainMetric), "metrics": .object(metrics),
            "train_seconds": .rounded(run.trainingSeconds, digits: 2), "features": .int(run.features.count),
            "dropped": .strings(run.droppedColumns), "params": .object(run.hyperParameters),
            "validation": .string(
                "\(run.validationScheme) on \(d.trainRows.count) training rows; test split untouched"),
        ]
    }
}
