// explain_model's findings as the Autopilot quotes them: its effects and its first limits, as lists of
// sentences. English quotes explain_model's own sentences; other languages render their facts.

import Languages
import MLCore

/// Sentences read from an explain_model result.
enum ExplainFindings: MessageList {
    /// The first three effects (a feature and its direction).
    case effects(JSONValue)
    /// The first three limits.
    case limits(JSONValue)
}
