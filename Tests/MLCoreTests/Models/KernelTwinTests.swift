// Every fast kernel against its naive twin, on random and edge inputs: histogram building (all rows
// and gathered rows), histogram subtraction, the numeric and categorical split scans, the row partition, the distance
// computation of k-NN and the radix sort used for binning.

import Testing

@testable import MLCore

@Suite struct KernelTwinTests {
    static func bins(_ n: Int, seed: UInt64, missingEvery: Int = 0) -> [UInt8] {
        var g = SeededGenerator(seed: seed)
        return (0..<n).map { i in missingEvery > 0 && i % missingEvery == 0 ? 255 : UInt8(g.nextInt(below: 40)) }
    }

    static func gradients(_ n: Int, seed: UInt64) -> ([Float], [Float]) {
        var g = SeededGenerator(seed: seed)
        return ((0..<n).map { _ in Float(g.nextGaussian()) }, (0..<n).map { _ in Float(g.nextUnit() + 0.01) })
    }

    @Test(arguments: [0, 1, 7, 10_000]) func histogramOfAllRowsMatchesNaive(rows: Int) {
        let b = Self.bins(rows, seed: 1, missingEvery: 13), (g, h) = Self.gradients(rows, seed: 2)
        var gh = [Float](repeating: 0, count: 2 * max(rows, 1))
        for i in 0..<rows { gh[2 * i] = g[i]; gh[2 * i + 1] = h[i] }
        let hist = TestBuffer([Double](repeating: 0, count: histogramStride))
        let bb = TestBuffer(b), gg = TestBuffer(gh)
        withExtendedLifetime((bb, gg)) {
            HistogramKernels.accumulateAll(bins: bb.p, gh: gg.p, count: rows, hist: hist.p)
        }
        let naive = HistogramKernels.naive(bins: b, rows: Array(0..<rows), gradients: g, hessians: h)
        #expect(zip(hist.array, naive).allSatisfy { abs($0 - $1) <= 1e-9 * max(1, abs($1)) })
    }

    @Test(arguments: [1, 2, 999]) func histogramOfGatheredRowsMatchesNaive(rows: Int) {
        let n = 3_000
        let b = Self.bins(n, seed: 3, missingEvery: 5), (g, h) = Self.gradients(n, seed: 4)
        var pick = SeededGenerator(seed: 5)
        let chosen = Array(Set((0..<rows).map { _ in pick.nextInt(below: n) })).sorted()
        let idx = chosen.map { Int32($0) }
        var ordered = [Float](repeating: 0, count: 2 * chosen.count)
        for (i, r) in chosen.enumerated() { ordered[2 * i] = g[r]; ordered[2 * i + 1] = h[r] }
        let hist = TestBuffer([Double](repeating: 0, count: histogramStride))
        let bb = TestBuffer(b), ii = TestBuffer(idx), oo = TestBuffer(ordered)
        withExtendedLifetime((bb, ii, oo)) {
            HistogramKernels.accumulateGathered(bins: bb.p, rows: ii.p, gh: oo.p, count: chosen.count, hist: hist.p)
        }
        let naive = HistogramKernels.naive(bins: b, rows: chosen, gradients: g, hessians: h)
        #expect(zip(hist.array, naive).allSatisfy { abs($0 - $1) <= 1e-9 * max(1, abs($1)) })
    }

    @Test func subtractionGivesTheSiblingHistogram() {
        let n = 2_000
        let b = Self.bins(n, seed: 6, missingEvery: 9), (g, h) = Self.gradients(n, seed: 7)
        let left = Array(stride(from: 0, to: n, by: 3)), right = (0..<n).filter { $0 % 3 != 0 }
        let parent = TestBuffer(HistogramKernels.naive(bins: b, rows: Array(0..<n), gradients: g, hessians: h))
        let child = TestBuffer(HistogramKernels.naive(bins: b, rows: left, gradients: g, hessians: h))
        withExtendedLifetime(child) { HistogramKernels.subtract(parent.p, child.p, used: 80) }
        let sibling = HistogramKernels.naive(bins: b, rows: right, gradients: g, hessians: h)
        #expect(zip(parent.array, sibling).allSatisfy { abs($0 - $1) <= 1e-9 * max(1, abs($1)) })
    }

