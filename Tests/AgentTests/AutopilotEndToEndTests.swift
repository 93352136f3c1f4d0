// The Autopilot end to end on each shipped dataset, through the real tools and the real loop, in a
// fresh workspace: its best validated run reaches the floor the issue sets, the log has the Context and
// at least three experiments with every section, each experiment names run ids, the log's numbers all
// match the store (ExperimentLog.verify), every tool call is answered, and the sealed test split is
// evaluated exactly once, for the chosen run, after every training.

import Agent
import Foundation
import LLMClient
import Testing
import Tracking

@Suite(.serialized) struct AutopilotEndToEndTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let file: String, target: String, metric: String, floor: Double
        var testDescription: String { "\(file) \(metric) ≥ \(floor)" }
    }

    static let cases = [
        Case(file: "titanic", target: "survived", metric: "roc_auc", floor: 0.80),
        Case(file: "penguins", target: "species", metric: "accuracy", floor: 0.95),
        Case(file: "mpg", target: "hwy", metric: "r2", floor: 0.78),
        Case(file: "wine", target: "target", metric: "accuracy", floor: 0.93),
    ]

    @Test(arguments: cases) func reachesTheFloorWithACompleteVerifiedLog(_ c: Case) async throws {
        let root = try TempWorkspace.make()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.copyItem(
            at: AgentFixtures.dataset(c.file), to: root.appendingPathComponent("\(c.file).csv"))
        let session = Session(language: .en)
        let context = try ToolContext.open(workspace: Workspace(root: root), session: session)
        let loop = AgentLoop(
            model: Autopilot(brief: AutopilotBrief(path: "\(c.file).csv", target: c.target)),
            tools: try StandardTools.registry(context), systemPrompt: Prompts.system(.en),
            limits: LoopLimits(maxModelTurns: 60))
        let outcome = await loop.send("Run the session.")
        guard case .answered(let decision) = outcome else {
            Issue.record("the session did not end with an answer: \(outcome)")
            return
        }
        #expect(decision.hasPrefix("Decision: keep"))

        let runs = try context.store.list(includeModels: true)
        let best = runs.compactMap { $0.metrics[c.metric]?.mean }.max() ?? -.infinity
        #expect(best >= c.floor, "best \(c.metric) \(best) is below \(c.floor)")
        #expect(runs.last?.modelFamily == "baseline", "the first run must be the baseline")
        #expect(
            runs.allSatisfy { $0.promptVersion == Prompts.version && $0.sessionID == session.id && $0.model != nil })

        let messages = await loop.messages
        #expect(messages.everyCallAnswered)
        #expect(!messages.toolResults().contains { $0["error"] != nil }, "a tool failed")
        // The sealed test split: evaluated once, for the chosen run, after the last training.
        let evaluations = try context.store.testEvaluations()
        #expect(evaluations.count == 1)
        let calls = messages.flatMap(\.toolCalls)
        let lastTrain = calls.lastIndex { $0.name == "train_model" } ?? 0
        let testCall = calls.firstIndex { $0.name == "compute_metrics" && $0.arguments.contains(#""split":"test""#) }
        #expect(testCall.map { $0 > lastTrain } == true)
        // Once tested, the chosen run is refitted on every labelled row, and the decision names that model first.
        let finalCall = calls.firstIndex { $0.name == "finalize_model" }
        #expect(finalCall != nil && testCall != nil && finalCall! > testCall!)
        let final = try #require(messages.toolResults().first { $0["refit_of"] != nil })
        #expect(final["refit_of"]?.stringValue == evaluations.first?.runID)
        let finalID = try #require(final["run_id"]?.stringValue)

        let document = try context.log.read()
        #expect(document.context != nil)
        #expect(document.entries.count >= 3)
        #expect(document.decision != nil)
        for entry in document.entries {
            for section in [entry.hypothesis, entry.approach, entry.result, entry.analysis, entry.next] {
                #expect(!section.isEmpty)
            }
            #expect(!entry.runIDs.isEmpty)
        }
        #expect(try context.log.verify(against: context.store).isEmpty)
        let markdown = try String(contentsOfFile: context.log.markdownPath, encoding: .utf8)
        for heading in [
            "## Context", "**Hypothesis**", "**Approach**", "**Result**", "**Analysis**", "**Next**", "## Decision",
        ] {
            #expect(markdown.contains(heading))
        }
        let decisionSection = markdown.components(separatedBy: "## Decision").last ?? ""
        #expect(decisionSection.contains("mlexp predict \(finalID)"), "\(decisionSection)")
        // Each experiment's Result quotes its run's stored metric with the run id.
        for entry in document.entries {
            guard let id = entry.runIDs.first, let run = runs.first(where: { $0.id == id }) else { continue }
            #expect(entry.result.contains(run.cite(run.mainMetric)))
        }
    }

    @Test func frenchSessionWritesAFrenchLog() async throws {
        let root = try TempWorkspace.make()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.copyItem(
            at: AgentFixtures.dataset("penguins"), to: root.appendingPathComponent("penguins.csv"))
        let context = try ToolContext.open(workspace: Workspace(root: root), session: Session(language: .fr))
        let loop = AgentLoop(
            model: Autopilot(brief: AutopilotBrief(path: "penguins.csv", target: "species", language: .fr)),
            tools: try StandardTools.registry(context), systemPrompt: Prompts.system(.fr))
        guard case .answered(let text) = await loop.send("Vas-y.") else {
            Issue.record("no answer")
            return
        }
        #expect(text.hasPrefix("Décision : garder"))
        let markdown = try String(contentsOfFile: context.log.markdownPath, encoding: .utf8)
        for heading in [
            "## Contexte", "## Expérience #1", "**Hypothèse**", "**Approche**", "**Résultat**", "**Analyse**",
            "## Décision",
        ] {
            #expect(markdown.contains(heading))
        }
        #expect(try context.log.verify(against: context.store).isEmpty)
        // load_data's English words for the task and the validation are put into French.
        #expect(markdown.contains("(multiclasse)") && markdown.contains("validation croisée stratifiée à 5 folds"))
        #expect(!markdown.contains("fold CV") && !markdown.contains("(multiclass)"))
    }
}
