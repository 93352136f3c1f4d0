// Several sessions in one workspace: each writes its context, experiments and decision under its own
// problem of the log, numbered per problem, and two writers at once lose nothing. A log written before
// problems existed still reads, renders and verifies as one problem.
import Foundation
import TestSupport
import Testing

@testable import Tracking

@Suite struct SharedWorkspaceTests {
    let titanic = ProblemKey(dataset: "titanic.csv", target: "survived")
    let mpg = ProblemKey(dataset: "mpg.csv", target: "hwy")

    func entry(_ title: String, _ run: String) -> LogEntry {
        LogEntry(
            title: title, hypothesis: "h", approach: "model (\(run))", result: "score 0.500 (\(run))", analysis: "a",
            next: "n", runIDs: [run])
    }

    @Test func eachProblemKeepsItsOwnSectionsAndNumbers() throws {
        let log = ExperimentLog(workspace: try scratchFolder())
        try log.setContext(LogContext(problem: "Who survives?", data: "titanic.csv", metric: "roc_auc"), for: titanic)
        try log.setContext(LogContext(problem: "Fuel use", data: "mpg.csv", metric: "r2"), for: mpg)
        #expect(try log.append(entry("Baseline", "r0001"), to: titanic).number == 1)
        #expect(try log.append(entry("Ridge", "r0002"), to: mpg).number == 1)
        #expect(try log.append(entry("GBDT", "r0003"), to: titanic).number == 2)
        try log.setDecision("Keep ridge (r0002).", for: mpg)
        try log.setDecision("Keep gbdt (r0003).", for: titanic)
        let document = try log.read()
        #expect(document.problems.map(\.key) == [titanic, mpg])
        #expect(document.problems[0].entries.map(\.title) == ["Baseline", "GBDT"])
        #expect(document.problems[1].entries.map(\.title) == ["Ridge"])
        let expected = """
            # Experiment Log

            ## Problem: titanic.csv → survived

            ### Context
            - **Problem**: Who survives?
            - **Data**: titanic.csv
            - **Metric**: roc_auc

            ### Experiment #1 — Baseline
            - **Hypothesis**: h
            - **Approach**: model (r0001)
            - **Result**: score 0.500 (r0001)
            - **Analysis**: a
            - **Next**: n

            ### Experiment #2 — GBDT
            - **Hypothesis**: h
            - **Approach**: model (r0003)
            - **Result**: score 0.500 (r0003)
            - **Analysis**: a
            - **Next**: n

            ### Decision
            Keep gbdt (r0003).

            ## Problem: mpg.csv → hwy

            ### Context
            - **Problem**: Fuel use
            - **Data**: mpg.csv
            - **Metric**: r2

            ### Experiment #1 — Ridge
            - **Hypothesis**: h
            - **Approach**: model (r0002)
            - **Result**: score 0.500 (r0002)
            - **Analysis**: a
            - **Next**: n

            ### Decision
            Keep ridge (r0002).

            """
        #expect(try log.markdown() == expected)
        #expect(try String(contentsOfFile: log.markdownPath, encoding: .utf8) == expected)
    }

    @Test func aLogOfOneNamedProblemReadsAsBefore() throws {
        let log = ExperimentLog(workspace: try scratchFolder())
        try log.setContext(LogContext(problem: "Who survives?", data: "titanic.csv", metric: "roc_auc"), for: titanic)
        try log.append(entry("Baseline", "r0001"), to: titanic)
        let text = try log.markdown()
        #expect(text.hasPrefix("# Experiment Log\n\n## Context\n- **Problem**: Who survives?\n"))
        #expect(text.contains("\n## Experiment #1 — Baseline\n") && !text.contains("Problem: titanic"))
    }

