// The profile's fast kernels against naive twins (the comparison-sort, hash-set and per-row versions
// they replaced), bit for bit: the radix-sorted copy with zeros of both signs, NaN and infinities, the
// imputation median by radix select, the column profile (distinct count, summary, top levels), the
// leakage probe's branch-free binning and its per-bin predictions, and the probe reusing the profile's
// order statistics.
import Testing

@testable import MLCore

@Suite struct ProfileKernelTwinTests {
    /// Values with NaN, +0 and −0 in mixed order, infinities, repeats and small integers.
    static func awkward(_ n: Int, seed: UInt64) -> [Double] {
        var g = SeededGenerator(seed: seed)
        return (0..<n).map { i in
            switch g.nextInt(below: 12) {
            case 0: return .nan
            case 1: return 0
            case 2: return -0.0
            case 3: return i % 97 == 0 ? .infinity : -.infinity
            case 4: return Double(g.nextInt(below: 5)) - 2
            default: return g.nextGaussian() * (i % 2 == 0 ? 1 : 1e5)
            }
        }
    }

    @Test(arguments: [0, 3, 4095, 4096, 60_000]) func sortedPresentIsTheStableSortBitForBit(_ n: Int) {
        let v = Self.awkward(n, seed: UInt64(n) + 1)
        let expected = v.filter { !$0.isNaN }.sorted()
        #expect(ProfileStatistics.sortedPresent(v).map(\.bitPattern) == expected.map(\.bitPattern))
    }

    /// The near-duplicate tolerance's spread, without a filtered copy: the same sums in the same order as before.
    @Test(arguments: [0, 1, 2, 4096]) func presentStdIsTheFilteredPopulationStdBitForBit(_ n: Int) {
        let v = Self.awkward(n, seed: UInt64(n) + 9).map { $0.isInfinite ? 1.5 : $0 }
        let expected = Stats.std(v.filter { !$0.isNaN }, ddof: 0)
        let got = NearDuplicates.presentPopulationStd(v)
        #expect(got.bitPattern == expected.bitPattern || (got.isNaN && expected.isNaN), "n \(n)")
        #expect(NearDuplicates.presentPopulationStd([.nan, .nan]).isNaN)
    }

    @Test(arguments: [1, 2, 3, 4096, 4097, 60_000]) func medianSelectMatchesTheSortedQuantile(_ n: Int) {
        for seed in [UInt64(3), 4] {
            let present = Self.awkward(n, seed: seed).map { $0.isNaN ? 0 : $0 }
            let finite = present.map { $0.isInfinite ? -0.0 : $0 }
            for v in [present, finite] {
                let expected = ProfileStatistics.quantile(v.sorted(), 0.5)
                #expect(ProfileStatistics.median(present: v).bitPattern == expected.bitPattern, "n \(n)")
            }
        }
    }

    /// The column profile as computed before the radix version: a hash set and a comparison sort.
    static func naiveProfile(_ column: Column) -> ColumnProfile {
        var p = ColumnProfile(name: column.name, kind: column.kind, missing: column.missingCount, distinct: 0)
        guard case .numeric(let values) = column.data else { return p }
        var seen = Set<UInt64>()
        for v in values where !v.isNaN { seen.insert((v == 0 ? 0 : v).bitPattern) }
        p.distinct = seen.count
        let s = values.filter { !$0.isNaN }.sorted()
        if let first = s.first, let last = s.last {
            let n = Double(s.count), mean = s.reduce(0, +) / n
            var m2 = 0.0, m3 = 0.0
            for x in s {
                let d = x - mean
                m2 += d * d
                m3 += d * d * d
            }
            let sd = (m2 / n).squareRoot()
            p.numeric = NumericSummary(
                min: first, max: last, mean: mean, std: (s.count > 1 ? m2 / (n - 1) : 0).squareRoot(),
                q25: ProfileStatistics.quantile(s, 0.25), median: ProfileStatistics.quantile(s, 0.5),
                q75: ProfileStatistics.quantile(s, 0.75), skewness: sd > 0 ? (m3 / n) / (sd * sd * sd) : 0)
        }
        if column.kind == .boolean || (column.kind == .integer && p.distinct <= 20) {
            var counts: [Double: Int] = [:]
            for v in values where !v.isNaN { counts[v, default: 0] += 1 }
            p.topLevels = counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(5).map { kv in
                LevelCount(
                    value: Column(name: "", numbers: [kv.key], kind: column.kind).string(at: 0) ?? "", count: kv.value)
            }
        }
        return p
    }

