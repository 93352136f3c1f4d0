// train_model with model "ensemble": the average of stored runs of this session (members: their ids),
// averaged probabilities for classes and averaged values for numbers. Its validation metrics come from
// the average of the members' out-of-fold predictions, scored on the members' own folds (the members
// must share them: same seed and fold count; grouped when the session's folds are), so it is compared on the same footing as any run; its
// stored model holds every member's pipeline and model, so `mlexp predict`, compute_metrics on the test
// split and comparisons use it like any run. No member is refitted. ensemble_method "stack" fits a
// meta-model on the members' out-of-fold predictions instead of averaging them (Stacking.swift),
// validated on the same folds with one meta-model per fold fitted on the other folds' rows.
// Leaves out: weighted averages.

import Foundation
import MLCore
import Tracking

extension TrainModelTool {
    /// Records the ensemble of `args.members` on dataset `d`.
    static func ensemble(_ args: Arguments, dataset d: LoadedDataset, context: ToolContext) throws -> JSONValue {
        guard let target = d.target else { throw ToolError("an ensemble needs a dataset loaded with a target.") }
        var ids: [String] = []
        for id in args.members where !ids.contains(id) {
            ids.append(id)
        }
        guard ids.count >= 2 else {
            throw ToolError(
                #"an ensemble needs members: the ids of two runs or more of this session, e.g. {"model": "ensemble", "members": ["r0003", "r0005"]}."#
            )
        }
        let start = Date()
        var runs: [RunRecord] = [], predictions: [Prediction] = [], models: [TrainedModel] = []
        var truth: TargetValues?
        for id in ids {
            let run = try context.store.run(id)
            guard run.dataset.fingerprint == d.fingerprint, run.target == target.column else {
                throw ToolError(
                    "run \(id) was trained on another dataset or target; ensemble runs of '\(target.column)' on dataset '\(d.id)'."
                )
            }
            guard run.modelFamily != "ensemble" else {
                throw ToolError("run \(id) is an ensemble already; name its members (single models) instead.")
            }
            guard let a = context.session.artifacts(id), a.datasetID == d.id else {
                throw ToolError(
                    "run \(id) was not trained in this session, so its out-of-fold predictions are not at hand; retrain it with train_model and ensemble the new run."
                )
            }
            if let first = runs.first, first.seed != run.seed || folds(of: first) != folds(of: run) {
                throw ToolError(
                    "runs \(first.id) and \(id) were validated on different folds (seed or fold count); ensemble runs trained with the same seed and folds."
                )
            }
            runs.append(run)
            predictions.append(a.outOfFold)
            truth = a.target
            models.append(try TrainedModel.load(try run.modelData(in: context.store)))
        }
        guard let y = truth, let k = folds(of: runs[0]) else {
            throw ToolError(
                "the members' validation is not a recorded cross-validation; ensemble runs from train_model.")
        }
        let method = args.ensembleMethod
        guard ["average", "stack"].contains(method) else {
            throw ToolError("ensemble_method must be \"average\" or \"stack\", not '\(method)'.")
        }
        let stacked = method == "stack"
        let average = try Prediction.average(predictions)
        // Stacked: the meta-model kept is fitted on every row's out-of-fold predictions.
        let model = try TrainedModel(
            ensemble: models, stacker: stacked ? try StackingModel.fit(predictions, target: y) : nil)
        let dropped = runs.dropFirst().reduce(Set(runs[0].droppedColumns)) { $0.intersection($1.droppedColumns) }
        let overrides = ["members": ids.joined(separator: " "), "method": method]
        // The members' folds (train_model's for the same seed, grouped when the session groups): each
        // validation fold is scored on the average of its rows' out-of-fold predictions.
        let labelled = try d.trainDataset.rowsWithTarget(target.column)
        let splits = try ExperimentRunner.crossValidationSplits(
            groupColumn: d.groupColumn, seed: runs[0].seed, folds: k, dataset: d.trainDataset, labelled: labelled,
            target: y)
        // Stacked, each fold's meta-model is fitted on the other folds' out-of-fold predictions only.
        let cv = try CrossValidation.run(target: y, folds: FoldRows.of(splits, rowCount: labelled.count)) {
            train, valid throws(MLError) in
            guard stacked else { return average.selecting(rows: valid) }
            let meta = try StackingModel.fit(
                predictions.map { $0.selecting(rows: train) }, target: y.selecting(rows: train))
            return try meta.predict(predictions.map { $0.selecting(rows: valid) })
        }
        let result = ExperimentResult(
            model: "ensemble", parameters: overrides, metrics: cv.summary.mapValues(\.mean), crossValidation: cv,
            fitSeconds: 0, rows: y.count, features: model.pipeline.features.count, target: model.target,
            pipeline: model.pipeline, fitted: model.model)
        let trained = RunRecorder.Trained(
            model: "ensemble", overrides: overrides, preset: ExperimentRunner.preset(for: "ensemble"),
            targetColumn: target.column, excluding: d.columnNames.filter { dropped.contains($0) }, seed: runs[0].seed,
            targetTransform: nil, result: result, cv: cv, target: y, seconds: Date().timeIntervalSince(start),
            validation: runs[0].validationScheme)
        let record = try RunRecorder.record(
            trained, dataset: d, hypothesis: args.hypothesis, context: context, model: model)
        var summary =
            RunRecorder.summary(record, dataset: d, foldScores: args.foldScores)
            .objectValue ?? [:]
        summary["members"] = .strings(ids)
        return .object(summary)
    }

    /// The fold count of a run's recorded cross-validation.
    static func folds(of run: RunRecord) -> Int? {
        if case .object(let v) = run.validation, let n = v["folds"]?.number { return Int(n) }
        return nil
    }
}
