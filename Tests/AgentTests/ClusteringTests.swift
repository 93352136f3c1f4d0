// Clustering through the agent: load_data and train_model without a target (the schemas allow it),
// k-means on standardised features recorded like any run (task clustering, no target, the scaler in
// its preprocessing, k as nClusters, the fitted model), a reference label column compared with the
// clusters and never a feature, mistakes answered with the fix; and the Autopilot's clustering plan on
// wine with its class held out as the reference: k chosen by silhouette is 3, with adjusted_rand ≥ 0.85
// (scikit-learn's scaled KMeans(k=3) gets 0.897 on all rows), every experiment logged and verified.

import Agent
import Foundation
import LLMClient
import Testing
import Tracking

@Suite struct ClusteringTests {
    func workspace(_ name: String = "wine") throws -> (ToolRegistry, ToolContext) {
        let root = try TempWorkspace.make()
        try FileManager.default.copyItem(
            at: AgentFixtures.dataset(name), to: root.appendingPathComponent("\(name).csv"))
        let context = try ToolContext.open(workspace: Workspace(root: root), session: Session())
        return (try StandardTools.registry(context), context)
    }

    func call(_ r: ToolRegistry, _ name: String, _ arguments: String) async throws -> JSONValue {
        try JSONValue.parse(await r.execute(ToolCall(id: "c", name: name, arguments: arguments)).content)
    }

    @Test func trainModelWithoutATargetClustersAndRecordsTheRun() async throws {
        let (r, context) = try workspace()
        let loaded = try await call(r, "load_data", #"{"path": "wine.csv"}"#)
        #expect(loaded["task"] == "clustering" && loaded["metric"] == "silhouette")
        let result = try await call(
            r, "train_model",
            #"{"model": "kmeans", "hypothesis": "three cultivars", "params": {"n_clusters": 3, "n_init": 10}, "reference": "target"}"#
        )
        #expect(result["error"] == nil, "\(result)")
        #expect(result["main_metric"] == "silhouette" && result["n_clusters"] == 3 && result["reference"] == "target")
        #expect(
            (result["cluster_sizes"]?.arrayValue?.compactMap(\.intValue).reduce(0, +)) == loaded["train_rows"]?.intValue
        )
        let ari = try #require(result["metrics"]?["adjusted_rand"]?["mean"]?.doubleValue)
        #expect(ari >= 0.85, "adjusted_rand \(ari)")

        let run = try context.store.get(try #require(result["run_id"]?.stringValue))
        #expect(run.task == "clustering" && run.target == nil && run.modelFamily == "kmeans")
        #expect(!run.features.contains("target") && run.features.count == 13 && run.droppedColumns == ["target"])
        #expect(
            run.hyperParameters["nClusters"] == .number(3) && run.hyperParameters["nInit"] == .number(10)
                && run.seed == 42)
        guard case .object(let prep) = run.preprocessing, case .object(let validation) = run.validation else {
            Issue.record("no preprocessing or validation recorded")
            return
        }
        #expect(prep["scaler"] == .string("standard") && prep["preset"] == .string("distance"))
        #expect(validation["reference"] == .string("target") && validation["metric"] == .string("silhouette"))
        #expect(run.mainMetric == "silhouette")
        #expect(Set(run.metrics.keys) == ["silhouette", "inertia", "adjusted_rand"])
        #expect(
            run.metrics["adjusted_rand"]?.mean == ari || abs((run.metrics["adjusted_rand"]?.mean ?? 0) - ari) < 1e-4)
        #expect(run.model != nil)
    }

    @Test func clusteringMistakesNameTheFix() async throws {
        let (r, _) = try workspace()
        _ = try await call(r, "load_data", #"{"path": "wine.csv"}"#)
        let family = try await call(r, "train_model", #"{"model": "gbdt", "hypothesis": "h"}"#)
        #expect(family["error"]?.stringValue?.contains("only kmeans") == true)
        let reference = try await call(
            r, "train_model", #"{"model": "kmeans", "hypothesis": "h", "reference": "targt"}"#)
        #expect(reference["error"]?.stringValue?.contains("Did you mean 'target'?") == true)
        // The schema validates the new argument like the others.
        let typed = try await call(r, "train_model", #"{"model": "kmeans", "hypothesis": "h", "reference": 3}"#)
        #expect(typed["error"]?.stringValue?.contains("reference") == true)
        let both = try await call(
            r, "train_model",
            #"{"model": "kmeans", "hypothesis": "h", "reference": "target", "features": ["target", "proline"]}"#)
        #expect(both["error"]?.stringValue?.contains("reference") == true)
        let trained = try await call(
            r, "train_model", #"{"model": "kmeans", "hypothesis": "h", "params": {"n_clusters": 2}}"#)
        let metrics = try await call(
            r, "compute_metrics", #"{"run_id": "\#(trained["run_id"]?.stringValue ?? "")", "split": "test"}"#)
        #expect(metrics["error"]?.stringValue?.contains("clustering") == true)
        // With a target, reference is refused.
        _ = try await call(r, "load_data", #"{"path": "wine.csv", "target": "target"}"#)
        let supervised = try await call(
            r, "train_model", #"{"model": "kmeans", "hypothesis": "h", "reference": "target"}"#)
        #expect(supervised["error"]?.stringValue?.contains("Leave reference out") == true)
    }

    @Test func autopilotClustersWineAndChoosesKBySilhouette() async throws {
        let (r, context) = try workspace()
        let loop = AgentLoop(
            model: Autopilot(brief: AutopilotBrief(path: "wine.csv", target: nil, reference: "target")),
            tools: r, systemPrompt: Prompts.system(.en), limits: LoopLimits(maxModelTurns: 30))
        guard case .answered(let decision) = await loop.send("Cluster it.") else {
            Issue.record("the session did not end with an answer")
            return
        }
        #expect(decision.hasPrefix("Decision: keep k-means with k=3"), "\(decision)")
        let runs = try context.store.list()
        #expect(
            runs.count == 5
                && runs.allSatisfy { $0.modelFamily == "kmeans" && $0.target == nil && !$0.features.contains("target") }
        )
        let best = try #require(
            runs.max { ($0.metrics["silhouette"]?.mean ?? 0) < ($1.metrics["silhouette"]?.mean ?? 0) })
        #expect(best.hyperParameters["nClusters"] == .number(3))
        #expect((best.metrics["adjusted_rand"]?.mean ?? 0) >= 0.85)
        let messages = await loop.messages
        #expect(messages.everyCallAnswered && !messages.toolResults().contains { $0["error"] != nil })
        let document = try context.log.read()
        #expect(document.context != nil && document.entries.count == 5 && document.decision?.contains(best.id) == true)
        for entry in document.entries {
            #expect(
                [entry.hypothesis, entry.approach, entry.result, entry.analysis, entry.next].allSatisfy { !$0.isEmpty })
            #expect(entry.result.contains("silhouette") && entry.result.contains("adjusted_rand"))
        }
        #expect(try context.log.verify(against: context.store).isEmpty)
        #expect(try context.store.testEvaluations().isEmpty)
    }

    @Test func theBriefReadsAReferenceFromTheUsersWords() {
        let brief = AutopilotBrief.parse("cluster wine.csv, reference target", language: .en)
        #expect(brief?.target == nil && brief?.reference == "target" && brief?.path == "wine.csv")
    }
}
