// The receiving end of one streamed completion: bytes from the transport go through the SSE
// parser into the assembler, and events go to the caller as they are decoded. Runs on the
// transport's thread; throwing from `receive` aborts the transfer (malformed event, error event).
import Foundation
import Synchronization

final class StreamSession: Sendable {
    /// The parse and assembly state, touched by one thread at a time.
    private struct State {
        var parser = SSEParser()
        var assembler = StreamAssembler()
        var sawDone = false
        var emittedText = false
    }
    private let state = Mutex(State())
    private let onEvent: @Sendable (ChatStreamEvent) -> Void

    init(onEvent: @escaping @Sendable (ChatStreamEvent) -> Void) {
        self.onEvent = onEvent
    }

    /// Whether any answer text has been shown to the caller.
    var hasEmittedText: Bool { state.withLock { $0.emittedText } }

    /// Takes the next bytes of the body.
    /// - Throws: `LLMError` for an event that is not JSON or that carries an error.
    func receive(_ bytes: [UInt8]) throws {
        let events = try state.withLock { s throws -> [ChatStreamEvent] in
            let sse = s.parser.feed(bytes)
            return try Self.handle(sse, &s)
        }
        for event in events { onEvent(event) }
    }

    /// The assembled answer once the body has ended cleanly.
    /// - Throws: `LLMError` when the stream was empty, ended before the answer was complete,
    ///   or holds an unusable tool call.
    func finish() throws -> ChatResponse {
        let (events, done, reason, any) = try state.withLock { s throws -> ([ChatStreamEvent], Bool, String?, Bool) in
            let sse = s.parser.finish()
            let events = try Self.handle(sse, &s)
            return (events, s.sawDone, s.assembler.finishReason, s.assembler.receivedAnything)
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
        return try state.withLock { s throws in try s.assembler.response() }
    }

    /// Applies SSE events to `s` (the locked state). Returns the chat events to emit.
    private static func handle(_ sse: [SSEEvent], _ s: inout State) throws -> [ChatStreamEvent] {
        var out: [ChatStreamEvent] = []
        for event in sse where !s.sawDone {
            let data = event.data.trimmingCharacters(in: .whitespacesAndNewlines)
            if data.isEmpty { continue }
            if data == "[DONE]" {
                s.sawDone = true
                continue
            }
            let chunk = try OpenAIWire.decodeChunk(data)
            if let message = chunk.errorMessage {
                throw LLMError(.serverError, "The server reported an error in the middle of the answer: \(message)")
            }
            if let usage = chunk.usage { s.assembler.apply(usage: usage) }
            if let delta = chunk.delta {
                let events = s.assembler.apply(delta)
                if events.contains(where: { if case .textDelta = $0 { true } else { false } }) { s.emittedText = true }
                out += events
            }
        }
        return out
    }
}
