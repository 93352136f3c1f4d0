// tune_model's `target_transform`: a log target reaches the search as it reaches train_model, every trial
// fitted on log(1 + y) and scored on y's scale, and the best configuration recorded as a log-target run, so
// the search measures the model the run is (mpg's hwy, a positive skewed-right target).

import Agent
import Foundation
import LLMClient
import MLCore
import Testing
import Tracking

@Suite struct TuneTargetTransformTests {
    let tools = ToolsTests()

    @Test func everyTrialFitsTheLogTargetAndTheBestRunKeepsIt() async throws {
        let r = try tools.registry("mpg")
        _ = try await tools.call(r, "load_data", #"{"path": "mpg.csv", "target": "hwy"}"#)
        _ = try await tools.call(r, "train_model", #"{"model": "baseline", "hypothesis": "the floor"}"#)
        let space = #""space": {"alpha": [1, 100]}, "strategy": "random", "candidates": 2"#
        let logged = try await tools.call(
            r, "tune_model", #"{"model": "ridge", \#(space), "target_transform": "log", "hypothesis": "relative"}"#)
        let plain = try await tools.call(r, "tune_model", #"{"model": "ridge", \#(space), "hypothesis": "absolute"}"#)
        let trained = try await tools.call(
            r, "train_model",
            #"{"model": "ridge", "params": {"alpha": 1}, "target_transform": "log", "hypothesis": "one of them"}"#)
        func trial(_ tuned: JSONValue, alpha: Double) -> JSONValue? {
            tuned["trials"]?.arrayValue?.first { $0["params"]?["alpha"]?.doubleValue == alpha }?["mean"]
        }
        // A trial scores what train_model's log-target run of the same configuration scores (same folds).
        let r2 = try #require(trained["metrics"]?["r2"]?["mean"]?.doubleValue, "\(trained)")
        #expect(trial(logged, alpha: 1) == .rounded(r2), "\(logged)")
        #expect(trial(plain, alpha: 1) != trial(logged, alpha: 1), "the plain search fits y itself")
        // Scored on the original scale: near the plain model's R², not an R² of log-miles.
        let a = try #require(trial(logged, alpha: 1)?.doubleValue),
            b = try #require(trial(plain, alpha: 1)?.doubleValue)
        #expect(abs(a - b) < 0.1)
        let best = try #require(try r.context.store.get(try #require(logged["best_run"]?.stringValue)))
        #expect(try TrainedModel.load(try #require(best.model)).targetTransform == .log)

        let classes = try tools.registry("titanic")
        _ = try await tools.call(classes, "load_data", #"{"path": "titanic.csv", "target": "survived"}"#)
        _ = try await tools.call(classes, "train_model", #"{"model": "baseline", "hypothesis": "the floor"}"#)
        let wrong = try await tools.call(
            classes, "tune_model",
            #"{"model": "logistic", "space": {"C": [1, 10]}, "target_transform": "log", "hypothesis": "x"}"#)
        #expect(wrong["error"]?.stringValue?.contains("regression") == true, "\(wrong)")
    }
}
