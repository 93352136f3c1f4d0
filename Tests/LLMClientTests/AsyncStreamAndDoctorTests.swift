// The AsyncSequence form of an answer, and the doctor's checks against scripted servers: nothing
// listening, a rejected key, an unknown model, and a server that answers in text instead of a
// tool call.
import Foundation
import HTTP
import MockHTTPServer
import Testing

@testable import LLMClient

@Suite struct AsyncStreamTests {
    @Test func eventsThenTheResponse() async throws {
        let body = Stream.text("a") + Stream.text("b") + Stream.chunk("{}", finish: "stop") + Stream.done
        let server = try MockHTTPServer { _ in sse(body) }
        defer { server.stop() }
        var elements: [ChatStreamElement] = []
        for try await element in client(server).stream(ChatRequest(messages: [.user("x")])) { elements.append(element) }
        #expect(elements.count == 3)
        #expect(elements.prefix(2) == [.event(.textDelta("a")), .event(.textDelta("b"))])
        guard case .response(let response) = elements.last else {
            Issue.record("the last element is not the response")
            return
        }
        #expect(response.message.content == "ab")
    }

    @Test func stoppingTheIterationCancelsTheRequest() async throws {
        let server = try MockHTTPServer { _ in
            [MockAction.sseHead()] + (0..<500).flatMap { _ in [MockAction.text(Stream.text("t")), .pause(0.02)] }
        }
        defer { server.stop() }
        let start = Date()
        var seen = 0
        for try await _ in client(server).stream(ChatRequest(messages: [.user("x")])) {
            seen += 1
            if seen == 3 { break }
        }
        #expect(seen == 3)
        #expect(Date().timeIntervalSince(start) < 5)
    }
}

@Suite struct EndpointDoctorTests {
    func statuses(_ checks: [EndpointCheck]) -> [EndpointCheck.Status] { checks.map(\.status) }

    @Test func nothingListeningFailsTheFirstCheckAndSkipsTheRest() async {
        let model = OpenAIClient(
            configuration: OpenAIConfiguration(
                baseURL: "http://127.0.0.1:9/v1", model: "x", retry: RetryPolicy(maxAttempts: 2, initialDelay: 0.05)))
        let checks = await EndpointDoctor(client: model).run()
        #expect(statuses(checks) == [.failed, .skipped, .skipped, .skipped, .skipped])
        #expect(checks.first?.detail.contains("127.0.0.1:9") == true)
        #expect(
            checks.first?.detail.contains("start your server") == true
                || checks.first?.detail.contains("Start your server") == true)
    }

    @Test func aRejectedKeyIsNamedWithoutShowingIt() async throws {
        let server = try MockHTTPServer { _ in
            MockAction.response(status: 401, body: #"{"error":{"message":"invalid key"}}"#)
        }
        defer { server.stop() }
        let checks = await EndpointDoctor(client: client(server)).run()
        #expect(statuses(checks) == [.passed, .failed, .skipped, .skipped, .skipped])
        #expect(!checks.map(\.detail).joined().contains(secretKey))
    }

    @Test func anUnknownModelListsTheServersModels() async throws {
        let server = try MockHTTPServer { _ in
            MockAction.response(status: 200, body: #"{"data":[{"id":"gemma-3-270m"}]}"#)
        }
        defer { server.stop() }
        let checks = await EndpointDoctor(client: client(server, model: "no-such-model")).run()
        #expect(statuses(checks) == [.passed, .passed, .failed, .skipped, .skipped])
        #expect(checks[2].detail.contains("gemma-3-270m"))
        #expect(checks[2].detail.contains("no-such-model"))
    }

    @Test func aTextAnswerToTheToolRequestFailsTheToolCheck() async throws {
        let text = Stream.text("It is sunny.") + Stream.chunk("{}", finish: "stop") + Stream.done
        let server = try MockHTTPServer { request in
            request.path.hasSuffix("/models")
                ? MockAction.response(status: 200, body: #"{"data":[{"id":"m1"}]}"#) : sse(text)
        }
        defer { server.stop() }
        let checks = await EndpointDoctor(client: client(server)).run()
        #expect(statuses(checks) == [.passed, .passed, .passed, .passed, .failed])
        #expect(checks[4].detail.contains("--jinja"))
    }
}
