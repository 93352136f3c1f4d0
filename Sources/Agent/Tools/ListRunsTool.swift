// list_runs: the recorded runs, best or newest first, compact (id, model, main metric, hypothesis).

import Foundation
import MLCore
public import Tracking

/// Lists recorded runs.
public struct ListRunsTool: AgentTool {
    public let name = "list_runs"
    public init() {}

    public func run(_ arguments: JSONValue, in context: ToolContext) async throws -> JSONValue {
        var runs = try context.store.list()
        if let id = arguments["dataset_id"]?.stringValue {
            let dataset = try context.session.dataset(id)
            runs = runs.filter { $0.dataset.fingerprint == dataset.fingerprint }
        }
        if arguments["sort"]?.stringValue ?? "best" == "best" {
            runs.sort { a, b in
                guard a.mainMetric == b.mainMetric, let x = a.metrics[a.mainMetric]?.mean,
                    let y = b.metrics[b.mainMetric]?.mean
                else { return a.id > b.id }
                return Metrics.greaterIsBetter(a.mainMetric) ? x > y : x < y
            }
        }
        let k = arguments["top_k"]?.intValue ?? 10
        return [
            "count": .int(runs.count),
            "runs": .array(runs.prefix(k).map { $0.summaryJSON() }),
        ]
    }
}
