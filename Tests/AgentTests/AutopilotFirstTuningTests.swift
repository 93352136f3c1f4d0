// The Autopilot's first tuning of gradient boosting: it samples fewer configurations when successive
// halving would run one round (a random search, every configuration a full cross-validation), so its cost
// is bounded on small tables; and a log target that paid (the log-target move beat the raw target beyond
// one standard error) is carried into the later tunings of gradient boosting, which then measure their
// settings on the target the best run already has.

import Foundation
import LLMClient
import MLCore
import Testing
import Tracking

@testable import Agent

@Suite(.serialized) struct AutopilotFirstTuningTests {
    @Test func oneRoundOfHalvingSamplesEightConfigurationsTwoRoundsEighteen() {
        // 5 folds: a fold trains on 4/5 of the rows; the second round needs 3 × 3,000 rows a fold.
        #expect(AutopilotSearch.firstTuningCandidates(trainRows: 11_250, folds: 5) == 18)
        #expect(AutopilotSearch.firstTuningCandidates(trainRows: 11_249, folds: 5) == 8)
        // caravan's 80 %: 3,725 rows outside the sealed split, 2,980 a fold.
        #expect(AutopilotSearch.firstTuningCandidates(trainRows: 3_725, folds: 5) == 8)
        #expect(AutopilotSearch.firstTuningCandidates(trainRows: 100_000, folds: 5) == 18)
        #expect(AutopilotSearch.firstTuningCandidates(trainRows: 0, folds: 5) == 8)
    }

    /// y = exp(x1 + x2 + x3 + noise/10): skewed right, and additive on the log scale only, so gradient
    /// boosting fits log(1 + y) far better than y.
    static func multiplicative(rows: Int) -> String {
        var state: UInt64 = 20_261_207
        func uniform() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        var lines = ["x1,x2,x3,x4,y"]
        for _ in 0..<rows {
            let x = (0..<4).map { _ in 2 * uniform() }
            let y = exp(x[0] + x[1] + x[2] + 0.1 * (uniform() - 0.5))
            lines.append((x + [y]).map { String(format: "%.4f", $0) }.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func aLogTargetThatPaidReachesTheLaterTuningsOfGradientBoosting() async throws {
        let root = try TempWorkspace.make()
        try Self.multiplicative(rows: 400).write(
            to: root.appendingPathComponent("growth.csv"), atomically: true, encoding: .utf8)
        let context = try ToolContext.open(workspace: Workspace(root: root), session: Session(language: .en))
        let clock = ScriptedClock(step: 0.01)
        let loop = AgentLoop(
            model: Autopilot(
                brief: AutopilotBrief(path: "growth.csv", target: "y", budget: 30), startedAt: clock.start,
                now: { clock.now() }),
            tools: try StandardTools.registry(context), systemPrompt: Prompts.system(.en),
            limits: LoopLimits(maxModelTurns: 80))
        _ = await loop.send("Run the session.")
        let messages = await loop.messages
        let calls = messages.flatMap(\.toolCalls)
        // The log-target move ran, and beat the raw target beyond one standard error (its log entry says so).
        let logMove = try #require(calls.first { $0.id == "aps0" }, "\(calls.map(\.id))")
        #expect(logMove.arguments.contains(#""target_transform":"log""#))
        let entries = try context.log.read().entries
        let logEntry = try #require(entries.first { $0.title.contains("log") }, "\(entries.map(\.title))")
        #expect(logEntry.analysis.contains("holds"), "\(logEntry.analysis)")
        // So the first tuning of gradient boosting fits log(1 + y), and says so in its approach.
        let tuning = try #require(calls.first { $0.id == "aps1" })
        #expect(tuning.name == "tune_model" && tuning.arguments.contains(#""target_transform":"log""#))
        let tuned = try #require(entries.first { $0.title == "Tuned gradient boosting" })
        #expect(tuned.approach.contains("target_transform log"), "\(tuned.approach)")
        // The second round's tuning of gradient boosting too, when it ran; the other families keep y.
        if let wide = calls.first(where: { $0.id == "aps8" }) {
            #expect(wide.arguments.contains(#""target_transform":"log""#))
        }
        for id in ["aps2", "aps4", "aps13"] {
            if let other = calls.first(where: { $0.id == id }) {
                #expect(!other.arguments.contains("target_transform"))
            }
        }
        let content = try #require(messages.first { $0.toolCallID == "aps1" }?.content)
        let best = try #require(try JSONValue.parse(content)["best_run"]?.stringValue)
        let model = try #require(try context.store.get(best).model)
        #expect(try TrainedModel.load(model).targetTransform == .log)
    }
}
