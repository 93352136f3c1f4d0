// The receiving end of one streamed completion: bytes from the transport go through the SSE
// parser into the assembler, and events go to the caller as they are decoded. Runs on the
// transport's thread; throwing from `receive` aborts the transfer (malformed event, error event).
import Foundation

final class StreamSession: @unchecked Sendable {
    private let lock = NSLock()
    private var parser = SSEParser()
    private var assembler = StreamAssembler()
    private var sawDone = false
    private var emittedText = false
    private let onEvent: @Sendable (ChatStreamEvent) -> Void

    init(onEvent: @escaping @Sendable (ChatStreamEvent) -> Void) {
        self.onEvent = onEvent
    }

    /// Whether any answer text has been shown to the caller.
    var hasEmittedText: Bool { lock.withLock { emittedText } }

    /// Takes the next bytes of the body.
    /// - Throws: `LLMError` for an event that is not JSON or that carries an error.
    func receive(_ bytes: [UInt8]) throws {
        let events = try lock.withLock { () throws -> [ChatStreamEvent] in
            let sse = parser.feed(bytes)
            return try handle(sse)
        }
        for event in events { onEvent(event) }
    }

    /// The assembled answer once the body has ended cleanly.
    /// - Throws: `LLMError` when the stream was empty, ended before the answer was complete,
    ///   or holds an unusable tool call.
    func finish() throws -> ChatResponse {
        let (events, done, reason, any) = try lock.withLock { () throws -> ([ChatStreamEvent], Bool, String?, Bool) in
            let sse = parser.finish()
            let events = try handle(sse)
            return (events, sawDone, assembler.finishReason, assembler.receivedAnything)
        }
        for event in events { onEvent(event) }
        guard any else {
            throw LLMError(
                .malformedResponse,
                "The server answered but sent no completion events. Is the base URL an OpenAI-compatible endpoint (…/v1)?"
            )
        }
        guard done || reason != nil else {
            throw LLMError(
                .streamInterrupted,
                "The stream ended before the answer was complete (no finish_reason and no [DONE]). Try again; if it keeps happening, check the server's log or use non-streaming mode."
            )
        }
        return try lock.withLock { try assembler.response() }
    }

    /// Applies SSE events; called with the lock held. Returns the chat events to emit.
    private func handle(_ sse: [SSEEvent]) throws -> [ChatStreamEvent] {
        var out: [ChatStreamEvent] = []
        for event in sse where !sawDone {
            let data = event.data.trimmingCharacters(in: .whitespacesAndNewlines)
            if data.isEmpty { continue }
            if data == "[DONE]" {
                sawDone = true
                continue
            }
            let chunk = try OpenAIWire.decodeChunk(data)
            if let message = chunk.errorMessage {
                throw LLMError(.serverError, "The server reported an error in the middle of the answer: \(message)")
            }
            if let usage = chunk.usage { assembler.apply(usage: usage) }
            if let delta = chunk.delta {
                let events = assembler.apply(delta)
                if events.contains(where: { if case .textDelta = $0 { true } else { false } }) { emittedText = true }
                out += events
            }
        }
        return out
    }
}
