// The transcript player: a ChatModel that answers with the recorded assistant turns instead of asking
// a model, one user turn at a time (so a turn that ended early in the recording ends early again). It
// streams each recorded text as it is shown, maps recorded run ids in tool-call arguments to the ids of
// the replay's runs, and waits to keep the recorded pace when asked to. Leaves out: running the tools
// (ReplayingExecutor) and rendering (the CLI).

public import Foundation
public import LLMClient
import Synchronization

/// Keeps a replay at the recorded pace, `speed` times faster; nil speed plays at once.
public struct ReplayPacer: Sendable {
    public let speed: Double?
    public let start: Date

    public init(speed: Double?, start: Date = Date()) {
        self.speed = speed.flatMap { $0 > 0 && $0.isFinite ? $0 : nil }
        self.start = start
    }

    /// Waits until the moment of the recording's `elapsedMS`, scaled by the speed.
    public func wait(untilRecorded elapsedMS: Int) async {
        guard let speed else { return }
        let due = Double(elapsedMS) / 1000 / speed - Date().timeIntervalSince(start)
        if due > 0.001 { try? await Task.sleep(nanoseconds: UInt64(min(due, 3600) * 1e9)) }
    }
}

/// Plays the recorded assistant messages back as a ChatModel.
public final class TranscriptPlayer: ChatModel {
    /// Why the player cannot answer.
    public struct Exhausted: Error, CustomStringConvertible {
        public let description: String
    }

    private let turns: [[RecordedMessage]]
    private let state = Mutex<(turn: Int, next: Int)>((0, 0))
    private let ids: RunIDMap
    private let pacer: ReplayPacer
    public let displayName: String

    /// - Parameters:
    ///   - transcript: the recording.
    ///   - ids: the run-id map the replay learns as tools run again.
    public init(_ transcript: Transcript, ids: RunIDMap, pacer: ReplayPacer = ReplayPacer(speed: nil)) {
        self.turns = transcript.turns.map { $0.replies.filter { $0.message.role == .assistant } }
        self.ids = ids
        self.pacer = pacer
        self.displayName = "transcript player (recorded with \(transcript.header.model))"
    }

    /// Number of recorded assistant messages in the longest turn.
    public var longestTurn: Int { turns.map(\.count).max() ?? 0 }

    /// Starts serving the assistant messages recorded after user turn `index`.
    public func beginTurn(_ index: Int) {
        state.withLock { $0 = (index, 0) }
    }

    public func complete(
        _ request: ChatRequest, onEvent: @escaping @Sendable (ChatStreamEvent) -> Void
    ) async throws -> ChatResponse {
        let recorded: RecordedMessage? = state.withLock { s in
            guard s.turn < turns.count, s.next < turns[s.turn].count else { return nil }
            defer { s.next += 1 }
            return turns[s.turn][s.next]
        }
        guard let recorded else {
            throw Exhausted(description: "the recording has no further assistant message in this turn")
        }
        await pacer.wait(untilRecorded: recorded.elapsedMS)
        var message = recorded.message
        message.toolCalls = message.toolCalls.map {
            ToolCall(id: $0.id, name: $0.name, arguments: ids.apply($0.arguments))
        }
        if let text = message.content, !text.isEmpty { onEvent(.textDelta(text)) }
        for (i, call) in message.toolCalls.enumerated() { onEvent(.toolCallStarted(index: i, name: call.name)) }
        return ChatResponse(
            message: message, finishReason: message.toolCalls.isEmpty ? "stop" : "tool_calls", usage: recorded.usage)
    }
}
