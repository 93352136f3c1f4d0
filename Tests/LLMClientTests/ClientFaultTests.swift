// OpenAIClient against the scripted mock server: a streamed answer, the faults of the issue
// (429 with Retry-After, 500 twice, a stall past the idle timeout, a drop mid-stream, a malformed
// event, 401 with an error body) and the errors a person must be able to act on.
import Foundation
import HTTP
import MockHTTPServer
import Testing

@testable import LLMClient

let secretKey = "sk-mock-secret-4242"

func client(
    _ server: MockHTTPServer, model: String = "m1", streaming: StreamingMode = .auto, idle: Double = 10
) -> OpenAIClient {
    OpenAIClient(
        configuration: OpenAIConfiguration(
            baseURL: server.baseURL + "/v1", model: model, apiKey: APIKey(secretKey),
            extraHeaders: [HTTPHeader("X-Project", "mlexp")], timeouts: HTTPTimeouts(connect: 2, idle: idle, total: 30),
            retry: RetryPolicy(maxAttempts: 4, initialDelay: 0.05, maxDelay: 2, maxTotalTime: 10, jitter: 0),
            streaming: streaming))
}

func sse(_ events: String) -> [MockAction] { [MockAction.sseHead(), .text(events), .close] }

/// The LLMError thrown by `body`, or nil.
func llmError(_ body: () async throws -> Void) async -> LLMError? {
    do {
        try await body()
        return nil
    } catch let error as LLMError {
        return error
    } catch {
        return LLMError(.badRequest, "unexpected error type: \(error)")
    }
}

@Suite struct ClientFaultTests {
    let hello =
        Stream.text("Hel") + Stream.text("lo") + Stream.chunk("{}", finish: "stop")
        + Stream.usage(prompt: 3, completion: 2) + Stream.done

    @Test func aStreamedAnswerArrivesWithTheRightRequest() async throws {
        let server = try MockHTTPServer { [hello] _ in sse(hello) }
        defer { server.stop() }
        let log = EventLog()
        let response = try await client(server).complete(ChatRequest(messages: [.user("hi")])) { log.append($0) }
        #expect(log.text == "Hello")
        #expect(response.message.content == "Hello")
        #expect(response.usage?.totalTokens == 5)
        let request = try #require(server.requests.first)
        #expect(request.path == "/v1/chat/completions")
        #expect(request.headers["authorization"] == "Bearer \(secretKey)")
        #expect(request.headers["x-project"] == "mlexp")
        #expect(request.headers["accept"] == "text/event-stream")
        #expect(request.bodyText.contains(#""stream":true"#))
    }

