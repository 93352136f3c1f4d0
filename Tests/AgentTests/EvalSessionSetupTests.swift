// An evaluated session is set up for its model as `mlexp run` would set it up: with the small setup the
// model gets the short prompt, the small tool profile (log_experiment, no tune_model), the answer cap
// and temperature, and the log tools' aliases count as append_log in the checks.

import Agent
import Foundation
import LLMClient
import Testing

@Suite struct EvalSessionSetupTests {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func aSmallSetupShowsTheShortPromptAndTheSmallProfile() async throws {
        let scenario = EvalScenario(
            name: "t", dataset: Self.repo.appendingPathComponent("datasets/titanic.csv").path, target: "survived",
            turns: ["Predict survived in {file}."], expect: EvalExpectations(tools: ["load_data", "append_log"]))
        let model = ScriptedModel([
            .toolCall("load_data", #"{"path":"titanic.csv","target":"survived"}"#),
            .toolCall("log_context", #"{"problem":"who survived"}"#), .text("Done."),
        ])
        let run = try await EvalRunner.run(
            scenario, dataset: Self.repo.appendingPathComponent("datasets/titanic.csv"), attempt: 1, model: model,
            transcripts: nil, setup: EvalSessionSetup(smallPrompt: true, maxTokens: 256, temperature: 0))
        let first = try #require(model.requests.first)
        #expect(first.messages.first?.content == Prompts.system(.en, small: true))
        let names = first.tools.map(\.name)
        #expect(names.contains("log_experiment") && !names.contains("append_log") && !names.contains("tune_model"))
        #expect(first.maxTokens == 256 && first.temperature == 0)
        // log_context ran as append_log, and the tools check counts it.
        #expect(run.checks.first { $0.name == "tools_called" }?.passed == true)
    }

    @Test func anUnattendedSessionGoesOnAfterAnAnswerWithoutACallAndIsGuided() async throws {
        // Qwen2.5-Coder-1.5B's first answer in `mlexp eval` restated the task in prose: without a person to
        // answer, the session must go on (as `mlexp run`), with the guide's next step.
        let scenario = EvalScenario(
            name: "t", dataset: Self.repo.appendingPathComponent("datasets/titanic.csv").path, target: "survived",
            turns: ["Predict survived in {file}."], expect: EvalExpectations(tools: ["load_data"]))
        let model = ScriptedModel([
            .text("The problem is to predict survival."),
            .toolCall("load_data", #"{"path":"titanic.csv","target":"survived"}"#), .text("Done."),
        ])
        let run = try await EvalRunner.run(
            scenario, dataset: Self.repo.appendingPathComponent("datasets/titanic.csv"), attempt: 1, model: model,
            transcripts: nil, setup: EvalSessionSetup(smallPrompt: true, unattended: true))
        #expect(run.checks.first { $0.name == "tools_called" }?.passed == true)
        // Told what is missing after the prose answer, then guided after the tool result.
        let lastTurns = model.requests.compactMap { $0.messages.last?.content }
        #expect(
            lastTurns.dropFirst().first?.hasPrefix("The session is not finished. Still to do: load the data") == true)
        #expect(lastTurns.contains { $0.hasPrefix("Next step:") })
    }
}
