// Tool-call modes against the scripted mock server: structured mode sends no `tools`, puts the catalogue
// in the system prompt and a json_schema `response_format` on every request, rewrites earlier tool turns
// as text, and reads the JSON answer back as text and calls; auto mode probes once and keeps native calls
// when they come back, else falls back to structured (the failure of Qwen2.5-Coder-1.5B's template).
import Foundation
import HTTP
import MockHTTPServer
import Testing

@testable import LLMClient

@Suite struct ToolCallModeTests {
    let weather = ToolDefinition(
        name: "get_weather", description: "Weather of a city. Returns degrees.",
        parametersSchema:
            #"{"type":"object","properties":{"city":{"type":"string"},"unit":{"type":"string","enum":["c","f"]}},"required":["city"],"additionalProperties":false}"#
    )

    func answer(_ content: String) -> [MockAction] {
        let body =
            #"{"choices":[{"index":0,"message":{"role":"assistant","content":"#
            + Stream.json(content) + #"},"finish_reason":"stop"}],"usage":{"prompt_tokens":50,"completion_tokens":9}}"#
        return MockAction.response(status: 200, headers: ["Content-Type": "application/json"], body: body)
    }

    func structuredClient(_ server: MockHTTPServer, mode: ToolCallMode = .structured) -> OpenAIClient {
        var configuration = client(server, streaming: .never).configuration
        configuration.toolCallMode = mode
        return OpenAIClient(configuration: configuration)
    }

    @Test func structuredModeConstrainsTheAnswerAndReadsTheCallsBack() async throws {
        let json = #"{"say":"Checking Paris.","calls":[{"tool":"get_weather","arguments":{"city":"Paris"}}]}"#
        let server = try MockHTTPServer { [self] _ in answer(json) }
        defer { server.stop() }
        let events = EventLog()
        let response = try await structuredClient(server).complete(
            ChatRequest(messages: [.system("Be brief."), .user("Weather in Paris?")], tools: [weather])
        ) { events.append($0) }
        #expect(response.message.content == "Checking Paris.")
        #expect(
            response.message.toolCalls == [ToolCall(id: "call_0", name: "get_weather", arguments: #"{"city":"Paris"}"#)]
        )
        // The user sees what the model says, never the raw JSON.
        #expect(events.events.contains(.textDelta("Checking Paris.")))
        #expect(!events.events.contains(where: { if case .textDelta(let t) = $0 { t.contains("{") } else { false } }))
        let body = try #require(server.requests.first?.bodyText)
        #expect(!body.contains(#""tools""#))
        #expect(
            body.contains(
                #""response_format":{"json_schema":{"name":"answer","schema":{"type":"object","properties":{"say""#))
        #expect(body.contains(#""const":"get_weather""#))
        // The catalogue is in the system prompt, required arguments first, optional ones marked.
        #expect(body.contains("- get_weather(city: string, unit?: c|f): Weather of a city."))
    }

    @Test func theSchemaBoundsEveryFreeText() throws {
        let schema = try StructuredToolCalls.schema([weather], limits: .init(say: 300, calls: 1, argument: 80))
        let object = try #require(OpenAIWire.parseObject(schema))
        let properties = try #require(object["properties"] as? [String: Any])
        #expect((properties["say"] as? [String: Any])?["maxLength"] as? Int == 300)
        #expect((properties["calls"] as? [String: Any])?["maxItems"] as? Int == 1)
        #expect(schema.contains(#""city":{"maxLength":80,"type":"string"}"#))
        #expect(!schema.contains(#""enum":["c","f"],"maxLength""#))
        // "say" comes before "calls" in the text: grammar-based servers generate properties in that order.
        #expect(schema.range(of: #""say""#)!.lowerBound < schema.range(of: #""calls""#)!.lowerBound)
    }

    @Test func earlierToolTurnsAreRewrittenAsText() {
        let messages = StructuredToolCalls.messages(
            [
                .system("S"), .user("U"),
                .assistant(
                    "Looking.", toolCalls: [ToolCall(id: "a", name: "get_weather", arguments: #"{"city":"Oslo"}"#)]),
                .tool(callID: "a", content: #"{"degrees":3}"#),
                .assistant("Cold."),
            ], catalogue: "# Tools")
        #expect(messages.map(\.role) == [.system, .user, .assistant, .user, .assistant])
        #expect(messages[0].content == "S\n\n# Tools")
        #expect(
            messages[2].content == #"{"say":"Looking.","calls":[{"tool":"get_weather","arguments":{"city":"Oslo"}}]}"#)
        #expect(messages[3].content == #"Result of get_weather: {"degrees":3}"#)
        #expect(messages[4].content == #"{"say":"Cold.","calls":[]}"#)
    }

    @Test func anAnswerCutByTheTokenCapBecomesText() {
        let cut = ChatResponse(
            message: .assistant(#"{"say":"I will load the da"#), finishReason: "length")
        let read = StructuredToolCalls.response(cut)
        #expect(read.message.toolCalls.isEmpty)
        #expect(read.message.content == "I will load the da")
    }

    @Test func autoFallsBackToStructuredWhenNoNativeCallComesBack() async throws {
        // The probe gets a ```json block as text (what Qwen2.5-Coder-1.5B does with its own template).
        let json = #"{"say":"","calls":[{"tool":"get_weather","arguments":{"city":"Rome"}}]}"#
        let server = try MockHTTPServer { [self] request in
            request.bodyText.contains("record_number")
                ? answer("```json\n{\"name\": \"record_number\", \"arguments\": {\"number\": 7}}\n```") : answer(json)
        }
        defer { server.stop() }
        let model = structuredClient(server, mode: .auto)
        let response = try await model.complete(ChatRequest(messages: [.user("Rome?")], tools: [weather])) { _ in }
        #expect(response.message.toolCalls.map(\.name) == ["get_weather"])
        let resolution = await model.toolCallMode()
        #expect(resolution.mode == .structured)
        #expect(resolution.reason.contains("no native tool call"))
        _ = try await model.complete(ChatRequest(messages: [.user("again")], tools: [weather])) { _ in }
        // One probe only, then every request structured.
        #expect(server.requests.filter { $0.bodyText.contains("record_number") }.count == 1)
        #expect(server.requests.last?.bodyText.contains("response_format") == true)
    }

    @Test func autoKeepsNativeCallsWhenTheyWork() async throws {
        let native =
            #"{"choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[{"id":"c1","type":"function","function":{"name":"record_number","arguments":"{\"number\":7}"}}]},"finish_reason":"tool_calls"}]}"#
        let server = try MockHTTPServer { [self] request in
            request.bodyText.contains("record_number")
                ? MockAction.response(status: 200, body: native) : answer("Sunny.")
        }
        defer { server.stop() }
        let model = structuredClient(server, mode: .auto)
        _ = try await model.complete(ChatRequest(messages: [.user("Rome?")], tools: [weather])) { _ in }
        #expect(await model.toolCallMode().mode == .native)
        let last = try #require(server.requests.last?.bodyText)
        #expect(last.contains(#""tools""#) && !last.contains("response_format"))
    }
}
