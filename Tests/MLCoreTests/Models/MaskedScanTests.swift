// The masked histogram layout of sparse features against the plain one: a split scan that visits only the
// bins a mask holds (the others left as NaN, so reading one would show) finds exactly the split of the full
// scan over the same histogram with zeros there, numeric and categorical, with and without missing values
// and a default bin outside the mask, and with the missing bin kept right after the last bin (the compact
// layout of sparse features); the masked subtraction equals the plain one; the mask's walk visits exactly its bits.

import Testing

@testable import MLCore

@Suite struct MaskedScanTests {
    /// A histogram whose non-zero bins are a random subset of `0..<binCount` (and sometimes the missing bin),
    /// the plain layout (zeros elsewhere), the masked one (NaN elsewhere), its mask and default bin.
    static func sparseHistogram(
        binCount: Int, share: Double, missing: Bool, defaultBin: Int, seed: UInt64
    ) -> (plain: [Double], masked: [Double], mask: [UInt64]) {
        var g = SeededGenerator(seed: seed)
        var plain = [Double](repeating: 0, count: histogramStride)
        var masked = [Double](repeating: .nan, count: histogramStride)
        var mask = [UInt64](repeating: 0, count: 4)
        var held = (0..<binCount).filter { _ in g.nextUnit() < share }
        if missing { held.append(FeatureBinning.missingBin) }
        for b in held + (defaultBin >= 0 ? [defaultBin] : []) {
            let rows = b == defaultBin ? 200 : 1 + g.nextInt(below: 30)
            var gs = 0.0, hs = 0.0
            for _ in 0..<rows {
                gs += g.nextGaussian() + Double(b % 7) * 0.3 - 0.9
                hs += g.nextUnit() * 0.25 + 0.01
            }
            plain[2 * b] = gs
            plain[2 * b + 1] = hs
            masked[2 * b] = gs
            masked[2 * b + 1] = hs
            if b != defaultBin { mask[b / 64] |= UInt64(1) << UInt64(b % 64) }
        }
        return (plain, masked, mask)
    }

    static func total(_ hist: [Double], rows: Int) -> NodeSums {
        var t = NodeSums(g: 0, h: 0, count: rows)
        for b in 0..<256 { t.g += hist[2 * b]; t.h += hist[2 * b + 1] }
        return t
    }

    /// `scan` over the plain histogram (walk nil: every bin) and over the masked one (the mask's walk), its
    /// missing bin moved to pair `missingSlot` (255: left in place).
    static func bothScans(
        _ h: (plain: [Double], masked: [Double], mask: [UInt64]), defaultBin: Int, missingSlot: Int,
        _ scan: (UnsafePointer<Double>, MaskedBins?) -> SplitCandidate
    ) -> (full: SplitCandidate, fast: SplitCandidate) {
        var masked = h.masked
        if missingSlot != 255 {
            (masked[2 * missingSlot], masked[2 * missingSlot + 1]) = (masked[510], masked[511])
            (masked[510], masked[511]) = (.nan, .nan)
        }
        let p = TestBuffer(h.plain), m = TestBuffer(masked), k = TestBuffer(h.mask)
        return withExtendedLifetime((p, m, k)) {
            (scan(p.p, nil), scan(m.p, MaskedBins(mask: k.p, extra: defaultBin, missingSlot: missingSlot)))
        }
    }

    @Test(arguments: [
        (2, 0.5, false, 0), (40, 0.2, true, 0), (40, 0.1, false, 17), (200, 0.05, true, 0), (200, 0.3, false, -1),
        (120, 0.05, false, 255), (255, 0.02, true, 3), (30, 0.0, false, 0),
    ])
    func numericMaskedScanEqualsFullScan(_ binCount: Int, _ share: Double, _ missing: Bool, _ defaultBin: Int) {
        for seed in UInt64(1)...20 {
            let h = Self.sparseHistogram(
                binCount: binCount, share: share, missing: missing, defaultBin: defaultBin, seed: seed)
            let binning = FeatureBinning(
                upperEdges: (0..<(binCount - 1)).map(Double.init), isCategorical: false, binCount: binCount)
            for (minLeaf, missingSlot) in [(1, 255), (20, 255), (20, binCount)] {
                let rules = SplitRules(l2: 0.5, minSamplesLeaf: minLeaf, minChildWeight: 1e-3)
                let total = Self.total(h.plain, rows: 400)
                let (full, fast) = Self.bothScans(h, defaultBin: defaultBin, missingSlot: missingSlot) { hist, walk in
                    walk.map {
                        SplitFinder.bestNumeric(
                            hist: hist, binning: binning, total: total, rules: rules, feature: 3, walk: $0)
                    } ?? SplitFinder.bestNumeric(hist: hist, binning: binning, total: total, rules: rules, feature: 3)
                }
                #expect(fast.gain == full.gain || (fast.gain.isNaN && full.gain.isNaN), "seed \(seed)")
                #expect(fast.bin == full.bin && fast.missingLeft == full.missingLeft, "seed \(seed)")
                #expect(fast.left == full.left && fast.right == full.right, "seed \(seed)")
            }
        }
    }

