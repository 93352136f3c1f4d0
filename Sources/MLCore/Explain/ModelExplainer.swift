// One entry point to interpret a fitted model of any family on validation rows, as the CLI's
// `mlexp explain` and the agent's `explain_model` tool both need: permutation importance, native
// importance (split gain for trees, standardized coefficients for linear models), TreeSHAP,
// partial dependence of the top inputs, error analysis, and the limits summary. Every report is
// Codable. Leaves out: fitting (the caller fits the pipeline and the model on training rows).

/// The interpretations `ModelExplainer` offers.
public enum ExplainMethod: String, Sendable, Codable, CaseIterable {
    case permutation, gain, shap, pdp, errors, limits
}

/// What an explanation found; the parts that the method did not compute are nil.
public struct ExplainReport: Sendable, Codable, Equatable {
    /// Global importance, best first (permutation, gain / coefficient, or mean |SHAP|).
    public var importance: ImportanceReport?
    public var method: String
    public var model: String
    public var validationRows: Int
    /// Validation metrics of the model, for context.
    public var metrics: [String: Double]
    /// SHAP expected raw output per output (shap only).
    public var shapExpected: [Double]?
    public var partialDependence: [PartialDependenceResult]?
    public var errors: ErrorAnalysisResult?
    public var limits: ModelLimitsResult?
    /// Plain sentences summarising the finding.
    public var notes: [String]
    /// Dataset columns the caller left out of the features, and so of the explanation.
    public var excludedColumns: [String]?
}

/// The inputs of an explanation: the fitted model, its training and validation rows (already transformed).
public struct ExplainInput: Sendable {
    public var model: AnyFittedModel
    public var train: TrainingSet
    public var valid: TrainingSet
    /// Names of the codes of native categorical features, by feature name.
    public var levelNames: [String: [String]]
    /// The target's name, for sentences ("predicted survived").
    public var targetName: String
    /// The same importance measured on each CV fold, for the stability part of `limits`.
    public var foldImportances: [ImportanceReport]
    /// How to show features in the dataset's units (slices, worst cases, ranges, PD grids).
    public var units: OriginalUnits
    /// Predictions of `valid` made by models that did not train on those rows (a cross-validated run's
    /// out-of-fold predictions), used instead of `model`'s own for the metrics, errors and limits;
    /// importance and effects still probe `model`. Nil: `model` predicts `valid`.
    public var heldOutPrediction: Prediction?
    /// The permutation importance of `model` on `valid`, when already measured (by `.permutation`): `.pdp`
    /// and `.limits` reuse it when its metric and repeats are the ones they would measure with.
    public var permutationImportance: ImportanceReport?

    public init(
        model: AnyFittedModel, train: TrainingSet, valid: TrainingSet, levelNames: [String: [String]] = [:],
        targetName: String = "target", foldImportances: [ImportanceReport] = [], units: OriginalUnits = .init()
    ) {
        self.model = model; self.train = train; self.valid = valid; self.levelNames = levelNames
        self.targetName = targetName; self.foldImportances = foldImportances; self.units = units
    }

    /// The input of a model fitted behind `pipeline`: level names and original units come from the pipeline.
    public init(
        model: AnyFittedModel, pipeline: FittedPipeline, train: TrainingSet, valid: TrainingSet,
        targetName: String, foldImportances: [ImportanceReport] = []
    ) {
        var names: [String: [String]] = [:]
        for case .codes(let column, let levels, let other, _) in pipeline.steps {
            for f in pipeline.features where f.sourceColumn == column {
                names[f.name] = levels + (other ? ["other"] : [])
            }
        }
        self.init(
            model: model, train: train, valid: valid, levelNames: names, targetName: targetName,
            foldImportances: foldImportances, units: OriginalUnits(pipeline: pipeline))
    }
}

