// Explaining a stored model (`mlexp explain FILE --run ID`): a logistic regression fitted on titanic
// (datasets/titanic.csv), saved and loaded back as the run store keeps it, is explained on the file's
// labelled rows without a refit — its metrics are those of the stored model's own predictions, the
// slices read in years — and a file without the run's target is refused.

import Foundation
import Testing

@testable import MLCore

@Suite struct StoredModelExplainTests {
    @Test func aSavedModelIsExplainedWithoutRefit() throws {
        let data = try TestData.load("titanic.csv")
        let spec = ExperimentSpec(
            target: "survived", family: try .named("logistic"), validation: .holdout(testFraction: 0.25), seed: 0,
            excluding: ["name"])
        let result = try ExperimentRunner.run(dataset: data, spec: spec)
        let stored = try TrainedModel.load(
            try TrainedModel(target: result.target, pipeline: result.pipeline, model: result.fitted).saved())
        let input = try ExplainInput(trained: stored, dataset: data)
        let rows = try data.rowsWithTarget("survived")
        #expect(input.valid.rows == rows.count)
        let r = try ModelExplainer.explain(input, method: .errors)
        let expected = try Metrics.evaluate(
            target: try result.target.values(in: data, rows: rows), prediction: try stored.predict(data, rows: rows))
        #expect(r.metrics == expected)
        let cuts = try #require(r.errors).slices.filter { $0.feature == "age" && $0.slice.hasPrefix("[") }
        #expect(cuts.contains { $0.slice.contains("inf, 2") || $0.slice.contains("[2") || $0.slice.contains("[3") })
        let unlabelled = try Dataset(columns: data.columns.filter { $0.name != "survived" })
        #expect(throws: MLError.self) { try ExplainInput(trained: stored, dataset: unlabelled) }
    }
}
