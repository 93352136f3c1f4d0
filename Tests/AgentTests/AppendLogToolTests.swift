// append_log against a real run store: the Result is written from the store with run ids (and passes
// the log's verifier), a number the model invents is refused, missing sections are named.

import Agent
import Foundation
import Testing
import Tracking

@Suite struct AppendLogToolTests {
    func context() throws -> ToolContext {
        try ToolContext.open(workspace: Workspace(root: try TempWorkspace.make()), session: Session())
    }

    func record(_ store: RunStore, model: String, auc: Double) throws -> RunRecord {
        var r = RunRecord(
            dataset: DatasetInfo(fingerprint: "f", rows: 10, columns: 3, path: "d.csv"), target: "y", task: "binary",
            modelFamily: model)
        r.metrics = ["roc_auc": MetricSummary(mean: auc, std: 0.01, ciLow: auc - 0.02, ciHigh: auc + 0.02)]
        r.foldMetrics = [["roc_auc": auc - 0.01], ["roc_auc": auc + 0.01]]
        r.validation = .object(["metric": .string("roc_auc")])
        return try store.insert(r)
    }

    @Test func experimentResultComesFromTheStore() async throws {
        let c = try context()
        let base = try record(c.store, model: "baseline", auc: 0.5)
        let gbdt = try record(c.store, model: "gbdt", auc: 0.8512)
        let tool = AppendLogTool()
        _ = try await tool.run(["kind": "context", "problem": "p", "data": "d", "metric": "roc_auc"], in: c)
        let out = try await tool.run(
            [
                "kind": "experiment", "title": "GBDT", "hypothesis": "h", "approach": "gbdt", "analysis": "better",
                "next": "explain", "run_ids": .strings([gbdt.id]), "compare_to": .string(base.id),
            ], in: c)
        let result = try #require(out["result"]?.stringValue)
        #expect(result.contains("roc_auc 0.851 ± 0.010 [95% CI 0.831–0.871] (\(gbdt.id))"))
        #expect(result.contains("+0.351 (\(gbdt.id) − \(base.id))"))
        #expect(try c.log.verify(against: c.store).isEmpty)
        let markdown = try String(contentsOfFile: c.log.markdownPath, encoding: .utf8)
        for section in [
            "## Context", "## Experiment #1 — GBDT", "**Hypothesis**", "**Approach**", "**Result**", "**Analysis**",
            "**Next**",
        ] {
            #expect(markdown.contains(section))
        }
    }

    @Test func inventedNumberIsRefused() async throws {
        let c = try context()
        let gbdt = try record(c.store, model: "gbdt", auc: 0.85)
        await #expect(throws: ToolError.self) {
            _ = try await AppendLogTool().run(
                [
                    "kind": "experiment", "title": "t", "hypothesis": "h", "approach": "a", "next": "n",
                    "analysis": .string("it reached 0.93 on \(gbdt.id)"), "run_ids": .strings([gbdt.id]),
                ], in: c)
        }
        #expect(try c.log.read().entries.isEmpty)
    }

    @Test func missingSectionsAreNamed() async throws {
        let c = try context()
        do {
            _ = try await AppendLogTool().run(["kind": "experiment", "title": "t"], in: c)
            Issue.record("expected an error")
        } catch let e as ToolError {
            #expect(e.message.contains("'hypothesis', 'approach', 'analysis', 'next'"))
        }
    }

    @Test func anEntryWithoutTitleIsTitledByItsRuns() async throws {
        // A small model often leaves the title out; the runs name the entry instead of a refusal.
        let c = try context()
        let gbdt = try record(c.store, model: "gbdt", auc: 0.85)
        _ = try await AppendLogTool().run(
            ["kind": "experiment", "hypothesis": "h", "analysis": "a", "next": "n", "run_ids": .strings([gbdt.id])],
            in: c)
        _ = try await AppendLogTool().run(
            ["kind": "decision", "analysis": "best", "next": "ship", "run_ids": .strings([gbdt.id])], in: c)
        let markdown = try String(contentsOfFile: c.log.markdownPath, encoding: .utf8)
        #expect(markdown.contains("## Experiment #1 — gbdt (\(gbdt.id))"))
        #expect(markdown.contains("**gbdt (\(gbdt.id))** — best"))
        // With no run to name it by, the title is still asked for.
        await #expect(throws: ToolError.self) {
            _ = try await AppendLogTool().run(["kind": "decision", "analysis": "a", "next": "n"], in: c)
        }
    }

    @Test func theDecisionComesAfterTheExperiments() async throws {
        let c = try context()
        let gbdt = try record(c.store, model: "gbdt", auc: 0.85)
        do {
            _ = try await AppendLogTool().run(
                ["kind": "decision", "title": "t", "analysis": "a", "next": "n", "run_ids": .strings([gbdt.id])], in: c)
            Issue.record("expected an error")
        } catch let e as ToolError {
            #expect(e.message.contains("the decision comes last"))
        }
        #expect(try c.log.read().decision == nil)
    }

    @Test func unknownRunIsNamedWithSuggestion() async throws {
        let c = try context()
        _ = try record(c.store, model: "gbdt", auc: 0.85)
        do {
            _ = try await AppendLogTool().run(
                ["kind": "decision", "title": "t", "analysis": "a", "next": "n", "run_ids": ["r0002"]], in: c)
            Issue.record("expected an error")
        } catch let e as ToolError {
            #expect(e.message.contains("no run 'r0002'"))
            #expect(e.message.contains("r0001"))
        }
    }
}