public enum ModelExplainer {
    /// Interprets `input.model` by `method`.
    /// - Parameters:
    ///   - metric: the score permutation importance drops (default: the task's, roc_auc for binary).
    ///   - repeats: permutation repeats.
    ///   - maxShapRows: TreeSHAP explains at most this many validation rows (a seeded sample).
    public static func explain(
        _ input: ExplainInput, method: ExplainMethod, metric: String? = nil, repeats: Int = 10, seed: UInt64 = 0,
        maxShapRows: Int = 2000
    ) throws(MLError) -> ExplainReport {
        let model = input.model, valid = input.valid
        if let p = input.heldOutPrediction, p.count != valid.rows {
            throw MLError(.shapeMismatch, "\(p.count) held-out predictions for \(valid.rows) rows to explain.")
        }
        let prediction: Prediction
        if let p = input.heldOutPrediction { prediction = p } else { prediction = try model.predict(valid.x) }
        let metrics = try Metrics.evaluate(target: valid.y, prediction: prediction)
        var report = ExplainReport(
            importance: nil, method: method.rawValue, model: model.family, validationRows: valid.rows,
            metrics: metrics, notes: [])
        let key = metric ?? Metrics.defaultKey(for: valid.y.task)
        switch method {
        case .permutation:
            let r = try measured(input, key, repeats, seed)
            report.importance = r
            report.notes = topSentence(r, "shuffling it lowers \(key) by")
        case .gain:
            let r = try native(model, input.train.x)
            report.importance = r
            report.notes = topSentence(
                r,
                r.method == "gain" ? "its splits reduce the loss by" : "one standard deviation moves the raw output by")
        case .shap:
            guard let ensemble = model.treeEnsemble else {
                throw MLError(
                    .unsupported,
                    "TreeSHAP needs a tree model (tree, random_forest, gbdt); '\(model.family)' is not one. Use --method permutation for any model."
                )
            }
            var rows = Array(0..<valid.rows)
            if rows.count > maxShapRows {
                var rng = SeededGenerator(seed: seed, stream: 0x5A)
                rows.shuffle(using: &rng)
                rows = Array(rows.prefix(maxShapRows)).sorted()
            }
            let x = valid.x.selecting(rows: rows)
            let sv = try TreeSHAP.explain(trees: ensemble.trees, combination: ensemble.treeCombination, x: x)
            let r = ModelImportance.shap(sv, features: x.features)
            report.importance = r
            report.shapExpected = sv.expected
            report.notes = topSentence(r, "it moves the raw output by, on average,")
        case .pdp:
            let r = try measured(input, key, min(repeats, 5), seed)
            report.importance = r
            let positive = Self.outputClass(valid.y)
            let outputLabel = "predicted \(input.targetName)" + (positive.map { " (p(\($0)))" } ?? "")
            var curves: [PartialDependenceResult] = []
            let top = r.features.prefix(3)
            for f in top where !input.units.textColumns.contains(f.name) {
                curves.append(
                    try PartialDependence.compute(
                        x: valid.x, feature: f.name, output: 1, outputLabel: outputLabel,
                        outputTarget: input.targetName,
                        outputClass: positive, seed: seed, levelNames: input.levelNames,
                        units: input.units
                    ) { (m: FeatureMatrix) throws(MLError) -> Prediction in try model.predict(m) })
            }
            report.partialDependence = curves
            report.notes = curves.map(\.sentence)
            for f in top where input.units.textColumns.contains(f.name) {
                report.notes.append(
                    "\(f.name) is free text (TF-IDF terms): its effect is spread over words, so it has no single direction; permutation importance measures it as a whole."
                )
            }
        case .errors:
            let e = try ErrorAnalysis.analyze(
                x: input.units.view(valid.x), target: valid.y, prediction: prediction, levelNames: input.levelNames)
            report.errors = e
            report.notes = e.slices.prefix(3).filter { $0.gap > 0 }.map {
                "\($0.feature) \($0.slice): \(e.metric) \(PartialDependence.short($0.score)) on \($0.support) rows vs \(PartialDependence.short(e.overall)) overall."
            }
            if let ece = e.ece { report.notes.append("Expected calibration error: \(PartialDependence.short(ece)).") }
        case .limits:
            let shown = input.units.view(valid.x)
            let e = try ErrorAnalysis.analyze(
                x: shown, target: valid.y, prediction: prediction, levelNames: input.levelNames)
            let r = try measured(input, key, min(repeats, 5), seed)
            report.importance = r
            report.errors = e
            let limits = ModelLimits.summarize(
                trainX: input.units.view(input.train.x), evaluatedX: shown, errors: e,
                foldImportances: input.foldImportances, importance: r,
                score: metrics[key], metric: key, trainTarget: input.train.y, evaluatedTarget: valid.y,
                prediction: prediction)
            report.limits = limits
            report.notes = limits.statements
        }
        return report
    }

    /// Permutation importance of any fitted model.
    public static func permutation(
        _ model: AnyFittedModel, _ valid: TrainingSet, _ key: String, _ repeats: Int, _ seed: UInt64
    ) throws(MLError) -> ImportanceReport {
        try PermutationImportance.compute(x: valid.x, y: valid.y, metric: key, repeats: repeats, seed: seed) {
            (m: FeatureMatrix) throws(MLError) -> Prediction in try model.predict(m)
        }
    }

    /// The input's permutation importance when it was measured with this metric and these repeats, else measured.
    static func measured(_ input: ExplainInput, _ key: String, _ repeats: Int, _ seed: UInt64) throws(MLError)
        -> ImportanceReport
    {
        if let r = input.permutationImportance, r.metric == key, r.repeats == repeats { return r }
        return try permutation(input.model, input.valid, key, repeats, seed)
    }

    /// Split gain for tree models, standardized coefficients for linear ones.
    public static func native(_ model: AnyFittedModel, _ trainX: FeatureMatrix) throws(MLError) -> ImportanceReport {
        if let ensemble = model.treeEnsemble {
            return try ModelImportance.trees(ensemble.trees, features: ensemble.features)
        }
        switch model.model {
        case let m as FittedLinearRegression:
            return try ModelImportance.standardizedCoefficients(
                m.coefficients, outputs: 1, features: m.features, x: trainX)
        case let m as FittedLogisticRegression:
            return try ModelImportance.standardizedCoefficients(
                m.coefficients, outputs: m.intercepts.count, features: m.features, x: trainX)
        default:
            throw MLError(
                .unsupported,
                "'\(model.family)' has no native importance (only trees and linear models do). Use --method permutation, which works for every model."
            )
        }
    }

    /// The class whose probability partial dependence shows (the second: the positive one of a binary target).
    static func outputClass(_ y: TargetValues) -> String? {
        guard case .classes(_, let names) = y, names.count >= 2 else { return nil }
        return names[1]
    }

    static func topSentence(_ r: ImportanceReport, _ how: String) -> [String] {
        r.features.prefix(3).map { "\($0.name): \(how) \(PartialDependence.short($0.importance))." }
    }
}
