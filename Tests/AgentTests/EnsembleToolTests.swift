// train_model's search parameters: model "ensemble" averages stored runs (its out-of-fold score is the
// score of the members' averaged out-of-fold predictions, its stored model predicts the average of the
// members' stored models, and the sealed test split evaluates it like any run); target_transform "log"
// fits log(1 + y) and predicts on the original scale; class_weight "balanced" reaches gbdt; text_max_terms
// sizes the TF-IDF vocabulary of train_model and tune_model.

import Agent
import Foundation
import LLMClient
import MLCore
import Testing
import Tracking

@Suite struct EnsembleToolTests {
    let tools = ToolsTests()

    @Test func theEnsembleIsTheAverageOfItsMembers() async throws {
        let r = try tools.registry("titanic")
        _ = try await tools.call(r, "load_data", #"{"path": "titanic.csv", "target": "survived"}"#)
        _ = try await tools.call(r, "train_model", #"{"model": "baseline", "hypothesis": "the floor"}"#)
        let a = try await tools.call(r, "train_model", #"{"model": "logistic", "hypothesis": "linear"}"#)
        let b = try await tools.call(r, "train_model", #"{"model": "gbdt", "hypothesis": "trees"}"#)
        let ids = try [#require(a["run_id"]?.stringValue), #require(b["run_id"]?.stringValue)]
        let e = try await tools.call(
            r, "train_model", #"{"model": "ensemble", "members": ["\#(ids[0])", "\#(ids[1])"], "hypothesis": "both"}"#)
        let id = try #require(e["run_id"]?.stringValue, "\(e)")
        #expect(e["model"] == "ensemble")
        #expect(e["members"] == .strings(ids))

        // Validation: the members' out-of-fold probabilities averaged, scored on the same rows.
        let session = r.context.session
        let members = try ids.map { try #require(session.artifacts($0)) }
        let own = try #require(session.artifacts(id))
        #expect(own.target == members[0].target)
        guard case .classes(_, let p0?, 2) = members[0].outOfFold, case .classes(_, let p1?, 2) = members[1].outOfFold,
            case .classes(let labels, let pe?, 2) = own.outOfFold
        else {
            Issue.record("out-of-fold predictions without probabilities")
            return
        }
        for i in 0..<pe.count { #expect(abs(pe[i] - (p0[i] + p1[i]) / 2) < 1e-12) }
        for row in labels.indices { #expect(labels[row] == (pe[row * 2 + 1] > pe[row * 2] ? 1 : 0)) }
        let stored = try r.context.store.get(id)
        #expect(stored.foldMetrics.count == 5, "scored on the members' five folds")
        #expect(stored.metrics["roc_auc"]?.ciLow != nil)

        // Prediction: the stored ensemble predicts the average of its members' stored models.
        let dataset = try Dataset.load(path: AgentFixtures.dataset("titanic").path)
        let ensemble = try TrainedModel.load(try #require(stored.model))
        #expect(ensemble.isEnsemble)
        let parts = try ids.map {
            try TrainedModel.load(try #require(try r.context.store.get($0).model)).predict(dataset)
        }
        guard case .classes(_, let q0?, _) = parts[0], case .classes(_, let q1?, _) = parts[1],
            case .classes(_, let qe?, _) = try ensemble.predict(dataset)
        else {
            Issue.record("stored models without probabilities")
            return
        }
        for i in 0..<qe.count { #expect(abs(qe[i] - (q0[i] + q1[i]) / 2) < 1e-12) }

        // The sealed test split evaluates it like any run; explaining it points to its members.
        let test = try await tools.call(r, "compute_metrics", #"{"run_id": "\#(id)", "split": "test"}"#)
        #expect(test["metrics"]?["roc_auc"]?["value"]?.doubleValue != nil, "\(test)")
        let explain = try await tools.call(r, "explain_model", #"{"run_id": "\#(id)"}"#)
        #expect(explain["error"]?.stringValue?.contains("explain one of its members") == true)
    }

    @Test func ensembleMistakesNameTheFix() async throws {
        let r = try tools.registry("titanic")
        _ = try await tools.call(r, "load_data", #"{"path": "titanic.csv", "target": "survived"}"#)
        _ = try await tools.call(r, "train_model", #"{"model": "baseline", "hypothesis": "the floor"}"#)
        let a = try await tools.call(r, "train_model", #"{"model": "logistic", "hypothesis": "linear"}"#)
        let id = try #require(a["run_id"]?.stringValue)
        let one = try await tools.call(
            r, "train_model", #"{"model": "ensemble", "members": ["\#(id)"], "hypothesis": "x"}"#)
        #expect(one["error"]?.stringValue?.contains("at least 2") == true, "\(one)")
        let folds = try await tools.call(r, "train_model", #"{"model": "gbdt", "folds": 3, "hypothesis": "x"}"#)
        let other = try #require(folds["run_id"]?.stringValue)
        let mixed = try await tools.call(
            r, "train_model", #"{"model": "ensemble", "members": ["\#(id)", "\#(other)"], "hypothesis": "x"}"#)
        #expect(mixed["error"]?.stringValue?.contains("different folds") == true, "\(mixed)")
    }

    @Test func aLogTargetIsFittedOnLogAndScoredOnTheOriginalScale() async throws {
        let r = try tools.registry("mpg")
        _ = try await tools.call(r, "load_data", #"{"path": "mpg.csv", "target": "hwy"}"#)
        _ = try await tools.call(r, "train_model", #"{"model": "baseline", "hypothesis": "the floor"}"#)
        let plain = try await tools.call(r, "train_model", #"{"model": "ridge", "hypothesis": "plain"}"#)
        let logged = try await tools.call(
            r, "train_model", #"{"model": "ridge", "target_transform": "log", "hypothesis": "relative errors"}"#)
        let id = try #require(logged["run_id"]?.stringValue, "\(logged)")
        #expect(logged["params"]?["targetTransform"] == "log")
        // Scored on the original scale: an R² near the plain model's, not one of log-miles.
        let r2 = try #require(logged["metrics"]?["r2"]?["mean"]?.doubleValue)
        let r2Plain = try #require(plain["metrics"]?["r2"]?["mean"]?.doubleValue)
        #expect(abs(r2 - r2Plain) < 0.1)
        let model = try TrainedModel.load(try #require(try r.context.store.get(id).model))
        #expect(model.targetTransform == .log)
        let dataset = try Dataset.load(path: AgentFixtures.dataset("mpg").path)
        guard case .values(let p) = try model.predict(dataset),
            case .values(let raw) = try model.model.predict(
                try model.pipeline.transform(dataset))
        else {
            Issue.record("no numeric prediction")
            return
        }
        for i in p.indices { #expect(abs(p[i] - Foundation.expm1(raw[i])) < 1e-9) }
        #expect(p.allSatisfy { $0 > 5 && $0 < 60 }, "miles per gallon, not their logarithm")

        let classes = try tools.registry("titanic")
        _ = try await tools.call(classes, "load_data", #"{"path": "titanic.csv", "target": "survived"}"#)
        _ = try await tools.call(classes, "train_model", #"{"model": "baseline", "hypothesis": "the floor"}"#)
        let wrong = try await tools.call(
            classes, "train_model", #"{"model": "gbdt", "target_transform": "log", "hypothesis": "x"}"#)
        #expect(wrong["error"]?.stringValue?.contains("regression") == true, "\(wrong)")
        let weighted = try await tools.call(
            classes, "train_model", #"{"model": "gbdt", "params": {"class_weight": "balanced"}, "hypothesis": "x"}"#)
        #expect(weighted["params"]?["classWeight"] == "balanced", "\(weighted)")
    }

    @Test func textMaxTermsSizesTheTextVocabulary() async throws {
        let r = try tools.registry("titanic")
        _ = try await tools.call(r, "load_data", #"{"path": "titanic.csv", "target": "survived"}"#)
        _ = try await tools.call(r, "train_model", #"{"model": "baseline", "hypothesis": "the floor"}"#)
        let small = try await tools.call(
            r, "train_model", #"{"model": "logistic", "features": ["name"], "text_max_terms": 50, "hypothesis": "x"}"#)
        let id = try #require(small["run_id"]?.stringValue, "\(small)")
        let dataset = try Dataset.load(path: AgentFixtures.dataset("titanic").path)
        func inputs(_ run: String) throws -> Int {
            let model = try TrainedModel.load(try #require(try r.context.store.get(run).model))
            return try model.pipeline.transform(dataset).featureCount
        }
        #expect(try inputs(id) == 50, "the 50 most frequent terms of 'name'")
        #expect(RunPreprocessing(try r.context.store.get(id).preprocessing)?.tfidf.maxFeatures == 50)
        let usual = try await tools.call(
            r, "train_model", #"{"model": "logistic", "features": ["name"], "hypothesis": "x"}"#)
        #expect(try inputs(try #require(usual["run_id"]?.stringValue)) > 50)
        let tuned = try await tools.call(
            r, "tune_model",
            #"{"model": "logistic", "space": {"C": [0.1, 1]}, "drop": ["class", "sex", "age"], "text_max_terms": 50, "hypothesis": "x"}"#
        )
        #expect(try inputs(try #require(tuned["best_run"]?.stringValue, "\(tuned)")) == 50)
        let bad = try await tools.call(
            r, "train_model", #"{"model": "logistic", "text_max_terms": 5, "hypothesis": "x"}"#)
        #expect(bad["error"]?.stringValue?.contains("text_max_terms") == true, "\(bad)")
    }

    @Test func budgetsReadAsAPersonWritesThem() {
        #expect(BudgetDuration.seconds("90s") == 90)
        #expect(BudgetDuration.seconds("2m") == 120)
        #expect(BudgetDuration.seconds("1m30s") == 90)
        #expect(BudgetDuration.seconds("1h") == 3600)
        #expect(BudgetDuration.seconds("45") == 45)
        #expect(BudgetDuration.seconds("7.5s") == 7.5)
        for bad in ["", "0", "-3", "2x", "m", "2m3", "abc"] { #expect(BudgetDuration.seconds(bad) == nil, "\(bad)") }
    }
}
