// The learning curve of one experiment: MLCore's LearningCurve on the folds ExperimentRunner draws for
// the spec's seed (stratified k-fold for classes, or the spec's holdout as one fold), the preprocessing
// and the model (the spec's family and overrides) refitted on each training subset, as a run would be.
// explain_model and `mlexp explain --method learning-curve` call this. Leaves out: clustering (no
// target to score) and the separate-test scheme (the curve is for training rows only).

extension ExperimentRunner {
    /// Train and validation `metric` at each fraction of every fold's training rows of `dataset`.
    public static func learningCurve(
        dataset: Dataset, spec: ExperimentSpec, metric: String, fractions: [Double] = [0.1, 0.25, 0.5, 0.75, 1]
    ) throws(MLError) -> LearningCurveResult {
        guard spec.family != .kmeans else {
            throw MLError(
                .invalidInput,
                "A learning curve scores predictions against a target; kmeans has none. Pick a supervised run.")
        }
        let estimator = try spec.estimator()
        let target = try TargetSpec(dataset: dataset, column: spec.target)
        let labelled = try dataset.rowsWithTarget(spec.target)
        let pipeline = try self.pipeline(spec, dataset: dataset)
        let y = try target.values(in: dataset, rows: labelled)
        let splits: [TrainTestIndices]
        switch spec.validation {
        case .crossValidation(let k):
            splits = try Folds.make(target: y, k: k, seed: spec.seed)
        case .holdout(let fraction):
            if case .classes(let labels, _) = y {
                splits = [try Split.stratifiedHoldout(labels: labels, testFraction: fraction, seed: spec.seed)]
            } else {
                splits = [try Split.holdout(count: labelled.count, testFraction: fraction, seed: spec.seed)]
            }
        case .separateTest, .refit:
            throw MLError(
                .invalidInput,
                "A learning curve is drawn on training rows; use cross-validation or a holdout, not a separate test set or a refit."
            )
        }
        let folds = FoldRows.of(splits, rowCount: labelled.count)
        return try LearningCurve.compute(target: y, folds: folds, metric: metric, fractions: fractions, seed: spec.seed)
        {
            train, evaluate throws(MLError) in
            let rows = train.map { labelled[$0] }
            let truth = try target.values(in: dataset, rows: rows)
            let fp = try pipeline.fit(dataset, rows: rows, target: truth)
            let x = try fp.transform(
                dataset, rows: rows, replacing: try fp.crossFitted(dataset, rows: rows, target: truth, seed: spec.seed))
            let fitted = try estimator.fit(TrainingSet(x: x, y: truth))
            return try evaluate.map { (part: [Int]) throws(MLError) -> Prediction in
                try fitted.predict(try fp.transform(dataset, rows: part.map { labelled[$0] }))
            }
        }
    }
}
