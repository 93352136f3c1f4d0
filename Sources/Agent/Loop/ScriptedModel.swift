// A ChatModel that plays a fixed script of answers: the double that drives the loop in tests and in
// evaluation fixtures, without a network. It records every request it receives so tests can check
// what the model was shown (tool results, errors). Leaves out: deciding anything (see Autopilot).

public import LLMClient
import Synchronization

/// Plays scripted answers in order.
public final class ScriptedModel: ChatModel {
    /// One scripted answer.
    public enum Step: Sendable {
        /// Text only (ends the turn).
        case text(String)
        /// Tool calls as (name, arguments JSON text), with optional text before them.
        case toolCalls([(name: String, arguments: String)], text: String? = nil)
        /// The request fails with this message.
        case failure(String)
        /// Waits until the calling task is cancelled, then throws CancellationError.
        case hang

        public static func toolCall(_ name: String, _ arguments: String) -> Step {
            .toolCalls([(name, arguments)])
        }
    }

    /// A scripted request failure.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    private let steps: [Step]
    private let state = Mutex<(next: Int, requests: [ChatRequest])>((0, []))
    public let displayName = "scripted (test double)"

    /// The token usage reported with every answer (nil: none, as some servers).
    private let usage: TokenUsage?

    public init(_ steps: [Step], usage: TokenUsage? = nil) {
        self.steps = steps
        self.usage = usage
    }

    /// Every request received, in order.
    public var requests: [ChatRequest] { state.withLock { $0.requests } }

    public func complete(
        _ request: ChatRequest, onEvent: @escaping @Sendable (ChatStreamEvent) -> Void
    ) async throws -> ChatResponse {
        let index = state.withLock { s in
            s.requests.append(request)
            defer { s.next += 1 }
            return s.next
        }
        guard index < steps.count else {
            return ChatResponse(message: .assistant("(script ended)"), finishReason: "stop")
        }
        switch steps[index] {
        case .text(let text):
            for word in text.split(separator: " ", omittingEmptySubsequences: false).enumerated() {
                onEvent(.textDelta((word.offset == 0 ? "" : " ") + word.element))
            }
            return ChatResponse(message: .assistant(text), finishReason: "stop", usage: usage)
        case .toolCalls(let calls, let text):
            if let text { onEvent(.textDelta(text)) }
            let toolCalls = calls.enumerated().map { i, c in
                onEvent(.toolCallStarted(index: i, name: c.name))
                return ToolCall(id: "call_\(index)_\(i)", name: c.name, arguments: c.arguments)
            }
            return ChatResponse(
                message: .assistant(text, toolCalls: toolCalls), finishReason: "tool_calls", usage: usage)
        case .failure(let message):
            throw Failure(description: message)
        case .hang:
            while !Task.isCancelled { try await Task.sleep(nanoseconds: 5_000_000) }
            throw CancellationError()
        }
    }
}
