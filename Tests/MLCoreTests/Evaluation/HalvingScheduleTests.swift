// Successive halving's rounds: how many configurations each evaluates and on what share of the rows, with
// the floor of training rows in the first round (HyperparameterSearch.halvingSchedule), its edges included,
// and a search that runs the schedule it plans.

import Testing

@testable import MLCore

@Suite struct HalvingScheduleTests {
    typealias Round = HyperparameterSearch.HalvingRound

    func schedule(_ candidates: Int, rows: Int, minRows: Int = 0, factor: Int = 3) -> [Round] {
        HyperparameterSearch.halvingSchedule(
            candidates: candidates, factor: factor, trainingRows: rows, minRows: minRows)
    }

    @Test func withoutAFloorTheRoundsBringTheCandidatesDownToOneOnAllTheRows() {
        #expect(
            schedule(27, rows: 10_000) == [
                Round(configurations: 27, resource: 1.0 / 27), Round(configurations: 9, resource: 1.0 / 9),
                Round(configurations: 3, resource: 1.0 / 3), Round(configurations: 1, resource: 1),
            ])
        // 18 candidates keep 6, then 2, then 1 (a third, rounded down, at least one).
        #expect(schedule(18, rows: 10_000).map(\.configurations) == [18, 6, 2, 1])
        #expect(schedule(18, rows: 10_000).first?.resource == 1.0 / 27)
        // A lone survivor is not fitted again on more rows.
        #expect(
            schedule(5, rows: 10_000) == [
                Round(configurations: 5, resource: 1.0 / 9), Round(configurations: 1, resource: 1.0 / 3),
            ])
    }

    @Test func theFloorTakesRoundsOffTheStart() {
        // flights: 61,440 training rows per fold; 1/27 of them (2,276) is under the floor, 1/9 (6,827) is not.
        #expect(
            schedule(18, rows: 61_440, minRows: 3000) == [
                Round(configurations: 18, resource: 1.0 / 9), Round(configurations: 6, resource: 1.0 / 3),
                Round(configurations: 2, resource: 1),
            ])
        // Edges: a first round of exactly the floor is kept; one row fewer takes a round off.
        #expect(schedule(18, rows: 27_000, minRows: 1000).first == Round(configurations: 18, resource: 1.0 / 27))
        #expect(schedule(18, rows: 26_999, minRows: 1000).first == Round(configurations: 18, resource: 1.0 / 9))
        // A fold of the floor's size gets one round on all its rows; a smaller one too (a random search).
        #expect(schedule(18, rows: 3000, minRows: 3000) == [Round(configurations: 18, resource: 1)])
        #expect(schedule(54, rows: 2000, minRows: 3000) == [Round(configurations: 54, resource: 1)])
        #expect(
            schedule(18, rows: 9000, minRows: 3000) == [
                Round(configurations: 18, resource: 1.0 / 3), Round(configurations: 6, resource: 1),
            ])
        #expect(schedule(18, rows: 8999, minRows: 3000) == [Round(configurations: 18, resource: 1)])
    }

    @Test func everyRoundHasFactorTimesTheRowsOfTheOneBeforeAndTheFirstHasAtLeastOnePercent() {
        for (candidates, factor, rows, floor) in [(60, 2, 1_000_000, 0), (60, 3, 50_000, 3000), (200, 2, 500, 0)] {
            let s = schedule(candidates, rows: rows, minRows: floor, factor: factor)
            #expect(s.first?.configurations == candidates)
            #expect(s.first.map { $0.resource >= 0.01 && $0.resource * Double(rows) >= Double(floor) } == true)
            for (a, b) in zip(s, s.dropFirst()) {
                #expect(abs(b.resource - a.resource * Double(factor)) < 1e-12)
                #expect(b.configurations == max(1, a.configurations / factor))
            }
            #expect(s.last.map { $0.resource == 1 || $0.configurations == 1 } == true)
        }
        // 200 candidates would start on 1/256 of the rows: the 1 % floor starts them on 1/64.
        #expect(schedule(200, rows: 500, factor: 2).first?.resource == 1.0 / 64)
    }

    @Test func noCandidateNoRoundOneCandidateOneRound() {
        #expect(schedule(0, rows: 1000).isEmpty)
        #expect(schedule(1, rows: 1000, minRows: 3000) == [Round(configurations: 1, resource: 1)])
    }

    @Test func aSearchRunsTheRoundsItPlans() throws {
        let data = SyntheticData.informative(rows: 300, seed: 2)
        let folds = SyntheticData.folds(rows: 300, k: 3)
        let space = SearchSpace(["shrink": .double(low: 0.01, high: 1, log: true)])
        // 200 training rows per fold and a floor of 50: the first round on 1/3 (67 rows), not 1/9 (22 rows).
        let r = try HyperparameterSearch.successiveHalving(
            space: space, candidates: 9, metric: "rmse", target: .values(data.y), folds: folds, minRows: 50
        ) { (p, _, valid) throws(MLError) -> Prediction in
            .values(valid.map { _ in p["shrink"]?.doubleValue ?? 0 })
        }
        #expect(r.trials.count == 9 + 3)
        #expect(r.trials.filter { $0.round == 0 }.allSatisfy { $0.resource == 1.0 / 3 })
        #expect(r.best.map { $0.round == 1 && $0.resource == 1 } == true)
    }
}
