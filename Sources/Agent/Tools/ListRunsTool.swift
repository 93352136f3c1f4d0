// list_runs: the recorded runs, best or newest first, compact (id, model, main metric, hypothesis).

import Foundation
import MLCore
public import Tracking

/// Lists recorded runs.
public struct ListRunsTool: AgentTool {
    public let name = "list_runs"
    public init() {}

    /// tools/list_runs.json's properties.
    struct Arguments: ToolArguments {
        /// nil: the runs of every dataset.
        var datasetID: String?
        /// "best" (by the main metric) or "newest".
        var sort: String
        var topK: Int

        enum Keys: String, CodingKey, CaseIterable {
            case datasetID = "dataset_id"
            case sort
            case topK = "top_k"
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: Keys.self)
            datasetID = try c.decodeIfPresent(String.self, forKey: .datasetID)
            sort = try c.value(.sort, default: "best")
            topK = try c.value(.topK, default: 10)
        }
    }

    public func run(_ arguments: JSONValue, in context: ToolContext) async throws -> JSONValue {
        let args = try Arguments(arguments, tool: name)
        var runs = try context.store.list()
        if let id = args.datasetID {
            let dataset = try context.session.dataset(id)
            runs = runs.filter { $0.dataset.fingerprint == dataset.fingerprint }
        }
        if args.sort == "best" {
            runs.sort { a, b in
                guard a.mainMetric == b.mainMetric, let x = a.metrics[a.mainMetric]?.mean,
                    let y = b.metrics[b.mainMetric]?.mean
                else { return a.id > b.id }
                return Metrics.greaterIsBetter(a.mainMetric) ? x > y : x < y
            }
        }
        let k = args.topK
        return [
            "count": .int(runs.count),
            "runs": .array(runs.prefix(k).map { $0.summaryJSON() }),
        ]
    }
}
