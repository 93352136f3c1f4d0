// The words of the exported notebook and HTML report that are not the log's own (LogWord): the runs
// table's headers, the provenance note, a missing decision. Ids with their facts; tables:
// ReportWord+English.swift and ReportWord+French.swift.

import Languages

/// A word or sentence of an export.
enum ReportWord: Message {
    case allRuns
    case noDecisionYet
    case provenance
    /// The log cites runs the store does not hold (their ids).
    case missingRuns(String)
    case model
    case trainingSeconds
    case reproduce
}
