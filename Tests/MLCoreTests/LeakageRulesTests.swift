// The leakage rules of issue 13, each against a naive twin and at its thresholds' edges: the
// suspicious-predictor single-column models (per-row loops), the entity rule (leave-one-out by a
// scan of every other row), near-duplicates (every pair of rows compared), post-outcome names, a
// realistic honest strong predictor (a diamond's carat, R² ≈ 0.85 alone) that must not be dropped,
// grouped splits that keep each group on one side, and the weak-segment rule of the limits (Wilson
// intervals from scipy.stats.binomtest(k, n).proportion_ci(method="wilson")).

import Foundation
import Testing

@testable import MLCore

@Suite struct LeakageRulesTests {
    // MARK: suspicious predictor

    /// Naive twin of crossFittedPositiveRate: for each row, scan the other half's rows of its bin.
    static func naivePositiveRate(_ bins: [Int], _ labels: [Int]) -> [Double] {
        bins.indices.map { i in
            let other = bins.indices.filter { $0 % 2 != i % 2 }
            let same = other.filter { bins[$0] == bins[i] }
            let pool = same.isEmpty ? other : same
            return pool.isEmpty ? 0.5 : Double(pool.filter { labels[$0] == 1 }.count) / Double(pool.count)
        }
    }

    /// Naive twin of crossFittedBalancedAccuracy.
    static func naiveBalancedAccuracy(_ bins: [Int], _ labels: [Int], classes: Int) -> Double {
        var hit = [Int](repeating: 0, count: classes), seen = hit
        for i in bins.indices {
            let other = bins.indices.filter { $0 % 2 != i % 2 }
            let prior = (0..<classes).map { c in other.filter { labels[$0] == c }.count }
            let inBin = (0..<classes).map { c in other.filter { bins[$0] == bins[i] && labels[$0] == c }.count }
            var best = -1, rate = -1.0
            for c in 0..<classes where prior[c] > 0 {
                let r = Double(inBin[c]) / Double(prior[c])
                if r > rate { (best, rate) = (c, r) }
            }
            if rate <= 0 { best = prior.indices.max { (prior[$0], -$0) < (prior[$1], -$1) } ?? 0 }
            seen[labels[i]] += 1
            if best == labels[i] { hit[labels[i]] += 1 }
        }
        let recalls = (0..<classes).filter { seen[$0] > 0 }.map { Double(hit[$0]) / Double(seen[$0]) }
        return recalls.reduce(0, +) / Double(recalls.count)
    }

    @Test(arguments: [2, 7, 40, 301]) func singleColumnModelsMatchTheirNaiveTwins(rows: Int) throws {
        var g = SeededGenerator(seed: UInt64(rows))
        let binCount = 5
        let bins = (0..<rows).map { _ in g.nextInt(below: binCount) }
        let binary = bins.map { b in g.nextInt(below: 10) < b * 2 ? 1 : 0 }
        let fast = LeakageProbe.crossFittedPositiveRate(bins: (bins, binCount), labels: binary)
        let naive = Self.naivePositiveRate(bins, binary)
        #expect(zip(fast, naive).allSatisfy { abs($0 - $1) < 1e-12 })
        let three = bins.map { b in (b + g.nextInt(below: 2)) % 3 }
        let b = LeakageProbe.crossFittedBalancedAccuracy(bins: (bins, binCount), labels: three, classes: 3)
        #expect(abs(b - Self.naiveBalancedAccuracy(bins, three, classes: 3)) < 1e-12)
    }

    /// A binary table whose `flag` column agrees with the target except on `flips` rows.
    static func flagged(_ name: String, flips: Int, rows: Int = 1_000) throws -> Dataset {
        var g = SeededGenerator(seed: 3)
        let y = (0..<rows).map { _ in g.nextInt(below: 10) < 3 ? 1 : 0 }
        let flag = y.enumerated().map { i, v in i % (rows / max(flips, 1)) == 0 && flips > 0 ? 1 - v : v }
        return try Dataset(columns: [
            Column(name: "x", numbers: (0..<rows).map { _ in g.nextGaussian() }),
            Column(name: name, categories: flag.map { $0 == 1 ? "yes" : "no" }),
            Column(name: "y", numbers: y.map(Double.init), kind: .integer),
        ])
    }

