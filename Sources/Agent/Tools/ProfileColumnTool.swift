// profile_column: one column of a loaded dataset, on its training rows only: type, missing values,
// distinct values, quantiles or top levels, and its relation to the target (the target's mean or
// class mix per level / per quartile). Bounded by top_k.

import Foundation
import MLCore

/// Describes one column.
public struct ProfileColumnTool: AgentTool {
    public let name = "profile_column"
    public init() {}

    /// tools/profile_column.json's properties.
    struct Arguments: ToolArguments {
        var column: String
        /// nil: the last dataset loaded.
        var datasetID: String?
        var topK: Int

        enum Keys: String, CodingKey, CaseIterable {
            case column
            case datasetID = "dataset_id"
            case topK = "top_k"
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: Keys.self)
            column = try c.value(.column, default: "")
            datasetID = try c.decodeIfPresent(String.self, forKey: .datasetID)
            topK = try c.value(.topK, default: 8)
        }
    }

    public func run(_ arguments: JSONValue, in context: ToolContext) async throws -> JSONValue {
        let args = try Arguments(arguments, tool: self.name)
        let d = try context.session.dataset(args.datasetID)
        let name = args.column
        let k = args.topK
        let column = try d.trainDataset.column(named: name)
        guard let p = d.profile.column(name) else { throw ToolError("no profile for column '\(name)'.") }
        var out: [String: JSONValue] = [
            "column": .string(name), "type": .string(p.kind.rawValue), "missing": .int(p.missing),
            "distinct": .int(p.distinct), "rows": .int(d.trainRows.count),
        ]
        if let s = p.numeric {
            out["summary"] = [
                "min": .rounded(s.min), "q25": .rounded(s.q25), "median": .rounded(s.median), "q75": .rounded(s.q75),
                "max": .rounded(s.max), "mean": .rounded(s.mean), "std": .rounded(s.std),
                "skewness": .rounded(s.skewness),
            ]
        }
        if let levels = p.topLevels {
            out["top_levels"] = .array(levels.prefix(k).map { ["value": .string($0.value), "count": .int($0.count)] })
        }
        if let mean = p.meanLength { out["mean_length"] = .rounded(mean, digits: 1) }
        out["warnings"] = .array(d.profile.warnings.filter { $0.column == name }.map(LoadDataTool.warningJSON))
        if let target = d.target, target.column != name {
            out["by_target"] = try relation(column, d, target: target, top: k)
        }
        return .object(out)
    }

    /// The target's mean (regression) or positive/majority share (classes) per level or per quartile bin.
    private func relation(_ column: Column, _ d: LoadedDataset, target: TargetSpec, top: Int) throws -> JSONValue {
        let rows = Array(0..<d.trainDataset.rowCount)
        let y = try target.values(in: d.trainDataset, rows: rows)
        var groups: [String: [Int]] = [:]  // group → positions in rows
        var order: [String] = []
        if let numbers = column.numbers {
            let present = rows.enumerated().filter { !numbers[$0.element].isNaN }
            let sorted = present.map { numbers[$0.element] }.sorted()
            guard !sorted.isEmpty else { return .null }
            let cuts = [0.25, 0.5, 0.75].map { sorted[min(sorted.count - 1, Int(Double(sorted.count) * $0))] }
            for (i, r) in rows.enumerated() {
                let v = numbers[r]
                let label: String
                if v.isNaN {
                    label = "missing"
                } else {
                    let q = cuts.firstIndex { v <= $0 } ?? 3
                    label =
                        "Q\(q + 1)"
                        + (q == 0
                            ? " (≤ \(JSONValue.format(cuts[0])))" : q == 3 ? " (> \(JSONValue.format(cuts[2])))" : "")
                }
                if groups[label] == nil { order.append(label) }
                groups[label, default: []].append(i)
            }
            order.sort()
        } else {
            for (i, r) in rows.enumerated() {
                let label = column.string(at: r) ?? "missing"
                if groups[label] == nil { order.append(label) }
                groups[label, default: []].append(i)
            }
            order.sort { (groups[$0]?.count ?? 0) > (groups[$1]?.count ?? 0) }
        }
        return .array(
            order.prefix(top).map { label in
                let members = groups[label] ?? []
                var o: [String: JSONValue] = ["group": .string(label), "rows": .int(members.count)]
                switch y {
                case .values(let v):
                    o["target_mean"] = .rounded(members.map { v[$0] }.reduce(0, +) / Double(max(members.count, 1)))
                case .classes(let labels, let names):
                    var counts = [Int](repeating: 0, count: names.count)
                    for m in members { counts[labels[m]] += 1 }
                    let shown = names.count == 2 ? [1] : Array(names.indices)
                    var shares: [String: JSONValue] = [:]
                    for c in shown {
                        shares[names[c]] = .rounded(Double(counts[c]) / Double(max(members.count, 1)), digits: 3)
                    }
                    o["class_share"] = .object(shares)
                case .none: break
                }
                return .object(o)
            })
    }
}
