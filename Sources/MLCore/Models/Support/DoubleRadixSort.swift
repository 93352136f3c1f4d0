// Sorts Doubles (no NaN) ascending by LSD radix sort on their order-preserving bit patterns:
// six passes of 11 bits, O(n), several times faster than a comparison sort on the 200,000-value
// samples that binning sorts for every feature and on the node values CART sorts with their rows.
// One set of passes serves both: values alone (`sorted`) or values carrying their rows (`sortPairs`).
// Leaves out: NaN (callers filter it out first); −0.0 sorts before +0.0.

enum DoubleRadixSort {
    /// Returns `values` sorted ascending. - Complexity: O(n).
    static func sorted(_ values: [Double]) -> [Double] {
        let n = values.count
        if n < 256 { return values.sorted() }
        var out = values
        let scratch = UnsafeMutablePointer<Double>.allocate(capacity: n)
        defer { scratch.deallocate() }
        out.withUnsafeMutableBufferPointer { b in
            guard let v = b.baseAddress else { return }
            radix(v, rows: nil, count: n, scratchValues: scratch, scratchRows: nil)
        }
        return out
    }

    /// Sorts `values[0..<n]` ascending and applies the same permutation to `rows` (no NaN).
    /// Uses `scratchValues` / `scratchRows` (≥ n each). Small inputs use insertion sort.
    /// - Complexity: O(n).
    static func sortPairs(
        _ values: UnsafeMutablePointer<Double>, _ rows: UnsafeMutablePointer<Int32>, count n: Int,
        scratchValues: UnsafeMutablePointer<Double>, scratchRows: UnsafeMutablePointer<Int32>
    ) {
        guard n >= 64 else {
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
        radix(values, rows: rows, count: n, scratchValues: scratchValues, scratchRows: scratchRows)
    }

    /// The radix passes, in place on `values` (and `rows` when given), through the scratch buffers.
    /// Inlined, so each caller gets the loop for its case (rows or none) without a per-pass test.
    @inline(__always)
    private static func radix(
        _ values: UnsafeMutablePointer<Double>, rows: UnsafeMutablePointer<Int32>?, count n: Int,
        scratchValues: UnsafeMutablePointer<Double>, scratchRows: UnsafeMutablePointer<Int32>?
    ) {
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
                // Skip a pass when every key has the same digit.
                if c[Int((srcK[0] >> shift) & 2047)] == n { continue }
                var sum = 0
                for d in 0..<2048 {
                    let k = c[d]
                    c[d] = sum
                    sum &+= k
                }
                if let sr = srcR, let dr = dstR {
                    for i in 0..<n {
                        let d = Int((srcK[i] >> shift) & 2047)
                        let at = c[d]
                        dstK[at] = srcK[i]
                        dr[at] = sr[i]
                        c[d] = at &+ 1
                    }
                } else {
                    for i in 0..<n {
                        let d = Int((srcK[i] >> shift) & 2047)
                        dstK[c[d]] = srcK[i]
                        c[d] &+= 1
                    }
                }
                swap(&srcK, &dstK)
                swap(&srcR, &dstR)
            }
        }
        if srcK != keys {
            keys.update(from: srcK, count: n)
            if let rows, let srcR { rows.update(from: srcR, count: n) }
        }
        for i in 0..<n {
            let k = keys[i]
            values[i] = Double(bitPattern: k & (1 << 63) != 0 ? k & ~(1 << 63) : ~k)
        }
    }
}
