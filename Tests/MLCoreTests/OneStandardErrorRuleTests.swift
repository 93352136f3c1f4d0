// The one-standard-error rule keeps the simplest model within one standard error (the best model's fold
// std / √folds, or with fold scores the paired difference's, Nadeau–Bengio corrected) of the best mean,
// for scores where greater is better and for errors; and averaging predictions, what an ensemble predicts.

import MLCore
import Testing

@Suite struct OneStandardErrorRuleTests {
    func c(_ id: String, _ mean: Double, _ std: Double, _ complexity: Int) -> ScoredCandidate {
        ScoredCandidate(id: id, mean: mean, std: std, folds: 4, complexity: complexity)
    }

    @Test func theSimplestWithinOneStandardErrorIsKept() {
        // Best 0.86 ± 0.02 over 4 folds: SE 0.01, so anything ≥ 0.85 is within noise of it.
        let pool = [c("linear", 0.851, 0.03, 1), c("gbdt", 0.86, 0.02, 2), c("ensemble", 0.855, 0.01, 4)]
        #expect(OneStandardErrorRule.choose(pool, greaterIsBetter: true)?.id == "linear")
        // Just outside the standard error: the best stays.
        let edge = [c("linear", 0.8499, 0.03, 1), c("gbdt", 0.86, 0.02, 2)]
        #expect(OneStandardErrorRule.choose(edge, greaterIsBetter: true)?.id == "gbdt")
        // Equal complexity: the better mean.
        let tie = [c("a", 0.855, 0.01, 2), c("b", 0.86, 0.02, 2)]
        #expect(OneStandardErrorRule.choose(tie, greaterIsBetter: true)?.id == "b")
    }

    @Test func forErrorsLowerIsBetter() {
        // Best RMSE 3.0 ± 0.4 over 4 folds: SE 0.2, so anything ≤ 3.2 is within noise.
        let pool = [c("ridge", 3.19, 0.5, 1), c("gbdt", 3.0, 0.4, 2), c("forest", 3.1, 0.3, 2)]
        #expect(OneStandardErrorRule.choose(pool, greaterIsBetter: false)?.id == "ridge")
        let far = [c("ridge", 3.21, 0.5, 1), c("gbdt", 3.0, 0.4, 2), c("forest", 3.1, 0.3, 2)]
        #expect(OneStandardErrorRule.choose(far, greaterIsBetter: false)?.id == "gbdt")
    }

    @Test func onTheSameFoldsTheNoiseIsThatOfThePairedDifference() {
        // Fold scores (R²) of three runs of one wage session (ISLR Wage, 5 folds): ridge, tuned gradient
        // boosting, their average. Expected standard errors from Python's statistics module:
        // stdev(a − best) × √(1/5 + 1/4) (Nadeau–Bengio), 0.0042 for ridge, 0.0037649701194033434 for gbdt.
        let ridge: [Double] = [0.36, 0.298, 0.355, 0.3, 0.307]
        let gbdt: [Double] = [0.369, 0.307, 0.367, 0.316, 0.297]
        let average: [Double] = [0.377, 0.311, 0.365, 0.315, 0.308]
        func run(_ id: String, _ f: [Double], _ complexity: Int, paired: Bool = true) -> ScoredCandidate {
            ScoredCandidate(
                id: id, mean: f.reduce(0, +) / 5, std: Stats.std(f), folds: 5, complexity: complexity,
                foldScores: paired ? f : nil)
        }
        let best = run("ensemble", average, 4)
        #expect(abs((run("ridge", ridge, 1).pairedStandardError(with: best) ?? 0) - 0.0042) < 1e-12)
        #expect(abs((run("gbdt", gbdt, 2).pairedStandardError(with: best) ?? 0) - 0.0037649701194033434) < 1e-12)
        // Unpaired, the best's fold spread (0.033 / √5 = 0.0148) swallows the ridge's 0.011 deficit: every
        // fold's difficulty moves all three alike. Paired, ridge is behind on every fold but one, by more than
        // the noise of the difference (0.0112 > 0.0042), and so is gbdt (0.0040 > 0.0038): the average stays.
        let unpaired = [run("ridge", ridge, 1, paired: false), run("gbdt", gbdt, 2, paired: false), best]
        #expect(OneStandardErrorRule.choose(unpaired, greaterIsBetter: true)?.id == "ridge")
        let paired = [run("ridge", ridge, 1), run("gbdt", gbdt, 2), best]
        #expect(OneStandardErrorRule.choose(paired, greaterIsBetter: true)?.id == "ensemble")
        // A simpler run that wins some folds and loses others is within the noise of the difference: kept.
        let mixed = run("linear", [0.38, 0.29, 0.37, 0.30, 0.316], 1)
        #expect(OneStandardErrorRule.choose([mixed, best], greaterIsBetter: true)?.id == "linear")
        // Fold scores of different lengths (other folds) are not paired: the best's standard error.
        var other = run("ridge", ridge, 1)
        other.foldScores = Array(ridge.prefix(4))
        #expect(
            other.pairedStandardError(with: best) == nil && other.standardError(against: best) == best.standardError)
    }

    @Test func withoutASpreadOnlyTheBestQualifies() {
        let pool = [c("a", 0.9, 0, 1), ScoredCandidate(id: "b", mean: 0.91, std: nil, folds: 5, complexity: 2)]
        #expect(OneStandardErrorRule.choose(pool, greaterIsBetter: true)?.id == "b")
        #expect(OneStandardErrorRule.choose([], greaterIsBetter: true) == nil)
        #expect(OneStandardErrorRule.choose([c("nan", .nan, 0, 1)], greaterIsBetter: true) == nil)
    }

    @Test func averagedPredictionsAreTheMeanOfTheMembers() throws {
        let a = Prediction.classes(labels: [0, 1], probabilities: [0.9, 0.1, 0.4, 0.6], classCount: 2)
        let b = Prediction.classes(labels: [1, 0], probabilities: [0.3, 0.7, 0.7, 0.3], classCount: 2)
        // Row 0: (0.6, 0.4) → class 0; row 1: (0.55, 0.45) → class 0.
        guard case .classes(let labels, let p?, 2) = try Prediction.average([a, b]) else {
            Issue.record("not a class prediction")
            return
        }
        #expect(labels == [0, 0])
        for (x, y) in zip(p, [0.6, 0.4, 0.55, 0.45]) { #expect(abs(x - y) < 1e-12) }
        #expect(try Prediction.average([.values([1, 2]), .values([3, 6])]) == .values([2, 4]))
        #expect(throws: MLError.self) { try Prediction.average([.values([1]), .values([1, 2])]) }
        #expect(throws: MLError.self) {
            try Prediction.average([a, .classes(labels: [0, 1], probabilities: nil, classCount: 2)])
        }
    }
}
