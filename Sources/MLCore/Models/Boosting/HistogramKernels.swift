// The hot loop of gradient boosting: gradient/hessian histograms of one feature over the rows of a leaf,
// and the subtraction that gives the larger child's histogram from its parent's. Each has a naive twin
// that the tests compare against.
// Layout: one feature's histogram is `[256 × 2]` Double, (gradient, hessian) interleaved per bin, the missing
// bin last (255); where each feature's histogram sits in a leaf's buffer is HistogramPool's `FeatureSlot`.
// Leaves out: counts per bin (estimated from hessians where needed, as LightGBM does).

/// Doubles per feature in a histogram: 256 bins × (gradient, hessian).
let histogramStride = 512

enum HistogramKernels {
    /// Adds rows `0..<count` of one feature to `hist`, gradients in row order.
    /// Shapes: bins [count] UInt8; gh [count] (g, h) Float pairs; hist [256] (g, h) Double pairs.
    @inline(__always)
    static func accumulateAll(
        bins: UnsafePointer<UInt8>, gh: UnsafePointer<Float>, count: Int, hist: UnsafeMutablePointer<Double>
    ) {
        let pairs = UnsafeRawPointer(gh).assumingMemoryBound(to: SIMD2<Float>.self)
        let h2 = UnsafeMutableRawPointer(hist).assumingMemoryBound(to: SIMD2<Double>.self)
        var i = 0
        while i < count {
            let b = Int(bins[i])
            let p = pairs[i]
            h2[b] += SIMD2<Double>(Double(p.x), Double(p.y))
            i &+= 1
        }
    }

    /// Adds the rows `rows[0..<count]` of one feature to `hist`; `gh` holds their gradients in the same
    /// order (ordered gradients, gathered once per leaf).
    /// Shapes: bins [allRows] UInt8; rows [count] Int32; gh [count] (g, h) Float pairs; hist [256] (g, h) Double pairs.
    @inline(__always)
    static func accumulateGathered(
        bins: UnsafePointer<UInt8>, rows: UnsafePointer<Int32>, gh: UnsafePointer<Float>, count: Int,
        hist: UnsafeMutablePointer<Double>
    ) {
        let pairs = UnsafeRawPointer(gh).assumingMemoryBound(to: SIMD2<Float>.self)
        let h2 = UnsafeMutableRawPointer(hist).assumingMemoryBound(to: SIMD2<Double>.self)
        var i = 0
        while i < count {
            let b = Int(bins[Int(rows[i])])
            let p = pairs[i]
            h2[b] += SIMD2<Double>(Double(p.x), Double(p.y))
            i &+= 1
        }
    }

    /// `parent[k] -= child[k]` over one feature's first `used` entries (2 × its bins) and its missing bin's
    /// pair: the sibling's histogram by subtraction.
    @inline(__always)
    static func subtract(
        _ parent: UnsafeMutablePointer<Double>, _ child: UnsafePointer<Double>, used: Int = missingPairStart
    ) {
        for k in 0..<used { parent[k] -= child[k] }
        parent[missingPairStart] -= child[missingPairStart]
        parent[missingPairStart &+ 1] -= child[missingPairStart &+ 1]
    }

    /// Where the missing bin's (g, h) pair starts in a dense feature's histogram (Doubles).
    @inline(__always) static var missingPairStart: Int { 2 &* FeatureBinning.missingBin }

    /// `parent[k] -= child[k]` over the bins set in `occupied` ([4] words, a 256-bit mask): a sparse
    /// feature's sibling histogram, its other bins being zero in the child. `parentOccupied` ([4] words),
    /// the parent's mask, which the sibling keeps, loses the bins this leaves exactly zero (g and h) and
    /// keeps the others, so scans skip the bins that only the child's rows held, with no change in result.
    /// The missing bin's pair is at `missingSlot` (a compact histogram's, else 255).
    @inline(__always)
    static func subtract(
        _ parent: UnsafeMutablePointer<Double>, _ child: UnsafePointer<Double>, occupied: UnsafePointer<UInt64>,
        parentOccupied: UnsafeMutablePointer<UInt64>, missingSlot: Int = FeatureBinning.missingBin
    ) {
        for w in 0..<4 {
            var bits = occupied[w]
            var keep = parentOccupied[w]
            while bits != 0 {
                let bit = bits & (0 &- bits)
                let bin = w &* 64 &+ bits.trailingZeroBitCount
                let k = 2 &* (bin == FeatureBinning.missingBin ? missingSlot : bin)
                let g = parent[k] - child[k], h = parent[k &+ 1] - child[k &+ 1]
                parent[k] = g
                parent[k &+ 1] = h
                keep = g != 0 || h != 0 ? keep | bit : keep & ~bit
                bits &= bits &- 1
            }
            parentOccupied[w] = keep
        }
    }

    /// Naive twin: the histogram of one feature over `rows`, straight from the unordered gradients.
    static func naive(bins: [UInt8], rows: [Int], gradients: [Float], hessians: [Float]) -> [Double] {
        var hist = [Double](repeating: 0, count: histogramStride)
        for r in rows {
            hist[2 * Int(bins[r])] += Double(gradients[r])
            hist[2 * Int(bins[r]) + 1] += Double(hessians[r])
        }
        return hist
    }
}