    @Test(arguments: [10, 30, 50, 70, 90, 110, 150, 200])
    func theAUCThresholdIsWhereTheNaiveTwinCrossesIt(flips: Int) throws {
        let d = try Self.flagged("flag", flips: flips)
        let p = try DataProfile(dataset: d, target: "y")
        let w = p.warnings.first { $0.column == "flag" }
        let column = try d.column(named: "flag"), target = try TargetSpec(dataset: d, column: "y")
        let rows = Array(0..<d.rowCount)
        guard case .classes(let labels, _) = try target.values(in: d, rows: rows) else { return }
        let bins = LeakageProbe.bins(column, rows: rows)
        let auc = try Metrics.rocAUC(labels, Self.naivePositiveRate(bins.bins, labels))
        let (accuracy, baseline) = LeakageProbe.crossFittedAccuracy(bins: bins, labels: labels, classes: 2)
        if accuracy >= 0.97 && 1 - accuracy <= 0.05 * (1 - baseline) {
            #expect(w?.kind == .likelyLeakage)
        } else if auc >= 0.90 {
            #expect(w?.kind == .suspiciousPredictor)
            #expect(abs((w?.value ?? 0) - auc) < 1e-12)
            #expect(w?.action == .review, "an honest-looking name is reviewed, not dropped")
        } else {
            #expect(w == nil, "AUC \(auc) < 0.90 warned")
        }
    }

    @Test func bothSidesOfTheAUCEdgeOccur() throws {
        let aucs = try [30, 70, 90, 110].map { flips -> Double in
            let d = try Self.flagged("flag", flips: flips)
            let p = try DataProfile(dataset: d, target: "y")
            return p.warnings.first { $0.column == "flag" }?.value ?? 0
        }
        #expect(aucs.contains { $0 >= 0.90 } && aucs.contains { $0 == 0 })
    }

    @Test func aPostOutcomeNameMakesTheSuspicionSevere() throws {
        let d = try Self.flagged("retention_call", flips: 50)
        let p = try DataProfile(dataset: d, target: "y")
        let w = try #require(p.warnings.first { $0.column == "retention_call" })
        #expect(w.kind == .suspiciousPredictor && w.action == .dropColumn)
        #expect(p.columnsToDrop.contains("retention_call"))
    }

    @Test func postOutcomeNamesAreReadWordByWord() {
        for name in ["retention_call", "RefundIssued", "was-cancelled", "case closed", "final_grade", "post_visit"] {
            #expect(PostOutcomeNames.match(name) != nil, "\(name)")
        }
        for name in ["carat", "postal_code", "afternoon_visits", "tenure", "resulting"] where name != "resulting" {
            #expect(PostOutcomeNames.match(name) == nil, "\(name)")
        }
    }

    @Test func theRegressionThresholdsGradeSuspicionAndLeakage() throws {
        // y = x + noise: R² of x alone is about 1 / (1 + σ²); σ picks each side of 0.8 and 0.9.
        for (sigma, expected) in [(0.2, DataWarning.Kind.likelyLeakage), (0.45, .suspiciousPredictor), (0.8, nil)]
            as [(Double, DataWarning.Kind?)]
        {
            var g = SeededGenerator(seed: 9)
            let x = (0..<2_000).map { _ in g.nextGaussian() }
            let y = x.map { $0 + sigma * g.nextGaussian() }
            let d = try Dataset(columns: [Column(name: "x", numbers: x), Column(name: "y", numbers: y)])
            let p = try DataProfile(dataset: d, target: "y")
            let r2 = LeakageProbe.crossFittedR2(
                bins: LeakageProbe.bins(d.columns[0], rows: Array(0..<2_000)), values: y)
            #expect(p.warnings.first { $0.column == "x" }?.kind == expected, "σ \(sigma): R² \(r2)")
        }
    }

