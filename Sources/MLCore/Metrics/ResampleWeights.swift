// A bootstrap resample as a vector of multiplicities: row r appears w[r] times. The weights are
// Poisson(1) draws (the "Poisson bootstrap": the multinomial's rows become independent, so a resample
// is filled in one pass without random writes and its total is n on average), one generator stream
// per resample, so resample t is the same whatever thread or order computes it. A draw takes 16 bits
// of a SplitMix64 output (four rows per draw), compared with the Poisson(1) CDF rounded to 1/65536:
// P(w ≥ 9) rounds to 0 and each other probability is within 1/65536 of Poisson's.
// Leaves out: stratified and block resampling.

enum ResampleWeights {
    /// `65536 × P(Poisson(1) ≤ k)` rounded, for k = 0…7: a 16-bit uniform u gives w = #{k : u ≥ cdf[k]}.
    static let cdf: [UInt16] = {
        var out: [UInt16] = []
        var p = 0.0, term = 1.0
        for k in 0..<8 {
            if k > 0 { term /= Double(k) }
            p += term * 0.36787944117144233  // e⁻¹ · 1/k!
            out.append(UInt16(min(65535, (p * 65536).rounded())))
        }
        return out
    }()

    /// Fills `w` with resample `index`'s multiplicities. - Complexity: O(rows).
    static func fill(_ w: UnsafeMutableBufferPointer<UInt8>, seed: UInt64, index: Int) {
        var rng = SeededGenerator(seed: seed, stream: 0xB007_0000 &+ UInt64(index))
        let c = cdf
        let (c0, c1, c2, c3) = (c[0], c[1], c[2], c[3])
        let (c4, c5, c6, c7) = (c[4], c[5], c[6], c[7])
        @inline(__always) func draw(_ u: UInt16) -> UInt8 {
            var k: UInt8 = u >= c0 ? 1 : 0
            k &+= u >= c1 ? 1 : 0; k &+= u >= c2 ? 1 : 0; k &+= u >= c3 ? 1 : 0
            k &+= u >= c4 ? 1 : 0; k &+= u >= c5 ? 1 : 0; k &+= u >= c6 ? 1 : 0; k &+= u >= c7 ? 1 : 0
            return k
        }
        let n = w.count
        var i = 0
        // 16 rows per step: four draws seen as sixteen 16-bit lanes (lane 4q + j is bits 16j of draw q, as
        // in the scalar tail), each compared with the eight thresholds; a true lane is all ones (−1).
        let base = UnsafeMutableRawPointer(w.baseAddress)
        if let base {
            let t = (0..<8).map { SIMD16<UInt16>(repeating: c[$0]) }
            while i + 16 <= n {
                let u = unsafeBitCast(
                    SIMD4<UInt64>(rng.next(), rng.next(), rng.next(), rng.next()), to: SIMD16<UInt16>.self)
                var k = SIMD16<UInt16>()
                for threshold in t { k &-= unsafeBitCast(u .>= threshold, to: SIMD16<UInt16>.self) }
                base.storeBytes(of: SIMD16<UInt8>(truncatingIfNeeded: k), toByteOffset: i, as: SIMD16<UInt8>.self)
                i += 16
            }
        }
        while i < n {
            let h = rng.next()
            let m = min(4, n - i)
            for j in 0..<m { w[i + j] = draw(UInt16(truncatingIfNeeded: h >> (16 * UInt64(j)))) }
            i += m
        }
    }

    /// Resample `index`'s multiplicities as an array (tests and the naive twin).
    static func weights(rows: Int, seed: UInt64, index: Int) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: rows) { buf, count in
            fill(buf, seed: seed, index: index)
            count = rows
        }
    }

    /// The rows of a resample with each row repeated by its multiplicity, in row order (the naive twin).
    static func expandedRows(_ w: [UInt8]) -> [Int] {
        var rows: [Int] = []
        rows.reserveCapacity(w.count)
        for (r, k) in w.enumerated() { for _ in 0..<Int(k) { rows.append(r) } }
        return rows
    }
}
