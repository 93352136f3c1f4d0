// The Autopilot with a time budget: after the first families it runs its search (each move a logged
// experiment with a hypothesis and run ids), chooses by the one-standard-error rule on validation, evaluates
// the sealed test split once after the last training, and its decision says how much of the budget it used
// and why the search stopped. Without a budget (chat, eval) there is no search.

import Agent
import Foundation
import LLMClient
import MLCore
import Testing
import Tracking

@Suite(.serialized) struct AutopilotSearchTests {
    func session(_ file: String, _ target: String, budget: Double?, clock: ScriptedClock? = nil) async throws -> (
        ToolContext, [ChatMessage], TurnOutcome
    ) {
        let root = try TempWorkspace.make()
        try FileManager.default.copyItem(
            at: AgentFixtures.dataset(file), to: root.appendingPathComponent("\(file).csv"))
        let context = try ToolContext.open(workspace: Workspace(root: root), session: Session(language: .en))
        let loop = AgentLoop(
            model: clock.map { c in
                Autopilot(
                    brief: AutopilotBrief(path: "\(file).csv", target: target, budget: budget), startedAt: c.start,
                    now: { c.now() })
            } ?? Autopilot(brief: AutopilotBrief(path: "\(file).csv", target: target, budget: budget)),
            tools: try StandardTools.registry(context), systemPrompt: Prompts.system(.en),
            limits: LoopLimits(maxModelTurns: 60))
        let outcome = await loop.send("Run the session.")
        return (context, await loop.messages, outcome)
    }

