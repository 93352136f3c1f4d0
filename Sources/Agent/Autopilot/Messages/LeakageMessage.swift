// The Autopilot's leakage check: what it says before training with the suspect column toggled, and
// its log entry. Ids with their facts; LeakageMessage+English.swift and +French.swift write them out.

import Languages

/// A sentence of the leakage check. `dropped`: the suspect was left out of the search (the check adds
/// it back); otherwise it stays in (the check trains without it).
enum LeakageMessage: Message {
    case why(column: String, dropped: Bool, evidence: FramingWords, model: String, referenceRun: String)
    case comparing(run: String, referenceRun: String)
    case logging
    case hypothesis(column: String, dropped: Bool)
    case title(column: String)
    case approach(column: String, dropped: Bool, model: String, referenceRun: String, AutopilotFraming)
    case notTrained(error: String?)
    case analysis(
        column: String, dropped: Bool, evidence: FramingWords, run: String, referenceRun: String, significant: Bool)
    case next
}
