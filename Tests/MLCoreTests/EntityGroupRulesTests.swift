// The repeated-entity rule of issue 13 against its naive twins and at its edges: an ID-like column whose
// rows share the outcome (classes: agreement with the entity's other rows; regression: the R² those rows
// explain) groups the folds and the sealed split; an entity whose rows only lean the same way, or a panel
// whose outcome moves from row to row (gapminder's country), stays a feature; grouped folds and sealed
// splits keep each entity on one side.

import Foundation
import Testing

@testable import MLCore

@Suite struct EntityGroupRulesTests {

    /// Naive twin of the entity agreement: each repeated row against the majority of every other row
    /// with the same id (ties to the overall majority of those rows).
    static func naiveAgreement(_ ids: [String], _ y: [Int]) -> (Double, Double) {
        let repeated = ids.indices.filter { i in ids.indices.contains { $0 != i && ids[$0] == ids[i] } }
        let ones = repeated.filter { y[$0] == 1 }.count
        let majority = ones * 2 > repeated.count ? 1 : 0
        var hits = 0
        for i in repeated {
            let others = ids.indices.filter { $0 != i && ids[$0] == ids[i] }.map { y[$0] }
            let o = others.filter { $0 == 1 }.count, z = others.count - o
            let guess = o == z ? majority : (o > z ? 1 : 0)
            if guess == y[i] { hits += 1 }
        }
        let base = Double(majority == 1 ? ones : repeated.count - ones) / Double(repeated.count)
        return (Double(hits) / Double(repeated.count), base)
    }

    /// `entities` ids; the first `repeated` on 3 rows, the others on 1; the outcome shared with
    /// probability `shared` (else a fresh draw).
    static func entityTable(entities: Int, repeated: Int, shared: Double, seed: UInt64 = 4) throws -> Dataset {
        var g = SeededGenerator(seed: seed)
        var ids: [String?] = [], y: [Double] = [], x: [Double] = []
        for e in 0..<entities {
            let outcome = g.nextInt(below: 2)
            for _ in 0..<(e < repeated ? 3 : 1) {
                ids.append("E\(e)")
                let share = Double(g.nextInt(below: 1_000)) / 1_000 < shared
                y.append(Double(share ? outcome : g.nextInt(below: 2)))
                x.append(g.nextGaussian())
            }
        }
        return try Dataset(columns: [
            Column(name: "customer_id", categories: ids), Column(name: "x", numbers: x),
            Column(name: "y", numbers: y, kind: .integer),
        ])
    }

    @Test func theEntityAgreementMatchesItsNaiveTwin() throws {
        let d = try Self.entityTable(entities: 120, repeated: 90, shared: 0.8)
        let spec = try TargetSpec(dataset: d, column: "y")
        let g = try #require(EntityGroups.measure(dataset: d, column: "customer_id", target: spec))
        guard case .categorical(let codes, let levels) = d.columns[0].data,
            case .classes(let labels, _) = try spec.values(in: d, rows: Array(0..<d.rowCount))
        else { return }
        let (agreement, baseline) = Self.naiveAgreement(codes.map { levels[Int($0)] }, labels)
        #expect(abs(g.agreement - agreement) < 1e-12 && abs(g.baseline - baseline) < 1e-12)
        #expect(g.entities == 120 && abs(g.repeatedShare - 0.75) < 1e-12)
    }

    @Test func anEntityIsFoundOnlyPastEveryEdgeOfTheRule() throws {
        // Shared outcome, most ids repeated: grouped; half repeated is the edge (kept), under half is not.
        let grouped = try DataProfile(dataset: Self.entityTable(entities: 120, repeated: 90, shared: 1), target: "y")
        #expect(grouped.grouping?.column == "customer_id")
        #expect(grouped.suggestedValidation.scheme == .groupKFold)
        #expect(grouped.suggestedValidation.groupColumn == "customer_id")
        #expect(grouped.warnings.contains { $0.kind == .repeatedEntity && $0.action == .groupByColumn })
        let half = try DataProfile(dataset: Self.entityTable(entities: 120, repeated: 60, shared: 1), target: "y")
        #expect(half.grouping?.column == "customer_id")
        let under = try DataProfile(dataset: Self.entityTable(entities: 120, repeated: 59, shared: 1), target: "y")
        #expect(under.grouping == nil)
        // Repeated ids whose rows do not share the outcome are no leak.
        let noise = try DataProfile(dataset: Self.entityTable(entities: 120, repeated: 120, shared: 0), target: "y")
        #expect(noise.grouping == nil && noise.suggestedValidation.scheme == .stratifiedKFold)
    }

    /// Naive twin of the regression agreement: each repeated row against the mean of every other row
    /// with the same id, as 1 − Σ(y − mean of the others)² / Σ(y − mean of the repeated rows)².
    static func naiveR2(_ ids: [String], _ y: [Double]) -> Double {
        let repeated = ids.indices.filter { i in ids.indices.contains { $0 != i && ids[$0] == ids[i] } }
        let mean = repeated.map { y[$0] }.reduce(0, +) / Double(repeated.count)
        var res = 0.0, tot = 0.0
        for i in repeated {
            let others = ids.indices.filter { $0 != i && ids[$0] == ids[i] }.map { y[$0] }
            let other = others.reduce(0, +) / Double(others.count)
            res += (y[i] - other) * (y[i] - other)
            tot += (y[i] - mean) * (y[i] - mean)
        }
        return 1 - res / tot
    }

