// What the loop tells the user about its own doings, in the session's language: the tokens an answer
// and the session used (against the budget), older turns summarised to fit the context, a repeated
// failing call answered from memory, the guide's next step and the nudge when the workflow is not
// finished; and what it tells the model instead of running that call again (English, for the model).
// The sentences are LoopNotice+English.swift's and LoopNotice+French.swift's.

import Foundation
import LLMClient
import Languages

/// A notice of the loop, with its facts.
enum LoopNotice: Message {
    case usage(TokenUsage, session: Int, budget: Int?, seconds: Double, secondsBudget: Double?)
    case summarized(count: Int, prompt: Int, context: Int)
    case repeatedCall(tool: String)
    case repairedCall(tool: String)
    /// The guide's next step.
    case next(String)
    /// The session stopped before the workflow was complete; `steps`: what is still to do.
    case unfinished(steps: String)

    /// The answer to a failing call made again: its earlier error and what to do instead.
    static func repeatedFailure(_ earlierContent: String, tool: String) -> String {
        let earlier = (try? JSONValue.parse(earlierContent))?["error"]?.stringValue ?? earlierContent
        return
            "this exact \(tool) call already failed and was not run again. Earlier error: \(earlier) Change the arguments as the error says, or call another tool."
    }

    static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 60 ? "\(s / 60) min \(String(format: "%02d", s % 60)) s" : "\(s) s"
    }

    /// "1200/5000" tokens and "1 min 05 s/10 min 00 s" of a usage notice.
    static func spent(session: Int, budget: Int?, seconds: Double, secondsBudget: Double?) -> (String, String) {
        (
            budget.map { "\(session)/\($0)" } ?? "\(session)",
            secondsBudget.map { "\(clock(seconds))/\(clock($0))" } ?? clock(seconds)
        )
    }
}
