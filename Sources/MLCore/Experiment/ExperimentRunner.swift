// Runs one experiment end to end: resolve the target, choose the preprocessing preset for the
// family (scaling for linear and distance models, native codes and NaN for trees), split, fit the
// pipeline and the model on training rows only (on the transformed target when the spec has a
// target transform, every prediction brought back to the target's scale), predict held-out rows, and score them with the
// standard metrics. The model's fit is timed alone. `mlexp train` and train_model call this.
// Leaves out: recording runs (Tracking) and the sealed test split (the agent's session owns it).

import Foundation

public enum ExperimentRunner {
    /// The preprocessing preset a family needs.
    /// (Linear for a name that is no family, such as an ensemble of runs.)
    public static func preset(for model: String) -> PreprocessingPreset {
        ModelFamily.all.first { $0.name == model }?.preset ?? .linear
    }

    /// The preprocessing of `spec` on `dataset`: the family's preset, its excluded columns, its
    /// encoding of high-cardinality categorical columns, and its scaling when it overrides the preset's.
    public static func pipeline(_ spec: ExperimentSpec, dataset: Dataset) throws(MLError) -> Pipeline {
        var pipeline = try Pipeline(
            dataset: dataset, target: spec.target, excluding: spec.excluding, preset: spec.family.preset)
        pipeline.options.highCardinality = spec.categoricalEncoding
        if let terms = spec.textMaxTerms { pipeline.options.tfidfMaxFeatures = terms }
        if let standardize = spec.standardize { pipeline.options.standardize = standardize }
        return pipeline
    }

    /// The folds of `spec` over `labelled` (positions into it): grouped by `spec.groupColumn` when set
    /// (GroupKFold), else stratified for classes, else shuffled k-fold; seeded by `spec.seed`.
    public static func crossValidationSplits(
        _ spec: ExperimentSpec, folds: Int, dataset: Dataset, labelled: [Int], target y: TargetValues
    ) throws(MLError) -> [TrainTestIndices] {
        try crossValidationSplits(
            groupColumn: spec.groupColumn, seed: spec.seed, folds: folds, dataset: dataset, labelled: labelled,
            target: y)
    }

    /// The folds over `labelled` for a group column (or none) and a seed, as `crossValidationSplits(_:…)`.
    public static func crossValidationSplits(
        groupColumn: String?, seed: UInt64, folds: Int, dataset: Dataset, labelled: [Int], target y: TargetValues
    ) throws(MLError) -> [TrainTestIndices] {
        if let name = groupColumn {
            let column = try dataset.column(named: name)
            guard let codes = EntityGroups.codes(column) else {
                throw MLError(
                    .invalidParameter,
                    "'\(name)' is \(column.kind.rawValue); grouped folds need a categorical or integer column.")
            }
            return try Folds.make(target: y, k: folds, seed: seed, groups: labelled.map { codes[$0] })
        }
        return try Folds.make(target: y, k: folds, seed: seed)
    }

