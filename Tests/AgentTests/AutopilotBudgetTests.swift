// The session ends within its budget: the steps after the search (interpretation, sealed test, log) are
// planned from what is left and the fit times measured; the interpretation's sample and learning curve
// follow from explain_model's time_budget_seconds; training steps that cannot start in time are passed
// over and the decision says so. The clock is scripted, so what is asserted is the planner's decisions,
// never a wall time.

import Foundation
import LLMClient
import MLCore
import Testing
import Tracking

@testable import Agent

/// A clock that moves `step` seconds every time it is read (one read per Autopilot answer).
final class ScriptedClock: @unchecked Sendable {
    let start = Date(timeIntervalSince1970: 1_800_000_000)
    private let step: Double
    private var reads = 0
    private let lock = NSLock()

    init(step: Double) { self.step = step }

    func now() -> Date {
        lock.lock()
        defer { lock.unlock() }
        reads += 1
        return start.addingTimeInterval(Double(reads - 1) * step)
    }
}

@Suite(.serialized) struct AutopilotBudgetTests {
    @Test func theClosingStepsArePlannedFromTheTimeLeft() {
        // A fit of 2 s: the test evaluation and the log entries take 1.4 s, the interpretation at least 2 s.
        let short = AutopilotFinish(remaining: 3, trainingSeconds: 2)
        #expect(short.closing == 1.4 && short.explainFloor == 2 && short.reserve == 3.4)
        #expect(short.explainSeconds == 2, "out of time, the interpretation still gets its floor (a small sample)")
        #expect(!short.learningCurve)
        let ample = AutopilotFinish(remaining: 60, trainingSeconds: 2)
        #expect(ample.explainSeconds == 59, "58.6 s, in whole seconds as the call sends it")
        #expect(ample.learningCurve, "5 s of refits fit in half of 59 s")
        #expect(!AutopilotFinish(remaining: 10, trainingSeconds: 2).learningCurve, "5 s is more than half of 8.6 s")
    }

