// What `mlexp run` and `mlexp chat` say around a session, in the session's language: the model banner,
// the checks of an LLM endpoint, the first request, the hints, the resumed session and the end. Ids
// with their facts; tables: SessionMessage+English.swift and SessionMessage+French.swift.
// Leaves out: the command-line errors (English, as every other command's).

import Languages

/// A sentence of the session commands.
enum SessionMessage: Message {
    case autopilotBanner(why: String)
    case chosenWithFlag
    case noEndpoint
    case checkingToolCalls
    case unknownWindow
    /// "Tool calls: native (…) · context: … · prompt: small · answer ≤ 1024 tokens"; `window` already said.
    case toolCalls(mode: String, reason: String, window: String, small: Bool, maxTokens: Int)
    case chatHelp
    case howToLeave
    case chatFirst(data: String, target: String?)
    case didNothing
    case logAt(String)
    case referenceLabel(String)
    case clusteringRequest(path: String, goal: String, reference: String)
    case request(path: String, target: String, goal: String)
    case resuming(what: String, file: String, messages: Int, calls: Int)
    /// An importance chart's measure by method ("gain", "shap", else permutation).
    case importanceMeasure(method: String)
}
