// Cancelling the task that awaits `complete` ends it promptly, while tokens flow and while the
// server is silent; the elapsed time is measured and bounded (100 ms goal plus CI slack).
import Foundation
import MockHTTPServer
import Testing

@testable import LLMClient

@Suite struct ClientCancellationTests {
    let bound = 0.35

    func cancelAfterFirstEvent(_ server: MockHTTPServer, label: String, settle: Double) async throws -> Double {
        let log = EventLog()
        let model = client(server)
        let task = Task { try await model.complete(ChatRequest(messages: [.user("hi")])) { log.append($0) } }
        let deadline = Date().addingTimeInterval(5)
        while log.events.isEmpty && Date() < deadline { try await Task.sleep(for: .milliseconds(5)) }
        #expect(!log.events.isEmpty)
        try await Task.sleep(for: .milliseconds(Int(settle * 1000)))
        let start = ContinuousClock.now
        task.cancel()
        _ = await task.result
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.attoseconds) / 1e18 + Double(elapsed.components.seconds)
        print("LLM cancel latency \(label): \(String(format: "%.2f", seconds * 1000)) ms")
        await #expect(throws: CancellationError.self) { try await task.value }
        return seconds
    }

    @Test func cancellingWhileTokensFlow() async throws {
        let server = try MockHTTPServer { _ in
            [MockAction.sseHead()] + (0..<500).flatMap { _ in [MockAction.text(Stream.text("tok ")), .pause(0.02)] }
        }
        defer { server.stop() }
        #expect(try await cancelAfterFirstEvent(server, label: "while streaming", settle: 0.1) < bound)
    }

    @Test func cancellingWhileTheServerIsSilent() async throws {
        let server = try MockHTTPServer { _ in [MockAction.sseHead(), .text(Stream.text("thinking")), .pause(30)] }
        defer { server.stop() }
        #expect(try await cancelAfterFirstEvent(server, label: "while idle", settle: 0.3) < bound)
    }
}
