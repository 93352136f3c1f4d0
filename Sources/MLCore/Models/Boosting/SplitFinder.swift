// Finds the best split of one leaf on one feature from its histogram, by one running scan over bins
// (numeric: both directions for missing values; categorical: categories sorted by gradient/hessian,
// then a prefix scan, as scikit-learn's HistGradientBoosting does). Naive twins check both scans.
// A scan visits every bin, or only those a sparse feature's rows occupy at the leaf (BinWalk).
// Gain is LightGBM's: G_L²/(H_L+λ) + G_R²/(H_R+λ) − G²/(H+λ). Counts per bin are estimated from
// hessians (count ≈ h × leafCount / leafHessian), exact for squared error.
// Leaves out: L1 regularisation, monotonic constraints, interaction constraints.

/// A set of bins (0...255) as four 64-bit words.
struct BinSet: Sendable, Equatable {
    var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    static func == (a: BinSet, b: BinSet) -> Bool { a.words == b.words }

    /// Word i (0...3): bins 64i..<64i+64.
    @inline(__always) func word(_ i: Int) -> UInt64 {
        switch i {
        case 0: return words.0
        case 1: return words.1
        case 2: return words.2
        default: return words.3
        }
    }

    @inline(__always) func contains(_ b: Int) -> Bool { word(b >> 6) & (UInt64(1) << UInt64(b & 63)) != 0 }

    @inline(__always) mutating func insert(_ b: Int) {
        let bit = UInt64(1) << UInt64(b & 63)
        switch b >> 6 {
        case 0: words.0 |= bit
        case 1: words.1 |= bit
        case 2: words.2 |= bit
        default: words.3 |= bit
        }
    }
}

/// Sums of a node: gradient, hessian, row count.
struct NodeSums: Sendable, Equatable {
    var g: Double
    var h: Double
    var count: Int
}

/// The best split found for a leaf (gain −∞ when none is allowed).
struct SplitCandidate: Sendable {
    var gain = -Double.infinity
    var feature = -1
    /// Numeric: bins `0...bin` go left (−1: only missing values go left).
    var bin = 0
    var missingLeft = false
    var categorical = false
    var leftBins = BinSet()
    var left = NodeSums(g: 0, h: 0, count: 0)
    var right = NodeSums(g: 0, h: 0, count: 0)

    /// Whether a row in `bin` goes left.
    @inline(__always) func goesLeft(bin b: Int) -> Bool {
        if b == FeatureBinning.missingBin { return missingLeft }
        return categorical ? leftBins.contains(b) : b <= bin
    }
}

/// Limits that every child must respect.
struct SplitRules: Sendable {
    var l2: Double
    var minSamplesLeaf: Int
    var minChildWeight: Double
    /// Categories seen in fewer rows than this at a node are not sorted into the left set.
    var minCategorySupport: Double = 10
}

enum SplitFinder {
    @inline(__always)
    static func leafGain(_ g: Double, _ h: Double, _ l2: Double) -> Double { g * g / (h + l2) }

    /// The best split of a leaf with totals `total` on one feature, reading only the bins `walk` visits.
    /// Shape: hist [512] Double.
    @inline(__always)
    static func best<W: BinWalk>(
        hist: UnsafePointer<Double>, binning: FeatureBinning, total: NodeSums, rules: SplitRules, feature: Int,
        walk: W = AllBins()
    ) -> SplitCandidate {
        binning.isCategorical
            ? bestCategorical(hist: hist, binning: binning, total: total, rules: rules, feature: feature, walk: walk)
            : bestNumeric(hist: hist, binning: binning, total: total, rules: rules, feature: feature, walk: walk)
    }

    @inline(__always)
    static func consider(
        _ best: inout SplitCandidate, gL: Double, hL: Double, total: NodeSums, countFactor: Double,
        parentGain: Double, rules: SplitRules
    ) -> Bool {
        let gR = total.g - gL, hR = total.h - hL
        if hL < rules.minChildWeight || hR < rules.minChildWeight { return false }
        // Estimated counts; "rounds to ≥ m" is "≥ m − 0.5".
        let cLd = hL * countFactor, minCount = Double(rules.minSamplesLeaf) - 0.5
        if cLd < minCount || Double(total.count) - cLd < minCount { return false }
        let gain = leafGain(gL, hL, rules.l2) + leafGain(gR, hR, rules.l2) - parentGain
        if gain > best.gain {
            let cL = Int(cLd + 0.5), cR = total.count - cL
            best.gain = gain
            best.left = NodeSums(g: gL, h: hL, count: cL)
            best.right = NodeSums(g: gR, h: hR, count: cR)
            return true
        }
        return false
    }