    @Test func aContextWrittenBeforeTheDataIsLoadedJoinsTheSessionsProblem() throws {
        let log = ExperimentLog(workspace: try scratchFolder())
        try log.setContext(LogContext(problem: "p", data: "d", metric: "m"))
        try log.append(entry("Baseline", "r0001"), to: titanic)
        let document = try log.read()
        #expect(document.problems.count == 1 && document.problems[0].key == titanic)
        #expect(document.problems[0].context?.problem == "p")
    }

    @Test func aLogWrittenBeforeProblemsReadsAsOneProblem() throws {
        let folder = try scratchFolder()
        let hidden = folder.appendingPathComponent(".mlexp")
        try FileManager.default.createDirectory(at: hidden, withIntermediateDirectories: true)
        let legacy = """
            {"context":{"data":"titanic.csv","metric":"roc_auc","problem":"Who survives?"},"decision":"Keep it.",
             "entries":[{"analysis":"a","approach":"b","createdAt":"2026-01-01T00:00:00Z","hypothesis":"h","next":"n",
             "number":1,"result":"none","runIDs":[],"title":"Baseline"}],"language":"en"}
            """
        try legacy.write(to: hidden.appendingPathComponent("log.json"), atomically: true, encoding: .utf8)
        let log = ExperimentLog(workspace: folder)
        let document = try log.read()
        #expect(document.problems.count == 1 && document.problems[0].key == nil)
        #expect(document.context?.problem == "Who survives?" && document.entries.map(\.title) == ["Baseline"])
        #expect(document.decision == "Keep it.")
        #expect(try log.markdown().hasPrefix("# Experiment Log\n\n## Context\n- **Problem**: Who survives?"))
        // A second session on other data gets its own problem beside it.
        try log.append(entry("Ridge", "r0002"), to: mpg)
        let both = try log.read()
        #expect(both.problems.map(\.key) == [nil, mpg] && both.problems[1].entries[0].number == 1)
        #expect(try log.markdown().contains("## Problem: #1\n\n### Context\n- **Problem**: Who survives?"))
    }

    @Test func verifyNamesTheProblemOfAnUnbackedNumber() throws {
        let folder = try scratchFolder()
        let store = try RunStore(workspace: folder)
        let run = try store.insert(sampleRun())
        let log = ExperimentLog(workspace: folder)
        var good = entry("Baseline", run.id)
        good.result = "see the run (\(run.id))"
        try log.append(good, to: titanic)
        var wrong = entry("Ridge", run.id)
        wrong.result = "r2 0.123 (\(run.id))"
        try log.append(wrong, to: mpg)
        let issues = try log.verify(against: store)
        #expect(issues.count >= 1)
        #expect(issues.allSatisfy { $0.problem == "mpg.csv → hwy" })
        #expect(issues.first?.description.hasPrefix("mpg.csv → hwy: Experiment #1 Result") == true)
    }

    @Test func twoProcessesWritingTwoProblemsAtOnceLoseNothing() throws {
        let workspace = try scratchFolder()
        let a = try StressChild(["problem", workspace.path, "25", "alpha"])
        let b = try StressChild(["problem", workspace.path, "25", "beta"])
        #expect(a.finish() == 0)
        #expect(b.finish() == 0)
        let document = try ExperimentLog(workspace: workspace).read()
        #expect(Set(document.problems.compactMap(\.key?.dataset)) == ["alpha.csv", "beta.csv"])
        for problem in document.problems {
            let tag = problem.key?.dataset.replacingOccurrences(of: ".csv", with: "") ?? "?"
            #expect(problem.context?.problem == "predict y of \(tag)")
            #expect(problem.entries.map(\.title) == (0..<25).map { "\(tag) \($0)" })
            #expect(problem.entries.map(\.number) == Array(1...25))
            #expect(problem.decision == "keep \(tag)")
        }
        let markdown = try String(
            contentsOf: workspace.appendingPathComponent("EXPERIMENTS.md"), encoding: .utf8)
        #expect(markdown.components(separatedBy: "\n### Decision\n").count == 3)
    }
}
