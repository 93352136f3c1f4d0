// The fit behind `mlexp explain`: the same experiment as `mlexp train --holdout` (MLCore's
// ExperimentRunner: 75/25 split, stratified for classes, seeded; preprocessing fitted on the
// training rows only), plus what interpretation needs beside it: the training rows as a
// TrainingSet, category level names, and per-fold refits for the importance-stability part of
// `--method limits`. Leaves out: run storage (explain works on a fresh fit until runs are stored).

import MLCore

struct HoldoutExperiment {
    let dataset: Dataset
    let spec: ExperimentSpec
    let result: ExperimentResult
    let train: TrainingSet
    let valid: TrainingSet
    let trainRows: [Int]

    /// Columns left out because they identify rows rather than describe them: constant and ID-like columns
    /// (the data profile says drop them) and free text unique in ≥ 95 % of rows (names, ticket numbers),
    /// whose tokens a model would memorise. `keep` overrides the rule.
    let identifiers: [String]

    init(file: String, spec given: ExperimentSpec, keep: [String] = []) throws(MLError) {
        dataset = try Dataset.load(path: file)
        let profile = try DataProfile(dataset: dataset, target: given.target)
        var ids = profile.warnings.filter { ($0.kind == .idLike || $0.kind == .constant) && $0.action == .dropColumn }.compactMap(\.column)
        for (c, p) in zip(dataset.columns, profile.columns) where c.kind == .text && c.name != given.target {
            if Double(p.distinct) >= 0.95 * Double(max(dataset.rowCount - p.missing, 1)) { ids.append(c.name) }
        }
        identifiers = ids.filter { !keep.contains($0) && !given.excluding.contains($0) }
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

    /// Permutation importance on each of `folds` (stratified) folds of the training rows, refitting the
    /// pipeline and the model inside each fold.
    func foldImportances(folds: Int, metric: String) throws(MLError) -> [ImportanceReport] {
        var overrides = spec.parameters
        if ModelRegistry.parameters(of: spec.model).contains(where: { $0.name == "seed" }), overrides["seed"] == nil {
            overrides["seed"] = String(spec.seed)
        }
        let estimator = try ModelRegistry.make(spec.model, parameters: overrides)
        let pipeline = try Pipeline(dataset: dataset, target: spec.target, excluding: spec.excluding,
                                    preset: ExperimentRunner.preset(for: spec.model))
        let parts: [TrainTestIndices]
        if case .classes(let labels, _) = train.y {
            parts = try StratifiedKFold(folds: folds, seed: spec.seed).split(labels: labels)
        } else {
            parts = try KFold(folds: folds, seed: spec.seed).split(count: train.rows)
        }
        var out: [ImportanceReport] = []
        for p in parts {
            let fold = p.mapped(to: trainRows)
            let fp = try pipeline.fit(dataset, rows: fold.train)
            let m = try estimator.fit(try fp.trainingSet(dataset, target: result.target, rows: fold.train))
            let v = try fp.trainingSet(dataset, target: result.target, rows: fold.test)
            out.append(try ModelExplainer.permutation(m, v, metric, 3, spec.seed))
        }
        return out
    }
}