    /// The least hessian a child of a leaf with totals `total` may have: minChildWeight, and enough for
    /// its count estimated from hessians to round to ≥ minSamplesLeaf.
    @inline(__always)
    static func minChildHessian(total: NodeSums, rules: SplitRules) -> Double {
        max(rules.minChildWeight, (Double(rules.minSamplesLeaf) - 0.5) / (Double(total.count) / total.h))
    }

    static func bestNumeric<W: BinWalk>(
        hist: UnsafePointer<Double>, binning: FeatureBinning, total: NodeSums, rules: SplitRules, feature: Int,
        walk: W = AllBins()
    ) -> SplitCandidate {
        var best = SplitCandidate()
        best.feature = feature
        let n = binning.binCount
        guard n >= 1, total.h > 0 else { return best }
        let countFactor = Double(total.count) / total.h
        let parentGain = leafGain(total.g, total.h, rules.l2)
        let heldMissing = walk.holds(FeatureBinning.missingBin)
        let ms = walk.slot(FeatureBinning.missingBin)
        let mg = heldMissing ? hist[2 * ms] : 0
        let mh = heldMissing ? hist[2 * ms + 1] : 0
        // Both children need hessian ≥ minChildWeight and an estimated count that rounds to ≥ minSamplesLeaf:
        // a window on the running left hessian, which only grows, so the scan stops once past it.
        let minH = minChildHessian(total: total, rules: rules)
        let maxH = total.h - minH
        guard minH <= maxH else { return best }
        let l2 = rules.l2
        var bestGain = 0.0, bestBin = 0, bestGL = 0.0, bestHL = 0.0, bestMissingLeft = false, found = false
        for pass in 0..<(mh > 0 ? 2 : 1) {
            let missingLeft = pass == 1
            var gL = missingLeft ? mg : 0, hL = missingLeft ? mh : 0
            var b = missingLeft ? -1 : 0
            if b >= 0 && walk.holds(0) {
                gL += hist[0]
                hL += hist[1]
            }
            while b < n - 1 {
                if hL > maxH { break }
                if hL >= minH {
                    let gR = total.g - gL, hR = total.h - hL
                    let gain = gL * gL / (hL + l2) + gR * gR / (hR + l2)
                    if !found || gain > bestGain {
                        found = true
                        bestGain = gain
                        bestBin = b
                        bestGL = gL
                        bestHL = hL
                        bestMissingLeft = missingLeft
                    }
                }
                // Bins the walk skips are zero: the sums, hence the gain, would repeat the last one's.
                b = walk.next(after: b)
                if b >= n &- 1 { break }
                gL += hist[2 &* b]
                hL += hist[2 &* b &+ 1]
            }
        }
        guard found else { return best }
        best.gain = bestGain - parentGain
        best.bin = bestBin
        let cL = Int(bestHL * countFactor + 0.5)
        best.left = NodeSums(g: bestGL, h: bestHL, count: cL)
        best.right = NodeSums(g: total.g - bestGL, h: total.h - bestHL, count: total.count - cL)
        // With no missing value at this node, unseen missing values follow the larger child.
        best.missingLeft = mh > 0 ? bestMissingLeft : cL >= total.count - cL
        return best
    }

