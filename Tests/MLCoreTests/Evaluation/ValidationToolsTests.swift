// Cross-validation runner, bootstrap intervals, paired comparison, threshold choice and the Student t
// functions (against scipy values from scripts/fixtures/evaluation.py → stats.json).

import Testing

@testable import MLCore

struct StatsFixture: Decodable {
    struct CDF: Decodable { var t: Double; var df: Double; var cdf: Double }
    struct Quantile: Decodable { var p: Double; var df: Double; var t: Double }
    struct TTest: Decodable {
        var a: [Double]; var b: [Double]; var validFraction: Double; var pValue: Double; var low: Double;
        var high: Double
    }
    var cdf: [CDF]
    var quantiles: [Quantile]
    var ttest: TTest
}

@Suite struct ValidationToolsTests {
    @Test func studentTMatchesScipy() throws {
        let f: StatsFixture = try EvaluationFixtures.load("stats.json")
        for c in f.cdf { #expect(abs(Stats.studentTCDF(c.t, df: c.df) - c.cdf) <= 1e-9, "cdf(\(c.t), \(c.df))") }
        for q in f.quantiles {
            #expect(
                abs(Stats.studentTQuantile(q.p, df: q.df) - q.t) <= 1e-9,
                "ppf(\(q.p), \(q.df)) cdf at scipy t: \(Stats.studentTCDF(q.t, df: q.df))")
        }
        let r = try PairedComparison.correctedTTest(
            metric: "accuracy", foldScoresA: f.ttest.a, foldScoresB: f.ttest.b,
            validFraction: f.ttest.validFraction)
        #expect(abs(r.pValue - f.ttest.pValue) <= 1e-9)
        #expect(abs(r.low - f.ttest.low) <= 1e-9 && abs(r.high - f.ttest.high) <= 1e-9)
    }

    @Test func crossValidationScoresEachFoldAndAssemblesOutOfFold() throws {
        let (x, y) = SyntheticData.informative(rows: 300, seed: 3)
        let folds = SyntheticData.folds(rows: 300, k: 5)
        let res = try CrossValidation.run(target: .values(y), folds: folds) {
            (train, valid) throws(MLError) -> Prediction in
            let w = SyntheticData.leastSquares(x.selecting(rows: train), train.map { y[$0] })
            return .values(SyntheticData.predictLinear(w, x.selecting(rows: valid)))
        }
        #expect(res.folds.count == 5)
        let r2 = try #require(res.summary["r2"])
        #expect(r2.mean > 0.99 && r2.std >= 0 && r2.low <= r2.mean && r2.high >= r2.mean)
        #expect(abs(r2.mean - Stats.mean(res.values("r2"))) < 1e-12)
        guard case .values(let oof) = res.outOfFold else { Issue.record("out-of-fold kind"); return }
        #expect(!oof.contains { $0.isNaN })
        // The out-of-fold R² is close to the per-fold mean.
        #expect(abs(try Metrics.r2(y, oof) - r2.mean) < 0.01)
    }

    @Test func bootstrapIntervalIsSeededAndHoldsTheEstimate() throws {
        var g = SeededGenerator(seed: 5)
        let labels = (0..<400).map { _ in g.nextInt(below: 2) }
        let probs = labels.flatMap { l -> [Double] in
            let p = min(max(0.3 * Double(l) + 0.7 * g.nextUnit(), 0), 1); return [1 - p, p]
        }
        let pred = Prediction.classes(
            labels: probs.enumerated().filter { $0.offset % 2 == 1 }.map { $0.element > 0.5 ? 1 : 0 },
            probabilities: probs, classCount: 2)
        let t = TargetValues.classes(labels: labels, classNames: ["no", "yes"])
        let a = try Bootstrap.interval(metric: "roc_auc", target: t, prediction: pred, resamples: 200, seed: 1)
        let b = try Bootstrap.interval(metric: "roc_auc", target: t, prediction: pred, resamples: 200, seed: 1)
        #expect(a == b)
        #expect(a.low < a.estimate && a.estimate < a.high && a.high - a.low < 0.2)
    }

    @Test func pairedBootstrapSeesNoDifferenceBetweenIdenticalModels() throws {
        let (x, y) = SyntheticData.informative(rows: 300, seed: 4)
        let w = SyntheticData.leastSquares(x, y)
        let p = Prediction.values(SyntheticData.predictLinear(w, x))
        let r = try PairedComparison.bootstrap(metric: "rmse", target: .values(y), a: p, b: p, resamples: 200)
        #expect(!r.significant && r.better == "neither" && r.improvement == 0)
    }

    @Test func pairedBootstrapFindsTheBetterModel() throws {
        let (x, y) = SyntheticData.informative(rows: 300, seed: 4)
        let mean = Stats.mean(y)
        let base = Prediction.values(Array(repeating: mean, count: y.count))
        let good = Prediction.values(SyntheticData.predictLinear(SyntheticData.leastSquares(x, y), x))
        let r = try PairedComparison.bootstrap(metric: "rmse", target: .values(y), a: base, b: good, resamples: 200)
        #expect(r.significant && r.better == "B" && r.improvement > 0 && r.low > 0)
        #expect(r.summary.hasPrefix("B is better than A"))
        let back = try PairedComparison.bootstrap(metric: "r2", target: .values(y), a: good, b: base, resamples: 200)
        #expect(back.better == "A" && back.improvement < 0)
    }

    @Test func thresholdChoiceMaximisesF1AndRespectsCosts() throws {
        let labels = [0, 0, 0, 1, 0, 1, 1, 1]
        let scores = [0.1, 0.2, 0.3, 0.35, 0.4, 0.6, 0.7, 0.9]
        let f1 = try ThresholdChoice.choose(labels: labels, scores: scores)
        #expect(f1.threshold == 0.35 && abs(f1.value - 8.0 / 9.0) < 1e-12)
        #expect(f1.metrics["recall"] == 1)
        // False positives 10× as costly as false negatives: only the sure rows are called positive.
        let cost = try ThresholdChoice.choose(
            labels: labels, scores: scores, objective: .cost(falsePositive: 10, falseNegative: 1))
        #expect(cost.threshold == 0.6 && cost.value == 1)
    }
}
