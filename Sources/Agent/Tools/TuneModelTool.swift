// tune_model: a small grid of hyper-parameters for one family, each combination cross-validated on the
// training rows (never the test rows) and recorded as its own run; returns the trials ranked, best
// first. The grid is walked in a fixed order and cut at max_trials, so a call is reproducible.

import Foundation
import MLCore
import Tracking

/// Grid search over a few hyper-parameters.
public struct TuneModelTool: AgentTool {
    public let name = "tune_model"
    public init() {}

    public func run(_ arguments: JSONValue, in context: ToolContext) async throws -> JSONValue {
        let d = try context.session.dataset(arguments["dataset_id"]?.stringValue)
        guard let target = d.target else { throw ToolError("dataset '\(d.id)' has no target; call load_data with a target first.") }
        let model = arguments["model"]?.stringValue ?? ""
        let grid = arguments["grid"]?.objectValue ?? [:]
        guard !grid.isEmpty else { throw ToolError("the grid is empty; give at least one parameter with values, e.g. {\"max_depth\": [3, 5]}.") }
        let limit = arguments["max_trials"]?.intValue ?? 8
        let combos = Self.combinations(grid).prefix(limit)
        let hypothesis = arguments["hypothesis"]?.stringValue ?? ""
        var trials: [(RunRecord, [String: String])] = []
        for (i, combo) in combos.enumerated() {
            try Task.checkCancellation()
            context.progress("trial \(i + 1)/\(combos.count)")
            let excluding = try TrainModelTool.excluded(
                features: nil, drop: arguments["drop"]?.arrayValue?.compactMap(\.stringValue) ?? [], dataset: d, target: target.column)
            let spec = ExperimentSpec(
                target: target.column, model: model, parameters: combo,
                validation: .crossValidation(folds: arguments["folds"]?.intValue ?? 5), seed: 42, excluding: excluding)
            let trained = try RunRecorder.train(spec, on: d, context: context)
            try Task.checkCancellation()
            let run = try RunRecorder.record(trained, dataset: d, hypothesis: hypothesis, context: context)
            trials.append((run, combo))
        }
        let metric = d.metric, greater = Metrics.greaterIsBetter(metric)
        trials.sort { a, b in
            let x = a.0.metrics[metric]?.mean ?? .nan, y = b.0.metrics[metric]?.mean ?? .nan
            return greater ? x > y : x < y
        }
        return [
            "model": .string(model), "main_metric": .string(metric), "best_run": .string(trials.first?.0.id ?? ""),
            "trials": .array(trials.map { run, combo in
                ["run_id": .string(run.id), "params": .object(combo.mapValues { .string($0) }), metric: run.metricJSON(metric) ?? .null]
            }),
            "note": .string("every trial is a recorded run; compare the best with the untuned model before keeping it (one change at a time)"),
        ]
    }

    /// Every combination of the grid's values, keys in sorted order.
    static func combinations(_ grid: [String: JSONValue]) -> [[String: String]] {
        var out: [[String: String]] = [[:]]
        for key in grid.keys.sorted() {
            let values = (grid[key]?.arrayValue ?? []).map { TrainModelTool.parameters(["v": $0])["v"] ?? "" }
            out = out.flatMap { partial in values.map { v in partial.merging([key: v]) { $1 } } }
        }
        return out
    }
}
