// The run and log commands of the CLI, run as a user would: `mlexp runs --json` (the shape the
// acceptance checks read), `runs show --json`, `runs compare`, `log --verify`, `runs push` with no
// server. The mlexp binary is the one `swift build --build-tests` put next to the tests.
import Foundation
import TestSupport
import Testing

@testable import Tracking

@Suite struct RunsCLITests {
    /// A workspace with a baseline and a better model, a test evaluation and a log entry.
    func workspace() throws -> (URL, RunStore) {
        let folder = try scratchFolder()
        let store = try RunStore(workspace: folder)
        let baseline = try store.insert(sampleRun(model: "dummy"))
        var better = sampleRun(model: "gbdt")
        better.foldMetrics = [
            ["roc_auc": 0.90, "accuracy": 0.85], ["roc_auc": 0.92, "accuracy": 0.86],
            ["roc_auc": 0.91, "accuracy": 0.84],
        ]
        better.metrics = [
            "roc_auc": MetricSummary(folds: [0.90, 0.92, 0.91]), "accuracy": MetricSummary(folds: [0.85, 0.86, 0.84]),
        ]
        let gbdt = try store.insert(better)
        try store.recordTestEvaluation(
            TestEvaluation(runID: gbdt.id, metrics: ["roc_auc": MetricSummary(mean: 0.893)], requestedBy: "user"))
        try ExperimentLog(workspace: folder).append(
            LogEntry(
                title: "GBDT", hypothesis: "trees", approach: "gbdt (\(gbdt.id))", result: gbdt.cite("roc_auc"),
                analysis: "better than \(baseline.cite("roc_auc"))", next: "stop", runIDs: [gbdt.id]))
        return (folder, store)
    }

    @Test func runsJSONIsAListWithMetricsFitTimeAndHypothesis() throws {
        let (folder, _) = try workspace()
        let result = try runMLExp(["runs", "--json"], in: folder)
        #expect(result.status == 0, "\(result.err)")
        let runs = try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [[String: Any]] ?? []
        #expect(runs.map { $0["id"] as? String } == ["r0002", "r0001"])
        #expect(runs.map { $0["model"] as? String } == ["gbdt", "dummy"])
        let metrics = runs.first?["metrics"] as? [String: [String: Double]]
        #expect(abs((metrics?["roc_auc"]?["mean"] ?? 0) - 0.91) < 1e-12)
        #expect(metrics?["roc_auc"]?["std"] != nil)
        #expect(runs.first?["fit_seconds"] as? Double == 0.42)
        #expect(runs.first?["hypothesis"] as? String == sampleRun().hypothesis)
        #expect(runs.first?["has_model"] as? Bool == true)

        let empty = try runMLExp(["runs", "--json"], in: try scratchFolder())
        #expect(empty.status == 0)
        #expect((try JSONSerialization.jsonObject(with: Data(empty.out.utf8)) as? [Any])?.isEmpty == true)
    }

    @Test func showComparePrintTheRunsAndThePairedTest() throws {
        let (folder, _) = try workspace()
        let show = try runMLExp(["runs", "show", "r0002", "--json"], in: folder)
        #expect(show.status == 0)
        let run = try JSONSerialization.jsonObject(with: Data(show.out.utf8)) as? [String: Any]
        let tests = run?["test_evaluations"] as? [[String: Any]]
        #expect(tests?.first?["requested_by"] as? String == "user")
        #expect((run?["fold_metrics"] as? [Any])?.count == 3)

        let compare = try runMLExp(["runs", "compare", "r0001", "r0002"], in: folder)
        #expect(compare.status == 0)
        #expect(compare.out.contains("model *"))
        #expect(compare.out.contains("Paired test on the same 3 folds"))
        #expect(compare.out.contains("roc_auc:"))

        let missing = try runMLExp(["runs", "show", "r0404"], in: folder)
        #expect(missing.status != 0)
        #expect(missing.err.contains("r0002, r0001"))
    }

    @Test func logVerifyPassesOnStoredNumbersAndFailsOnAnInventedOne() throws {
        let (folder, _) = try workspace()
        let good = try runMLExp(["log", "--verify"], in: folder)
        #expect(good.status == 0, "\(good.out)")
        #expect(good.out.hasPrefix("# Experiment Log"))
        try ExperimentLog(workspace: folder).append(
            LogEntry(
                title: "Made up", hypothesis: "h", approach: "a", result: "roc_auc 0.990 (r0002)", analysis: "a",
                next: "n", runIDs: ["r0002"]))
        let bad = try runMLExp(["log", "--verify"], in: folder)
        #expect(bad.status == 1)
        #expect(bad.out.contains("0.990 is not a stored value of r0002"))
    }

    @Test func pushWithTheServerDownKeepsEveryRunLocal() throws {
        let (folder, store) = try workspace()
        let push = try runMLExp(["runs", "push", "--mlflow", "http://127.0.0.1:9"], in: folder)
        #expect(push.status == 1)
        #expect(push.out.contains("2 still local only"))
        #expect(try store.unsynced().count == 2)
        let none = try runMLExp(["runs", "push"], in: folder)
        #expect(none.status != 0)
        #expect(none.err.contains("MLFLOW_TRACKING_URI"))
    }
}
