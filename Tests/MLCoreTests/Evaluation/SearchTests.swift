// Random search and successive halving over a declared space (seeded, time-budgeted, ranked), and the
// learning curve's bias/variance diagnosis, with a least-squares predictor on a synthetic set whose
// best configuration is known: using the two informative features.

import Foundation
import Testing

@testable import MLCore

@Suite struct SearchTests {
    let data = SyntheticData.informative(rows: 600, seed: 21)
    var folds: [FoldRows] { SyntheticData.folds(rows: 600, k: 3) }
    let space = SearchSpace([
        "features": .int(low: 1, high: 5, log: false), "shrink": .double(low: 0.01, high: 1, log: true),
    ])

    /// Least squares on the first `features` inputs, coefficients multiplied by (1 − shrink).
    func fitPredict(_ p: [String: ParameterValue], _ train: [Int], _ valid: [Int]) -> Prediction {
        guard case .int(let k)? = p["features"], let shrink = p["shrink"]?.doubleValue else { return .values([]) }
        let cols = Array(0..<k)
        func sub(_ rows: [Int]) -> FeatureMatrix {
            FeatureMatrix(columns: cols.map { j in rows.map { data.x[$0, j] } })
        }
        let w = SyntheticData.leastSquares(sub(train), train.map { data.y[$0] }).map { $0 * (1 - shrink) }
        return .values(SyntheticData.predictLinear(w, sub(valid)))
    }