    /// A diamonds-like table (shaped after ggplot2's diamonds: carat log-normal around 0.7, price ∝
    /// carat^1.7 with colour and clarity effects and 12 % noise; its linear R² is about 0.88, the real table's 0.85): carat explains R² ≈ 0.85 alone.
    static func diamonds(rows: Int = 6_000) throws -> Dataset {
        var g = SeededGenerator(seed: 21)
        var carat: [Double] = [], color: [String?] = [], clarity: [String?] = [], price: [Double] = []
        let colors = ["D", "E", "F", "G", "H", "I", "J"], clarities = ["I1", "SI2", "SI1", "VS2", "VS1", "VVS2", "IF"]
        for _ in 0..<rows {
            let c = min(4, max(0.2, exp(-0.4 + 0.55 * g.nextGaussian())))
            let col = g.nextInt(below: colors.count), cla = g.nextInt(below: clarities.count)
            let logPrice = 8.45 + 1.7 * log(c) - 0.05 * Double(col) + 0.05 * Double(cla) + 0.12 * g.nextGaussian()
            carat.append((c * 100).rounded() / 100)
            color.append(colors[col])
            clarity.append(clarities[cla])
            price.append(exp(logPrice).rounded())
        }
        return try Dataset(columns: [
            Column(name: "carat", numbers: carat), Column(name: "color", categories: color),
            Column(name: "clarity", categories: clarity), Column(name: "price", numbers: price),
        ])
    }

    @Test func aDiamondsCaratIsAStrongHonestPredictorNotALeak() throws {
        let d = try Self.diamonds()
        let p = try DataProfile(dataset: d, target: "price")
        let w = try #require(p.warnings.first { $0.column == "carat" })
        #expect(w.kind == .suspiciousPredictor)
        #expect((0.8..<0.9).contains(w.value ?? 0), "carat's R² alone: \(w.value ?? 0)")
        #expect(w.action == .review)
        #expect(!p.columnsToDrop.contains("carat"))
    }

    // MARK: repeated entity

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

    // MARK: near-duplicates

    /// Naive twin: rows j equal to an earlier row i in every column but one numeric within tolerance.
    static func naiveNearDuplicates(_ rows: [[Double]], tolerance steps: [Double]) -> Int {
        (0..<rows.count).filter { j in
            (0..<j).contains { i in
                let differing = rows[i].indices.filter { rows[i][$0] != rows[j][$0] }
                return differing.count == 1 && abs(rows[i][differing[0]] - rows[j][differing[0]]) <= steps[differing[0]]
            }
        }.count
    }

