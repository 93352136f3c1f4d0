// Structured tool calls and the context window against the real llama.cpp server that `make test` starts
// (gemma-3-270m, 4,096-token context): the answer, constrained by the json_schema grammar, always reads
// back as a call to one of the tools with schema-following arguments, even from a 270M model; /props
// gives the window and /tokenize counts tokens.
import Foundation
import HTTP
import Testing

@testable import LLMClient

@Suite(.enabled(if: Integration.runs, "set MLEXP_TEST_LLM_URL (make test starts a llama.cpp server)"), .serialized)
struct StructuredLlamaIntegrationTests {
    static let units = ToolDefinition(
        name: "convert_units", description: "Convert a value between units.",
        parametersSchema:
            #"{"type":"object","properties":{"value":{"type":"number"},"unit":{"type":"string","enum":["km","mi"]}},"required":["value","unit"],"additionalProperties":false}"#
    )

    func client() throws -> OpenAIClient {
        var configuration = try Integration.client(streaming: .always).configuration
        configuration.toolCallMode = .structured
        return OpenAIClient(configuration: configuration)
    }

    @Test func aStructuredAnswerIsAlwaysACallWithSchemaArguments() async throws {
        let log = EventLog()
        let request = ChatRequest(
            messages: [.system("You call tools."), .user("What is the weather in Paris?")],
            tools: [Integration.weather, Self.units], toolChoice: .required, temperature: 0, maxTokens: 400, seed: 1)
        let response = try await client().complete(request) { log.append($0) }
        let call = try #require(response.message.toolCalls.first, "no call: \(response.message.content ?? "")")
        #expect(["get_weather", "convert_units"].contains(call.name))
        let arguments = try #require(OpenAIWire.parseObject(call.arguments))
        if call.name == "get_weather" {
            #expect(arguments["city"] is String)
        } else {
            #expect(arguments["value"] is NSNumber)
            #expect(["km", "mi"].contains(arguments["unit"] as? String ?? ""))
        }
        #expect(response.message.toolCalls.count <= 2)
        // The raw JSON never reaches the screen.
        #expect(!log.text.contains("\"calls\""))
    }

    @Test func theServerGivesItsContextWindowAndCountsTokens() async throws {
        let client = try Integration.client()
        let window = try #require(await client.contextWindow())
        #expect(window.tokens == 4096)
        #expect(window.source == "llama.cpp /props")
        let count = try #require(await client.tokenCount("The quick brown fox jumps over the lazy dog."))
        #expect((5...20).contains(count))
    }
}
