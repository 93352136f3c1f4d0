// A log entry refused for an unrecorded number and sent again unchanged (what Qwen2.5-Coder-1.5B did five
// times in a row on titanic) is written once without the sentences stating it: the log gains the entry,
// keeps no unrecorded number, and the model reads what was left out. A model that corrects its entry
// never meets the repair.

import Foundation
import LLMClient
import MLCore
import Testing

@testable import Agent

@Suite struct LogRepairTests {
    func session(_ steps: [ScriptedModel.Step]) async throws -> (AgentLoop, ToolRegistry, EventLog) {
        let tools = try AgentFixtures.tools("penguins")
        let log = EventLog()
        let start: [ScriptedModel.Step] = [
            .toolCall("load_data", #"{"path": "penguins.csv", "target": "species"}"#),
            .toolCall("train_model", #"{"model": "baseline", "hypothesis": "The majority class is the floor."}"#),
        ]
        let loop = AgentLoop(
            model: ScriptedModel(start + steps + [.text("Done.")]), tools: tools, systemPrompt: "sys", observers: [log])
        #expect(await loop.send("go") == .answered("Done."))
        return (loop, tools, log)
    }

    @Test func aRefusedEntrySentAgainUnchangedIsWrittenWithoutItsUnrecordedSentences() async throws {
        let entry = ScriptedModel.Step.toolCall(
            "log_experiment",
            #"{"run_ids": ["r0001"], "hypothesis": "The majority class is the floor.", "analysis": "It reaches 0.9731 on every fold. The baseline predicts the majority class for every row.", "next": "Train logistic regression."}"#
        )
        let (loop, tools, log) = try await session([entry, entry])
        let results = await loop.messages.toolResults()
        #expect(results[2]["error"]?.stringValue?.contains("analysis states 0.9731") == true)
        #expect(results[3]["written"]?.stringValue == "experiment #1")
        #expect(results[3]["repaired"]?.stringValue?.contains("without the sentences stating 0.9731") == true)
        let written = try #require(try tools.context.log.read().entries.first)
        #expect(written.analysis == "The baseline predicts the majority class for every row.")
        #expect(written.hypothesis == "The majority class is the floor.")
        #expect(try tools.context.log.verify(against: tools.context.store).isEmpty)
        let notices = log.all.compactMap { if case .notice(let t) = $0 { t } else { nil } }
        #expect(notices.contains { $0.contains("run once with what the refusal named left out") })
    }

    @Test func fieldsWithNothingLeftAreWrittenByTheToolOrSayTheyWereLeftOut() async throws {
        let entry = ScriptedModel.Step.toolCall(
            "log_experiment",
            #"{"run_ids": ["r0001"], "title": "A floor of 0.4412", "hypothesis": "It scores 0.4412.", "analysis": "Accuracy 0.8123 and AUC 0.9102.", "next": "Train gbdt."}"#
        )
        let (_, tools, _) = try await session([entry, entry])
        let written = try #require(try tools.context.log.read().entries.first)
        #expect(written.title == "baseline (r0001)", "the entry's runs name it")
        #expect(written.hypothesis == "The majority class is the floor.", "the run's own hypothesis")
        #expect(written.analysis == "(Left out: it stated numbers that no tool result holds.)")
        #expect(try tools.context.log.verify(against: tools.context.store).isEmpty)
    }

    @Test func aCorrectedEntryIsWrittenAsTheModelWroteIt() async throws {
        let (loop, tools, log) = try await session([
            .toolCall(
                "log_experiment",
                #"{"run_ids": ["r0001"], "hypothesis": "h", "analysis": "It reaches 0.9731.", "next": "n"}"#),
            .toolCall(
                "log_experiment",
                #"{"run_ids": ["r0001"], "hypothesis": "h", "analysis": "A floor to beat.", "next": "n"}"#),
        ])
        let results = await loop.messages.toolResults()
        #expect(results[3]["repaired"] == nil)
        #expect(try tools.context.log.read().entries.first?.analysis == "A floor to beat.")
        #expect(!log.all.contains { if case .notice(let t) = $0 { t.contains("refusal named") } else { false } })
    }

    @Test func sentencesEndAtAStopFollowedBySpaceNotAtADecimalPoint() {
        #expect(
            AppendLogTool.sentences("AUC 0.85 vs 0.80. Better;  clearly! Next…  ok")
                == ["AUC 0.85 vs 0.80.", "Better;", "clearly!", "Next…", "ok"])
    }

    @Test func aModelSentAgainBeforeTheBaselineTrainsTheBaselineInsteadThenRunsAsAsked() async throws {
        // Qwen2.5-Coder-1.5B on penguins sent "train_model linear" before any baseline until it was stopped.
        let tools = try AgentFixtures.tools("penguins")
        let logistic = ScriptedModel.Step.toolCall("train_model", #"{"model": "logistic", "hypothesis": "h"}"#)
        let loop = AgentLoop(
            model: ScriptedModel([
                .toolCall("load_data", #"{"path": "penguins.csv", "target": "species"}"#), logistic, logistic, logistic,
                .text("Done."),
            ]), tools: tools, systemPrompt: "sys")
        #expect(await loop.send("go") == .answered("Done."))
        let results = await loop.messages.toolResults()
        #expect(results[1]["error"]?.stringValue?.contains("no baseline run exists yet") == true)
        #expect(results[2]["model"]?.stringValue == "baseline")
        #expect(results[2]["repaired"]?.stringValue?.contains(#"Call train_model with model "logistic" now"#) == true)
        #expect(results[3]["model"]?.stringValue == "logistic", "the same call runs as asked once the baseline exists")
        #expect(try tools.context.store.count() == 2)
    }
}
