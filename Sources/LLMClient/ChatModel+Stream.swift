// Any ChatModel's answer as an AsyncSequence: the streamed events as they arrive, then the
// complete response. Ending the iteration early (or cancelling the consuming task) cancels the
// request. Leaves out: buffering policy (events are never dropped; they are small).

/// One element of a streamed answer.
public enum ChatStreamElement: Sendable, Equatable {
    /// Text, reasoning or a tool call's start, as it arrives.
    case event(ChatStreamEvent)
    /// The complete answer; always the last element.
    case response(ChatResponse)
}

extension ChatModel {
    /// The answer to `request` as an async sequence of events ending with the complete response.
    /// Errors of `complete` are thrown by the iteration.
    public func stream(_ request: ChatRequest) -> AsyncThrowingStream<ChatStreamElement, any Error> {
        let (stream, continuation) = AsyncThrowingStream.makeStream(
            of: ChatStreamElement.self, throwing: (any Error).self)
        let task = Task {
            do {
                let response = try await complete(request) { continuation.yield(.event($0)) }
                continuation.yield(.response(response))
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }
}