    @Test func a429WithRetryAfterThenSuccess() async throws {
        let server = try MockHTTPServer { [hello] request in
            request.index == 0
                ? MockAction.response(
                    status: 429, headers: ["Retry-After": "1"], body: #"{"error":{"message":"slow down"}}"#)
                : sse(hello)
        }
        defer { server.stop() }
        let start = Date()
        let response = try await client(server).complete(ChatRequest(messages: [.user("hi")])) { _ in }
        #expect(response.message.content == "Hello")
        #expect(Date().timeIntervalSince(start) >= 0.95)
        #expect(server.requests.count == 2)
    }

    @Test func a500TwiceThenSuccess() async throws {
        let server = try MockHTTPServer { [hello] request in
            request.index < 2 ? MockAction.response(status: 500, body: "boom") : sse(hello)
        }
        defer { server.stop() }
        let response = try await client(server).complete(ChatRequest(messages: [.user("hi")])) { _ in }
        #expect(response.message.content == "Hello")
        #expect(server.requests.count == 3)
    }

    @Test func a500ThatPersistsIsAServerError() async throws {
        let server = try MockHTTPServer { _ in
            MockAction.response(status: 503, body: #"{"error":{"message":"Loading model","code":503}}"#)
        }
        defer { server.stop() }
        let error = await llmError {
            _ = try await client(server).complete(ChatRequest(messages: [.user("hi")])) { _ in }
        }
        #expect(error?.code == .serverError)
        #expect(error?.message.contains("loading the model") == true)
        #expect(server.requests.count == 4)
    }

    @Test func aStallLongerThanTheIdleTimeoutIsATimeout() async throws {
        let server = try MockHTTPServer { _ in [MockAction.sseHead(), .text(Stream.text("Hel")), .pause(20)] }
        defer { server.stop() }
        let start = Date()
        let error = await llmError {
            _ = try await client(server, idle: 0.4).complete(ChatRequest(messages: [.user("hi")])) { _ in }
        }
        #expect(error?.code == .timeout)
        #expect(Date().timeIntervalSince(start) < 3)
    }

    @Test func aConnectionDroppedMidStreamIsReported() async throws {
        // Chunked transfer cut before its last chunk: libcurl sees a broken body.
        let chunked = try MockHTTPServer { _ in
            let event = Stream.text("Hel")
            return [
                .text("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"),
                .text(String(event.utf8.count, radix: 16) + "\r\n" + event + "\r\n"), .pause(0.05), .close,
            ]
        }
        defer { chunked.stop() }
        let log = EventLog()
        let error = await llmError {
            _ = try await client(chunked).complete(ChatRequest(messages: [.user("hi")])) { log.append($0) }
        }
        #expect(error?.code == .streamInterrupted)
        #expect(log.text == "Hel")
        #expect(chunked.requests.count == 1)  // text was shown: never retried
        // A clean close before the answer is complete.
        let cut = try MockHTTPServer { _ in sse(Stream.text("Hel")) }
        defer { cut.stop() }
        #expect(
            await llmError { _ = try await client(cut).complete(ChatRequest(messages: [.user("hi")])) { _ in } }?.code
                == .streamInterrupted)
    }

    @Test func aMalformedEventIsAMalformedResponse() async throws {
        let server = try MockHTTPServer { _ in
            sse(Stream.text("ok") + "data: {\"choices\":[{\"delta\":{\"content\":\"x\"\n\n" + Stream.done)
        }
        defer { server.stop() }
        let error = await llmError {
            _ = try await client(server, streaming: .always).complete(ChatRequest(messages: [.user("hi")])) { _ in }
        }
        #expect(error?.code == .malformedResponse)
    }

    @Test func a401SaysTheKeyWasRejectedWithoutShowingIt() async throws {
        let body =
            #"{"error":{"message":"Incorrect API key provided: \#(secretKey)","type":"invalid_request_error","code":"invalid_api_key"}}"#
        let server = try MockHTTPServer { _ in MockAction.response(status: 401, body: body) }
        defer { server.stop() }
        let error = await llmError {
            _ = try await client(server).complete(ChatRequest(messages: [.user("hi")])) { _ in }
        }
        #expect(error?.code == .unauthorized)
        #expect(error?.message.contains("Incorrect API key") == true)
        #expect(error?.message.contains("OPENAI_API_KEY") == true)
        #expect(error.map { "\($0)" }?.contains(secretKey) == false)
        #expect(server.requests.count == 1)
    }

    @Test func anUnknownModelListsTheServersModels() async throws {
        let server = try MockHTTPServer { request in
            request.path.hasSuffix("/models")
                ? MockAction.response(status: 200, body: #"{"data":[{"id":"gemma-3-270m"},{"id":"qwen"}]}"#)
                : MockAction.response(
                    status: 404,
                    body: #"{"error":{"message":"The model `nope` does not exist","code":"model_not_found"}}"#)
        }
        defer { server.stop() }
        let error = await llmError {
            _ = try await client(server, model: "nope").complete(ChatRequest(messages: [.user("hi")])) { _ in }
        }
        #expect(error?.code == .modelNotFound)
        #expect(error?.availableModels == ["gemma-3-270m", "qwen"])
        #expect(error?.message.contains("gemma-3-270m") == true)
        #expect(try await client(server).listModels() == ["gemma-3-270m", "qwen"])
    }

    @Test func aRejectionOfToolsGivesTheServerHints() async throws {
        let server = try MockHTTPServer { _ in
            MockAction.response(
                status: 400,
                body:
                    #"{"error":{"message":"\"auto\" tool choice requires --enable-auto-tool-choice and --tool-call-parser to be set"}}"#
            )
        }
        defer { server.stop() }
        let tool = ToolDefinition(name: "f", description: "", parametersSchema: #"{"type":"object"}"#)
        let error = await llmError {
            _ = try await client(server, streaming: .never).complete(
                ChatRequest(messages: [.user("hi")], tools: [tool])
            ) { _ in }
        }
        #expect(error?.code == .toolsRejected)
        #expect(error?.message.contains("--jinja") == true)
        #expect(error?.message.contains("--enable-auto-tool-choice") == true)
    }

    @Test func contextLengthExceededIsNamed() async throws {
        let server = try MockHTTPServer { _ in
            MockAction.response(
                status: 400,
                body:
                    #"{"error":{"code":400,"message":"the request exceeds the available context size, try increasing it","type":"exceed_context_size_error"}}"#
            )
        }
        defer { server.stop() }
        let error = await llmError {
            _ = try await client(server).complete(ChatRequest(messages: [.user("hi")])) { _ in }
        }
        #expect(error?.code == .contextLengthExceeded)
        #expect(error?.message.contains("--ctx-size") == true)
    }

    @Test func nothingListeningSaysToStartTheServerAndNamesTheURL() async throws {
        let client = OpenAIClient(
            configuration: OpenAIConfiguration(
                baseURL: "http://127.0.0.1:9/v1", model: "x", retry: RetryPolicy(maxAttempts: 2, initialDelay: 0.05)))
        let start = Date()
        let error = await llmError { _ = try await client.listModels() }
        #expect(error?.code == .notListening)
        #expect(error?.message.contains("http://127.0.0.1:9/v1") == true)
        #expect(error?.message.contains("OPENAI_BASE_URL") == true)
        #expect(Date().timeIntervalSince(start) < 3)
    }
}
