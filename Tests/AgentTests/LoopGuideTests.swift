// What the harness does for a small model that repeats itself or loses the plan, with a scripted model:
// a call that already succeeded is answered from memory (no second run, no duplicate entry) and counts as
// no progress; the guide's next step ends each request after tool results, is shown as a notice and is
// never stored in the conversation; the next step follows the workflow with the run ids it needs.

import Foundation
import LLMClient
import MLCore
import Testing

@testable import Agent

@Suite struct LoopGuideTests {
    @Test func aCallThatAlreadySucceededIsAnsweredFromMemoryAndIsNoProgress() async throws {
        let log = EventLog()
        let same = ScriptedModel.Step.toolCall("echo", #"{"text":"a"}"#)
        let model = ScriptedModel(Array(repeating: same, count: 10))
        let loop = AgentLoop(
            model: model, tools: try TestTools.registry(), systemPrompt: "sys",
            limits: LoopLimits(maxAnswersWithoutProgress: 3), observers: [log])
        let outcome = await loop.send("go")
        guard case .stopped(.noProgress, _) = outcome else {
            Issue.record("expected a no-progress stop, got \(outcome)")
            return
        }
        // The first answer ran the tool; the three repeats were answered without running it.
        #expect(model.requests.count == 4)
        let results = await loop.messages.toolResults()
        #expect(results.count == 4)
        #expect(results[0]["echoed"]?.stringValue == "a")
        for repeat_ in results.dropFirst() {
            #expect(repeat_["already_done"] == .bool(true))
            #expect(repeat_["earlier_result"]?["echoed"]?.stringValue == "a")
        }
    }

    @Test func aFailedCallRunsAgainOnceSomethingElseSucceeded() async throws {
        // "no baseline yet" fails, the baseline is trained, the same call must run now (not the old error).
        let log = EventLog()
        let model = ScriptedModel([
            .toolCall("echo", #"{"text":"fail"}"#), .toolCall("echo", #"{"text":"ok"}"#),
            .toolCall("echo", #"{"text":"fail"}"#), .text("Done."),
        ])
        let loop = AgentLoop(model: model, tools: try TestTools.registry(), systemPrompt: "sys", observers: [log])
        #expect(await loop.send("go") == .answered("Done."))
        let started = log.all.filter { if case .toolStarted = $0 { true } else { false } }
        #expect(started.count == 3)
    }

    @Test func loadingDataAgainRunsAgain() {
        #expect(ToolRegistry.rerunnable == ["load_data", "list_runs", "compute_metrics"])
    }

    @Test func theGuideEndsEachRequestAfterToolResultsAndIsNotStored() async throws {
        let log = EventLog()
        let model = ScriptedModel([.toolCall("echo", #"{"text":"a"}"#), .text("Done.")])
        let loop = AgentLoop(
            model: model, tools: try TestTools.registry(), systemPrompt: "sys", observers: [log])
        await loop.setGuide { "Next step: call echo with text \"b\"." }
        let outcome = await loop.send("go")
        #expect(outcome == .answered("Done."))
        // The first request ends with the user's turn (no tool result yet): no guide.
        #expect(model.requests[0].messages.last?.content == "go")
        let second = try #require(model.requests[1].messages.last)
        #expect(second.role == .user)
        #expect(second.content == "Next step: call echo with text \"b\".")
        #expect(await loop.messages.allSatisfy { $0.content?.contains("Next step") != true })
        let notices = log.all.compactMap { if case .notice(let t) = $0 { t } else { nil } }
        #expect(notices.contains("guide: Next step: call echo with text \"b\"."))
    }

    @Test func callIdsAreUniqueOverTheSession() async throws {
        // Structured answers number their calls from 0 in each answer; a transcript matches results by id.
        let model = ScriptedModel([
            .toolCall("echo", #"{"text":"a"}"#), .toolCall("echo", #"{"text":"b"}"#), .text("Done."),
        ])
        let loop = AgentLoop(model: model, tools: try TestTools.registry(), systemPrompt: "sys")
        _ = await loop.send("go")
        let seen = await loop.messages.flatMap(\.toolCalls).map(\.id)
        #expect(seen.count == 2 && Set(seen).count == 2)
        var ids: Set<String> = ["call_0"]
        let renamed = AgentLoop.withUniqueIDs(
            [ToolCall(id: "call_0", name: "echo", arguments: "{}")], seen: &ids, turn: 7)
        #expect(renamed.map(\.id) == ["call_7_0_echo"])
    }

    func progress(
        runs: [(String, String, Double)] = [], context: Bool = true, compared: Bool = false, explained: Bool = false,
        experiments: Int = 0, decision: Bool = false, metric: String = "roc_auc", task: TaskKind = .binary
    ) -> SessionProgress {
        SessionProgress(
            datasets: ["titanic.csv"],
            runs: runs.map { .init(id: $0.0, model: $0.1, metric: metric, mean: $0.2, std: 0.01) },
            hasContext: context, experiments: experiments, hasDecision: decision, explained: explained,
            compared: compared,
            testEvaluated: false, task: task, targets: ["survived"])
    }

    @Test func theNextStepFollowsTheWorkflowWithTheRunIdsItNeeds() {
        #expect(progress(context: false).nextStep()?.contains("call log_context with the problem") == true)
        // Loaded without the target the session was asked about: load it again, with the target.
        #expect(progress(context: false).nextStep(target: "species")?.contains(#"target "species""#) == true)
        #expect(progress().nextStep()?.contains(#"train_model with model "baseline""#) == true)
        let baseline = [("r0001", "baseline", 0.5)]
        #expect(progress(runs: baseline).nextStep()?.contains(#"model "logistic""#) == true)
        #expect(
            progress(runs: baseline, task: .regression).nextStep()?.contains(#"model "ridge""#) == true)
        // Then gradient boosting, the strongest family on tables (as the Autopilot's plan).
        #expect(progress(runs: baseline + [("r0002", "logistic", 0.84)]).nextStep()?.contains(#"model "gbdt""#) == true)
        let three = baseline + [("r0002", "logistic", 0.84), ("r0003", "random_forest", 0.86)]
        #expect(
            progress(runs: three).nextStep()
                == #"Next step: call compute_metrics with run_id "r0003" (best so far, random_forest) and compare_to "r0001" (baseline)."#
        )
        // Lower is better for an error metric: the best run is the one with the smallest RMSE.
        let errors = [("r0001", "baseline", 9.0), ("r0002", "ridge", 3.0), ("r0003", "gbdt", 4.0)]
        #expect(
            progress(runs: errors, metric: "rmse", task: .regression).nextStep()?.contains(#"run_id "r0002""#) == true)
        #expect(
            progress(runs: three, compared: true).nextStep() == #"Next step: call explain_model with run_id "r0003"."#)
        let logging = progress(runs: three, compared: true, explained: true, experiments: 1).nextStep() ?? ""
        #expect(logging.contains("call log_experiment for run r0002 (logistic)"))
        #expect(logging.contains(#"compare_to "r0001""#))
        #expect(
            progress(runs: three, compared: true, explained: true, experiments: 3).nextStep()?.contains(
                "call log_decision: keep run r0003") == true)
        #expect(
            progress(runs: three, compared: true, explained: true, experiments: 3, decision: true).nextStep()?
                .hasPrefix(
                    "Every step of the workflow is done") == true)
    }

    @Test func aContextWrittenBeforeTheTargetWasLoadedFramesTheClusteringProblemNotTheTargetOne() async throws {
        // Qwen2.5-Coder-1.5B's first answer on titanic: load_data without the target and log_context, then
        // load_data with it. The guide must ask for the context of the problem now worked on.
        let tools = try AgentFixtures.tools("titanic")
        func run(_ name: String, _ arguments: String) async {
            _ = await tools.execute(ToolCall(id: "c", name: name, arguments: arguments))
        }
        func progress() -> SessionProgress { SessionProgress.read(tools.context, explained: false, compared: false) }
        await run("load_data", #"{"path": "titanic.csv"}"#)
        await run("log_context", #"{"problem": "Who survived the Titanic?"}"#)
        #expect(progress().hasContext)
        await run("load_data", #"{"path": "titanic.csv", "target": "survived"}"#)
        #expect(!progress().hasContext)
        #expect(progress().nextStep(target: "survived")?.contains("call log_context") == true)
        await run("log_context", #"{"problem": "Who survived the Titanic?"}"#)
        #expect(progress().hasContext)
        let framed = try tools.context.log.read().problems.first { $0.key?.target == "survived" }
        #expect(framed?.context?.problem == "Who survived the Titanic?")
    }

    @Test func loadDataWithoutATargetTakesTheOneTheSessionWasAskedFor() async throws {
        // `mlexp run titanic.csv --target survived`: a model that forgets the target in load_data still works
        // on the problem asked (Qwen2.5-Coder-1.5B's first call, every time), and the result says so.
        let tools = try AgentFixtures.tools("titanic", "wine", session: Session(target: "survived"))
        func load(_ arguments: String) async throws -> JSONValue {
            try JSONValue.parse(await tools.execute(ToolCall(id: "c", name: "load_data", arguments: arguments)).content)
        }
        let defaulted = try await load(#"{"path": "titanic.csv"}"#)
        #expect(defaulted["task"]?.stringValue == "binary")
        #expect(
            defaulted["target_note"]?.stringValue?.contains(#""survived", the column this session was asked"#) == true)
        let named = try await load(#"{"path": "titanic.csv", "target": "sex"}"#)
        #expect(named["target_note"] == nil)
        // A file without that column is loaded as asked: no target, clustering.
        let other = try await load(#"{"path": "wine.csv"}"#)
        #expect(other["task"]?.stringValue == "clustering")
    }
}
