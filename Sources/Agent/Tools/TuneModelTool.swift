// tune_model: a hyper-parameter search for one family through MLCore's HyperparameterSearch — successive
// halving (the default) or random search over a declared space, seeded, within a time budget —
// cross-validated on the training rows only (never the sealed test rows), with the folds train_model
// draws for the same seed. The best configuration is then trained and recorded as one run (the search's
// trials are not runs); the result holds the trials ranked, best first, compactly (the top 10).
// Leaves out: searching more than one family at a time (one change per experiment).

import Foundation
import MLCore
public import Tracking

/// Hyper-parameter search for one model family.
public struct TuneModelTool: AgentTool {
    public let name = "tune_model"
    /// Trials listed in the result.
    static let shown = 10
    public init() {}

    /// tools/tune_model.json's properties.
    struct Arguments: ToolArguments {
        var model: String
        /// Parameter name → a list of values or a range {"low", "high", "log", "type"} (read by `space(_:)`).
        var space: [String: JSONValue]
        var hypothesis: String
        /// nil: the last dataset loaded.
        var datasetID: String?
        var drop: [String]
        var textMaxTerms: Int?
        var categoricalEncoding: String?
        /// nil or "none": the target as it is; "log": every trial fits on log(1 + y), scored on y's scale.
        var targetTransform: String?
        /// nil or "auto": the family's own scaling; "standard" or "none" (a "scaling" key of the space overrides it).
        var scaling: String?
        /// "halving" (successive halving) or "random".
        var strategy: String
        var candidates: Int
        /// Configurations evaluated beside the sampled ones, as they are (train_model's params).
        var include: [[String: JSONValue]]
        /// The floor of successive halving's first round, in training rows per fold.
        var minRows: Int
        var timeBudgetSeconds: Double
        /// nil: as many trials as the budget allows.
        var maxTrials: Int?
        var foldScores: Bool
        var seed: UInt64
        /// nil: the dataset's default (5, or 2 above a million rows).
        var folds: Int?