    @Test func theSearchRunsLoggedHypothesesAndChoosesByTheOneStandardErrorRule() async throws {
        // A scripted clock: every move fits; the tunings' own time budgets (a share of the 40 s) keep it short.
        let (context, messages, outcome) = try await session(
            "titanic", "survived", budget: 40, clock: ScriptedClock(step: 0.01))
        guard case .answered(let final) = outcome else {
            Issue.record("the session did not end with an answer: \(outcome)")
            return
        }
        #expect(final.contains("Search:"), "\(final)")
        #expect(messages.everyCallAnswered)
        #expect(!messages.toolResults().contains { $0["error"] != nil }, "a tool failed")
        let calls = messages.flatMap(\.toolCalls)
        let searchCalls = calls.filter { $0.id.hasPrefix("aps") }
        #expect(searchCalls.contains { $0.name == "tune_model" }, "gradient boosting is tuned")
        #expect(searchCalls.contains { $0.arguments.contains(#""random_forest""#) })
        // One log entry per search move, with its run.
        #expect(calls.filter { $0.id.hasPrefix("apl") }.count == searchCalls.count)
        let document = try context.log.read()
        let titles = document.entries.map(\.title)
        #expect(titles.contains("Tuned gradient boosting"))
        #expect(titles.contains("Random forest"))
        // Titanic's name is text: the text model is tried again with a larger vocabulary and balanced weights.
        let textMove = try #require(searchCalls.first { $0.id == "aps10" })
        #expect(textMove.arguments.contains(#""text_max_terms":5000"#) && textMove.arguments.contains("balanced"))
        #expect(titles.contains("Text model with a larger vocabulary"))
        #expect(!searchCalls.contains { $0.id == "aps13" }, "no k-NN: titanic has categorical and text columns")
        // A second round, if any, comes after every move of the first.
        let second = ["aps8", "aps9", "aps11", "aps12"]
        if let start = searchCalls.firstIndex(where: { second.contains($0.id) }) {
            #expect(searchCalls[start...].allSatisfy { second.contains($0.id) }, "\(searchCalls.map(\.id))")
        }
        #expect(try context.log.verify(against: context.store).isEmpty)
        let decision = try #require(document.decision)
        #expect(decision.contains("budget"))
        // The sealed split: once, after the last training of the search.
        #expect(try context.store.testEvaluations().count == 1)
        let lastTrain = calls.lastIndex { $0.name == "train_model" || $0.name == "tune_model" } ?? 0
        let testCall = calls.firstIndex { $0.name == "compute_metrics" && $0.arguments.contains(#""split":"test""#) }
        #expect(testCall.map { $0 > lastTrain } == true)
        // The chosen run is the one-SE choice among the validated runs (the baseline excepted).
        let evaluated = try #require(try context.store.testEvaluations().first?.runID)
        // In training order, so that a tie (a search that lands on the default settings) keeps the earlier run.
        let runs = try context.store.list().filter { $0.modelFamily != "baseline" }.sorted { $0.id < $1.id }
        let complexity: (RunRecord) -> Int = { r in
            switch r.modelFamily {
            case "ensemble": r.hyperParameters["method"] == .string("stack") ? 5 : 4
            case "gbdt" where r.hypothesis?.contains("search over") == true: 3
            case "gbdt" where r.hypothesis?.contains("wider search") == true: 3
            case "random_forest" where r.hypothesis?.contains("tuning") == true: 3
            case "logistic" where r.hypothesis?.contains("most frequent terms") == true: 2
            case "gbdt", "random_forest": 2
            default: 1
            }
        }
        let kept = OneStandardErrorRule.choose(
            runs.map {
                ScoredCandidate(
                    id: $0.id, mean: $0.metrics["roc_auc"]?.mean ?? .nan, std: $0.metrics["roc_auc"]?.std, folds: 5,
                    complexity: complexity($0))
            }, greaterIsBetter: true)
        #expect(kept?.id == evaluated)
    }

    @Test func aSecondRoundTunesTheFamiliesStillInContention() async throws {
        // Wine: logistic regression, the random forest and gradient boosting end the first round within noise
        // of one another, so the search goes on after its queue. The clock is scripted (the budget never
        // runs out); the tunings' own time budgets are the only real-time limits.
        let clock = ScriptedClock(step: 0.01)
        let root = try TempWorkspace.make()
        try FileManager.default.copyItem(at: AgentFixtures.dataset("wine"), to: root.appendingPathComponent("wine.csv"))
        let context = try ToolContext.open(workspace: Workspace(root: root), session: Session(language: .en))
        let loop = AgentLoop(
            model: Autopilot(
                brief: AutopilotBrief(path: "wine.csv", target: "target", budget: 30), startedAt: clock.start,
                now: { clock.now() }),
            tools: try StandardTools.registry(context), systemPrompt: Prompts.system(.en),
            limits: LoopLimits(maxModelTurns: 80))
        _ = await loop.send("Run the session.")
        let calls = await loop.messages.flatMap(\.toolCalls)
        let search = calls.filter { $0.id.hasPrefix("aps") }.map(\.id)
        let wide = try #require(calls.first { $0.id == "aps8" }, "the wider tuning of gradient boosting: \(search)")
        #expect(wide.name == "tune_model" && wide.arguments.contains(#""candidates":54"#))
        // Every wine feature is a number: k-NN is tried, on raw and standardised values alike.
        let knn = try #require(calls.first { $0.id == "aps13" }, "k-NN on an all-numeric table: \(search)")
        #expect(knn.name == "tune_model" && knn.arguments.contains(#""scaling":["standard","none"]"#), "\(knn)")
        let seconds = try #require(try JSONValue.parse(wide.arguments)["time_budget_seconds"]?.doubleValue)
        #expect(seconds <= 30 * 0.9, "within what the plan may spend")
        // After every move of the first round, each with its log entry.
        let first = search.firstIndex(of: "aps8") ?? 0
        #expect(search.prefix(first).contains("aps5") && search.prefix(first).contains("aps7"), "\(search)")
        #expect(calls.filter { $0.id.hasPrefix("apl") }.count == search.count)
        let titles = try context.log.read().entries.map(\.title)
        #expect(titles.contains("Gradient boosting, second tuning round (wider)"))
        #expect(try context.log.verify(against: context.store).isEmpty)
        #expect(try context.store.testEvaluations().count == 1)
    }

    @Test func withoutABudgetThereIsNoSearch() async throws {
        let (context, messages, _) = try await session("mpg", "hwy", budget: nil)
        #expect(!messages.flatMap(\.toolCalls).contains { $0.id.hasPrefix("aps") })
        #expect(try context.log.read().decision?.contains("Search:") == false)
    }
}
