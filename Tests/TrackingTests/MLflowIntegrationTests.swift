// The MLflow sink against a real MLflow tracking server (scripts/services/mlflow.sh starts one and
// exports MLEXP_TEST_MLFLOW_URL). Runs are read back through MLflow's own REST API and every param,
// metric (aggregate and per-fold history), tag, status and artifact is checked against the store.
// Without the URL the tests are skipped, or fail when MLEXP_REQUIRE_INTEGRATION=1.
import Foundation
import HTTP
import TestSupport
import Testing

@testable import Tracking

private let environment = ProcessInfo.processInfo.environment
private let serverURL = environment["MLEXP_TEST_MLFLOW_URL"]
private let required = environment["MLEXP_REQUIRE_INTEGRATION"] == "1"

/// GET a JSON object from the server's REST API.
private func getJSON(_ url: String) async throws -> [String: Any] {
    let response = try await HTTPClient(retry: .none).send(HTTPRequest(url: url))
    #expect(response.status == 200, "GET \(url): \(response.text.prefix(200))")
    return try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any] ?? [:]
}

private func keyValues(_ list: Any?) -> [String: String] {
    var result: [String: String] = [:]
    for item in list as? [[String: Any]] ?? [] {
        if let key = item["key"] as? String, let value = item["value"] as? String { result[key] = value }
    }
    return result
}

private func number(_ value: Any?) -> Double? {
    if let d = value as? Double { return d }
    if let n = value as? NSNumber { return n.doubleValue }
    if let s = value as? String { return Double(s) }
    return nil
}

/// MLflow's store returns doubles within a few ulps of what was sent (seen: 0.8300000000000001 → …03).
private func close(_ a: Double?, _ b: Double?) -> Bool {
    guard let a, let b else { return a == nil && b == nil }
    return abs(a - b) <= 1e-12 * max(1, abs(b))
}

@Suite(.serialized, .enabled(if: serverURL != nil || required))
struct MLflowIntegrationTests {
    func url() throws -> String {
        guard let serverURL else {
            throw TrackingError(
                .mlflow,
                "MLEXP_REQUIRE_INTEGRATION=1 but MLEXP_TEST_MLFLOW_URL is not set: start scripts/services/mlflow.sh (make test does)."
            )
        }
        return serverURL
    }

