// finalize_model: the chosen run's configuration refitted on every labelled row (training and sealed test),
// only after its one test evaluation. The twin of its model is the same spec fitted by ExperimentRunner on the
// file's rows in the session's order (training rows, then test rows), straight from the CSV.

import Agent
import Foundation
import LLMClient
import MLCore
import Testing
import Tracking

@Suite struct FinalizeModelToolTests {
    let tools = ToolsTests()

    /// The file's rows in the order the refit sees them: the session's training rows, then its test rows.
    func allRows(_ r: ToolRegistry, file: String) throws -> Dataset {
        let d = try #require(r.context.session.datasets.first)
        return try Dataset.load(path: AgentFixtures.dataset(file).path).selecting(rows: d.trainRows + d.testRows)
    }

    @Test func theFinalModelIsTheConfigurationFittedOnEveryRow() async throws {
        let r = try tools.registry("mpg")
        _ = try await tools.call(r, "load_data", #"{"path": "mpg.csv", "target": "hwy"}"#)
        _ = try await tools.call(r, "train_model", #"{"model": "baseline", "hypothesis": "the floor"}"#)
        let gbdt = try await tools.call(
            r, "train_model",
            #"{"model": "gbdt", "hypothesis": "trees", "params": {"max_iter": 60}, "target_transform": "log"}"#)
        let id = try #require(gbdt["run_id"]?.stringValue)

        // Before its test evaluation the refit is refused, and says what to do first.
        let early = try await tools.call(r, "finalize_model", #"{"run_id": "\#(id)"}"#)
        #expect(early["error"]?.stringValue?.contains(#"compute_metrics (split "test")"#) == true, "\(early)")

        let test = try await tools.call(r, "compute_metrics", #"{"run_id": "\#(id)", "split": "test"}"#)
        let final = try await tools.call(r, "finalize_model", #"{"run_id": "\#(id)"}"#)
        let finalID = try #require(final["run_id"]?.stringValue, "\(final)")
        let all = try allRows(r, file: "mpg")
        #expect(final["rows"]?.doubleValue == Double(all.rowCount))
        #expect(final["refit_of"]?.stringValue == id)
        #expect(final["estimate"]?["value"]?.doubleValue == test["metrics"]?["r2"]?["value"]?.doubleValue)

        // The twin: the run's spec (log target included) fitted by the runner on the same rows.
        let parent = try r.context.store.get(id)
        var spec = try LearningCurveExplain.spec(of: parent, target: "hwy")
        spec.validation = .refit
        spec.targetTransform = .log
        let twin = try ExperimentRunner.run(dataset: all, spec: spec)
        let twinModel = TrainedModel(
            target: twin.target, pipeline: twin.pipeline, model: twin.fitted, targetTransform: .log)
        let stored = try TrainedModel.load(try #require(try r.context.store.get(finalID).model))
        #expect(try stored.predict(all) == twinModel.predict(all))
        // It differs from the parent's model, which never saw the test rows.
        let parentModel = try TrainedModel.load(try #require(parent.model))
        #expect(try stored.predict(all) != parentModel.predict(all))

        // A refit is not refitted again, and its test score is the parent's (no second look).
        let again = try await tools.call(r, "finalize_model", #"{"run_id": "\#(finalID)"}"#)
        #expect(again["error"]?.stringValue?.contains("already the final refit of \(id)") == true, "\(again)")
    }

    @Test func anEnsembleIsRefittedMemberByMember() async throws {
        let r = try tools.registry("mpg")
        _ = try await tools.call(r, "load_data", #"{"path": "mpg.csv", "target": "hwy"}"#)
        _ = try await tools.call(r, "train_model", #"{"model": "baseline", "hypothesis": "the floor"}"#)
        let a = try await tools.call(r, "train_model", #"{"model": "ridge", "hypothesis": "linear"}"#)
        let b = try await tools.call(
            r, "train_model", #"{"model": "gbdt", "hypothesis": "trees", "params": {"max_iter": 40}}"#)
        let ids = try [#require(a["run_id"]?.stringValue), #require(b["run_id"]?.stringValue)]
        let ensemble = try await tools.call(
            r, "train_model", #"{"model": "ensemble", "members": ["\#(ids[0])", "\#(ids[1])"], "hypothesis": "both"}"#)
        let id = try #require(ensemble["run_id"]?.stringValue)
        _ = try await tools.call(r, "compute_metrics", #"{"run_id": "\#(id)", "split": "test"}"#)
        let final = try await tools.call(r, "finalize_model", #"{"run_id": "\#(id)"}"#)
        let finalID = try #require(final["run_id"]?.stringValue, "\(final)")

        // The average of each member's configuration fitted on every row.
        let all = try allRows(r, file: "mpg")
        var parts: [Prediction] = []
        for member in ids {
            var spec = try LearningCurveExplain.spec(of: try r.context.store.get(member), target: "hwy")
            spec.validation = .refit
            let fit = try ExperimentRunner.run(dataset: all, spec: spec)
            parts.append(
                try TrainedModel(target: fit.target, pipeline: fit.pipeline, model: fit.fitted).predict(all))
        }
        let stored = try TrainedModel.load(try #require(try r.context.store.get(finalID).model))
        #expect(try stored.predict(all) == Prediction.average(parts))
    }
}

extension FinalizeModelToolTests {
    @Test func aFinalRunAnswersWithItsParentsFigures() async throws {
        let r = try tools.registry("mpg")
        _ = try await tools.call(r, "load_data", #"{"path": "mpg.csv", "target": "hwy"}"#)
        _ = try await tools.call(r, "train_model", #"{"model": "baseline", "hypothesis": "the floor"}"#)
        let ridge = try await tools.call(r, "train_model", #"{"model": "ridge", "hypothesis": "linear"}"#)
        let id = try #require(ridge["run_id"]?.stringValue)
        let test = try await tools.call(r, "compute_metrics", #"{"run_id": "\#(id)", "split": "test"}"#)
        let final = try await tools.call(r, "finalize_model", #"{"run_id": "\#(id)"}"#)
        let finalID = try #require(final["run_id"]?.stringValue)
        // Validation: the configuration's figures, said to be the parent's; test: the parent's one evaluation.
        let validation = try await tools.call(r, "compute_metrics", #"{"run_id": "\#(finalID)"}"#)
        #expect(validation["source"]?.stringValue?.contains("the validation of \(id)'s configuration") == true)
        #expect(validation["metrics"]?["r2"]?["value"] == ridge["metrics"]?["r2"]?["mean"])
        let again = try await tools.call(r, "compute_metrics", #"{"run_id": "\#(finalID)", "split": "test"}"#)
        #expect(again["already_used"]?.boolValue == true)
        #expect(again["metrics"]?["r2"]?["value"] == test["metrics"]?["r2"]?["value"])
        #expect(try r.context.store.testEvaluations().count == 1)
    }
}
