// The experiment log: the Markdown of DESIGN.md in English and French, numbering, atomic rewrite
// from the sidecar, and verify() catching numbers the store does not back.
import Foundation
import TestSupport
import Testing

@testable import Tracking

@Suite struct ExperimentLogTests {
    func entry(_ title: String, result: String, runs: [String]) -> LogEntry {
        LogEntry(
            title: title, hypothesis: "A majority-class baseline sets the floor",
            approach: "dummy classifier, all features (\(runs.joined(separator: ", ")))", result: result,
            analysis: "The gap to beat is large", next: "Try logistic regression", runIDs: runs)
    }

    @Test func rendersTheEnglishFormatOfTheDesign() throws {
        let log = ExperimentLog(workspace: try scratchFolder(), language: .en)
        try log.setContext(
            LogContext(problem: "Who survives?", data: "titanic.csv, 891 rows", metric: "roc_auc ≥ 0.80"))
        let first = try log.append(entry("Baseline", result: "roc_auc 0.500 (r0001)", runs: ["r0001"]))
        #expect(first.number == 1)
        try log.append(entry("Linear\nmodel", result: "roc_auc 0.840 (r0002)", runs: ["r0002"]))
        try log.setDecision("Keep the linear model (r0002).")
        let expected = """
            # Experiment Log

            ## Context
            - **Problem**: Who survives?
            - **Data**: titanic.csv, 891 rows
            - **Metric**: roc_auc ≥ 0.80

            ## Experiment #1 — Baseline
            - **Hypothesis**: A majority-class baseline sets the floor
            - **Approach**: dummy classifier, all features (r0001)
            - **Result**: roc_auc 0.500 (r0001)
            - **Analysis**: The gap to beat is large
            - **Next**: Try logistic regression

            ## Experiment #2 — Linear model
            - **Hypothesis**: A majority-class baseline sets the floor
            - **Approach**: dummy classifier, all features (r0002)
            - **Result**: roc_auc 0.840 (r0002)
            - **Analysis**: The gap to beat is large
            - **Next**: Try logistic regression

            ## Decision
            Keep the linear model (r0002).

            """
        #expect(try String(contentsOfFile: log.markdownPath, encoding: .utf8) == expected)
        #expect(try log.markdown() == expected)
    }

    @Test func rendersFrenchHeadings() throws {
        let log = ExperimentLog(workspace: try scratchFolder(), language: .fr)
        try log.append(entry("Référence", result: "accuracy 0.620 (r0001)", runs: ["r0001"]))
        let text = try String(contentsOfFile: log.markdownPath, encoding: .utf8)
        #expect(text.hasPrefix("# Journal des expériences\n\n## Contexte\n_Pas encore cadré._\n"))
        for line in [
            "## Expérience #1 — Référence", "- **Hypothèse**: ", "- **Approche**: ",
            "- **Résultat**: accuracy 0.620 (r0001)",
            "- **Analyse**: ", "- **Next**: ",
        ] {
            #expect(text.contains(line), "missing \(line)")
        }
        // An existing log keeps its language; setLanguage switches it.
        let reopened = ExperimentLog(
            workspace: URL(fileURLWithPath: (log.markdownPath as NSString).deletingLastPathComponent))
        #expect(try reopened.read().language == .fr)
        try reopened.setLanguage(.en)
        #expect(try reopened.markdown().contains("## Experiment #1 — Référence"))
    }

    @Test func refusesAnEntryWithAnEmptySection() throws {
        let log = ExperimentLog(workspace: try scratchFolder())
        var bad = entry("x", result: "r", runs: [])
        bad.analysis = "  "
        #expect(throws: TrackingError.self) { try log.append(bad) }
        #expect(try log.read().entries.isEmpty)
    }