    /// A panel like gapminder's: `entities` countries over 8 years; the outcome is the country's level
    /// (spread `level`) plus a common trend of `trend` a year plus noise (spread `noise`).
    static func panelTable(
        entities: Int, level: Double, trend: Double = 1.5, noise: Double, seed: UInt64 = 6
    ) throws -> Dataset {
        var g = SeededGenerator(seed: seed)
        var ids: [String?] = [], year: [Double] = [], y: [Double] = []
        for e in 0..<entities {
            let base = 50 + level * g.nextGaussian()
            for t in 0..<8 {
                ids.append("C\(e)")
                year.append(Double(1952 + 5 * t))
                y.append(base + trend * Double(t) + noise * g.nextGaussian())
            }
        }
        return try Dataset(columns: [
            Column(name: "country", categories: ids), Column(name: "year", numbers: year, kind: .integer),
            Column(name: "life_exp", numbers: y),
        ])
    }

    @Test func theRegressionAgreementMatchesItsNaiveTwin() throws {
        let d = try Self.panelTable(entities: 40, level: 8, noise: 3)
        let spec = try TargetSpec(dataset: d, column: "life_exp")
        let g = try #require(EntityGroups.measure(dataset: d, column: "country", target: spec))
        guard case .categorical(let codes, let levels) = d.columns[0].data else { return }
        let naive = Self.naiveR2(codes.map { levels[Int($0)] }, d.columns[2].numbers ?? [])
        #expect(abs(g.agreement - naive) < 1e-12 && g.baseline == 0 && g.repeatedShare == 1)
    }

    @Test func anEntityWhoseRowsOnlyLeanTheSameWayIsAFeatureNotAGroup() throws {
        // The sharing edge, on the measured facts: 90 % of the way from the majority's share to 1
        // (classification), R² 0.9 (regression); just under is association, not a shared outcome.
        let facts = { (agreement: Double, baseline: Double) in
            EntityGrouping(column: "id", entities: 100, repeatedShare: 1, agreement: agreement, baseline: baseline)
        }
        #expect(EntityGroups.qualifies(facts(0.951, 0.5), rows: 300, regression: false))
        #expect(!EntityGroups.qualifies(facts(0.949, 0.5), rows: 300, regression: false))
        #expect(EntityGroups.qualifies(facts(0.9, 0), rows: 300, regression: true))
        #expect(!EntityGroups.qualifies(facts(0.8999, 0), rows: 300, regression: true))
        // Rows that agree with their entity 80 % of the time more than chance (a fresh draw on one row in
        // five): the entity predicts the outcome, it does not carry one; no grouping.
        let leaning = try DataProfile(dataset: Self.entityTable(entities: 120, repeated: 90, shared: 0.8), target: "y")
        #expect(leaning.grouping == nil)
        // A gapminder-like panel: the country explains most of a year's outcome (R² ≈ 0.7) but every row
        // has its own; the country stays a feature under random folds.
        let panel = try Self.panelTable(entities: 60, level: 8, noise: 3)
        let spec = try TargetSpec(dataset: panel, column: "life_exp")
        let measured = try #require(EntityGroups.measure(dataset: panel, column: "country", target: spec))
        #expect(measured.agreement > 0.5 && measured.agreement < 0.9)
        let profile = try DataProfile(dataset: panel, target: "life_exp")
        #expect(profile.grouping == nil && profile.suggestedValidation.groupColumn == nil)
        #expect(!profile.warnings.contains { $0.kind == .repeatedEntity })
        // The same countries whose rows carry one outcome each, give or take a rounding (no trend, noise
        // 0.5 against a level spread of 8): one observation counted eight times; grouped.
        let shared = try DataProfile(
            dataset: Self.panelTable(entities: 60, level: 8, trend: 0, noise: 0.5), target: "life_exp")
        #expect(shared.grouping?.column == "country" && shared.suggestedValidation.groupColumn == "country")
        #expect(shared.warnings.contains { $0.kind == .repeatedEntity && $0.action == .groupByColumn })
    }

    // MARK: grouped splits

    @Test func groupedSplitsKeepEveryGroupOnOneSide() throws {
        let d = try Self.entityTable(entities: 200, repeated: 150, shared: 1)
        let spec = try TargetSpec(dataset: d, column: "y")
        let codes = try #require(EntityGroups.codes(d.columns[0]))
        let sealed = try SealedTestSplit(
            dataset: d, target: spec, testFraction: 0.2, seed: 42, groupColumn: "customer_id")
        #expect(Set(sealed.trainRows.map { codes[$0] }).isDisjoint(with: sealed.testRows.map { codes[$0] }))
        #expect(abs(Double(sealed.testRows.count) / Double(d.rowCount) - 0.2) < 0.03)
        #expect(sealed.trainRows.count + sealed.testRows.count == d.rowCount)
        let experiment = ExperimentSpec(
            target: "y", family: try .named("baseline"), validation: .crossValidation(folds: 5),
            groupColumn: "customer_id")
        let rows = Array(0..<d.rowCount)
        let folds = try ExperimentRunner.crossValidationSplits(
            experiment, folds: 5, dataset: d, labelled: rows, target: try spec.values(in: d, rows: rows))
        var foldOf: [Int: Int] = [:]
        for (k, f) in folds.enumerated() {
            for p in f.test {
                #expect(foldOf[codes[p]].map { $0 == k } ?? true, "group \(codes[p]) in two folds")
                foldOf[codes[p]] = k
            }
        }
        #expect(foldOf.count == 200)
    }
}
