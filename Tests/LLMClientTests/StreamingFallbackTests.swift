// Non-streaming mode: chosen by configuration, and chosen automatically once a server has botched
// a streamed tool call (the request is retried whole, and later tool requests are not streamed).
import Foundation
import HTTP
import MockHTTPServer
import Testing

@testable import LLMClient

@Suite struct StreamingFallbackTests {
    let tool = ToolDefinition(name: "get_weather", description: "", parametersSchema: #"{"type":"object"}"#)
    let whole =
        #"{"choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[{"id":"c1","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Paris\"}"}}]},"finish_reason":"tool_calls"}],"usage":{"prompt_tokens":5,"completion_tokens":6}}"#

    @Test func neverModeSendsWholeRequests() async throws {
        let server = try MockHTTPServer { [whole] _ in
            MockAction.response(status: 200, headers: ["Content-Type": "application/json"], body: whole)
        }
        defer { server.stop() }
        let response = try await client(server, streaming: .never).complete(
            ChatRequest(messages: [.user("x")], tools: [tool])
        ) { _ in }
        #expect(
            response.message.toolCalls == [ToolCall(id: "c1", name: "get_weather", arguments: #"{"city":"Paris"}"#)])
        #expect(response.usage?.totalTokens == 11)
        #expect(server.requests.first?.bodyText.contains("\"stream\"") == false)
    }

    @Test func aBotchedStreamedToolCallSwitchesToWholeResponses() async throws {
        // Streams: arguments that never become JSON (a known failure of some servers' streamed tool calls).
        let broken =
            Stream.chunk(
                #"{"tool_calls":[{"index":0,"id":"c1","function":{"name":"get_weather","arguments":"{\"city\": Par"}}]}"#
            )
            + Stream.chunk("{}", finish: "tool_calls") + Stream.done
        let server = try MockHTTPServer { [whole] request in
            request.bodyText.contains(#""stream":true"#)
                ? sse(broken) : MockAction.response(status: 200, body: whole)
        }
        defer { server.stop() }
        let model = client(server)
        let request = ChatRequest(messages: [.user("x")], tools: [tool])
        let first = try await model.complete(request) { _ in }
        #expect(first.message.toolCalls.first?.arguments == #"{"city":"Paris"}"#)
        #expect(model.avoidsStreamingToolCalls)
        _ = try await model.complete(request) { _ in }
        let streamed = server.requests.map { $0.bodyText.contains(#""stream":true"#) }
        #expect(streamed == [true, false, false])
        // Requests without tools are still streamed.
        _ = try? await model.complete(ChatRequest(messages: [.user("x")])) { _ in }
        #expect(server.requests.last?.bodyText.contains(#""stream":true"#) == true)
    }

    @Test func alwaysModeReportsTheBotchedCall() async throws {
        let broken = Stream.chunk(
            #"{"tool_calls":[{"index":0,"id":"c1","function":{"name":"get_weather","arguments":"{oops"}}]}"#,
            finish: "tool_calls")
        let server = try MockHTTPServer { _ in sse(broken) }
        defer { server.stop() }
        let error = await llmError {
            _ = try await client(server, streaming: .always).complete(
                ChatRequest(messages: [.user("x")], tools: [tool])
            ) { _ in }
        }
        #expect(error?.code == .invalidToolCall)
        #expect(server.requests.count == 1)
    }
}
