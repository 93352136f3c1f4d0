// The search behind tune_model: MLCore's HyperparameterSearch on a dataset's training rows, each trial
// fitting the preprocessing and the model inside the fold (as ExperimentRunner does), on the folds
// ExperimentRunner draws for the same seed, so a full-resource trial scores what its run would.
// Leaves out: recording (the tool records the best configuration as a run).

import MLCore

enum TuneSearch {
    /// A key of the space that is no hyper-parameter: the scaling of numeric columns ("standard" or "none",
    /// as train_model's scaling argument), so one search compares distances on raw and standardised values.
    static let scalingKey = "scaling"

    /// Successive halving rounds start on at least this many training rows per fold.
    static let minRows = 100.0

    /// Searches `space` for `spec`'s family (its parameters are ignored, its target, folds, seed and
    /// excluded columns kept); `budget` is in seconds; `maxTrials` caps the trials as the budget would.
    static func run(
        _ spec: ExperimentSpec, space: SearchSpace, on dataset: Dataset, metric: String, candidates: Int, halving: Bool,
        budget: Double, maxTrials: Int? = nil
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
            let fitted = try estimator.fit(TrainingSet(x: x, y: truth))
            return try fitted.predict(try fp.transform(dataset, rows: valid.map { labelled[$0] }))
        }
        guard halving else {
            return try HyperparameterSearch.random(
                space: space, candidates: candidates, metric: metric, target: y, folds: folds, timeBudget: budget,
                maxTrials: maxTrials, seed: spec.seed,
                fitPredict: fitPredict)
        }
        // MLCore's default first round (1/3^rounds of the rows) is tiny on small tables: start on >= minRows.
        let foldRows = Double(folds.map(\.train.count).min() ?? 0)
        var rounds = 0, n = candidates
        while n > 1 { n = (n + 2) / 3; rounds += 1 }
        let first = 1 / pow3(rounds)
        return try HyperparameterSearch.successiveHalving(
            space: space, candidates: candidates, metric: metric, target: y, folds: folds, factor: 3,
            minResource: foldRows * first < minRows ? min(1, minRows / max(foldRows, 1)) : nil, timeBudget: budget,
            maxTrials: maxTrials,
            seed: spec.seed,
            fitPredict: fitPredict)
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

    private static func pow3(_ n: Int) -> Double { (0..<n).reduce(1.0) { r, _ in r * 3 } }
}