        enum Keys: String, CodingKey, CaseIterable {
            case model, space, hypothesis
            case datasetID = "dataset_id"
            case drop
            case textMaxTerms = "text_max_terms"
            case categoricalEncoding = "categorical_encoding"
            case targetTransform = "target_transform"
            case scaling, strategy, candidates, include
            case minRows = "min_rows"
            case timeBudgetSeconds = "time_budget_seconds"
            case maxTrials = "max_trials"
            case foldScores = "fold_scores"
            case seed
            case folds
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: Keys.self)
            model = try c.value(.model, default: "")
            space = try c.value(.space, default: [:])
            hypothesis = try c.value(.hypothesis, default: "")
            datasetID = try c.decodeIfPresent(String.self, forKey: .datasetID)
            drop = try c.value(.drop, default: [])
            textMaxTerms = try c.decodeIfPresent(Int.self, forKey: .textMaxTerms)
            categoricalEncoding = try c.decodeIfPresent(String.self, forKey: .categoricalEncoding)
            targetTransform = try c.decodeIfPresent(String.self, forKey: .targetTransform)
            scaling = try c.decodeIfPresent(String.self, forKey: .scaling)
            strategy = try c.value(.strategy, default: "halving")
            candidates = try c.value(.candidates, default: 12)
            include = try c.value(.include, default: [])
            minRows = try c.value(.minRows, default: TuneSearch.minRows)
            timeBudgetSeconds = try c.value(.timeBudgetSeconds, default: 60)
            maxTrials = try c.decodeIfPresent(Int.self, forKey: .maxTrials)
            foldScores = try c.value(.foldScores, default: false)
            seed = try c.value(.seed, default: 42)
            folds = try c.decodeIfPresent(Int.self, forKey: .folds)
        }
    }

    public func run(_ arguments: JSONValue, in context: ToolContext) async throws -> JSONValue {
        let args = try Arguments(arguments, tool: name)
        let d = try context.session.dataset(args.datasetID)
        guard let target = d.target else {
            throw ToolError("dataset '\(d.id)' has no target; call load_data with a target first.")
        }
        let model = args.model
        try WorkflowRules.requireBaseline(before: model, dataset: d, context: context)
        let space = try Self.space(args.space)
        let excluding = try TrainModelTool.excluded(
            features: nil, drop: args.drop, dataset: d,
            target: target.column)
        let family = try ModelFamily.named(model)
        let including = try args.include.map { config in
            let parameters = config.mapValues { ParameterValue($0) }
            // A wrong name or value fails here, before any fit.
            _ = try family.values(parameters.filter { $0.key != TuneSearch.scalingKey })
            return parameters
        }
        let base = ExperimentSpec(
            target: target.column, family: family,
            validation: .crossValidation(folds: args.folds ?? d.defaultFolds),
            seed: args.seed, excluding: excluding, groupColumn: d.groupColumn,
            targetTransform: try TrainModelTool.targetTransform(args.targetTransform),
            categoricalEncoding: try TrainModelTool.categoricalEncoding(args.categoricalEncoding),
            textMaxTerms: try TrainModelTool.textMaxTerms(args.textMaxTerms),
            standardize: try TrainModelTool.standardize(args.scaling))
        let search = try TuneSearch.run(
            base, space: space, including: including, on: d.trainDataset, metric: d.metric,
            candidates: args.candidates, halving: args.strategy != "random", budget: args.timeBudgetSeconds,
            maxTrials: args.maxTrials, minRows: args.minRows)
        guard let best = search.best else {
            throw ToolError("the search evaluated no configuration; raise time_budget_seconds.")
        }
        try Task.checkCancellation()
        var spec = base
        var parameters = best.parameters
        if let scaling = parameters.removeValue(forKey: TuneSearch.scalingKey) {
            spec.standardize = try TrainModelTool.standardize(scaling.text)
        }
        spec.parameters = try family.values(parameters)
        let trained = try RunRecorder.train(spec, on: d, context: context)
        try Task.checkCancellation()
        let run = try RunRecorder.record(
            trained, dataset: d, hypothesis: args.hypothesis, context: context,
            tuning: [
                "strategy": .string(search.strategy), "evaluated": .number(Double(search.trials.count)),
                "metric": .string(search.metric),
            ])
        let metric = search.metric
        return [
            "model": .string(model), "strategy": .string(search.strategy), "main_metric": .string(metric),
            "evaluated": .int(search.trials.count), "stopped_by_budget": .bool(search.stoppedByBudget),
            "search_seconds": .rounded(search.seconds, digits: 1), "best_run": .string(run.id),
            "train_seconds": .rounded(run.trainingSeconds, digits: 2),
            "best": [
                "params": Self.json(best.parameters),
                metric: run.metricJSON(metric, folds: args.foldScores) ?? .null,
            ],
            "trials": .array(
                search.trials.prefix(Self.shown).map { t in
                    [
                        "rank": .int(t.rank), "params": Self.json(t.parameters), "mean": .rounded(t.mean),
                        "std": .rounded(t.std),
                        "rows_share": .rounded(t.resource, digits: 3), "round": .int(t.round),
                    ]
                }),
            "note": .string(
                "trials are \(metric) means over the folds, on rows_share of each fold's training rows (later rounds rank first); the best configuration is recorded as run \(run.id) on all the training rows; compare it with the untuned model before keeping it (one change at a time)"
            ),
        ]
    }

    /// The declared space: a list of values is a choice, {"low", "high", "log", "type"} a range
    /// (integers when both bounds are whole numbers, unless "type" is "double").
    static func space(_ json: [String: JSONValue]) throws -> SearchSpace {
        guard !json.isEmpty else {
            throw ToolError(
                #"the space is empty; give at least one parameter, e.g. {"max_depth": [3, 5, 8]} or {"learning_rate": {"low": 0.02, "high": 0.3, "log": true}}."#
            )
        }
        var out: [String: ParameterDomain] = [:]
        for (name, value) in json {
            switch value {
            case .array(let values) where !values.isEmpty: out[name] = .choice(values.map(Self.value))
            case .object(let range):
                guard let lo = range["low"]?.doubleValue, let hi = range["high"]?.doubleValue, lo.isFinite, hi.isFinite,
                    lo <= hi
                else {
                    throw ToolError(
                        "the range of '\(name)' needs numbers low ≤ high, e.g. {\"low\": 0.02, \"high\": 0.3}.")
                }
                let log = range["log"]?.boolValue ?? false
                if range["type"]?.stringValue != "double", let l = JSONValue.number(lo).intValue,
                    let h = JSONValue.number(hi).intValue
                {
                    out[name] = .int(low: l, high: h, log: log)
                } else {
                    out[name] = .double(low: lo, high: hi, log: log)
                }
            default:
                throw ToolError("'\(name)' in space must be a non-empty list of values or a range {\"low\", \"high\"}.")
            }
        }
        return SearchSpace(out)
    }

    /// A JSON scalar as a parameter value (whole numbers as integers).
    static func value(_ v: JSONValue) -> ParameterValue {
        switch v {
        case .number(let d): v.intValue.map(ParameterValue.int) ?? .double(d)
        case .bool(let b): .string(b ? "true" : "false")
        case .string(let s): .string(s)
        default: .string(v.text)
        }
    }

    static func json(_ parameters: [String: ParameterValue]) -> JSONValue {
        .object(
            parameters.mapValues { p in
                switch p {
                case .int(let i): .int(i)
                case .double(let d): .rounded(d)
                case .string(let s): .string(s)
                case .bool(let b): .bool(b)
                case .null: .null
                }
            })
    }
}
