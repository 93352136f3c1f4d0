// Gradient boosting under a time limit (maxSeconds): the fit stops adding iterations when the limit
// passes (one at least), and a cross-validated experiment fixes the count its first fold reached for
// every other fold and the final model, so the folds compare models of one size; the result says so.
import Testing

@testable import MLCore

@Suite struct TimeLimitTests {
    let data: TrainingSet = {
        let x0 = (0..<400).map { Double($0 % 37) }, x1 = (0..<400).map { Double(($0 * 7) % 23) }
        return TrainingSet(
            x: FeatureMatrix(columns: [x0, x1], names: ["a", "b"]), y: .values(zip(x0, x1).map { $0 * 2 + $1 }))
    }()

    @Test func aLimitThatPassesStopsTheFitAfterOneIteration() throws {
        var p = GradientBoostingParameters()
        p.maxSeconds = 1e-9
        let fitted = try HistGradientBoosting(p).fit(data)
        #expect(fitted.iterations == 1)
        let fixed = try #require(HistGradientBoosting(p).fixed(at: fitted))
        #expect(fixed.parameters.maxIter == 1 && fixed.parameters.maxSeconds == nil)
        // Without a limit nothing is fixed, and a generous limit cuts nothing.
        #expect(HistGradientBoosting().fixed(at: fitted) == nil)
        p.maxSeconds = 600
        #expect(try HistGradientBoosting(p).fit(data).iterations == 100)
    }

    @Test func crossValidationFixesTheFirstFoldsCountForEveryFit() throws {
        let dataset = try TestData.load("mpg.csv")
        let spec = ExperimentSpec(
            target: "hwy", family: try .named("gbdt"),
            parameters: try ModelFamily.named("gbdt").parse(["maxSeconds": "0.000001"]),
            validation: .crossValidation(folds: 3), seed: 1)
        let result = try ExperimentRunner.run(dataset: dataset, spec: spec)
        #expect(result.iterationsFixedByTimeLimit == 1)
        #expect(result.parameters["maxIter"] == "1" && result.parameters["maxSeconds"] == nil)
        #expect(result.requestedParameters?["maxIter"] == "100")
        #expect((result.fitted.model as? FittedGradientBoosting)?.iterations == 1)
        // The same experiment without a limit is untouched.
        let free = try ExperimentRunner.run(
            dataset: dataset,
            spec: ExperimentSpec(
                target: "hwy", family: try .named("gbdt"), validation: .crossValidation(folds: 3), seed: 1))
        #expect(free.iterationsFixedByTimeLimit == nil && free.requestedParameters == nil)
        #expect(free.parameters["maxIter"] == "100")
    }
}
