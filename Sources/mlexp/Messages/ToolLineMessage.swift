// The words of the one-line summary of each tool call (ToolLine): ids with the facts read from the
// tool's JSON result. ToolLineMessage+English.swift and +French.swift write them out.

import Languages

/// A phrase of a tool-call line.
enum ToolLineMessage: Message {
    case onTestSplit
    /// append_log's entry kind ("context", "experiment #3", "decision").
    case entryKind(String)
    case entryTitle(kind: String, title: String)
    case significance(Bool)
    case loaded(rows: Int, columns: Int, task: String, metric: String, warnings: Int)
    case topFeatures([String])
    case wrote(entry: String?, path: String?)
    case tuned(trials: Int, strategy: String?, best: String)
    case profiled(type: String, missing: Int, distinct: Int)
    case finalized(run: String, of: String, rows: Int)
}
