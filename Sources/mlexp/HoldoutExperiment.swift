// The fit behind `mlexp explain`: the same experiment as `mlexp train --holdout` (MLCore's
// ExperimentRunner: 75/25 split, stratified for classes, seeded; preprocessing fitted on the
// training rows only), plus what interpretation needs beside it: the training rows as a
// TrainingSet, category level names, and per-fold refits for the importance-stability part of
// `--method limits` (ModelExplainer.foldImportances). Leaves out: run storage (explain works on a fresh fit until runs are stored).

import MLCore

struct HoldoutExperiment {
    let dataset: Dataset
    let spec: ExperimentSpec
    let result: ExperimentResult
    let train: TrainingSet
    let valid: TrainingSet
    let trainRows: [Int]

    /// Columns left out by MLCore's ColumnScreening (the rule `mlexp train` applies too), with reasons.
    let screened: [ScreenedColumn]

    init(file: String, spec given: ExperimentSpec, keep: [String] = []) throws(MLError) {
        dataset = try Dataset.load(path: file)
        screened = try ColumnScreening.screen(
            dataset: dataset, target: given.target, keep: keep, excluding: given.excluding)
        let identifiers = screened.map(\.column)
        var spec = given
        spec.excluding += identifiers
        self.spec = spec
        result = try ExperimentRunner.run(dataset: dataset, spec: spec)
        guard let validRows = result.validationRows else {
            throw MLError(.invalidInput, "explain needs a holdout experiment.")
        }
        let held = Set(validRows)
        trainRows = try dataset.rowsWithTarget(spec.target).filter { !held.contains($0) }
        train = try result.pipeline.trainingSet(dataset, target: result.target, rows: trainRows)
        valid = try result.pipeline.trainingSet(dataset, target: result.target, rows: validRows)
    }

    /// Permutation importance on each of `folds` folds of the training rows, refitting the pipeline and
    /// the model inside each fold (MLCore's ModelExplainer.foldImportances).
    func foldImportances(folds: Int, metric: String) throws(MLError) -> [ImportanceReport] {
        try ModelExplainer.foldImportances(
            dataset: dataset, spec: spec, rows: trainRows, target: result.target, folds: folds, metric: metric)
    }
}
