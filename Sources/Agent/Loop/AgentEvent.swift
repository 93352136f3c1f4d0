// What the loop reports while it runs, to any number of observers: the CLI renders these events,
// transcripts record them. Every message appended to the conversation is one `.message` event, with
// its time, the request's latency and token usage when it came from the model.

public import Foundation
public import LLMClient

/// Why a turn ended without a final answer from the model.
public enum StopReason: String, Sendable, Codable, Equatable {
    case turnLimit = "turn_limit"
    case toolErrorLimit = "tool_error_limit"
    case cancelled
    case modelError = "model_error"
    /// Answers that changed nothing (only repeated failing calls, or the same answer again).
    case noProgress = "no_progress"
    /// The session's token or time budget is spent.
    case budget
}

/// One thing that happened in the loop.
public enum AgentEvent: Sendable {
    /// A message was appended to the conversation. `latency` and `usage` are set for model answers.
    case message(ChatMessage, at: Date, latency: Double?, usage: TokenUsage?)
    /// A piece of the model's answer arrived (text is shown as it streams).
    case stream(ChatStreamEvent)
    /// A tool call is about to run (after the model's answer is complete).
    case toolStarted(ToolCall)
    /// A tool call finished, with its outcome (also for errors and cancellation).
    case toolFinished(ToolCall, ToolOutcome)
    /// A tool reported progress.
    case toolProgress(String)
    /// The turn ended without a final answer; `message` says what happened and what to do.
    case stopped(StopReason, message: String)
    /// Something the harness did on its own, said to the user (older turns summarised to fit the
    /// context, a repeated failing call answered from memory, the session budget).
    case notice(String)
}

/// Receives the loop's events. Called on the loop's task, in order; must return quickly.
public protocol AgentObserver: Sendable {
    func handle(_ event: AgentEvent)
}

/// An observer made of a closure.
public struct ClosureObserver: AgentObserver {
    let body: @Sendable (AgentEvent) -> Void
    public init(_ body: @escaping @Sendable (AgentEvent) -> Void) { self.body = body }
    public func handle(_ event: AgentEvent) { body(event) }
}