    /// Runs `spec` on `dataset` (and on `test` for `.separateTest`).
    public static func run(dataset: Dataset, test: Dataset? = nil, spec: ExperimentSpec) throws(MLError)
        -> ExperimentResult
    {
        var estimator = try spec.estimator()
        let requested = estimator.parameters
        let isClustering = spec.family == .kmeans
        let target = try TargetSpec(dataset: dataset, column: spec.target)
        let labelled = try dataset.rowsWithTarget(spec.target)
        let pipeline = try self.pipeline(spec, dataset: dataset)
        // The labelled rows' target, for the splits and the folds' scores only (computed where needed, so a
        // million-row copy does not stay alive through the final fit).
        func labelledTarget() throws(MLError) -> TargetValues { try target.values(in: dataset, rows: labelled) }

        func fitOn(_ rows: [Int]) throws(MLError) -> (FittedPipeline, AnyFittedModel, Double, Int) {
            var truth: TargetValues =
                isClustering ? .none(rows: rows.count) : try target.values(in: dataset, rows: rows)
            let fp = try pipeline.fit(dataset, rows: rows, target: isClustering ? nil : truth)
            // Target encodings the model is fitted on are cross-fitted within these rows.
            let crossFitted =
                isClustering ? [:] : try fp.crossFitted(dataset, rows: rows, target: truth, seed: spec.seed)
            if let t = spec.targetTransform { truth = try t.forward(truth) }
            // Gradient boosting bins the columns itself: no dense copy of the table while it fits.
            let x: FeatureInput =
                estimator.fitsOnColumns
                ? .columns(try fp.columns(dataset, rows: rows, replacing: crossFitted))
                : .matrix(try fp.transform(dataset, rows: rows, replacing: crossFitted))
            let start = DispatchTime.now().uptimeNanoseconds
            let fitted = try estimator.fit(x, y: truth)
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            // A time limit sets the model size once; the other folds and the final fit reuse it.
            if let fixed = estimator.fixed(at: fitted) { estimator = fixed }
            return (fp, fitted, seconds, fp.features.count)
        }
        // The model's prediction on the target's own scale (the transform undone).
        func predict(_ fitted: AnyFittedModel, _ x: FeatureMatrix) throws(MLError) -> Prediction {
            let p = try fitted.predict(x)
            return spec.targetTransform?.inverse(p) ?? p
        }
        func score(_ truth: TargetValues, _ p: Prediction, _ x: FeatureMatrix, _ fitted: AnyFittedModel) throws(MLError)
            -> [String: Double]
        {
            var m = try Metrics.evaluate(target: truth, prediction: p)
            if let km = fitted.model as? FittedKMeans, case .clusters(let labels) = p {
                let k = km.parameters.nClusters, f = km.features.count
                let centers = (0..<k).map { Array(km.centers[($0 * f)..<(($0 + 1) * f)]) }
                if let v = try? Metrics.inertia(x, labels: labels, centers: centers) { m["inertia"] = v }
                if x.rows <= 5_000, let v = try? Metrics.silhouette(x, labels: labels) { m["silhouette"] = v }
            }
            return m
        }

        switch spec.validation {
        case .holdout(let fraction):
            guard fraction > 0 && fraction < 1 else {
                throw MLError(.invalidParameter, "The holdout fraction must be in (0, 1), e.g. 0.2; got \(fraction).")
            }
            let split: TrainTestIndices
            if case .classes(let labels, _) = try labelledTarget() {
                split = try Split.stratifiedHoldout(labels: labels, testFraction: fraction, seed: spec.seed)
            } else {
                split = try Split.holdout(count: labelled.count, testFraction: fraction, seed: spec.seed)
            }
            let trainRows = split.train.map { labelled[$0] }, validRows = split.test.map { labelled[$0] }
            let (fp, fitted, seconds, f) = try fitOn(trainRows)
            let x = try fp.transform(dataset, rows: validRows)
            let p = try predict(fitted, x)
            let metrics = try score(try target.values(in: dataset, rows: validRows), p, x, fitted)
            return ExperimentResult(
                model: spec.model, parameters: estimator.parameters, requestedParameters: requested, metrics: metrics,
                crossValidation: nil,
                fitSeconds: seconds,
                rows: trainRows.count, features: f, target: target, pipeline: fp, fitted: fitted,
                validationRows: validRows,
                validationPrediction: p)
        case .separateTest:
            guard let test else {
                throw MLError(.invalidInput, "A separate-test experiment needs the test dataset; pass --test FILE.")
            }
            let (fp, fitted, seconds, f) = try fitOn(labelled)
            let testRows = try test.rowsWithTarget(spec.target)
            let x = try fp.transform(test, rows: testRows)
            let p = try predict(fitted, x)
            let metrics = try score(try target.values(in: test, rows: testRows), p, x, fitted)
            return ExperimentResult(
                model: spec.model, parameters: estimator.parameters, requestedParameters: requested, metrics: metrics,
                crossValidation: nil,
                fitSeconds: seconds,
                rows: labelled.count, features: f, target: target, pipeline: fp, fitted: fitted, validationRows: nil,
                validationPrediction: nil)
        case .refit:
            ProgressReport.post(.finalFit(rows: labelled.count))
            let (fp, fitted, seconds, f) = try fitOn(labelled)
            return ExperimentResult(
                model: spec.model, parameters: estimator.parameters, requestedParameters: requested, metrics: [:],
                crossValidation: nil, fitSeconds: seconds, rows: labelled.count, features: f, target: target,
                pipeline: fp, fitted: fitted, validationRows: nil, validationPrediction: nil)
        case .crossValidation(let folds):
            let cv = try crossValidate(folds)
            ProgressReport.post(.finalFit(rows: labelled.count))
            let (fp, fitted, seconds, f) = try fitOn(labelled)
            return ExperimentResult(
                model: spec.model, parameters: estimator.parameters, requestedParameters: requested,
                metrics: cv.summary.mapValues(\.mean),
                crossValidation: cv,
                fitSeconds: seconds, rows: labelled.count, features: f, target: target, pipeline: fp, fitted: fitted,
                validationRows: nil, validationPrediction: nil)
        }

        // The folds' row lists (folds × labelled rows of Int) live only while the folds run, not through the
        // final fit: at millions of rows they weigh as much as several columns.
        func crossValidate(_ folds: Int) throws(MLError) -> CrossValidationResult {
            let y = try labelledTarget()
            // Held as validation lists: each fold's training list is made while that fold runs.
            let foldRows = FoldRows.of(
                try crossValidationSplits(spec, folds: folds, dataset: dataset, labelled: labelled, target: y),
                rowCount: labelled.count)
            // Positions into `labelled` as dataset rows; when every row is labelled (a session's training
            // part) they are the same list, and no fold-sized copy is made.
            let everyRow = labelled.count == dataset.rowCount
            let rows = { (positions: [Int]) in everyRow ? positions : positions.map { labelled[$0] } }
            return try CrossValidation.run(target: y, folds: foldRows) { train, valid throws(MLError) in
                // The baseline reads no input: its folds skip the preprocessing (fit and transform of every
                // column), which at a million rows cost many times its fit. The stored model below is fitted
                // behind the real pipeline, so it predicts and explains like any other.
                if estimator.ignoresFeatures {
                    // One constant column stands for the inputs (the baseline wants at least one, and reads none).
                    let none = { (n: Int) in
                        FeatureMatrix(
                            rows: n, features: [FeatureInfo(name: "constant")], values: [Double](repeating: 0, count: n)
                        )
                    }
                    let truth = try target.values(in: dataset, rows: rows(train))
                    return try estimator.fit(.matrix(none(train.count)), y: truth).predict(none(valid.count))
                }
                let (fp, fitted, _, _) = try fitOn(rows(train))
                return try predict(fitted, try fp.transform(dataset, rows: rows(valid)))
            }
        }
    }
}
