// The mapping of a run to MLflow: tags, params and metrics, and batches within MLflow's limits.
import Foundation
import TestSupport
import Testing

@testable import Tracking

@Suite struct MLflowPayloadTests {
    @Test func mapsTagsParamsAndMetrics() {
        var run = sampleRun()
        run.id = "r0007"
        let payload = MLflowPayload(
            run: run,
            testEvaluations: [
                TestEvaluation(runID: "r0007", metrics: ["roc_auc": MetricSummary(mean: 0.83)], requestedBy: "user")
            ])
        #expect(payload.runName == "r0007 gbdt")
        let tags = Dictionary(uniqueKeysWithValues: payload.tags.map { ($0.key, $0.value) })
        #expect(tags["mlexp.dataset_fingerprint"] == "abc123")
        #expect(tags["mlexp.model_family"] == "gbdt")
        #expect(tags["mlexp.hypothesis"] == run.hypothesis)
        #expect(tags["mlexp.prompt_version"] == "en-1")
        let params = Dictionary(uniqueKeysWithValues: payload.params.map { ($0.key, $0.value) })
        #expect(params["learning_rate"] == "0.1")
        #expect(params["max_leaf_nodes"] == "31")
        #expect(params["loss"] == "log_loss")
        #expect(params["seed"] == "42")
        #expect(params["features"] == "pclass,sex,age")
        let metric = { (key: String, step: Int) in payload.metrics.first { $0.key == key && $0.step == step }?.value }
        #expect(metric("roc_auc", 0) == 0.85)
        #expect(metric("roc_auc_std", 0) == 0.01)
        #expect(metric("roc_auc_ci_high", 0) == 0.87)
        #expect(metric("roc_auc_fold", 1) == 0.86)
        #expect(metric("accuracy_fold", 2) == 0.81)
        #expect(metric("test_roc_auc", 0) == 0.83)
        #expect(metric("fit_seconds", 0) == 0.42)
    }

    @Test func batchesRespectMLflowLimits() {
        var run = sampleRun()
        for i in 0..<250 { run.hyperParameters["p\(i)"] = .number(Double(i)) }
        run.foldMetrics = (0..<300).map { k in ["roc_auc": Double(k) / 300, "accuracy": 0.5, "f1": 0.4, "r2": 0.1] }
        let payload = MLflowPayload(run: run)
        let batches = payload.batches()
        #expect(batches.allSatisfy { $0.params.count <= 100 && $0.metrics.count <= 1000 && $0.count <= 1000 })
        #expect(batches.flatMap(\.params) == payload.params)
        #expect(batches.flatMap(\.metrics) == payload.metrics)
        #expect(payload.metrics.count > 1000)
        #expect(batches.count >= 3)
    }

    @Test func clipsLongValuesAndCleansKeysAndSkipsNonFinite() {
        var run = sampleRun()
        run.hyperParameters["weird key(α)"] = .string(String(repeating: "x", count: 7000))
        run.metrics["log_loss"] = MetricSummary(mean: .infinity)
        let payload = MLflowPayload(run: run)
        let param = payload.params.first { $0.key == "weird key___" }
        #expect(param?.value.count == 6000)
        #expect(param?.value.hasSuffix("…") == true)
        #expect(MLflowPayload(run: run, limits: .legacy).params.allSatisfy { $0.value.count <= 500 })
        #expect(payload.skippedNonFinite == 1)
        #expect(!payload.metrics.contains { $0.key == "log_loss" })
    }
}
