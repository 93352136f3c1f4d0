// What the loop says when it ends a turn early, in the session's language: cancelled (before a request,
// while waiting for the model, before or while a tool ran), a failed model request, too many failed tool
// calls in a row, the turn limit. Each says what happened and what to do next.
// Leaves out: the model's and the tools' own error texts, which are quoted as they are. The sentences
// are StopMessage+English.swift's and StopMessage+French.swift's.
import Languages

/// One reason for ending a turn early, with the facts its sentence states.
enum StopMessage: Message {
    case cancelled
    case cancelledWaitingForModel
    case modelFailed(error: String)
    case cancelledBeforeTools
    case cancelledDuringTool(name: String)
    case toolErrors(count: Int, last: String)
    case turnLimit(turns: Int)
    case noProgress(answers: Int)
    case budget(String)
}
