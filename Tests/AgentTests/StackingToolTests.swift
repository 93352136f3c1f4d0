// train_model's ensemble_method "stack": a meta-model on the members' out-of-fold predictions instead of
// their average. Given a strong member (ridge) and one that knows nothing (the baseline), averaging
// halves the signal while the meta-model learns to trust the strong one; its validation fits each fold's
// meta-model on the other folds only, and its stored model predicts through the same meta-model.

import Agent
import Foundation
import LLMClient
import MLCore
import Testing
import Tracking

@Suite struct StackingToolTests {
    let tools = ToolsTests()

    @Test func theMetaModelLearnsWhichMemberToTrust() async throws {
        let r = try tools.registry("mpg")
        _ = try await tools.call(r, "load_data", #"{"path": "mpg.csv", "target": "hwy"}"#)
        let floor = try await tools.call(r, "train_model", #"{"model": "baseline", "hypothesis": "the floor"}"#)
        let ridge = try await tools.call(r, "train_model", #"{"model": "ridge", "hypothesis": "linear"}"#)
        let ids = try [#require(ridge["run_id"]?.stringValue), #require(floor["run_id"]?.stringValue)]
        let members = #""members": ["\#(ids[0])", "\#(ids[1])"]"#
        let averaged = try await tools.call(
            r, "train_model", #"{"model": "ensemble", \#(members), "hypothesis": "both"}"#)
        let stacked = try await tools.call(
            r, "train_model",
            #"{"model": "ensemble", \#(members), "ensemble_method": "stack", "hypothesis": "weighed"}"#)
        let r2 = { (result: JSONValue) in result["metrics"]?["r2"]?["mean"]?.doubleValue ?? .nan }
        #expect(r2(stacked) > r2(averaged) + 0.1, "stack \(r2(stacked)), average \(r2(averaged))")
        #expect(abs(r2(stacked) - r2(ridge)) < 0.02, "stack \(r2(stacked)), ridge \(r2(ridge))")

        // The stored model predicts through the meta-model fitted on every out-of-fold prediction.
        let id = try #require(stacked["run_id"]?.stringValue)
        let stored = try TrainedModel.load(try #require(try r.context.store.get(id).model))
        let stacker = try #require(stored.stacker)
        let dataset = try Dataset.load(path: AgentFixtures.dataset("mpg").path)
        let parts = try ids.map {
            try TrainedModel.load(try #require(try r.context.store.get($0).model)).predict(dataset)
        }
        #expect(try stored.predict(dataset) == stacker.predict(parts))
        // Each validation fold is scored by a meta-model that never saw its rows: refitting the meta-model on
        // every row and scoring in sample gives other numbers.
        let session = r.context.session
        let oof = try ids.map { try #require(session.artifacts($0)).outOfFold }
        let own = try #require(session.artifacts(id)).outOfFold
        #expect(try stacker.predict(oof) != own)
        // A test evaluation works like any run's.
        let test = try await tools.call(r, "compute_metrics", #"{"run_id": "\#(id)", "split": "test"}"#)
        #expect(test["metrics"]?["r2"] != nil, "\(test)")
    }

    @Test func anUnknownMethodIsRefusedWithTheChoices() async throws {
        let r = try tools.registry("mpg")
        _ = try await tools.call(r, "load_data", #"{"path": "mpg.csv", "target": "hwy"}"#)
        _ = try await tools.call(r, "train_model", #"{"model": "baseline", "hypothesis": "the floor"}"#)
        let a = try await tools.call(r, "train_model", #"{"model": "ridge", "hypothesis": "linear"}"#)
        let b = try await tools.call(r, "train_model", #"{"model": "gbdt", "hypothesis": "trees"}"#)
        let ids = try [#require(a["run_id"]?.stringValue), #require(b["run_id"]?.stringValue)]
        let bad = try await tools.call(
            r, "train_model",
            #"{"model": "ensemble", "members": ["\#(ids[0])", "\#(ids[1])"], "ensemble_method": "vote", "hypothesis": "x"}"#
        )
        #expect(bad["error"]?.stringValue?.contains("average") == true, "\(bad)")
    }
}
