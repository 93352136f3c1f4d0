// One chat turn against the real llama.cpp server of the client's tests (scripts/services/llama.sh
// exports MLEXP_TEST_LLM_URL and MLEXP_TEST_LLM_MODEL): the model calls load_data and the loop runs
// it. Skipped when the server is absent, unless MLEXP_REQUIRE_INTEGRATION=1 (then it fails).
// The tiny gemma-3-270m gets an example turn and stops at "</tool_call>" (see scripts/llm_templates).

import Agent
import Foundation
import LLMClient
import Testing

@Suite struct LlamaChatTurnTests {
    static let environment = ProcessInfo.processInfo.environment
    static var url: String? { environment["MLEXP_TEST_LLM_URL"].flatMap { $0.isEmpty ? nil : $0 } }
    static var required: Bool { environment["MLEXP_REQUIRE_INTEGRATION"] == "1" }

    /// A workspace holding titanic.csv, with load_data as the only tool.
    static func titanicLoadData() throws -> ToolRegistry {
        let root = try TempWorkspace.make()
        try FileManager.default.copyItem(
            at: AgentFixtures.dataset("titanic"), to: root.appendingPathComponent("titanic.csv"))
        let context = try ToolContext.open(workspace: Workspace(root: root), session: Session())
        return try ToolRegistry(tools: [LoadDataTool()], schemas: EmbeddedResources.toolSchemas, context: context)
    }

    /// The test server's endpoint and model.
    static func configuration(_ base: String) -> OpenAIConfiguration {
        OpenAIConfiguration(
            baseURL: base.hasSuffix("/v1") ? base : base + "/v1",
            model: environment["MLEXP_TEST_LLM_MODEL"] ?? "gemma-3-270m")
    }

    @Test(
        .enabled(if: url != nil || required, "no llama.cpp server (MLEXP_TEST_LLM_URL unset)"), .timeLimit(.minutes(10))
    )
    func theModelCallsLoadDataAndTheLoopRunsIt() async throws {
        let base = try #require(
            Self.url, "MLEXP_REQUIRE_INTEGRATION=1 but MLEXP_TEST_LLM_URL is unset: start scripts/services/llama.sh")
        let tools = try Self.titanicLoadData()
        let configuration = Self.configuration(base)
        let example: [ChatMessage] = [
            .user("Load the file iris.csv with target species."),
            .assistant(
                nil,
                toolCalls: [
                    ToolCall(id: "ex1", name: "load_data", arguments: #"{"path": "iris.csv", "target": "species"}"#)
                ]),
            .tool(callID: "ex1", content: #"{"rows": 150}"#),
            .assistant("Loaded iris.csv: 150 rows."),
        ]
        let log = EventLog()
        let loop = AgentLoop(
            model: OpenAIClient(configuration: configuration), tools: tools,
            systemPrompt: "You are an ML assistant. Call tools to work on data.",
            limits: LoopLimits(maxModelTurns: 1), observers: [log], history: example)
        await loop.setSampling(temperature: 0, stop: ["</tool_call>"], maxTokens: 80)
        _ = await loop.send("Load the file titanic.csv with target survived.")
        let messages = await loop.messages
        let calls = messages.dropFirst(1 + example.count).flatMap(\.toolCalls)
        #expect(
            calls.map(\.name).contains("load_data"), "the model did not call load_data: \(messages.last?.content ?? "")"
        )
        #expect(messages.everyCallAnswered)
        // The loop ran the tool: its answer is a load_data result or an error from the tool itself.
        let result = try #require(messages.last { $0.role == .tool }?.content)
        let json = try JSONValue.parse(result)
        #expect(json["rows"] == 1313 || json["error"]?.stringValue != nil)
        #expect(log.all.contains { if case .toolFinished(let c, _) = $0 { c.name == "load_data" } else { false } })
    }
}

/// The shipped datasets (datasets/ at the package root).
enum AgentFixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static func dataset(_ name: String) -> URL { root.appendingPathComponent("datasets/\(name).csv") }

    /// Every standard tool over a fresh workspace holding copies of the named datasets.
    static func tools(_ names: String..., session: Session = Session()) throws -> ToolRegistry {
        let folder = try TempWorkspace.make()
        for name in names {
            try FileManager.default.copyItem(at: dataset(name), to: folder.appendingPathComponent("\(name).csv"))
        }
        return try StandardTools.registry(try ToolContext.open(workspace: Workspace(root: folder), session: session))
    }
}
