// A long session against the real 4,096-token llama.cpp server of `make test` (scripts/services/llama.sh):
// a conversation of twelve earlier load_data rounds (about twice the window) is compacted, not stopped.
// The window comes from the server's /props and the tokens from its /tokenize, as `mlexp run` learns
// them; the server then reads the compacted request without a context error and answers. Skipped
// without the server, unless MLEXP_REQUIRE_INTEGRATION=1 (then it fails).

import Agent
import Foundation
import LLMClient
import Testing

@Suite struct LlamaCompactionTests {
    @Test(
        .enabled(
            if: LlamaChatTurnTests.url != nil || LlamaChatTurnTests.required,
            "no llama.cpp server (MLEXP_TEST_LLM_URL unset)"), .timeLimit(.minutes(20))
    )
    func aConversationTwiceTheWindowIsCompactedAndTheServerAnswers() async throws {
        let base = try #require(
            LlamaChatTurnTests.url,
            "MLEXP_REQUIRE_INTEGRATION=1 but MLEXP_TEST_LLM_URL is unset: start scripts/services/llama.sh")
        let tools = try LlamaChatTurnTests.titanicLoadData()
        var configuration = LlamaChatTurnTests.configuration(base)
        // A loaded CI machine reads a few thousand tokens slowly: that is time, not a context error.
        configuration.timeouts.idle = 600
        configuration.timeouts.total = 900
        let client = OpenAIClient(configuration: configuration)
        let window = try #require(await client.contextWindow(), "the server's /props gave no context size")
        #expect(window.tokens == 4_096 && window.source == "llama.cpp /props")

        // Twelve earlier rounds, each with a real load_data result.
        let loadArguments = #"{"path": "titanic.csv", "target": "survived"}"#
        let result = await tools.execute(ToolCall(id: "probe", name: "load_data", arguments: loadArguments)).content
        var history: [ChatMessage] = []
        for round in 0..<12 {
            history += [
                .user("Load the file titanic.csv with target survived."),
                .assistant(nil, toolCalls: [ToolCall(id: "h\(round)", name: "load_data", arguments: loadArguments)]),
                .tool(callID: "h\(round)", content: result),
                .assistant("Loaded titanic.csv: 1313 rows."),
            ]
        }
        let counted = try #require(await client.tokenCount(history.compactMap(\.content).joined(separator: "\n")))
        #expect(counted > window.tokens, "the history (\(counted) tokens) must not fit the window by itself")

        let log = EventLog()
        let loop = AgentLoop(
            model: client, tools: tools, systemPrompt: "You are an ML assistant. Call tools to work on data.",
            limits: LoopLimits(maxModelTurns: 1), observers: [log], history: history)
        await loop.setSampling(temperature: 0, stop: ["</tool_call>"], maxTokens: 80)
        let overhead = ContextBudget.estimate(tools.definitions.map(\.parametersSchema).joined(separator: "\n"))
        await loop.setContextBudget(
            ContextBudget(
                contextTokens: window.tokens, source: window.source, overheadTokens: overhead,
                counter: { await client.tokenCount($0) }),
            summary: { "Summary of the session so far: titanic.csv loaded (1313 rows, target survived); no run yet." })
        let outcome = await loop.send("Load the file titanic.csv with target survived.")

        if case .stopped(let reason, let message) = outcome {
            #expect(reason == .turnLimit, "the session stopped: \(message)")
        }
        let notices = log.all.compactMap { if case .notice(let t) = $0 { t } else { nil } }
        #expect(notices.contains { $0.contains("older messages replaced by a summary from the run store") })
        // The server read the compacted request and answered it.
        let messages = await loop.messages
        let answers = messages.dropFirst(1 + history.count + 1).filter { $0.role == .assistant }
        #expect(!answers.isEmpty, "no answer from the server: \(notices)")
        #expect(messages.everyCallAnswered)
    }
}
