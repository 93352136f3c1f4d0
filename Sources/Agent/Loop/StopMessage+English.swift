// StopMessage in English.

extension StopMessage {
    var english: String {
        switch self {
        case .cancelled:
            "Cancelled; the conversation is intact. Ask again when ready."
        case .cancelledWaitingForModel:
            "Cancelled while waiting for the model; the conversation is intact."
        case .modelFailed(let error):
            "The model request failed: \(error) Try again, or check the endpoint with `mlexp doctor`."
        case .cancelledBeforeTools:
            "Cancelled before all tool calls ran; the conversation is intact."
        case .cancelledDuringTool(let name):
            "Cancelled while \(name) ran; its result was discarded and the conversation is intact."
        case .toolErrors(let count, let last):
            "Stopped after \(count) failed tool calls in a row (last: \(last)). Read the errors above, then rephrase the request or fix the data."
        case .noProgress(let answers):
            "Stopped: \(answers) answers in a row made no progress (failing calls repeated, or the same answer again). Narrow the request or use another model."
        case .budget(let what):
            "Stopped: the session budget is spent (\(what)). Runs and log are saved; run again with a larger budget to go on."
        case .turnLimit(let turns):
            "Stopped after \(turns) model turns without a final answer. Say 'continue' to go on, or narrow the request."
        }
    }
}
