// The request body as OpenAI documents it (messages of every role, tools, tool_choice, sampling
// options, stream_options) and the decoding of whole responses, model lists and error bodies.
import Foundation
import Testing

@testable import LLMClient

@Suite struct WireFormatTests {
    let weather = ToolDefinition(
        name: "get_weather", description: "Weather of a city",
        parametersSchema: #"{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}"#)

    func object(_ bytes: [UInt8]) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    }

    @Test func aStreamedRequestCarriesEverything() throws {
        let request = ChatRequest(
            messages: [
                .system("Be brief."), .user("Weather in Oslo?"),
                .assistant(
                    nil, toolCalls: [ToolCall(id: "call_1", name: "get_weather", arguments: #"{"city":"Oslo"}"#)]),
                .tool(callID: "call_1", content: #"{"temp_c":4}"#),
            ],
            tools: [weather], toolChoice: .function("get_weather"), temperature: 0.5, maxTokens: 64,
            stop: ["</tool_call>"],
            seed: 7)
        let body = try object(try OpenAIWire.encode(request, model: "m1", stream: true))
        #expect(body["model"] as? String == "m1")
        #expect(body["stream"] as? Bool == true)
        #expect((body["stream_options"] as? [String: Any])?["include_usage"] as? Bool == true)
        #expect(body["temperature"] as? Double == 0.5)
        #expect(body["max_tokens"] as? Int == 64)
        #expect(body["stop"] as? [String] == ["</tool_call>"])
        #expect(body["seed"] as? Int == 7)
        let choice = try #require(body["tool_choice"] as? [String: Any])
        #expect((choice["function"] as? [String: Any])?["name"] as? String == "get_weather")
        let tools = try #require(body["tools"] as? [[String: Any]])
        let function = try #require(tools.first?["function"] as? [String: Any])
        #expect(tools.first?["type"] as? String == "function")
        #expect(function["name"] as? String == "get_weather")
        #expect((function["parameters"] as? [String: Any])?["required"] as? [String] == ["city"])
        let messages = try #require(body["messages"] as? [[String: Any]])
        #expect(messages.map { $0["role"] as? String } == ["system", "user", "assistant", "tool"])
        #expect(messages[2]["content"] is NSNull)
        let call = try #require((messages[2]["tool_calls"] as? [[String: Any]])?.first)
        #expect(call["id"] as? String == "call_1")
        #expect((call["function"] as? [String: Any])?["arguments"] as? String == #"{"city":"Oslo"}"#)
        #expect(messages[3]["tool_call_id"] as? String == "call_1")
    }

    @Test func aPlainRequestLeavesUnsetOptionsOut() throws {
        let body = try object(try OpenAIWire.encode(ChatRequest(messages: [.user("hi")]), model: "m", stream: false))
        #expect(Set(body.keys) == ["model", "messages"])
    }

    @Test(arguments: [(ToolChoice.auto, "auto"), (.none, "none"), (.required, "required")])
    func toolChoiceWords(choice: ToolChoice, word: String) throws {
        let request = ChatRequest(messages: [.user("x")], tools: [weather], toolChoice: choice)
        #expect(try object(try OpenAIWire.encode(request, model: "m", stream: false))["tool_choice"] as? String == word)
    }

    @Test func aSchemaThatIsNotJSONIsAConfigurationError() {
        let bad = ToolDefinition(name: "t", description: "", parametersSchema: "{type: object")
        #expect(throws: LLMError.self) {
            try OpenAIWire.encode(ChatRequest(messages: [], tools: [bad]), model: "m", stream: false)
        }
    }

    @Test func aWholeResponseDecodes() throws {
        let text =
            #"{"id":"x","choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[{"id":"c","type":"function","function":{"name":"f","arguments":"{\"a\":1}"}}]},"finish_reason":"tool_calls"}],"usage":{"prompt_tokens":3,"completion_tokens":4,"total_tokens":7}}"#
        let chunk = try OpenAIWire.decodeChunk(text)
        #expect(chunk.usage == TokenUsage(promptTokens: 3, completionTokens: 4))
        #expect(chunk.delta?.toolCalls == [WireToolCall(index: nil, id: "c", name: "f", arguments: #"{"a":1}"#)])
        #expect(chunk.delta?.finishReason == "tool_calls")
    }

    @Test func modelListsAndErrorBodiesDecode() throws {
        let models = Array(#"{"object":"list","data":[{"id":"gemma-3-270m","object":"model"},{"id":"b"}]}"#.utf8)
        #expect(try OpenAIWire.decodeModels(models) == ["gemma-3-270m", "b"])
        let openAI = Array(
            #"{"error":{"message":"Incorrect API key","type":"invalid_request_error","code":"invalid_api_key"}}"#.utf8)
        #expect(
            OpenAIWire.decodeError(openAI)
                == WireError(message: "Incorrect API key", type: "invalid_request_error", code: "invalid_api_key"))
        #expect(
            OpenAIWire.decodeError(Array(#"{"error":"model 'x' not found"}"#.utf8))?.message == "model 'x' not found")
        #expect(OpenAIWire.decodeError(Array(#"{"detail":"Not Found"}"#.utf8))?.message == "Not Found")
        #expect(OpenAIWire.decodeError(Array("Bad Gateway".utf8))?.message == "Bad Gateway")
        #expect(OpenAIWire.decodeError([]) == nil)
    }
}