    static func bestCategorical<W: BinWalk>(
        hist: UnsafePointer<Double>, binning: FeatureBinning, total: NodeSums, rules: SplitRules, feature: Int,
        walk: W = AllBins()
    ) -> SplitCandidate {
        var best = SplitCandidate()
        best.feature = feature
        best.categorical = true
        guard total.h > 0 else { return best }
        let countFactor = Double(total.count) / total.h
        let parentGain = leafGain(total.g, total.h, rules.l2)
        // Candidate categories (missing counts as one), ordered by gradient / (hessian + smoothing).
        var cats: [(bin: Int, key: Double)] = []
        var b = walk.holds(0) ? 0 : walk.next(after: 0)
        while b < 256 {
            // Bins binCount..<255 are never used; 255 holds missing values.
            if b >= binning.binCount && b < FeatureBinning.missingBin {
                b = walk.next(after: FeatureBinning.missingBin - 1)
                continue
            }
            let h = hist[2 * walk.slot(b) + 1]
            if h > 0 && h * countFactor >= rules.minCategorySupport {
                cats.append((b, hist[2 * walk.slot(b)] / (h + rules.minCategorySupport)))
            }
            b = walk.next(after: b)
        }
        guard cats.count >= 2 else { return best }
        cats.sort { $0.key < $1.key || ($0.key == $1.key && $0.bin < $1.bin) }
        let maxPrefix = (cats.count + 1) / 2
        for reversed in [false, true] {
            let order = reversed ? Array(cats.reversed()) : cats
            var gL = 0.0, hL = 0.0
            for k in 0..<min(maxPrefix, order.count - 1) {
                gL += hist[2 * walk.slot(order[k].bin)]
                hL += hist[2 * walk.slot(order[k].bin) + 1]
                if consider(
                    &best, gL: gL, hL: hL, total: total, countFactor: countFactor, parentGain: parentGain, rules: rules)
                {
                    var set = BinSet()
                    for c in order[0...k] { set.insert(c.bin) }
                    best.leftBins = set
                    best.missingLeft = set.contains(FeatureBinning.missingBin)
                }
            }
        }
        return best
    }

    /// Naive twin of the numeric scan: every threshold and missing direction, sums recomputed from scratch.
    static func naiveNumeric(
        hist: [Double], binning: FeatureBinning, total: NodeSums, rules: SplitRules
    ) -> (gain: Double, bin: Int, missingLeft: Bool) {
        var best = (gain: -Double.infinity, bin: 0, missingLeft: false)
        let n = binning.binCount
        let countFactor = Double(total.count) / total.h
        let hasMissing = hist[2 * 255 + 1] > 0
        for missingLeft in hasMissing ? [false, true] : [false] {
            for b in (missingLeft ? -1 : 0)..<(n - 1) {
                var gL = 0.0, hL = 0.0
                for k in 0..<n where k <= b { gL += hist[2 * k]; hL += hist[2 * k + 1] }
                if missingLeft { gL += hist[2 * 255]; hL += hist[2 * 255 + 1] }
                guard let gain = naiveGain(gL: gL, hL: hL, total: total, rules: rules, countFactor: countFactor) else {
                    continue
                }
                if gain > best.gain { best = (gain, b, missingLeft) }
            }
        }
        return best
    }

    /// The gain of a left side with sums (gL, hL), or nil when either child breaks the rules (the twins' check).
    private static func naiveGain(gL: Double, hL: Double, total: NodeSums, rules: SplitRules, countFactor: Double)
        -> Double?
    {
        let gR = total.g - gL, hR = total.h - hL
        let cL = Int((hL * countFactor).rounded())
        guard hL >= rules.minChildWeight, hR >= rules.minChildWeight,
            cL >= rules.minSamplesLeaf, total.count - cL >= rules.minSamplesLeaf
        else { return nil }
        return gL * gL / (hL + rules.l2) + gR * gR / (hR + rules.l2) - total.g * total.g / (total.h + rules.l2)
    }

    /// Naive twin of the categorical scan: the same candidate categories and order, every prefix's sums
    /// recomputed from scratch. Returns the best gain and its left set of bins.
    static func naiveCategorical(
        hist: [Double], binning: FeatureBinning, total: NodeSums, rules: SplitRules
    ) -> (gain: Double, left: Set<Int>) {
        var best = (gain: -Double.infinity, left: Set<Int>())
        let countFactor = Double(total.count) / total.h
        let candidates = (Array(0..<binning.binCount) + [FeatureBinning.missingBin]).filter { b in
            hist[2 * b + 1] > 0 && hist[2 * b + 1] * countFactor >= rules.minCategorySupport
        }
        guard candidates.count >= 2 else { return best }
        let key = { (b: Int) in hist[2 * b] / (hist[2 * b + 1] + rules.minCategorySupport) }
        let sorted = candidates.sorted { key($0) < key($1) || (key($0) == key($1) && $0 < $1) }
        for order in [sorted, Array(sorted.reversed())] {
            for size in 1...min((sorted.count + 1) / 2, sorted.count - 1) {
                let left = Array(order[0..<size])
                let gL = left.reduce(0.0) { $0 + hist[2 * $1] }, hL = left.reduce(0.0) { $0 + hist[2 * $1 + 1] }
                guard let gain = naiveGain(gL: gL, hL: hL, total: total, rules: rules, countFactor: countFactor) else {
                    continue
                }
                if gain > best.gain { best = (gain, Set(left)) }
            }
        }
        return best
    }
}