    @Test func theExplanationsSampleIsSizedFromATimedPrediction() {
        // 10 inputs: 15 × 10 + 60 = 210 prediction passes; at 10 µs a row, 2.2 s hold 1,047 rows, kept as 1,000.
        #expect(ExplainBudget.passes(inputs: 10) == 210)
        #expect(
            ExplainBudget.rows(seconds: 2.2, secondsPerRow: 1e-5, inputs: 10, available: 50_000, cap: 5_000) == 1_000)
        // Never fewer than 200 rows, never more than the cap or the rows there are; whole hundreds.
        #expect(
            ExplainBudget.rows(seconds: 0.01, secondsPerRow: 1e-5, inputs: 10, available: 50_000, cap: 5_000) == 200)
        #expect(
            ExplainBudget.rows(seconds: 1e6, secondsPerRow: 1e-5, inputs: 10, available: 50_000, cap: 5_000) == 5_000)
        #expect(ExplainBudget.rows(seconds: 1e6, secondsPerRow: 1e-5, inputs: 10, available: 800, cap: 5_000) == 800)
        #expect(ExplainBudget.rows(seconds: 2.0, secondsPerRow: 1e-5, inputs: 10, available: 50_000, cap: 5_000) == 900)
        // The learning curve (about 2.5 fits' time) only when it leaves half of the budget to the rest.
        #expect(ExplainBudget(seconds: 10).learningCurveFits(trainingSeconds: 2))
        #expect(!ExplainBudget(seconds: 9).learningCurveFits(trainingSeconds: 2))
    }

    @Test func explainModelKeepsToItsTimeBudget() async throws {
        let tools = ToolsTests()
        let r = try tools.registry("titanic")
        _ = try await tools.call(r, "load_data", #"{"path": "titanic.csv", "target": "survived"}"#)
        _ = try await tools.call(r, "train_model", #"{"model": "baseline", "hypothesis": "the floor"}"#)
        let trained = try await tools.call(r, "train_model", #"{"model": "gbdt", "hypothesis": "trees"}"#)
        let id = try #require(trained["run_id"]?.stringValue)
        let free = try await tools.call(r, "explain_model", #"{"run_id": "\#(id)"}"#)
        let all = try #require(free["rows_evaluated"]?.intValue)
        #expect(all > 1_000 && free["time_budget"] == nil)
        // A budget no explanation can hold: the smallest sample, and the learning curve left out, saying why.
        let tight = try await tools.call(
            r, "explain_model", #"{"run_id": "\#(id)", "learning_curve": true, "time_budget_seconds": 0.001}"#)
        #expect(tight["rows_evaluated"]?.intValue == ExplainBudget.minimumRows, "\(tight)")
        #expect(tight["learning_curve"] == nil)
        let note = try #require(tight["time_budget"]?.stringValue)
        #expect(note.contains("learning curve left out") && note.contains("sample of 200 rows"), "\(note)")
        #expect(tight["note"]?.stringValue?.contains("a seeded sample of 200 of its \(all) training rows") == true)
        #expect(tight["importance"]?.arrayValue?.isEmpty == false)
    }

    func session(_ file: String, _ target: String, budget: Double, clock: ScriptedClock) async throws -> (
        ToolContext, [ChatMessage]
    ) {
        let root = try TempWorkspace.make()
        try FileManager.default.copyItem(
            at: AgentFixtures.dataset(file), to: root.appendingPathComponent("\(file).csv"))
        let context = try ToolContext.open(workspace: Workspace(root: root), session: Session(language: .en))
        let autopilot = Autopilot(
            brief: AutopilotBrief(path: "\(file).csv", target: target, budget: budget), startedAt: clock.start,
            now: { clock.now() })
        let loop = AgentLoop(
            model: autopilot, tools: try StandardTools.registry(context), systemPrompt: Prompts.system(.en),
            limits: LoopLimits(maxModelTurns: 60))
        _ = await loop.send("Run the session.")
        return (context, await loop.messages)
    }

    @Test func aSpentBudgetPassesOverTheSlowStepsAndStillCloses() async throws {
        // 4.5 s per answer against a 30 s budget: gradient boosting would start at 31.5 s, when what is left
        // cannot even hold the interpretation and the test evaluation.
        let (context, messages) = try await session("titanic", "survived", budget: 30, clock: ScriptedClock(step: 4.5))
        let calls = messages.flatMap(\.toolCalls)
        #expect(!calls.contains { $0.name == "train_model" && $0.arguments.contains(#""gbdt""#) })
        #expect(!calls.contains { $0.id.hasPrefix("aps") }, "no search move starts")
        let explain = try #require(calls.first { $0.name == "explain_model" })
        let args = try JSONValue.parse(explain.arguments)
        let budget = try #require(args["time_budget_seconds"]?.doubleValue)
        #expect(budget <= 2, "the floor: \(explain.arguments)")
        // The learning curve only when its refits (2.5 times the run's training) take at most half of that.
        let explained = try #require(args["run_id"]?.stringValue)
        // The Autopilot knows the training time as train_model's result gave it, to the hundredth.
        let seconds = (try context.store.get(explained).trainingSeconds * 100).rounded() / 100
        #expect(
            args["learning_curve"]?.boolValue == (2.5 * seconds <= budget / 2), "\(seconds) s, \(explain.arguments)")
        // It still closes: the sealed test once, and a decision that says what was left out and why.
        #expect(try context.store.testEvaluations().count == 1)
        let decision = try #require(try context.log.read().decision)
        #expect(decision.contains("Left out for lack of time"), "\(decision)")
        #expect(decision.contains("gradient boosting"))
        #expect(try context.log.verify(against: context.store).isEmpty)
    }

    @Test func anAmpleBudgetExplainsWithTheLearningCurveAndSearches() async throws {
        let (_, messages) = try await session("titanic", "survived", budget: 600, clock: ScriptedClock(step: 0.01))
        let calls = messages.flatMap(\.toolCalls)
        #expect(calls.contains { $0.name == "train_model" && $0.arguments.contains(#""gbdt""#) })
        #expect(calls.contains { $0.id.hasPrefix("aps") })
        let explain = try #require(calls.first { $0.name == "explain_model" })
        let args = try JSONValue.parse(explain.arguments)
        #expect(args["learning_curve"] == true)
        #expect((args["time_budget_seconds"]?.doubleValue ?? 0) > 500)
    }

    /// Gradient boosting's first fit gets a time limit from the budget (half of what is left after the closing
    /// steps, over five folds and the final fit), so a wide, many-class table cannot take the session past it.
    @Test func gradientBoostingIsGivenATimeLimitFromTheBudget() async throws {
        let (_, messages) = try await session("titanic", "survived", budget: 120, clock: ScriptedClock(step: 0.5))
        let gbdt = try #require(
            messages.flatMap(\.toolCalls).first { $0.name == "train_model" && $0.arguments.contains(#""gbdt""#) })
        let limit = try #require(try JSONValue.parse(gbdt.arguments)["params"]?["max_seconds"]?.doubleValue)
        // Read at about 3 s into the session: (117 s − the reserve) / 2 / 6 ≈ 10 s, whole seconds.
        #expect(limit >= 8 && limit <= 10 && limit == limit.rounded(), "\(gbdt.arguments)")
    }
}