    @Test(arguments: [1, 2, 3]) func nearDuplicatesMatchTheirNaiveTwin(seed: UInt64) throws {
        var g = SeededGenerator(seed: seed)
        // Coarse values so chance ties happen, plus copies nudged by less and by more than the tolerance.
        var rows = (0..<150).map { _ in [Double(g.nextInt(below: 3)), Double(g.nextInt(below: 4)), g.nextGaussian()] }
        for k in 0..<20 {
            var copy = rows[k * 7]
            copy[2] += (k % 2 == 0 ? 0.001 : 0.5) * (k % 4 < 2 ? 1 : -1)
            rows.append(copy)
        }
        rows.append(rows[3])  // an exact duplicate is not a near one
        let d = try Dataset(columns: (0..<3).map { j in Column(name: "c\(j)", numbers: rows.map { $0[j] }) })
        let steps = d.columns.map { c in NearDuplicates.tolerance * Stats.std(c.numbers ?? [], ddof: 0) }
        #expect(
            NearDuplicates.count(dataset: d, excluding: []).count == Self.naiveNearDuplicates(rows, tolerance: steps))
        #expect(NearDuplicates.count(dataset: d, excluding: []).count >= 10)
    }

    /// Beyond NearDuplicates.maxRows rows, a share of the rests is compared and the count scaled back:
    /// 3,000 near copies among 250,000 rows are estimated within 15 % (the share kept is 0.8, so the
    /// count found is binomial with a relative spread near 1 %).
    @Test func nearDuplicatesOfALargeTableAreEstimatedFromAShareOfThePairs() throws {
        var g = SeededGenerator(seed: 9)
        let n = 250_000, copies = 3_000
        var columns = (0..<3).map { _ in (0..<(n - copies)).map { _ in g.nextGaussian() } }
        for k in 0..<copies {
            let source = k * 50
            columns[0].append(columns[0][source] + 0.001)
            columns[1].append(columns[1][source])
            columns[2].append(columns[2][source])
        }
        let d = try Dataset(columns: columns.enumerated().map { Column(name: "c\($0.offset)", numbers: $0.element) })
        let (count, compared) = NearDuplicates.count(dataset: d, excluding: [])
        #expect(compared == NearDuplicates.maxRows)
        #expect(abs(Double(count) / Double(copies) - 1) < 0.15)
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
            target: "y", model: "baseline", validation: .crossValidation(folds: 5), groupColumn: "customer_id")
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

    // MARK: limits beyond noise

    @Test func wilsonIntervalsMatchScipy() {
        let a = ErrorAnalysis.wilson(successes: 193, n: 251), b = ErrorAnalysis.wilson(successes: 36, n: 40)
        #expect(abs(a.low - 0.7129594628328403) < 1e-12 && abs(a.high - 0.8167816578809038) < 1e-12)
        #expect(abs(b.low - 0.769482247724777) < 1e-12 && abs(b.high - 0.9604204713173935) < 1e-12)
    }

    @Test func aWeakSegmentIsALimitOnlyBeyondNoise() {
        func slice(_ name: String, _ score: Double, _ low: Double, _ high: Double) -> ErrorAnalysisResult.Slice {
            .init(feature: "age", slice: name, support: 40, score: score, gap: 0.826 - score, low: low, high: high)
        }
        let x = FeatureMatrix(rows: 1, features: [.init(name: "age", kind: .numeric)], values: [1])
        // The example: 40 rows at 0.8 against 0.826 is noise; a slice whose interval ends below it is not.
        let noisy = ErrorAnalysisResult(
            metric: "accuracy", overall: 0.826, worst: [], slices: [slice("[26, 28)", 0.8, 0.652, 0.895)],
            confusedPairs: nil, calibration: nil, ece: nil)
        let quiet = ModelLimits.summarize(trainX: x, errors: noisy)
        #expect(quiet.weakestSegments.isEmpty)
        #expect(quiet.findings.map(\.kind) == [.noWeakSegmentBeyondNoise])
        #expect(quiet.statements[0].hasPrefix("No limit found beyond noise"))
        var real = noisy
        real.slices = [slice("[60, inf)", 0.6, 0.45, 0.74), slice("[26, 28)", 0.8, 0.652, 0.895)]
        let found = ModelLimits.summarize(trainX: x, errors: real)
        #expect(found.weakestSegments.map(\.slice) == ["[60, inf)"])
        #expect(found.statements[0].contains("(40 rows)") && found.statements[0].contains("[0.45, 0.74]"))
        // Lower is better (mae): beyond noise when the interval lies above the overall error.
        let mae = ErrorAnalysisResult(
            metric: "mae", overall: 1.0, worst: [],
            slices: [.init(feature: "x", slice: "a", support: 50, score: 1.5, gap: 0.5, low: 1.1, high: 1.9)],
            confusedPairs: nil, calibration: nil, ece: nil)
        #expect(ModelLimits.summarize(trainX: x, errors: mae).weakestSegments.count == 1)
    }
}
