// Exact per-cluster sums for k-means, in fixed point: each weighted feature value (and each weight) is
// rounded once to a whole multiple of a per-column power of two (2⁻⁵¹ of the column's largest magnitude,
// so a value is off by at most 2⁻⁵² of that) and the multiples are added as integers, high and low 26-bit
// halves apart so no sum of up to 2²⁷ rows overflows. Integer addition is exact and order-free: sums
// updated row by row as rows change cluster (Hamerly.swift) equal bit for bit the sums recomputed from
// scratch (Lloyd.step), whatever the thread count or block order.
// Leaves out: more than 2²⁷ rows per cluster without rounding of the high half (still deterministic).

enum ClusterSums {
    /// 1.5 × 2⁵²: adding it to |t| < 2⁵¹ rounds t to an integer (ties to even) held in the low bits.
    static let magic = 6_755_399_441_055_744.0
    static let lowBits: Int64 = 26

    /// Integer multiple of 1/scale nearest to v (|v × scale| < 2⁵¹).
    @inline(__always)
    static func quantize(_ v: Double, _ scale: Double) -> Int64 {
        Int64(bitPattern: (v * scale + magic).bitPattern) &- Int64(bitPattern: magic.bitPattern)
    }

    @inline(__always)
    static func add(_ q: Int64, _ slot: UnsafeMutablePointer<Int64>) {
        slot[0] &+= q >> lowBits
        slot[1] &+= q & ((1 << lowBits) - 1)
    }

    @inline(__always)
    static func subtract(_ q: Int64, _ slot: UnsafeMutablePointer<Int64>) {
        slot[0] &-= q >> lowBits
        slot[1] &-= q & ((1 << lowBits) - 1)
    }

    /// Per column (the p features, then the weight) the power of two values are multiplied by: 2^(50 − e)
    /// for the column's largest |weight × value| in [2^e, 2^(e+1)), so every product stays below 2⁵¹.
    static func scales(_ x: FeatureMatrix, weights: [Double]) -> [Double] {
        let n = x.rows, p = x.featureCount
        func scale(_ largest: Double) -> Double {
            guard largest > 0 else { return 1 }
            return Double(sign: .plus, exponent: min(1023, 50 - largest.exponent), significand: 1)
        }
        var out = (0..<p).map { j in
            var m = 0.0
            for i in 0..<n { m = max(m, abs(weights[i] * x.values[j * n + i])) }
            return scale(m)
        }
        out.append(scale(weights.reduce(0) { max($0, abs($1)) }))
        return out
    }

    /// Adds rows `rows` of the column-major x [p × n] to `sums` [k × (p+1) × 2] (slot c, j: high then low half).
    static func accumulate(
        x: UnsafePointer<Double>, n: Int, p: Int, labels: UnsafePointer<Int>, weights: UnsafePointer<Double>,
        rows: Range<Int>, scales: UnsafePointer<Double>, sums: UnsafeMutablePointer<Int64>
    ) {
        let stride = 2 &* (p &+ 1)
        let ws = scales[p]
        for i in rows { add(quantize(weights[i], ws), sums + (labels[i] &* stride &+ 2 &* p)) }
        for j in 0..<p {
            let col = x + j &* n, s = scales[j]
            for i in rows { add(quantize(weights[i] * col[i], s), sums + (labels[i] &* stride &+ 2 &* j)) }
        }
    }

    /// Moves one row (p values, row-major) of weight `w` from cluster `from` to cluster `to`.
    @inline(__always)
    static func move(
        row: UnsafePointer<Double>, weight w: Double, p: Int, from: Int, to: Int, scales: UnsafePointer<Double>,
        sums: UnsafeMutablePointer<Int64>
    ) {
        let stride = 2 &* (p &+ 1)
        for j in 0..<p {
            let q = quantize(w * row[j], scales[j])
            subtract(q, sums + (from &* stride &+ 2 &* j))
            add(q, sums + (to &* stride &+ 2 &* j))
        }
        let q = quantize(w, scales[p])
        subtract(q, sums + (from &* stride &+ 2 &* p))
        add(q, sums + (to &* stride &+ 2 &* p))
    }

    /// The sums as values `[k × (p+1)]` (weight at j = p).
    static func values(_ sums: [Int64], scales: [Double], k: Int, p: Int) -> [Double] {
        (0..<(k * (p + 1))).map { s in
            let whole = Double(sums[2 * s]) * Double(1 << lowBits) + Double(sums[2 * s + 1])
            return whole / scales[s % (p + 1)]
        }
    }
}