    @Test func rewriteKeepsEveryEntryInOrderAndLeavesNoTemporaryFile() throws {
        let folder = try scratchFolder()
        let log = ExperimentLog(workspace: folder)
        for i in 1...20 { try log.append(entry("E\(i)", result: "none", runs: [])) }
        let document = try log.read()
        #expect(document.entries.map(\.title) == (1...20).map { "E\($0)" })
        #expect(document.entries.map(\.number) == Array(1...20))
        let hidden = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(".mlexp").path)
        #expect(hidden.filter { $0.hasSuffix(".tmp") }.isEmpty)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tmp") }.isEmpty)
        // A stale Markdown (crash between the two renames) is rebuilt from the sidecar.
        try "stale".write(toFile: log.markdownPath, atomically: true, encoding: .utf8)
        try log.render()
        #expect(try String(contentsOfFile: log.markdownPath, encoding: .utf8) == LogRenderer.markdown(document))
    }

    @Test func verifyAcceptsNumbersTakenFromTheStore() throws {
        let folder = try scratchFolder()
        let store = try RunStore(workspace: folder)
        let a = try store.insert(sampleRun(model: "dummy"))
        var better = sampleRun()
        better.metrics["roc_auc"] = MetricSummary(mean: 0.8612, std: 0.0143)
        let b = try store.insert(better)
        try store.recordTestEvaluation(
            TestEvaluation(runID: b.id, metrics: ["roc_auc": MetricSummary(mean: 0.8421)], requestedBy: "user"))
        let log = ExperimentLog(workspace: folder)
        try log.append(
            entry(
                "GBDT",
                result: "\(b.cite("roc_auc")); +0.011 vs \(a.id) (\(b.id)); on test 0.842 (\(b.id)); 85.0% (\(a.id)), "
                    + "95% CI of \(a.id); fit in 0.42 s (\(b.id))", runs: [b.id]))
        #expect(b.cite("roc_auc") == "roc_auc 0.861 ± 0.014 (r0002)")
        // Hyper-parameters count whether stored as numbers or as their text.
        var textual = sampleRun()
        textual.hyperParameters = ["learning_rate": "0.05", "subsample": 0.8]
        let c = try store.insert(textual)
        try log.append(entry("Text params", result: "\(c.cite("accuracy"))", runs: [c.id]))
        var withParams = try log.read()
        withParams.entries[1].approach = "gbdt (\(c.id)): learning_rate=0.05, subsample=0.8"
        #expect(try ExperimentLog.verify(withParams, against: store) == [])
        withParams.entries[1].approach = "gbdt (\(c.id)): learning_rate=0.5"
        #expect(try ExperimentLog.verify(withParams, against: store).map(\.text) == ["0.5"])
        #expect(try log.verify(against: store) == [])
    }

    @Test func verifyCatchesANumberThatDoesNotMatch() throws {
        let folder = try scratchFolder()
        let store = try RunStore(workspace: folder)
        let a = try store.insert(sampleRun())
        let log = ExperimentLog(workspace: folder)
        try log.append(entry("GBDT", result: "roc_auc 0.880 ± 0.010 (\(a.id)); accuracy 0.93", runs: []))
        try log.append(entry("Ghost", result: "roc_auc 0.850 (r0042)", runs: ["r0042"]))
        try log.append(entry("Uncited", result: "accuracy 0.93", runs: []))
        try log.append(
            LogEntry(
                title: "Mixed", hypothesis: "beat 0.80", approach: "lr 0.3 (\(a.id))", result: "roc_auc 0.85 (\(a.id))",
                analysis: "fine", next: "stop", runIDs: [a.id]))
        let issues = try log.verify(against: store)
        #expect(issues.contains(LogIssue(kind: .mismatch, entry: 1, section: "Result", text: "0.880", runIDs: [a.id])))
        #expect(issues.contains(LogIssue(kind: .mismatch, entry: 1, section: "Result", text: "0.93", runIDs: [a.id])))
        #expect(issues.contains { $0.kind == .unknownRun && $0.entry == 2 && $0.text == "r0042" })
        #expect(
            issues.contains(LogIssue(kind: .mismatch, entry: 2, section: "Result", text: "0.850", runIDs: ["r0042"])))
        #expect(issues.contains(LogIssue(kind: .uncited, entry: 3, section: "Result", text: "0.93", runIDs: [])))
        #expect(issues.contains(LogIssue(kind: .mismatch, entry: 4, section: "Approach", text: "0.3", runIDs: [a.id])))
        // 0.010 is the stored std, 0.85 the stored mean, "beat 0.80" cites no run: none of these is flagged.
        #expect(!issues.contains { $0.text == "0.010" || $0.text == "0.85" || $0.text == "0.80" })
        #expect(issues.count == 7, "\(issues)")
    }
}
