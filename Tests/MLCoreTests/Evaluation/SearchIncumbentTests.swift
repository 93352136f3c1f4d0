// A search's included configurations (tune_model's `include`) are evaluated before the sampled ones, so a
// search that its time budget or its cap on trials cuts still returns them: the Autopilot's regularised
// gradient boosting is the first tuning's incumbent, whatever the machine's load (caravan: at load 8 the
// first tuning was cut and the session kept a weaker model). Uncut, a sampled configuration that scores
// better still wins: the included one is a candidate, not a choice.

import Testing

@testable import MLCore

@Suite struct SearchIncumbentTests {
    let data = SyntheticData.informative(rows: 300, seed: 2)
    let folds = SyntheticData.folds(rows: 300, k: 3)
    let space = SearchSpace(["shrink": .double(low: 0.01, high: 1, log: true)])
    let included: [String: ParameterValue] = ["shrink": .double(7)]

    /// Predicts the constant `shrink` for every row (rmse: the nearer the target's level, the better).
    let constant: HyperparameterSearch.FitPredict = { (p, _, valid) throws(MLError) -> Prediction in
        .values(valid.map { _ in p["shrink"]?.doubleValue ?? 0 })
    }

    @Test func aRandomSearchCutAfterOneTrialReturnsTheIncludedConfiguration() throws {
        for (budget, cap): (Double?, Int?) in [(nil, 1), (0, nil)] {
            let r = try HyperparameterSearch.random(
                space: space, candidates: 8, including: [included], metric: "rmse", target: .values(data.y),
                folds: folds, timeBudget: budget, maxTrials: cap, seed: 3, fitPredict: constant)
            #expect(r.stoppedByBudget)
            #expect(r.trials.count == 1)
            #expect(r.best?.parameters == included)
        }
    }

    @Test func aOneRoundHalvingCutAfterOneTrialReturnsTheIncludedConfiguration() throws {
        // 200 training rows a fold under a floor of 3,000: one round, every configuration on all the rows.
        let r = try HyperparameterSearch.successiveHalving(
            space: space, candidates: 8, including: [included], metric: "rmse", target: .values(data.y),
            folds: folds, minRows: 3000, maxTrials: 1, seed: 3, fitPredict: constant)
        #expect(r.stoppedByBudget && r.trials.count == 1)
        #expect(r.best.map { $0.parameters == included && $0.resource == 1 } == true)
    }

    @Test func uncutTheBestScoringConfigurationWinsOverTheIncludedOne() throws {
        let y = data.y
        let mean = y.reduce(0, +) / Double(y.count)
        // A constant far from the target's level scores worse than any sampled one nearer to it.
        let far: [String: ParameterValue] = ["shrink": .double(mean + 1000)]
        let r = try HyperparameterSearch.random(
            space: space, candidates: 8, including: [far], metric: "rmse", target: .values(y), folds: folds,
            seed: 3, fitPredict: constant)
        #expect(!r.stoppedByBudget && r.trials.count == 9)
        #expect(r.best?.parameters != far)
        #expect(r.trials.last?.parameters == far, "ranked last")
    }
}