    static func bits(_ s: NumericSummary?) -> [UInt64] {
        guard let s else { return [] }
        return [s.min, s.max, s.mean, s.std, s.q25, s.median, s.q75, s.skewness].map(\.bitPattern)
    }

    @Test(arguments: [7, 5000, 30_000]) func columnProfileMatchesTheNaiveTwin(_ n: Int) {
        var g = SeededGenerator(seed: 21)
        let floats = Self.awkward(n, seed: 22).map { $0.isInfinite ? 1.5 : $0 }
        let small = (0..<n).map { i in i % 11 == 0 ? Double.nan : (i % 3 == 0 ? -0.0 : Double(g.nextInt(below: 7))) }
        let flags = (0..<n).map { _ in Double(g.nextInt(below: 2)) }
        let wide = (0..<n).map { _ in Double(g.nextInt(below: 1_000_000)) }
        let zeros = (0..<n).map { i in i % 2 == 0 ? 0.0 : -0.0 }
        let missing = [Double](repeating: .nan, count: n)
        let columns = [
            Column(name: "f", numbers: floats), Column(name: "small", numbers: small, kind: .integer),
            Column(name: "flag", numbers: flags, kind: .boolean), Column(name: "wide", numbers: wide, kind: .integer),
            Column(name: "zeros", numbers: zeros, kind: .integer), Column(name: "none", numbers: missing),
        ]
        let passes = ProfileStatistics.profile(columns)
        for (column, pass) in zip(columns, passes) {
            let naive = Self.naiveProfile(column)
            #expect(pass.profile == naive, "\(column.name)")
            #expect(Self.bits(pass.profile.numeric) == Self.bits(naive.numeric), "\(column.name)")
        }
        #expect(passes[1].profile.topLevels != nil && passes[4].profile.distinct == 1)
    }