    @Test(arguments: [(12, 0.5, true, 0), (30, 0.3, false, 4), (60, 0.2, true, 255), (3, 1.0, false, -1)])
    func categoricalMaskedScanEqualsFullScan(_ binCount: Int, _ share: Double, _ missing: Bool, _ defaultBin: Int) {
        for seed in UInt64(1)...20 {
            let h = Self.sparseHistogram(
                binCount: binCount, share: share, missing: missing, defaultBin: defaultBin, seed: seed)
            let binning = FeatureBinning(upperEdges: [], isCategorical: true, binCount: binCount)
            let rules = SplitRules(l2: 0.3, minSamplesLeaf: 5, minChildWeight: 1e-3, minCategorySupport: 3)
            let total = Self.total(h.plain, rows: 600)
            let (full, fast) = Self.bothScans(h, defaultBin: defaultBin, missingSlot: seed % 2 == 0 ? binCount : 255) {
                hist, walk in
                walk.map {
                    SplitFinder.bestCategorical(
                        hist: hist, binning: binning, total: total, rules: rules, feature: 1, walk: $0)
                } ?? SplitFinder.bestCategorical(hist: hist, binning: binning, total: total, rules: rules, feature: 1)
            }
            #expect(fast.gain == full.gain, "seed \(seed)")
            #expect(fast.leftBins == full.leftBins && fast.missingLeft == full.missingLeft, "seed \(seed)")
            #expect(fast.left == full.left && fast.right == full.right, "seed \(seed)")
        }
    }

    @Test func maskedWalkVisitsExactlyItsBits() {
        var g = SeededGenerator(seed: 9)
        for trial in 0..<200 {
            let share = [0.0, 0.01, 0.1, 0.5, 1.0][trial % 5]
            let bins = (0..<256).filter { _ in g.nextUnit() < share }
            let extra = trial % 3 == 0 ? -1 : g.nextInt(below: 256)
            var mask = [UInt64](repeating: 0, count: 4)
            for b in bins { mask[b / 64] |= UInt64(1) << UInt64(b % 64) }
            let k = TestBuffer(mask)
            let walk = withExtendedLifetime(k) { MaskedBins(mask: k.p, extra: extra) }
            let expected = Set(bins + (extra >= 0 ? [extra] : [])).sorted()
            var visited: [Int] = []
            var b = -1
            while true {
                b = walk.next(after: b)
                if b >= 256 { break }
                visited.append(b)
            }
            #expect(visited == expected, "trial \(trial)")
            #expect((0..<256).filter { walk.holds($0) } == expected, "trial \(trial)")
        }
    }

    @Test func maskedSubtractionEqualsThePlainOne() {
        let (child, _, mask) = Self.sparseHistogram(binCount: 150, share: 0.1, missing: true, defaultBin: -1, seed: 4)
        var g = SeededGenerator(seed: 5)
        var parent = (0..<histogramStride).map { _ in g.nextGaussian() }
        // Bins whose rows all went to the child: the parent holds exactly the child's sums there.
        let held = (0..<256).filter { mask[$0 / 64] & (UInt64(1) << UInt64($0 % 64)) != 0 }
        #expect(held.count > 4)
        let emptied = held.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
        for b in emptied { parent[2 * b] = child[2 * b]; parent[2 * b + 1] = child[2 * b + 1] }
        let plain = TestBuffer(parent), masked = TestBuffer(parent), c = TestBuffer(child), k = TestBuffer(mask)
        let keep = TestBuffer([UInt64](repeating: ~0, count: 4))
        withExtendedLifetime((c, k)) {
            HistogramKernels.subtract(plain.p, c.p, used: 300)
            HistogramKernels.subtract(masked.p, c.p, occupied: k.p, parentOccupied: keep.p)
        }
        #expect(plain.array == masked.array)
        // The compact layout: the missing bin's pair right after bin 149, at 150.
        var compactParent = parent, compactChild = child
        (compactParent[300], compactParent[301]) = (parent[510], parent[511])
        (compactChild[300], compactChild[301]) = (child[510], child[511])
        let cp = TestBuffer(compactParent), cc = TestBuffer(compactChild)
        let compactKeep = TestBuffer([UInt64](repeating: ~0, count: 4))
        withExtendedLifetime((cc, k)) {
            HistogramKernels.subtract(cp.p, cc.p, occupied: k.p, parentOccupied: compactKeep.p, missingSlot: 150)
        }
        #expect(cp.array[300] == plain.array[510] && cp.array[301] == plain.array[511])
        #expect(Array(cp.array[0..<300]) == Array(plain.array[0..<300]))
        #expect(compactKeep.array == keep.array)
        // The sibling's mask loses exactly the bins left at zero.
        let kept = Set((0..<256).filter { keep.p[$0 / 64] & (UInt64(1) << UInt64($0 % 64)) != 0 })
        #expect(kept == Set(0..<256).subtracting(emptied))
        // A bin the parent's mask had lost comes back when the subtraction leaves it non-zero.
        let lost = TestBuffer([UInt64](repeating: 0, count: 4))
        withExtendedLifetime((c, k)) { HistogramKernels.subtract(masked.p, c.p, occupied: k.p, parentOccupied: lost.p) }
        #expect(lost.array == mask)
    }
}
