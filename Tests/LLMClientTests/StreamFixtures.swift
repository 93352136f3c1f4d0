// Builders for chat-completion stream bodies as servers write them, and a runner that pushes a
// body through StreamSession in pieces of a chosen size. Used by the quirk and mock-server tests.
import Foundation

@testable import LLMClient

enum Stream {
    /// One `data:` event of a chunk with the given delta JSON (and finish reason).
    static func chunk(_ delta: String, finish: String? = nil) -> String {
        let reason = finish.map { "\"\($0)\"" } ?? "null"
        return
            "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":\(delta),\"finish_reason\":\(reason)}]}\n\n"
    }

    static func text(_ text: String) -> String { chunk("{\"content\":\(json(text))}") }

    static func usage(prompt: Int, completion: Int) -> String {
        "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":\(prompt),\"completion_tokens\":\(completion),\"total_tokens\":\(prompt + completion)}}\n\n"
    }

    static let done = "data: [DONE]\n\n"

    static func json(_ text: String) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: [text], options: [.withoutEscapingSlashes])) ?? Data()
        return String(String(decoding: data, as: UTF8.self).dropFirst().dropLast())
    }
}

/// Events seen while streaming, collected from any thread.
final class EventLog: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [ChatStreamEvent] = []
    func append(_ event: ChatStreamEvent) { lock.withLock { items.append(event) } }
    var events: [ChatStreamEvent] { lock.withLock { items } }
    var text: String {
        events.compactMap { if case .textDelta(let t) = $0 { t } else { nil } }.joined()
    }
}

/// Pushes `body` through a StreamSession in pieces of `pieceSize` bytes.
func runStream(_ body: String, pieceSize: Int = 1 << 20) throws -> (ChatResponse, EventLog) {
    let log = EventLog()
    let session = StreamSession(onEvent: { log.append($0) })
    let bytes = Array(body.utf8)
    var start = 0
    while start < bytes.count {
        try session.receive(Array(bytes[start..<min(bytes.count, start + pieceSize)]))
        start += pieceSize
    }
    return (try session.finish(), log)
}

/// The LLMError a body's stream ends with, if any.
func streamError(_ body: String) -> LLMError? {
    do {
        _ = try runStream(body)
        return nil
    } catch let error as LLMError {
        return error
    } catch {
        return LLMError(.malformedResponse, "unexpected \(error)")
    }
}