    @Test func binIndicesMatchABinarySearch() {
        var g = SeededGenerator(seed: 31)
        let v = Self.awkward(20_000, seed: 32)
        let rows = (0..<v.count).filter { _ in g.nextInt(below: 3) > 0 }
        for edges in [[], [0.0], [-.infinity, -1, 0, 2, .infinity], (0..<31).map { Double($0) / 3 - 5 }] {
            let naive = rows.map { r -> Int in
                let x = v[r]
                if x.isNaN { return edges.count + 1 }
                var lo = 0, hi = edges.count
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if edges[mid] <= x { lo = mid + 1 } else { hi = mid }
                }
                return lo
            }
            #expect(LeakageProbe.binIndices(v, rows: rows, edges: edges) == naive, "\(edges)")
        }
    }

    @Test(arguments: [2, 3]) func crossFittedScoresMatchThePerRowTwin(_ classes: Int) {
        var g = SeededGenerator(seed: 41)
        let n = 9_001, binCount = 9
        let bins = (0..<n).map { _ in g.nextInt(below: binCount - 1) }  // the last bin stays empty
        let labels = bins.map { b in
            b % classes == 0 || g.nextInt(below: 4) == 0 ? g.nextInt(below: classes) : b % classes
        }
        let values = bins.map { Double($0) + g.nextGaussian() }
        // Naive twin: per row, the other half's per-bin majority (else its overall majority) and mean.
        var counts = [[Int]](repeating: [Int](repeating: 0, count: binCount * classes), count: 2)
        var totals = [[Int]](repeating: [Int](repeating: 0, count: classes), count: 2)
        var sums = [[Double]](repeating: [Double](repeating: 0, count: binCount), count: 2)
        var binRows = [[Int]](repeating: [Int](repeating: 0, count: binCount), count: 2)
        var halfSum = [0.0, 0.0], halfCount = [0, 0]
        for i in 0..<n {
            counts[i & 1][bins[i] * classes + labels[i]] += 1
            totals[i & 1][labels[i]] += 1
            sums[i & 1][bins[i]] += values[i]
            binRows[i & 1][bins[i]] += 1
            halfSum[i & 1] += values[i]
            halfCount[i & 1] += 1
        }
        var correct = 0, baseline = 0, ssRes = 0.0, ssTot = 0.0
        let mean = values.reduce(0, +) / Double(n)
        for i in 0..<n {
            let o = 1 - (i & 1)
            let majority = LeakageProbe.argmax(totals[o][...])
            let slice = counts[o][(bins[i] * classes)..<((bins[i] + 1) * classes)]
            if (slice.reduce(0, +) > 0 ? LeakageProbe.argmax(slice) : majority) == labels[i] { correct += 1 }
            if majority == labels[i] { baseline += 1 }
            let p =
                binRows[o][bins[i]] > 0
                ? sums[o][bins[i]] / Double(binRows[o][bins[i]]) : halfSum[o] / Double(halfCount[o])
            ssRes += (values[i] - p) * (values[i] - p)
            ssTot += (values[i] - mean) * (values[i] - mean)
        }
        let (accuracy, base) = LeakageProbe.crossFittedAccuracy(
            bins: (bins, binCount), labels: labels, classes: classes)
        #expect(accuracy == Double(correct) / Double(n) && base == Double(baseline) / Double(n))
        #expect(
            LeakageProbe.crossFittedR2(bins: (bins, binCount), values: values).bitPattern
                == (1 - ssRes / ssTot).bitPattern)
    }

    @Test(arguments: [false, true]) func leakageProbeReusingTheProfileMatchesSortingAgain(_ targetMissing: Bool) throws
    {
        var g = SeededGenerator(seed: 51)
        let n = 12_000
        let y = (0..<n).map { i in targetMissing && i % 50 == 0 ? Double.nan : Double(g.nextInt(below: 2)) }
        let leak = y.map { $0.isNaN ? g.nextGaussian() : $0 * 3 + g.nextGaussian() * 0.05 }
        let noise = Self.awkward(n, seed: 52)
        let d = try Dataset(columns: [
            Column(name: "leak", numbers: leak), Column(name: "noise", numbers: noise),
            Column(name: "y", numbers: y, kind: .integer),
        ])
        let spec = try TargetSpec(dataset: d, column: "y")
        let passes = ProfileStatistics.profile(d.columns)
        let reused = try DataWarnings.leakage(
            dataset: d, target: spec, skip: [], edgeCandidates: passes.map(\.edgeCandidates))
        let sorted = try DataWarnings.leakage(dataset: d, target: spec, skip: [], edgeCandidates: [])
        #expect(reused == sorted)
        #expect(reused.map(\.column) == ["leak"])
    }
}

@Suite struct PairCorrelationTwinTests {
    @Test func fourAtATimeMatchesPairByPair() {
        var g = SeededGenerator(seed: 61)
        let n = 5_003
        let base = (0..<n).map { _ in g.nextGaussian() }
        // Complete columns (some near-copies), one with missing values, one constant, then more complete ones.
        var columns = (0..<6).map { k in base.map { $0 * Double(k + 1) + g.nextGaussian() * 0.01 * Double(k) } }
        columns.append(base.enumerated().map { $0.offset % 9 == 0 ? .nan : $0.element })
        columns.append([Double](repeating: 2, count: n))
        columns += (0..<3).map { _ in (0..<n).map { _ in g.nextGaussian() } }
        let sums = columns.map(PairCorrelation.ColumnSums.init)
        for i in columns.indices {
            let fast = PairCorrelation.withLaterColumns(columns, i, sums: sums)
            let naive = ((i + 1)..<columns.count).map { PairCorrelation.pearson(columns[i], columns[$0]) }
            #expect(fast.map { $0?.bitPattern } == naive.map { $0?.bitPattern }, "column \(i)")
        }
        #expect(PairCorrelation.withLaterColumns(columns, 0, sums: sums).compactMap { $0 }.count == 9)
    }
}
