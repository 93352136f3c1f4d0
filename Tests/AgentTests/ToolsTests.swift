// The ML tools on a shipped dataset, called the way a model calls them (JSON through the registry):
// mistakes come back as errors naming the fix ("did you mean"), results stay compact, the sealed test
// split is never trained on and each look at it is recorded.

import Agent
import Foundation
import LLMClient
import Testing
import Tracking

@Suite struct ToolsTests {
    /// A registry of the standard tools in a fresh workspace holding `datasets/NAME.csv`.
    func registry(_ name: String = "titanic") throws -> ToolRegistry {
        let root = try TempWorkspace.make()
        try FileManager.default.copyItem(
            at: AgentFixtures.dataset(name), to: root.appendingPathComponent("\(name).csv"))
        return try StandardTools.registry(try ToolContext.open(workspace: Workspace(root: root), session: Session()))
    }

    func call(_ r: ToolRegistry, _ name: String, _ arguments: String) async throws -> JSONValue {
        try JSONValue.parse(await r.execute(ToolCall(id: "c", name: name, arguments: arguments)).content)
    }

    @Test func misspeltFileAndTargetGetSuggestions() async throws {
        let r = try registry()
        let file = try await call(r, "load_data", #"{"path": "titanc.csv"}"#)
        #expect(file["error"]?.stringValue?.contains("Did you mean 'titanic.csv'?") == true)
        let target = try await call(r, "load_data", #"{"path": "titanic.csv", "target": "Survivd"}"#)
        #expect(target["error"]?.stringValue?.contains("Did you mean 'survived'?") == true)
    }

    @Test func loadDataIsCompactAndSealsTheTestSplit() async throws {
        let r = try registry()
        let outcome = await r.execute(
            ToolCall(id: "c", name: "load_data", arguments: #"{"path": "titanic.csv", "target": "survived"}"#))
        #expect(!outcome.isError)
        #expect(outcome.content.count < 4_000)
        #expect(!outcome.content.contains("Allen, Miss Elisabeth"), "raw rows must not reach the model")
        let result = try JSONValue.parse(outcome.content)
        #expect(result["rows"] == 1313)
        #expect((result["train_rows"]?.intValue ?? 0) + (result["test_rows"]?.intValue ?? 0) == 1313)
        #expect(result["task"] == "binary")
        #expect(result["metric"] == "roc_auc")
    }

    @Test func trainingMistakesNameTheFix() async throws {
        let r = try registry()
        _ = try await call(r, "load_data", #"{"path": "titanic.csv", "target": "survived"}"#)
        _ = try await call(r, "train_model", #"{"model": "baseline", "hypothesis": "the floor"}"#)
        let column = try await call(r, "train_model", #"{"model": "gbdt", "hypothesis": "h", "drop": ["nmae"]}"#)
        #expect(column["error"]?.stringValue?.contains("Did you mean 'name'?") == true)
        let parameter = try await call(
            r, "train_model", #"{"model": "gbdt", "hypothesis": "h", "params": {"max_dpeth": 3}}"#)
        #expect(parameter["error"]?.stringValue?.contains("no parameter") == true)
        let target = try await call(
            r, "train_model", #"{"model": "gbdt", "hypothesis": "h", "features": ["survived"]}"#)
        #expect(target["error"]?.stringValue?.contains("is the target") == true)
        let run = try await call(r, "compute_metrics", #"{"run_id": "r0042"}"#)
        #expect(run["error"]?.stringValue?.contains("no run 'r0042'") == true)
    }

    @Test func testSplitIsEvaluatedOnlyWhenAskedAndEachLookIsRecorded() async throws {
        let r = try registry("penguins")
        _ = try await call(r, "load_data", #"{"path": "penguins.csv", "target": "species"}"#)
        let baseline = try await call(r, "train_model", #"{"model": "baseline", "hypothesis": "the floor"}"#)
        let trained = try await call(r, "train_model", #"{"model": "logistic", "hypothesis": "linear separation"}"#)
        let id = try #require(trained["run_id"]?.stringValue)
        #expect(trained["validation"]?.stringValue?.contains("test split untouched") == true)
        let validation = try await call(r, "compute_metrics", #"{"run_id": "\#(id)"}"#)
        #expect(validation["split"] == "validation")
        #expect(try r.context.store.testEvaluations().isEmpty)
        let test = try await call(r, "compute_metrics", #"{"run_id": "\#(id)", "split": "test"}"#)
        #expect((test["metrics"]?["accuracy"]?["value"]?.doubleValue ?? 0) > 0.9)
        #expect(test["rows"]?.intValue == r.context.session.datasets.first?.testRows.count)
        // Sealed: a second request gets the recorded figure and is told the split was used; nothing is re-evaluated.
        let second = try await call(r, "compute_metrics", #"{"run_id": "\#(id)", "split": "test"}"#)
        #expect(second["already_used"] == true)
        #expect(second["metrics"]?["accuracy"]?["value"] == test["metrics"]?["accuracy"]?["value"])
        #expect(second["note"]?.stringValue?.contains("already evaluated") == true)
        let other = try #require(baseline["run_id"]?.stringValue)
        let third = try await call(r, "compute_metrics", #"{"run_id": "\#(other)", "split": "test"}"#)
        #expect(third["run_id"]?.stringValue == id)
        #expect(third["note"]?.stringValue?.contains("spent on run \(id)") == true)
        #expect(try r.context.store.testEvaluations().count == 1)
    }

    @Test func noModelButTheBaselineBeforeTheBaselineRun() async throws {
        let r = try registry("penguins")
        let unloaded = try await call(r, "train_model", #"{"model": "baseline", "hypothesis": "h"}"#)
        #expect(unloaded["error"]?.stringValue?.contains("call load_data") == true)
        _ = try await call(r, "load_data", #"{"path": "penguins.csv", "target": "species"}"#)
        for model in ["gbdt", "logistic"] {
            let refused = try await call(r, "train_model", #"{"model": "\#(model)", "hypothesis": "h"}"#)
            let message = try #require(refused["error"]?.stringValue)
            #expect(message.contains("no baseline run exists yet"))
            #expect(message.contains(#"Call train_model with model "baseline" first, then \#(model)."#))
        }
        let tune = try await call(
            r, "tune_model", #"{"model": "gbdt", "hypothesis": "h", "space": {"max_depth": {"low": 2, "high": 6}}}"#)
        #expect(tune["error"]?.stringValue?.contains("no baseline run exists yet") == true)
        #expect(try r.context.store.count() == 0)
        _ = try await call(r, "train_model", #"{"model": "baseline", "hypothesis": "the floor"}"#)
        let logistic = try await call(r, "train_model", #"{"model": "logistic", "hypothesis": "h"}"#)
        #expect(logistic["run_id"]?.stringValue != nil)
    }

    @Test func aLogEntryStatingANumberNoToolReturnedIsRefused() async throws {
        let r = try registry("penguins")
        _ = try await call(r, "load_data", #"{"path": "penguins.csv", "target": "species"}"#)
        let base = try await call(r, "train_model", #"{"model": "baseline", "hypothesis": "the floor"}"#)
        let id = try #require(base["run_id"]?.stringValue)
        let main = try #require(base["main_metric"]?.stringValue)
        let score = try #require(base["metrics"]?[main]?["mean"]?.doubleValue)
        let invented = try await call(
            r, "append_log",
            #"{"kind": "experiment", "title": "Baseline", "hypothesis": "floor", "approach": "majority", "analysis": "it reaches 0.9731, a fine score", "next": "logistic", "run_ids": ["\#(id)"]}"#
        )
        let message = try #require(invented["error"]?.stringValue)
        #expect(message.contains("analysis states 0.9731"))
        #expect(message.contains("no tool result of this session holds"))
        let quoted = String(format: "%.3f", score)
        let backed = try await call(
            r, "append_log",
            #"{"kind": "experiment", "title": "Baseline", "hypothesis": "floor", "approach": "majority", "analysis": "it reaches \#(quoted)", "next": "logistic", "run_ids": ["\#(id)"]}"#
        )
        #expect(backed["written"]?.stringValue == "experiment #1")
    }

    @Test func explainAndCompareAnswerCompactly() async throws {
        let r = try registry("wine")
        _ = try await call(r, "load_data", #"{"path": "wine.csv", "target": "target"}"#)
        let a = try await call(r, "train_model", #"{"model": "baseline", "hypothesis": "floor"}"#)
        let b = try await call(
            r, "train_model", #"{"model": "gbdt", "hypothesis": "trees", "params": {"max_iter": 50}}"#)
        let ida = try #require(a["run_id"]?.stringValue), idb = try #require(b["run_id"]?.stringValue)
        let compared = try await call(r, "compare_runs", #"{"run_a": "\#(ida)", "run_b": "\#(idb)"}"#)
        #expect(compared["comparison"]?["significant"] == true)
        #expect(compared["comparison"]?["better_run"]?.stringValue == idb)
        let explained = await r.execute(
            ToolCall(id: "e", name: "explain_model", arguments: #"{"run_id": "\#(idb)", "top_k": 3}"#))
        #expect(!explained.isError, "\(explained.content)")
        let json = try JSONValue.parse(explained.content)
        #expect(json["importance"]?.arrayValue?.count == 3)
        #expect(json["gain_importance"]?.arrayValue?.isEmpty == false)
        #expect(explained.content.count < 6_000)
        let tuned = try await call(
            r, "tune_model",
            #"{"model": "knn", "space": {"n_neighbors": [3, 7]}, "strategy": "random", "hypothesis": "k matters"}"#)
        #expect(tuned["trials"]?.arrayValue?.count == 2)
        let listed = try await call(r, "list_runs", #"{"top_k": 2}"#)
        #expect(listed["count"] == 3, "the search's best configuration is the one run it adds")
        #expect(listed["runs"]?.arrayValue?.count == 2)
    }
}