    @Test(arguments: [(0, 1), (5, 20), (1, 1)]) func splitScanMatchesBruteForce(_ missingEvery: Int, _ minLeaf: Int) {
        let n = 1_500
        let b = Self.bins(n, seed: 8, missingEvery: missingEvery), (g, h) = Self.gradients(n, seed: 9)
        let hist = HistogramKernels.naive(bins: b, rows: Array(0..<n), gradients: g, hessians: h)
        let total = NodeSums(g: g.reduce(0) { $0 + Double($1) }, h: h.reduce(0) { $0 + Double($1) }, count: n)
        let binning = FeatureBinning(upperEdges: (0..<39).map(Double.init), isCategorical: false, binCount: 40)
        let rules = SplitRules(l2: 0.5, minSamplesLeaf: minLeaf, minChildWeight: 1e-3)
        let hb = TestBuffer(hist)
        let fast = withExtendedLifetime(hb) {
            SplitFinder.bestNumeric(hist: hb.p, binning: binning, total: total, rules: rules, feature: 0)
        }
        let naive = SplitFinder.naiveNumeric(hist: hist, binning: binning, total: total, rules: rules)
        guard naive.gain.isFinite else {
            #expect(!fast.gain.isFinite)  // no valid split (e.g. every row missing)
            return
        }
        #expect(abs(fast.gain - naive.gain) <= 1e-9 * max(1, abs(naive.gain)))
        #expect(fast.bin == naive.bin)
        if missingEvery > 0 { #expect(fast.missingLeft == naive.missingLeft) }
    }

    @Test(arguments: [(0, 1, 12), (7, 20, 12), (3, 5, 30), (0, 1, 2)])
    func categoricalScanMatchesNaive(_ missingEvery: Int, _ minLeaf: Int, _ levels: Int) {
        let n = 3_000
        var g = SeededGenerator(seed: 15)
        let b = (0..<n).map { i in
            missingEvery > 0 && i % missingEvery == 0 ? UInt8(255) : UInt8(g.nextInt(below: levels))
        }
        let (grad, hess) = Self.gradients(n, seed: 16)
        // Gradients that depend on the category, so that the order of categories matters.
        let shifted = zip(b, grad).map { c, v in v + Float(Int(c) % 5) * 0.4 - 0.8 }
        let hist = HistogramKernels.naive(bins: b, rows: Array(0..<n), gradients: shifted, hessians: hess)
        let total = NodeSums(g: shifted.reduce(0) { $0 + Double($1) }, h: hess.reduce(0) { $0 + Double($1) }, count: n)
        let binning = FeatureBinning(upperEdges: [], isCategorical: true, binCount: levels)
        let rules = SplitRules(l2: 0.3, minSamplesLeaf: minLeaf, minChildWeight: 1e-3)
        let hb = TestBuffer(hist)
        let fast = withExtendedLifetime(hb) {
            SplitFinder.bestCategorical(hist: hb.p, binning: binning, total: total, rules: rules, feature: 0)
        }
        let naive = SplitFinder.naiveCategorical(hist: hist, binning: binning, total: total, rules: rules)
        #expect(naive.gain.isFinite)
        #expect(abs(fast.gain - naive.gain) <= 1e-9 * max(1, abs(naive.gain)))
        let fastLeft = Set((0..<256).filter { fast.leftBins.contains($0) })
        #expect(fastLeft == naive.left)
        #expect(fast.missingLeft == naive.left.contains(255))
    }

    @Test(arguments: [(10, 1), (70_000, 1), (70_000, 2), (100_003, 2)]) func partitionMatchesStableFilter(
        _ n: Int, _ threads: Int
    ) {
        let b = Self.bins(n, seed: 10, missingEvery: 11)
        var g = SeededGenerator(seed: 11)
        let rows = (0..<n).filter { _ in g.nextUnit() < 0.8 }.map { Int32($0) }
        var isLeft = [UInt8](repeating: 0, count: 256)
        for k in 0..<256 where k < 17 || k == 255 { isLeft[k] = 1 }
        let work = TestBuffer(rows), scratch = TestBuffer([Int32](repeating: 0, count: rows.count))
        let bb = TestBuffer(b), ll = TestBuffer(isLeft)
        let left = withExtendedLifetime((scratch, bb, ll)) {
            RowPartition.partition(
                rows: work.p, scratch: scratch.p, count: rows.count, bins: bb.p, isLeft: ll.p, threads: threads)
        }
        let naive = RowPartition.naivePartition(rows: rows, bins: b, isLeft: isLeft.map { $0 != 0 })
        #expect(left == naive.left)
        #expect(work.array == naive.rows)
    }

    @Test(arguments: [1, 3, 20]) func distancesMatchNaive(_ p: Int) {
        let n = 500
        let x = ModelTestData.features(rows: n, features: p, seed: 12)
        let q = (0..<p).map { Double($0) * 0.3 - 0.5 }
        let out = TestBuffer([Double](repeating: 0, count: n))
        let qq = TestBuffer(q), tt = TestBuffer(x.values)
        withExtendedLifetime((qq, tt)) {
            NeighborSearch.squaredDistances(query: qq.p, train: tt.p, n: n, p: p, out: out.p)
        }
        let naive = NeighborSearch.naiveDistances(query: q, rowMajorTrain: x.rowMajor(), p: p)
        #expect(zip(out.array, naive).allSatisfy { abs($0 - $1) <= 1e-12 * max(1, $1) })
    }

    @Test func nearestKeepsTheKSmallestWithLowerRowsOnTies() {
        let d: [Double] = [5, 1, 3, 1, 0, 9, 3]
        let dd = TestBuffer(d)
        let nb = withExtendedLifetime(dd) { NeighborSearch.nearest(distances: dd.p, n: d.count, k: 4) }
        #expect(nb.map(\.row) == [4, 1, 3, 2])
    }

    @Test(arguments: [0, 5, 300, 50_000]) func radixSortMatchesSort(_ n: Int) {
        var g = SeededGenerator(seed: 13)
        let v = (0..<n).map { i in i % 7 == 0 ? -g.nextGaussian() * 1e6 : (i % 5 == 0 ? 0 : g.nextGaussian()) }
        #expect(RadixSort.sorted(v) == v.sorted())
    }

    @Test(arguments: [1, 40, 5_000]) func radixPairSortMatchesSortingPairs(_ n: Int) {
        var g = SeededGenerator(seed: 14)
        let v = (0..<n).map { i in i % 3 == 0 ? Double(i % 17) : g.nextGaussian() * 100 }
        let rows = (0..<n).map { Int32($0) }
        let vb = TestBuffer(v), rb = TestBuffer(rows), sv = TestBuffer(v), sr = TestBuffer(rows)
        withExtendedLifetime((sv, sr)) {
            RadixSort.sortPairs(vb.p, rb.p, count: n, scratchValues: sv.p, scratchRows: sr.p)
        }
        #expect(vb.array == v.sorted())
        // Each value still travels with its row.
        #expect(zip(vb.array, rb.array).allSatisfy { v[Int($1)] == $0 })
    }
}
