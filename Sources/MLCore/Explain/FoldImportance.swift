// Permutation importance on each cross-validation fold of an experiment's training rows, with the
// pipeline and the model refitted inside each fold: how stable the ranking is (ModelLimits reads it).
// Leaves out: the holdout fit itself (ExperimentRunner) and the summary of instability (ModelLimits).

extension ModelExplainer {
    /// Permutation importance (3 repeats) of `spec`'s model refitted on each of `folds` folds of `rows`.
    /// - Parameters:
    ///   - rows: the training rows (dataset row indices) the folds are cut from.
    ///   - target: the target as the experiment encoded it (its classes in the same order).
    public static func foldImportances(
        dataset: Dataset, spec: ExperimentSpec, rows: [Int], target: TargetSpec, folds: Int, metric: String
    ) throws(MLError) -> [ImportanceReport] {
        let estimator = try spec.estimator()
        let pipeline = try ExperimentRunner.pipeline(spec, dataset: dataset)
        let y = try target.values(in: dataset, rows: rows)
        var out: [ImportanceReport] = []
        for part in try Folds.make(target: y, k: folds, seed: spec.seed) {
            let fold = part.mapped(to: rows)
            let fitted = try pipeline.fit(dataset, rows: fold.train)
            let model = try estimator.fit(try fitted.trainingSet(dataset, target: target, rows: fold.train))
            let valid = try fitted.trainingSet(dataset, target: target, rows: fold.test)
            out.append(try permutation(model, valid, metric, 3, spec.seed))
        }
        return out
    }
}