    @Test func randomSearchRanksTheKnownBestFirstAndIsSeeded() throws {
        let a = try HyperparameterSearch.random(
            space: space, candidates: 12, metric: "rmse", target: .values(data.y), folds: folds, seed: 4
        ) {
            (p, t, v) throws(MLError) -> Prediction in fitPredict(p, t, v)
        }
        #expect(a.trials.count == 12 && a.trials.map(\.rank) == Array(1...12))
        let best = try #require(a.best)
        guard case .int(let k)? = best.parameters["features"] else { Issue.record("features"); return }
        #expect(k >= 2)
        #expect(zip(a.trials, a.trials.dropFirst()).allSatisfy { $0.mean <= $1.mean })
        let b = try HyperparameterSearch.random(
            space: space, candidates: 12, metric: "rmse", target: .values(data.y), folds: folds, seed: 4
        ) {
            (p, t, v) throws(MLError) -> Prediction in fitPredict(p, t, v)
        }
        #expect(a.trials.map(\.parameters) == b.trials.map(\.parameters))
        let json = try JSONEncoder().encode(a)
        #expect(
            try JSONDecoder().decode(SearchResult.self, from: json).trials.map(\.parameters)
                == a.trials.map(\.parameters))
    }

    @Test func successiveHalvingGrowsTheRowsAndKeepsTheBest() throws {
        let r = try HyperparameterSearch.successiveHalving(
            space: space, candidates: 9, metric: "r2", target: .values(data.y), folds: folds
        ) {
            (p, t, v) throws(MLError) -> Prediction in fitPredict(p, t, v)
        }
        #expect(r.trials.count == 9 + 3 + 1)
        #expect(Set(r.trials.map(\.round)) == [0, 1, 2])
        let best = try #require(r.best)
        #expect(best.round == 2 && abs(best.resource - 1) < 1e-12)
        #expect(r.trials.filter { $0.round == 0 }.allSatisfy { abs($0.resource - 1.0 / 9) < 1e-12 })
    }

    @Test func aSpentTimeBudgetStopsTheSearch() throws {
        let r = try HyperparameterSearch.random(
            space: space, candidates: 20, metric: "rmse", target: .values(data.y), folds: folds, timeBudget: 0
        ) {
            (p, t, v) throws(MLError) -> Prediction in fitPredict(p, t, v)
        }
        #expect(r.stoppedByBudget && r.trials.count == 1)
    }

    @Test func aCapOnTrialsReproducesASearchTheClockStopped() throws {
        // Halving, stopped by its clock in its first round (each fit sleeps), then run again capped at the
        // number of trials the clock allowed: the same trials, in the same rank order.
        let slow: HyperparameterSearch.FitPredict = { (p, t, v) throws(MLError) -> Prediction in
            Thread.sleep(forTimeInterval: 0.02)
            return fitPredict(p, t, v)
        }
        let clocked = try HyperparameterSearch.successiveHalving(
            space: space, candidates: 9, metric: "r2", target: .values(data.y), folds: folds, timeBudget: 0.25, seed: 3,
            fitPredict: slow)
        #expect(clocked.stoppedByBudget && clocked.trials.count < 13)
        let capped = try HyperparameterSearch.successiveHalving(
            space: space, candidates: 9, metric: "r2", target: .values(data.y), folds: folds,
            maxTrials: clocked.trials.count, seed: 3
        ) { (p, t, v) throws(MLError) -> Prediction in fitPredict(p, t, v) }
        #expect(capped.stoppedByBudget)
        #expect(capped.trials.map(\.parameters) == clocked.trials.map(\.parameters))
        #expect(capped.trials.map(\.mean) == clocked.trials.map(\.mean))
    }

    @Test func spaceDecodesFromPlainJSON() throws {
        let json =
            #"{"lr": {"type": "double", "low": 0.01, "high": 0.3, "log": true}, "loss": {"type": "choice", "values": ["a", 2]}}"#
        let s = try JSONDecoder().decode(SearchSpace.self, from: Data(json.utf8))
        #expect(s.parameters["loss"] == .choice([.string("a"), .int(2)]))
        #expect(throws: MLError.self) { try SearchSpace(["x": .int(low: 5, high: 1, log: false)]).sample(3, seed: 0) }
    }

    @Test func learningCurveTellsVarianceFromBias() throws {
        let y = data.y
        // A memoriser: perfect on its training rows, the training mean elsewhere.
        let memo = try LearningCurve.compute(target: .values(y), folds: folds, metric: "r2") {
            (train, sets) throws(MLError) -> [Prediction] in
            let known = Dictionary(uniqueKeysWithValues: train.map { ($0, y[$0]) })
            let mean = Stats.mean(train.map { y[$0] })
            return sets.map { rows in .values(rows.map { known[$0] ?? mean }) }
        }
        #expect(memo.diagnosis == "variance" && memo.points.count == 5)
        #expect(memo.points[0].trainRows < memo.points[4].trainRows)
        let linear = try LearningCurve.compute(target: .values(y), folds: folds, metric: "r2") {
            (train, sets) throws(MLError) -> [Prediction] in
            let w = SyntheticData.leastSquares(data.x.selecting(rows: train), train.map { y[$0] })
            return sets.map { .values(SyntheticData.predictLinear(w, data.x.selecting(rows: $0))) }
        }
        // The right model for this linear set: close, flat and near r2 = 1 is a good fit, not bias.
        #expect(linear.diagnosis == "good_fit", "\(linear.points.map(\.validMean))")
        // Only the weaker informative feature: close and flat but low, which is bias.
        let weak = try LearningCurve.compute(target: .values(y), folds: folds, metric: "r2") {
            (train, sets) throws(MLError) -> [Prediction] in
            func weaker(_ rows: [Int]) -> FeatureMatrix { FeatureMatrix(columns: [rows.map { data.x[$0, 1] }]) }
            let w = SyntheticData.leastSquares(weaker(train), train.map { y[$0] })
            return sets.map { .values(SyntheticData.predictLinear(w, weaker($0))) }
        }
        #expect(weak.diagnosis == "bias", "\(weak.points.map(\.trainMean)) \(weak.points.map(\.validMean))")
        #expect((weak.points.last?.validMean ?? 1) < 0.95)
    }

    @Test func learningCurveSubsetsKeepEveryClassInItsShare() throws {
        // 300 training rows: 255 of class 0, 30 of class 1, 15 of class 2 (a 5% class).
        let labels = Array(repeating: 0, count: 255) + Array(repeating: 1, count: 30) + Array(repeating: 2, count: 15)
        let target = TargetValues.classes(labels: labels, classNames: ["a", "b", "c"])
        let rows = Array(0..<300)
        let order = LearningCurve.growthOrder(rows, target: target, seed: 3, stream: 0)
        #expect(order.sorted() == rows, "every training row, once")
        for size in [30, 75, 150, 225] {
            let counts = Dictionary(grouping: order.prefix(size), by: { labels[$0] }).mapValues(\.count)
            for (c, total) in [(0, 255), (1, 30), (2, 15)] {
                let share = Double(size) * Double(total) / 300
                #expect(
                    abs(Double(counts[c] ?? 0) - share) <= 1,
                    "class \(c) at \(size) rows: \(counts[c] ?? 0), share \(share)")
            }
        }
        // Nested and seeded: the same seed draws the same order; another seed another one.
        #expect(order == LearningCurve.growthOrder(rows, target: target, seed: 3, stream: 0))
        #expect(order != LearningCurve.growthOrder(rows, target: target, seed: 4, stream: 0))
        // Values (regression) are only shuffled.
        let values = LearningCurve.growthOrder(rows, target: .values(labels.map(Double.init)), seed: 3, stream: 0)
        #expect(values.sorted() == rows && values != rows)
    }
}