    /// Reads one run back and checks every param, metric, tag and the status against the record.
    func expectLogged(_ run: RunRecord, tests: [TestEvaluation], mlflowRunID: String, base: String) async throws {
        let answer = try await getJSON("\(base)/api/2.0/mlflow/runs/get?run_id=\(mlflowRunID)")
        let logged = answer["run"] as? [String: Any] ?? [:]
        let info = logged["info"] as? [String: Any] ?? [:]
        let data = logged["data"] as? [String: Any] ?? [:]
        #expect(info["status"] as? String == (run.status == .failed ? "FAILED" : "FINISHED"))
        #expect(info["run_name"] as? String == "\(run.id) \(run.modelFamily)")
        #expect(number(info["end_time"]) != nil)

        let params = keyValues(data["params"])
        for (key, value) in run.hyperParameters {
            let text = value.description
            if text.count <= 6000 {
                #expect(params[key] == text, "param \(key)")
            } else {
                #expect(params[key]?.hasPrefix(String(text.prefix(5000))) == true, "long param \(key) clipped")
            }
        }
        #expect(params["model_family"] == run.modelFamily)
        #expect(params["seed"] == String(run.seed))
        #expect(params["target"] == run.target)
        #expect(params["features"] == run.features.joined(separator: ","))

        let tags = keyValues(data["tags"])
        #expect(tags["mlexp.dataset_fingerprint"] == run.dataset.fingerprint)
        #expect(tags["mlexp.model_family"] == run.modelFamily)
        #expect(tags["mlexp.hypothesis"] == run.hypothesis)
        #expect(tags["mlexp.prompt_version"] == run.promptVersion)
        #expect(tags["mlexp.run_id"] == run.id)

        var latest: [String: Double] = [:]
        for item in data["metrics"] as? [[String: Any]] ?? [] {
            if let key = item["key"] as? String, let value = number(item["value"]) { latest[key] = value }
        }
        for (name, summary) in run.metrics {
            #expect(close(latest[name], summary.mean), "metric \(name)")
            #expect(close(latest[name + "_std"], summary.std), "metric \(name)_std")
            #expect(close(latest[name + "_ci_low"], summary.ciLow))
            #expect(close(latest[name + "_ci_high"], summary.ciHigh))
        }
        #expect(close(latest["fit_seconds"], run.trainingSeconds))
        for name in Set(run.foldMetrics.flatMap(\.keys)) {
            let history = try await getJSON(
                "\(base)/api/2.0/mlflow/metrics/get-history?run_id=\(mlflowRunID)&metric_key=\(name)_fold&max_results=5000"
            )
            var byStep: [Int: Double] = [:]
            for point in history["metrics"] as? [[String: Any]] ?? [] {
                if let step = number(point["step"]), let value = number(point["value"]) { byStep[Int(step)] = value }
            }
            let expected = Dictionary(
                uniqueKeysWithValues: run.foldMetrics.enumerated().compactMap { k, m in m[name].map { (k, $0) } })
            #expect(byStep.keys.sorted() == expected.keys.sorted(), "fold steps of \(name)")
            #expect(expected.allSatisfy { close(byStep[$0.key], $0.value) }, "fold history of \(name): \(byStep)")
        }
        for evaluation in tests {
            for (name, summary) in evaluation.metrics { #expect(close(latest["test_" + name], summary.mean)) }
        }
    }

    @Test func runsReadBackThroughMLflowMatchTheStore() async throws {
        let base = try url()
        let store = try RunStore(workspace: try scratchFolder())
        let first = try store.insert(sampleRun(model: "logistic"))
        try store.recordTestEvaluation(
            TestEvaluation(runID: first.id, metrics: ["roc_auc": MetricSummary(mean: 0.8312)], requestedBy: "user"))
        var wide = sampleRun(model: "gbdt")
        for i in 0..<250 { wide.hyperParameters["p\(i)"] = .number(Double(i) / 7) }
        wide.hyperParameters["long_note"] = .string(String(repeating: "z", count: 7000))
        wide.foldMetrics = (0..<12).map { (k: Int) -> [String: Double] in
            let x = Double(k)
            return ["roc_auc": 0.8 + x / 100, "accuracy": 0.7 + x / 200]
        }
        let second = try store.insert(wide)

        let experiment = "mlexp-test-\(UUID().uuidString.prefix(8))"
        let sink = MLflowSink(client: MLflowClient(baseURL: base), store: store, experimentName: experiment)
        let artifacts = [
            MLflowArtifact(name: "experiment.md", data: Data("## Experiment #1 — test\n".utf8)),
            MLflowArtifact(name: "importance.svg", data: Data("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".utf8)),
        ]
        for run in [first, second] {
            let outcome = await sink.sync(run.id, artifacts: artifacts)
            guard case .synced(let mlflowRunID, let uploaded) = outcome else {
                Issue.record("run \(run.id) not synced: \(outcome)")
                continue
            }
            #expect(try store.get(run.id).mlflowStatus == .synced)
            #expect(try store.get(run.id).mlflowRunID == mlflowRunID)
            try await expectLogged(
                try store.get(run.id), tests: try store.testEvaluations(runID: run.id), mlflowRunID: mlflowRunID,
                base: base)
            if uploaded {
                let listing = try await getJSON("\(base)/api/2.0/mlflow/artifacts/list?run_id=\(mlflowRunID)")
                let files = Set((listing["files"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String })
                #expect(files.isSuperset(of: ["experiment.md", "importance.svg"]), "artifacts: \(files)")
            } else {
                Issue.record("the test server serves artifacts (--artifacts-destination), yet none were uploaded")
            }
        }
        // The experiment was created by name; a second sink finds it instead of failing.
        let again = MLflowSink(client: MLflowClient(baseURL: base), store: store, experimentName: experiment)
        let id1 = try await sink.client.experimentID(named: experiment)
        let id2 = try await again.client.experimentID(named: experiment)
        #expect(id1 == id2)
    }

    @Test func runsKeptWhileTheServerWasDownArePushedLater() async throws {
        let base = try url()
        let store = try RunStore(workspace: try scratchFolder())
        let run = try store.insert(sampleRun())
        let down = MLflowSink(client: MLflowClient(baseURL: "http://127.0.0.1:9", retry: .none), store: store)
        guard case .failed = await down.sync(run.id) else {
            Issue.record("sync to a closed port succeeded")
            return
        }
        #expect(try store.unsynced().map(\.id) == [run.id])
        let up = MLflowSink(client: MLflowClient(baseURL: base), store: store, experimentName: "mlexp-push-test")
        let results = try await up.push()
        guard case .synced(let mlflowRunID, _) = results.first?.outcome else {
            Issue.record("push did not sync: \(results)")
            return
        }
        #expect(try store.unsynced().isEmpty)
        try await expectLogged(try store.get(run.id), tests: [], mlflowRunID: mlflowRunID, base: base)
    }

    @Test func finishingASessionAttachesItsLogEntriesToEveryRun() async throws {
        let base = try url()
        let folder = try scratchFolder()
        let store = try RunStore(workspace: folder)
        let log = ExperimentLog(workspace: folder)
        let sink = MLflowSink(client: MLflowClient(baseURL: base), store: store, experimentName: "mlexp-session-test")
        let early = try store.insert(sampleRun(model: "dummy", session: "s-finish"))
        guard case .synced = await sink.sync(early.id) else {
            Issue.record("first run not synced")
            return
        }
        let late = try store.insert(sampleRun(model: "gbdt", session: "s-finish"))
        try log.append(
            LogEntry(
                title: "Baseline", hypothesis: "floor", approach: "dummy (\(early.id))", result: early.cite("roc_auc"),
                analysis: "a", next: "n", runIDs: [early.id]))
        try log.append(
            LogEntry(
                title: "GBDT", hypothesis: "trees", approach: "gbdt (\(late.id))", result: late.cite("roc_auc"),
                analysis: "a", next: "n", runIDs: [late.id]))
        let chart = try Chart.featureImportance(
            FeatureImportanceInput(measure: "drop in roc_auc", features: [.init(name: "sex", mean: 0.2, std: 0.01)]))
        try ChartArchive(workspace: folder).save(chart, runID: late.id)
        #expect(await sink.finishSession("s-finish", log: log) == 2)
        for (run, title) in [(early, "Baseline"), (late, "GBDT")] {
            let stored = try store.get(run.id)
            #expect(stored.mlflowStatus == .synced)
            guard let mlflowRunID = stored.mlflowRunID else { continue }
            let listing = try await getJSON("\(base)/api/2.0/mlflow/artifacts/list?run_id=\(mlflowRunID)")
            let files = Set((listing["files"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String })
            #expect(files.isSuperset(of: ["experiment.md", "run.json"]), "artifacts of \(run.id): \(files)")
            let info =
                (try await getJSON("\(base)/api/2.0/mlflow/runs/get?run_id=\(mlflowRunID)")["run"] as? [String: Any])?[
                    "info"]
            let uri = (info as? [String: Any])?["artifact_uri"] as? String ?? ""
            let path = uri.replacingOccurrences(of: "mlflow-artifacts:/", with: "")
            let response = try await HTTPClient(retry: .none).send(
                HTTPRequest(url: "\(base)/api/2.0/mlflow-artifacts/artifacts/\(path)/experiment.md"))
            #expect(response.text.contains("— \(title)"), "entry of \(run.id): \(response.text.prefix(200))")
            if run.id == late.id {
                let charts = try await getJSON(
                    "\(base)/api/2.0/mlflow/artifacts/list?run_id=\(mlflowRunID)&path=charts")
                let paths = (charts["files"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String }
                #expect(paths == ["charts/\(chart.kind).svg"])
                let svg = try await HTTPClient(retry: .none).send(
                    HTTPRequest(url: "\(base)/api/2.0/mlflow-artifacts/artifacts/\(path)/charts/\(chart.kind).svg"))
                #expect(svg.text.hasPrefix("<svg") && svg.text.contains("sex"))
            }
        }
    }
}
