// finalize_model: the chosen configuration refitted on every labelled row of its dataset, the sealed
// test rows included, as the model to use on new data. Allowed only once that run's sealed test score is
// recorded: the choice is then made and its estimate taken, so the refit cannot tune on the test rows,
// and the model it yields has seen a quarter more rows (on a small table a learning curve still
// climbing). The new run records `refit_of`, keeps its parent's validation figures (the configuration's),
// and names the parent's test score as its estimate; compute_metrics answers for it with that score. An
// ensemble is refitted member by member, a stacked one keeping its meta-model (fitted on the members'
// out-of-fold predictions). Leaves out: clustering runs, and refitting a refit.

import Foundation
import MLCore
public import Tracking

/// Refits a run with a recorded test evaluation on all of its dataset's labelled rows.
public struct FinalizeModelTool: AgentTool {
    public let name = "finalize_model"
    public init() {}

    struct Arguments: ToolArguments {
        var runID: String

        enum Keys: String, CodingKey, CaseIterable {
            case runID = "run_id"
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: Keys.self)
            runID = try c.value(.runID, default: "")
        }
    }

    public func run(_ arguments: JSONValue, in context: ToolContext) async throws -> JSONValue {
        let args = try Arguments(arguments, tool: name)
        let parent = try context.store.run(args.runID)
        guard let target = parent.target, parent.task != TaskKind.clustering.rawValue else {
            throw ToolError("run \(parent.id) is a clustering; only a supervised run is refitted as a final model.")
        }
        if let of = parent.refitOf {
            throw ToolError("run \(parent.id) is already the final refit of \(of); use it as it is.")
        }
        guard let estimate = try context.store.testEvaluations(runID: parent.id).first else {
            throw ToolError(
                "run \(parent.id) has no sealed test score yet: choose the run on validation, evaluate it once with compute_metrics (split \"test\"), then finalize it. Its test score is the final model's estimate."
            )
        }
        let d = try DatasetLookup.dataset(of: parent, in: context)
        let start = Date()
        let all = try d.trainDataset.appending(try d.testDataset())
        context.progress("\(parent.modelFamily): the final fit on all \(all.rowCount) rows")
        let model = try Self.refit(parent, target: target, on: all, store: context.store)
        try Task.checkCancellation()
        var run = RunRecord(
            dataset: parent.dataset, target: target, task: parent.task, modelFamily: parent.modelFamily,
            sessionID: context.session.id,
            hypothesis: "The configuration of \(parent.id), refitted on every labelled row for use on new data.")
        run.features = parent.features
        run.droppedColumns = parent.droppedColumns
        run.preprocessing = parent.preprocessing
        run.hyperParameters = parent.hyperParameters
        run.seed = parent.seed
        run.metrics = parent.metrics
        run.foldMetrics = parent.foldMetrics
        run.validation = .object([
            "scheme": .string(
                "final refit of \(parent.id) on all \(all.rowCount) labelled rows (training and sealed test)"),
            "refit_of": .string(parent.id), "metric": .string(parent.mainMetric),
            "train_rows": .number(Double(all.rowCount)), "sealed_test_rows": .number(0),
        ])
        run.trainingSeconds = Date().timeIntervalSince(start)
        run.promptVersion = Prompts.version
        run.model = try model.saved()
        let stored = try context.store.insert(run)
        var test: [String: JSONValue] = [:]
        if let m = estimate.metrics[parent.mainMetric] {
            test["value"] = .rounded(m.mean)
            if let l = m.ciLow, let h = m.ciHigh { test["ci_low"] = .rounded(l); test["ci_high"] = .rounded(h) }
        }
        return [
            "run_id": .string(stored.id), "refit_of": .string(parent.id), "model": .string(parent.modelFamily),
            "rows": .int(all.rowCount), "train_seconds": .rounded(run.trainingSeconds, digits: 2),
            "main_metric": .string(parent.mainMetric), "estimate": .object(test),
            "note": .string(
                "\(stored.id) is \(parent.id)'s configuration fitted on all \(all.rowCount) rows; use it for predictions. Its estimate is \(parent.id)'s sealed test score (from a model that saw fewer rows, so if anything cautious); it has no test score of its own."
            ),
        ]
    }

    /// The model of `run`'s configuration fitted on every labelled row of `data`; an ensemble's members
    /// one by one (from their own records), a stacked ensemble's meta-model kept.
    static func refit(_ run: RunRecord, target: String, on data: Dataset, store: RunStore) throws -> TrainedModel {
        guard run.modelFamily == "ensemble" else {
            var spec = try LearningCurveExplain.spec(of: run, target: target)
            spec.validation = .refit
            if case .string(let t)? = run.hyperParameters["targetTransform"] {
                spec.targetTransform = TargetTransform(rawValue: t)
            }
            let result = try ExperimentRunner.run(dataset: data, spec: spec)
            return TrainedModel(
                target: result.target, pipeline: result.pipeline, model: result.fitted,
                targetTransform: spec.targetTransform)
        }
        guard case .string(let list)? = run.hyperParameters["members"] else {
            throw ToolError("ensemble \(run.id) does not record its members; finalize one of its members instead.")
        }
        let stored = try TrainedModel.load(try run.modelData(in: store))
        let members = try list.split(separator: " ").map { id in
            try refit(try store.run(String(id)), target: target, on: data, store: store)
        }
        return try TrainedModel(ensemble: members, stacker: stored.stacker)
    }
}

extension RunRecord {
    /// The run this one is the final refit of (finalize_model), if it is one.
    var refitOf: String? {
        if case .object(let v) = validation, case .string(let id)? = v["refit_of"] { return id }
        return nil
    }
}
