// Sorts Doubles (no NaN) ascending by LSD radix sort on their order-preserving bit patterns:
// six passes of 11 bits, O(n), several times faster than a comparison sort on the 200,000-value
// samples that binning sorts for every feature.
// Leaves out: NaN (callers filter it out first); −0.0 sorts before +0.0.

enum DoubleRadixSort {
    /// Returns `values` sorted ascending. - Complexity: O(n).
    static func sorted(_ values: [Double]) -> [Double] {
        let n = values.count
        if n < 256 { return values.sorted() }
        var keys = values.map { v -> UInt64 in
            let b = v.bitPattern
            return b & (1 << 63) != 0 ? ~b : b | (1 << 63)
        }
        var tmp = [UInt64](repeating: 0, count: n)
        var counts = [Int](repeating: 0, count: 2048)
        keys.withUnsafeMutableBufferPointer { kb in
            tmp.withUnsafeMutableBufferPointer { tb in
                counts.withUnsafeMutableBufferPointer { c in
                    guard var src = kb.baseAddress, var dst = tb.baseAddress, let c = c.baseAddress else { return }
                    for pass in 0..<6 {
                        let shift = UInt64(pass * 11)
                        c.update(repeating: 0, count: 2048)
                        for i in 0..<n { c[Int((src[i] >> shift) & 2047)] &+= 1 }
                        // Skip a pass when every key has the same digit.
                        if c[Int((src[0] >> shift) & 2047)] == n { continue }
                        var sum = 0
                        for d in 0..<2048 {
                            let k = c[d]
                            c[d] = sum
                            sum &+= k
                        }
                        for i in 0..<n {
                            let d = Int((src[i] >> shift) & 2047)
                            dst[c[d]] = src[i]
                            c[d] &+= 1
                        }
                        swap(&src, &dst)
                    }
                    if src != kb.baseAddress, let k = kb.baseAddress { k.update(from: src, count: n) }
                }
            }
        }
        return keys.map { k in
            Double(bitPattern: k & (1 << 63) != 0 ? k & ~(1 << 63) : ~k)
        }
    }
}

extension DoubleRadixSort {
    /// Sorts `values[0..<n]` ascending and applies the same permutation to `rows` (no NaN).
    /// Uses `scratchValues` / `scratchRows` (≥ n each). Small inputs use insertion sort.
    /// - Complexity: O(n).
    static func sortPairs(
        _ values: UnsafeMutablePointer<Double>, _ rows: UnsafeMutablePointer<Int32>, count n: Int,
        scratchValues: UnsafeMutablePointer<Double>, scratchRows: UnsafeMutablePointer<Int32>
    ) {
        if n < 64 {
            for i in 1..<max(1, n) {
                let v = values[i], r = rows[i]
                var j = i - 1
                while j >= 0 && values[j] > v {
                    values[j + 1] = values[j]
                    rows[j + 1] = rows[j]
                    j -= 1
                }
                values[j + 1] = v
                rows[j + 1] = r
            }
            return
        }
        // Order-preserving keys, stored in the value buffers' bit patterns.
        let keys = UnsafeMutableRawPointer(values).assumingMemoryBound(to: UInt64.self)
        let tmp = UnsafeMutableRawPointer(scratchValues).assumingMemoryBound(to: UInt64.self)
        for i in 0..<n {
            let b = values[i].bitPattern
            keys[i] = b & (1 << 63) != 0 ? ~b : b | (1 << 63)
        }
        var counts = [Int](repeating: 0, count: 2048)
        var srcK = keys, dstK = tmp, srcR = rows, dstR = scratchRows
        counts.withUnsafeMutableBufferPointer { cb in
            guard let c = cb.baseAddress else { return }
            for pass in 0..<6 {
                let shift = UInt64(pass * 11)
                c.update(repeating: 0, count: 2048)
                for i in 0..<n { c[Int((srcK[i] >> shift) & 2047)] &+= 1 }
                if c[Int((srcK[0] >> shift) & 2047)] == n { continue }
                var sum = 0
                for d in 0..<2048 {
                    let k = c[d]
                    c[d] = sum
                    sum &+= k
                }
                for i in 0..<n {
                    let d = Int((srcK[i] >> shift) & 2047)
                    let at = c[d]
                    dstK[at] = srcK[i]
                    dstR[at] = srcR[i]
                    c[d] = at &+ 1
                }
                swap(&srcK, &dstK)
                swap(&srcR, &dstR)
            }
        }
        if srcK != keys {
            keys.update(from: srcK, count: n)
            rows.update(from: srcR, count: n)
        }
        for i in 0..<n {
            let k = keys[i]
            values[i] = Double(bitPattern: k & (1 << 63) != 0 ? k & ~(1 << 63) : ~k)
        }
    }
}
