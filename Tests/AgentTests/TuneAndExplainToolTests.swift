// tune_model runs MLCore's HyperparameterSearch (seeded, ranked, on train_model's folds) and records its
// best configuration as a run; explain_model explains the run's stored model itself (no refit), with
// error slices from the run's out-of-fold predictions.

import Agent
import Foundation
import LLMClient
import MLCore
import Testing
import Tracking

@Suite struct TuneAndExplainToolTests {
    let tools = ToolsTests()

    @Test func tuneRanksTheSearchAndRecordsTheBestAsARunOnTheSameFolds() async throws {
        let r = try tools.registry("mpg")
        _ = try await tools.call(r, "load_data", #"{"path": "mpg.csv", "target": "hwy"}"#)
        _ = try await tools.call(r, "train_model", #"{"model": "baseline", "hypothesis": "the floor"}"#)
        let args =
            #"{"model": "knn", "space": {"n_neighbors": [2, 5, 15, 40]}, "strategy": "random", "candidates": 4, "hypothesis": "k matters"}"#
        let tuned = try await tools.call(r, "tune_model", args)
        #expect(tuned["strategy"] == "random")
        let trials = try #require(tuned["trials"]?.arrayValue)
        #expect(trials.count == 4)
        #expect(Set(trials.compactMap { $0["params"]?["n_neighbors"]?.intValue }) == [2, 5, 15, 40])
        let means = trials.compactMap { $0["mean"]?.doubleValue }
        #expect(means == means.sorted(by: >), "r2: best first")
        // Only the best configuration becomes a run, and on the same folds its CV score is the best trial's.
        let runs = try r.context.store.list(limit: 10)
        #expect(runs.count == 2, "the baseline and the tuned run")
        let run = try #require(runs.first)
        #expect(run.id == tuned["best_run"]?.stringValue)
        #expect(run.hyperParameters["nNeighbors"] == trials[0]["params"]?["n_neighbors"])
        #expect(JSONValue.rounded(try #require(run.metrics["r2"]?.mean)) == trials[0]["mean"])
        // Seeded: the same call ranks the same trials (in a session of its own: within one session the
        // same call is answered from memory, see LoopGuideTests).
        let fresh = try tools.registry("mpg")
        _ = try await tools.call(fresh, "load_data", #"{"path": "mpg.csv", "target": "hwy"}"#)
        _ = try await tools.call(fresh, "train_model", #"{"model": "baseline", "hypothesis": "the floor"}"#)
        let again = try await tools.call(fresh, "tune_model", args)
        #expect(again["trials"] == tuned["trials"])
        let repeated = try await tools.call(r, "tune_model", args)
        #expect(repeated["already_done"] == true)
    }

    @Test func halvingStartsOnAShareOfTheRowsAndKeepsTheBest() async throws {
        let r = try tools.registry("penguins")
        _ = try await tools.call(r, "load_data", #"{"path": "penguins.csv", "target": "species"}"#)
        _ = try await tools.call(r, "train_model", #"{"model": "baseline", "hypothesis": "the floor"}"#)
        let tuned = try await tools.call(
            r, "tune_model",
            #"""
            {"model": "gbdt", "space": {"max_iter": {"low": 10, "high": 60}, "learning_rate": {"low": 0.03, "high": 0.3, "log": true}},
             "candidates": 9, "hypothesis": "boosting settings matter", "folds": 3, "min_rows": 0}
            """#)
        #expect(tuned["strategy"] == "successive_halving", "\(tuned)")
        let trials = try #require(tuned["trials"]?.arrayValue)
        #expect(tuned["evaluated"]?.intValue ?? 0 > 9, "survivors are evaluated again on more rows")
        #expect(trials.first?["round"]?.intValue ?? 0 > 0, "later rounds rank first")
        #expect(trials.contains { ($0["rows_share"]?.doubleValue ?? 1) < 1 })
        #expect(trials.first?["params"]?["max_iter"]?.intValue != nil, "whole-number bounds sample integers")
        #expect((tuned["best"]?["accuracy"]?["mean"]?.doubleValue ?? 0) > 0.9)
        // By default the first round has at least 3,000 training rows of a fold: penguins' 183 get one round on
        // all of them, every candidate, the included configuration as well.
        let floored = try await tools.call(
            r, "tune_model",
            #"""
            {"model": "gbdt", "space": {"max_iter": {"low": 10, "high": 60}}, "candidates": 4, "folds": 3,
             "include": [{"max_iter": 77, "learning_rate": 0.03}], "hypothesis": "on all the rows"}
            """#)
        let all = try #require(floored["trials"]?.arrayValue, "\(floored)")
        #expect(all.count == 5 && all.allSatisfy { $0["rows_share"] == 1 && $0["round"] == 0 }, "\(floored)")
        #expect(all.contains { $0["params"]?["max_iter"] == 77 && $0["params"]?["learning_rate"] == 0.03 })
        let wrong = try await tools.call(
            r, "tune_model",
            #"{"model": "gbdt", "space": {"max_iter": [10]}, "include": [{"max_leaves": 4}], "hypothesis": "x"}"#)
        #expect(wrong["error"]?.stringValue?.contains("max_leaves") == true, "\(wrong)")
    }

    @Test func tuneMistakesNameTheFix() async throws {
        let r = try tools.registry("mpg")
        _ = try await tools.call(r, "load_data", #"{"path": "mpg.csv", "target": "hwy"}"#)
        _ = try await tools.call(r, "train_model", #"{"model": "baseline", "hypothesis": "the floor"}"#)
        let name = try await tools.call(
            r, "tune_model", #"{"model": "knn", "space": {"n_neighbour": [3, 5]}, "hypothesis": "h"}"#)
        #expect(name["error"]?.stringValue?.contains("no parameter 'n_neighbour'") == true, "\(name)")
        let empty = try await tools.call(r, "tune_model", #"{"model": "knn", "space": {}, "hypothesis": "h"}"#)
        #expect(empty["error"]?.stringValue?.contains("space is empty") == true, "\(empty)")
        let range = try await tools.call(
            r, "tune_model", #"{"model": "knn", "space": {"n_neighbors": {"low": 3}}, "hypothesis": "h"}"#)
        #expect(range["error"]?.stringValue?.contains("high") == true, "\(range)")
        #expect(try r.context.store.list(limit: 10).map(\.modelFamily) == ["baseline"])
    }

    @Test func explainUsesTheStoredModelAndTheOutOfFoldErrors() async throws {
        let r = try tools.registry("wine")
        _ = try await tools.call(r, "load_data", #"{"path": "wine.csv", "target": "target"}"#)
        _ = try await tools.call(r, "train_model", #"{"model": "baseline", "hypothesis": "the floor"}"#)
        let trained = try await tools.call(
            r, "train_model", #"{"model": "gbdt", "hypothesis": "trees", "params": {"max_iter": 40}}"#)
        let id = try #require(trained["run_id"]?.stringValue)
        let explained = try await tools.call(r, "explain_model", #"{"run_id": "\#(id)", "top_k": 4}"#)
        #expect(explained["note"]?.stringValue?.contains("stored model") == true, "\(explained)")

        // The gain of the very model stored with the run, on its training rows.
        let d = try #require(r.context.session.datasets.first)
        let stored = try TrainedModel.load(try #require(try r.context.store.get(id).model))
        let input = try ExplainInput(trained: stored, dataset: d.trainDataset)
        let gain = try #require(try ModelExplainer.explain(input, method: .gain).importance)
        let expected = gain.features.sorted { $0.importance > $1.importance }.prefix(4)
        let got = try #require(explained["gain_importance"]?.arrayValue)
        #expect(got.compactMap { $0["feature"]?.stringValue } == expected.map(\.name))
        #expect(got.compactMap { $0["importance"] } == expected.map { JSONValue.rounded($0.importance) })

        // Error slices are measured against the out-of-fold predictions the run's metrics came from.
        let artifacts = try #require(r.context.session.artifacts(id))
        let metric = try #require(explained["error_metric"]?.stringValue)
        let overall = try Metrics.score(metric, target: artifacts.target, prediction: artifacts.outOfFold)
        let slices = try #require(explained["error_slices"]?.arrayValue)
        #expect(!slices.isEmpty)
        #expect(slices.allSatisfy { $0["overall"] == JSONValue.rounded(overall) }, "\(slices)")
        #expect(overall < 1, "out-of-fold, not in-sample")
    }
}
