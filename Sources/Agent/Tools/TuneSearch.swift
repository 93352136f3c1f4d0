// The search behind tune_model: MLCore's HyperparameterSearch on a dataset's training rows, each trial
// fitting the preprocessing and the model inside the fold (as ExperimentRunner does, a log target too), on the folds
// ExperimentRunner draws for the same seed, so a full-resource trial scores what its run would.
// Leaves out: recording (the tool records the best configuration as a run).

import MLCore

enum TuneSearch {
    /// A key of the space that is no hyper-parameter: the scaling of numeric columns ("standard" or "none",
    /// as train_model's scaling argument), so one search compares distances on raw and standardised values.
    static let scalingKey = "scaling"

    /// Successive halving's first round fits on at least this many training rows per fold (tune_model's
    /// `min_rows`, default): on fewer, configurations are ranked by what suits a small sample (flights: the
    /// best of 18 on 2,300 rows scored 0.017 AUC under the defaults on 61,000; `halvingSchedule`).
    static let minRows = 3000

    /// Searches `space` for `spec`'s family (its parameters are ignored, its target, folds, seed and
    /// excluded columns kept); `budget` is in seconds; `maxTrials` caps the trials as the budget would; `minRows` is
    /// halving's floor of training rows per fold in its first round.
    static func run(
        _ spec: ExperimentSpec, space: SearchSpace, including: [[String: ParameterValue]] = [], on dataset: Dataset,
        metric: String, candidates: Int, halving: Bool, budget: Double, maxTrials: Int? = nil, minRows: Int = minRows
    ) throws -> SearchResult {
        guard case .crossValidation(let k) = spec.validation else { throw ToolError("tuning needs cross-validation.") }
        let target = try TargetSpec(dataset: dataset, column: spec.target)
        let labelled = try dataset.rowsWithTarget(spec.target)
        let y = try target.values(in: dataset, rows: labelled)
        let base = try ExperimentRunner.pipeline(spec, dataset: dataset)
        let folds = FoldRows.of(
            try ExperimentRunner.crossValidationSplits(spec, folds: k, dataset: dataset, labelled: labelled, target: y),
            rowCount: labelled.count)
        let family = spec.family
        // Each trial's fold is posted as progress by HyperparameterSearch ("trial i of m, fold k of n").
        let fitPredict: HyperparameterSearch.FitPredict = { trial, train, valid throws(MLError) in
            try Cancellation.check()
            var parameters = trial, pipeline = base
            if let scaling = parameters.removeValue(forKey: scalingKey) {
                pipeline.options.standardize = try standardize(scaling)
            }
            let estimator = try family.make(family.values(parameters), seed: spec.seed)
            let rows = train.map { labelled[$0] }
            let truth = try target.values(in: dataset, rows: rows)
            let fp = try pipeline.fit(dataset, rows: rows, target: truth)
            let x = try fp.transform(
                dataset, rows: rows, replacing: try fp.crossFitted(dataset, rows: rows, target: truth, seed: spec.seed))
            // A transformed target (log) is fitted on, and the prediction scored back on the target's scale.
            let fitted = try estimator.fit(TrainingSet(x: x, y: try spec.targetTransform?.forward(truth) ?? truth))
            let p = try fitted.predict(try fp.transform(dataset, rows: valid.map { labelled[$0] }))
            return spec.targetTransform?.inverse(p) ?? p
        }
        guard halving else {
            return try HyperparameterSearch.random(
                space: space, candidates: candidates, including: including, metric: metric, target: y, folds: folds,
                timeBudget: budget,
                maxTrials: maxTrials, seed: spec.seed,
                fitPredict: fitPredict)
        }
        return try HyperparameterSearch.successiveHalving(
            space: space, candidates: candidates, including: including, metric: metric, target: y, folds: folds,
            factor: 3,
            minRows: minRows, timeBudget: budget, maxTrials: maxTrials, seed: spec.seed, fitPredict: fitPredict)
    }

    /// A space's scaling value as PreprocessingOptions.standardize would take it.
    private static func standardize(_ value: ParameterValue) throws(MLError) -> Bool {
        switch value.text {
        case "standard": return true
        case "none": return false
        default:
            throw MLError(.invalidParameter, "scaling in space takes \"standard\" or \"none\", not '\(value.text)'.")
        }
    }
}
