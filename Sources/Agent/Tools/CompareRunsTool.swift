// compare_runs: two runs side by side (the parameters that differ, their metrics) and the paired
// difference of their validation metric with its interval.

import Foundation
import MLCore
public import Tracking

/// Compares two recorded runs.
public struct CompareRunsTool: AgentTool {
    public let name = "compare_runs"
    public init() {}

    /// tools/compare_runs.json's properties.
    struct Arguments: ToolArguments {
        var runA: String
        var runB: String
        /// nil: the first run's main metric.
        var metric: String?

        enum Keys: String, CodingKey, CaseIterable {
            case runA = "run_a"
            case runB = "run_b"
            case metric
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: Keys.self)
            runA = try c.value(.runA, default: "")
            runB = try c.value(.runB, default: "")
            metric = try c.decodeIfPresent(String.self, forKey: .metric)
        }
    }

    public func run(_ arguments: JSONValue, in context: ToolContext) async throws -> JSONValue {
        let args = try Arguments(arguments, tool: name)
        let a = try context.store.run(args.runA)
        let b = try context.store.run(args.runB)
        let metric = args.metric ?? a.mainMetric
        guard a.metrics[metric] != nil, b.metrics[metric] != nil else {
            let both = Set(a.metrics.keys).intersection(b.metrics.keys).sorted()
            throw ToolError(
                "both runs need the metric '\(metric)'.\(NameSuggestion.didYouMean(metric, among: both)) Available: \(both.joined(separator: ", "))."
            )
        }
        var differing: [String: JSONValue] = [:]
        for key in Set(a.hyperParameters.keys).union(b.hyperParameters.keys).sorted()
        where a.hyperParameters[key] != b.hyperParameters[key] {
            differing[key] = [
                "a": a.hyperParameters[key] ?? .null,
                "b": b.hyperParameters[key] ?? .null,
            ]
        }
        var out: [String: JSONValue] = [
            "run_a": a.summaryJSON(allMetrics: true), "run_b": b.summaryJSON(allMetrics: true),
            "comparison": try RunComparer.compare(a, b, metric: metric, session: context.session),
        ]
        if a.modelFamily != b.modelFamily {
            differing["model"] = ["a": .string(a.modelFamily), "b": .string(b.modelFamily)]
        }
        if a.droppedColumns != b.droppedColumns {
            differing["dropped"] = ["a": .strings(a.droppedColumns), "b": .strings(b.droppedColumns)]
        }
        out["differences"] = .object(differing)
        return .object(out)
    }
}
