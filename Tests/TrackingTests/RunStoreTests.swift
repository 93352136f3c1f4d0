// The run store: round trip of every field, ids, filters, test-split audit, MLflow status,
// comparison, and migration from an older schema.
import Foundation
import Synchronization
import TestSupport
import Testing

@testable import Tracking

@Suite struct RunStoreTests {
    @Test func insertThenGetRoundTripsEveryField() throws {
        let folder = try scratchFolder()
        let store = try RunStore(workspace: folder)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(".mlexp/runs.sqlite").path))
        let stored = try store.insert(sampleRun())
        #expect(stored.id == "r0001")
        let back = try store.get("r0001")
        #expect(back == stored)
        #expect(back.model == sampleRun().model)
        #expect(back.hyperParameters["learning_rate"] == .number(0.1))
        #expect(back.metrics["roc_auc"]?.ciHigh == 0.87)
        #expect(back.mlflowStatus == .unsynced)
        #expect(abs(back.createdAt.timeIntervalSinceNow) < 60)
    }

    @Test func idsAreSequentialAndListIsNewestFirstWithFilters() throws {
        let store = try RunStore(workspace: try scratchFolder())
        try store.insert(sampleRun(model: "dummy", session: "s1", fingerprint: "d1"))
        try store.insert(sampleRun(model: "logistic", session: "s1", fingerprint: "d2"))
        try store.insert(sampleRun(model: "gbdt", session: "s2", fingerprint: "d1"))
        #expect(try store.list().map(\.id) == ["r0003", "r0002", "r0001"])
        #expect(try store.list(session: "s1").map(\.modelFamily) == ["logistic", "dummy"])
        #expect(try store.list(datasetFingerprint: "d1").map(\.id) == ["r0003", "r0001"])
        #expect(try store.list(limit: 1).map(\.id) == ["r0003"])
        #expect(try store.list().allSatisfy { $0.model == nil })
        #expect(try store.list(includeModels: true).allSatisfy { $0.model != nil })
        #expect(try store.count() == 3)
    }

    /// Two sessions started together in one folder open the same new store at once: each open waits
    /// for the other's switch to WAL instead of failing with "database is locked" (CI, stop 19).
    @Test func storesOpenedTogetherOnANewFileAllOpen() throws {
        for round in 0..<20 {
            let folder = try scratchFolder("open-together-\(round)")
            let failures = Mutex<[String]>([])
            DispatchQueue.concurrentPerform(iterations: 6) { _ in
                do {
                    try RunStore(workspace: folder).insert(sampleRun())
                } catch {
                    failures.withLock { $0.append("\(error)") }
                }
            }
            #expect(failures.withLock { $0 }.isEmpty, "round \(round)")
            #expect(try RunStore(workspace: folder).list().count == 6)
        }
    }

    @Test func unknownRunSaysWhichRunsExist() throws {
        let store = try RunStore(workspace: try scratchFolder())
        #expect(throws: TrackingError.self) { try store.get("r0001") }
        try store.insert(sampleRun())
        do {
            _ = try store.get("r0099")
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .unknownRun)
            #expect(error.message.contains("r0001"))
        }
    }

    @Test func updateStatusAndContentKeepIdAndTime() throws {
        let store = try RunStore(workspace: try scratchFolder())
        var run = sampleRun()
        run.status = .running
        run.metrics = [:]
        let stored = try store.insert(run)
        var finished = stored
        finished.status = .finished
        finished.metrics = ["roc_auc": MetricSummary(mean: 0.9, std: 0.02)]
        try store.update(finished)
        #expect(try store.get(stored.id) == finished)
        try store.updateStatus(stored.id, .failed)
        #expect(try store.get(stored.id).status == .failed)
        #expect(throws: TrackingError.self) { try store.updateStatus("r0404", .failed) }
    }

    @Test func testSplitEvaluationsAreRecordedInOrder() throws {
        let store = try RunStore(workspace: try scratchFolder())
        let a = try store.insert(sampleRun())
        let b = try store.insert(sampleRun())
        try store.recordTestEvaluation(
            TestEvaluation(runID: b.id, metrics: ["roc_auc": MetricSummary(mean: 0.83)], requestedBy: "user"))
        try store.recordTestEvaluation(
            TestEvaluation(runID: a.id, metrics: ["roc_auc": MetricSummary(mean: 0.81)], requestedBy: "agent"))
        #expect(try store.testEvaluations().map(\.runID) == [b.id, a.id])
        #expect(try store.testEvaluations(runID: a.id).map(\.requestedBy) == ["agent"])
        #expect(throws: TrackingError.self) {
            try store.recordTestEvaluation(TestEvaluation(runID: "r0404", metrics: [:], requestedBy: "user"))
        }
    }

    @Test func mlflowSyncStatusIsTracked() throws {
        let store = try RunStore(workspace: try scratchFolder())
        let a = try store.insert(sampleRun())
        let b = try store.insert(sampleRun())
        #expect(try store.unsynced().map(\.id) == [a.id, b.id])
        try store.updateMLflowSync(a.id, status: .synced, mlflowRunID: "abc")
        try store.updateMLflowSync(b.id, status: .unsynced, error: "connection refused")
        #expect(try store.unsynced().map(\.id) == [b.id])
        #expect(try store.get(a.id).mlflowRunID == "abc")
    }

    @Test func compareAlignsParametersMetricsAndPairsFolds() throws {
        let store = try RunStore(workspace: try scratchFolder())
        let a = try store.insert(sampleRun(model: "dummy"))
        var other = sampleRun(model: "gbdt")
        other.hyperParameters["max_depth"] = 6
        other.foldMetrics = [["roc_auc": 0.9], ["roc_auc": 0.91], ["roc_auc": 0.92]]
        let b = try store.insert(other)
        let comparison = try store.compare(a.id, b.id)
        #expect(
            comparison.parameters.first { $0.name == "model" } == ComparedValue(name: "model", a: "dummy", b: "gbdt"))
        #expect(comparison.parameters.first { $0.name == "param.max_depth" }?.a == nil)
        #expect(comparison.parameters.first { $0.name == "param.max_depth" }?.b == "6")
        #expect(comparison.metrics.map(\.name) == ["accuracy", "roc_auc"])
        #expect(comparison.unpairedReason == nil)
        #expect(Array(comparison.pairedFolds.keys) == ["roc_auc"])
        #expect(comparison.pairedFolds["roc_auc"]?.b == [0.9, 0.91, 0.92])

        let c = try store.insert(sampleRun(fingerprint: "other"))
        #expect(try store.compare(a.id, c.id).pairedFolds.isEmpty)
        #expect(try store.compare(a.id, c.id).unpairedReason == "the runs used different datasets")
    }

    @Test func migratesAFileFromSchemaVersionOne() throws {
        let path = try scratchFolder().appendingPathComponent("runs.sqlite").path
        do {
            let old = try RunStore(path: path, schemaVersion: 1)
            #expect(try old.rawQuery("PRAGMA user_version").first?["user_version"] == .integer(1))
            var run = sampleRun()
            run.id = "r0001"
            run.createdAt = Date(timeIntervalSince1970: 1_700_000_000)
            let json = try RunStore.encode(run)
            _ = try old.rawQuery(
                """
                INSERT INTO runs (seq, id, created_at, session_id, dataset_fingerprint, model_family, status, record, model)
                VALUES (1, 'r0001', 1700000000, 's1', 'abc123', 'gbdt', 'finished', ?, ?)
                """, [.text(json), .blob(Data([1, 2, 3]))])
            #expect(throws: TrackingError.self) { try old.rawQuery("SELECT mlflow_status FROM runs") }
        }
        let store = try RunStore(path: path)
        #expect(try store.rawQuery("PRAGMA user_version").first?["user_version"] == .integer(3))
        let back = try store.get("r0001")
        #expect(back.modelFamily == "gbdt")
        #expect(back.model == Data([1, 2, 3]))
        #expect(back.createdAt == Date(timeIntervalSince1970: 1_700_000_000))
        #expect(back.mlflowStatus == .unsynced)
        #expect(try store.testEvaluations().isEmpty)
        #expect(try store.insert(sampleRun()).id == "r0002")
    }

    @Test func refusesAFileFromANewerMLExp() throws {
        let path = try scratchFolder().appendingPathComponent("runs.sqlite").path
        do {
            let store = try RunStore(path: path)
            _ = try store.rawQuery("PRAGMA user_version = 99")
        }
        do {
            _ = try RunStore(path: path)
            Issue.record("expected schemaTooNew")
        } catch {
            #expect(error.code == .schemaTooNew)
            #expect(error.message.contains("99"))
        }
    }

    @Test func nonFiniteMetricsSurvive() throws {
        let store = try RunStore(workspace: try scratchFolder())
        var run = sampleRun()
        run.metrics["log_loss"] = MetricSummary(mean: .infinity)
        let stored = try store.insert(run)
        #expect(try store.get(stored.id).metrics["log_loss"]?.mean == .infinity)
    }
}
