// The hot loop of gradient boosting: gradient/hessian histograms of one feature over the rows of a leaf,
// and the subtraction that gives the larger child's histogram from its parent's. Each has a naive twin
// that the tests compare against.
// Layout: a leaf's histogram is `[features × 256 × 2]` Double, (gradient, hessian) interleaved per bin.
// Leaves out: counts per bin (estimated from hessians where needed, as LightGBM does).

/// Doubles per feature in a histogram: 256 bins × (gradient, hessian).
let histogramStride = 512

enum HistogramKernels {
    /// Adds rows `0..<count` of one feature to `hist`, gradients in row order.
    /// Shapes: bins [count] UInt8; gh [count × 2] Float (g, h); hist [512] Double.
    @inline(__always)
    static func accumulateAll(
        bins: UnsafePointer<UInt8>, gh: UnsafePointer<Float>, count: Int, hist: UnsafeMutablePointer<Double>
    ) {
        var i = 0
        while i < count {
            let b = Int(bins[i]) &<< 1
            hist[b] += Double(gh[i &<< 1])
            hist[b &+ 1] += Double(gh[(i &<< 1) &+ 1])
            i &+= 1
        }
    }

    /// Adds the rows `rows[0..<count]` of one feature to `hist`; `gh` holds their gradients in the same
    /// order (ordered gradients, gathered once per leaf).
    /// Shapes: bins [allRows] UInt8; rows [count] Int32; gh [count × 2] Float; hist [512] Double.
    @inline(__always)
    static func accumulateGathered(
        bins: UnsafePointer<UInt8>, rows: UnsafePointer<Int32>, gh: UnsafePointer<Float>, count: Int,
        hist: UnsafeMutablePointer<Double>
    ) {
        var i = 0
        // Two rows per step: independent loads overlap while the adds stay in row order.
        while i &+ 1 < count {
            let b0 = Int(bins[Int(rows[i])]) &<< 1
            let b1 = Int(bins[Int(rows[i &+ 1])]) &<< 1
            let g0 = Double(gh[i &<< 1]), h0 = Double(gh[(i &<< 1) &+ 1])
            let g1 = Double(gh[(i &<< 1) &+ 2]), h1 = Double(gh[(i &<< 1) &+ 3])
            hist[b0] += g0
            hist[b0 &+ 1] += h0
            hist[b1] += g1
            hist[b1 &+ 1] += h1
            i &+= 2
        }
        if i < count {
            let b = Int(bins[Int(rows[i])]) &<< 1
            hist[b] += Double(gh[i &<< 1])
            hist[b &+ 1] += Double(gh[(i &<< 1) &+ 1])
        }
    }

    /// `parent[k] -= child[k]` over one feature's 512 entries: the sibling's histogram by subtraction.
    @inline(__always)
    static func subtract(_ parent: UnsafeMutablePointer<Double>, _ child: UnsafePointer<Double>) {
        for k in 0..<histogramStride { parent[k] -= child[k] }
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
