// LSD radix sort of Doubles (4 passes of 16 bits over order-preserving integer keys; a pass is
// skipped when every key shares its digit): O(n) where comparison sorting is O(n log n). The AUC
// and average precision of a million rows spend most of their time sorting. Leaves out NaN
// (callers reject it first). Naive twin: `Array.sorted()`, compared in the tests. Radix select of a
// median (`selectPair`) uses the same keys.

enum RadixSort {
    /// `values` sorted ascending. - Complexity: O(n); falls back to a comparison sort below 4,096 values.
    static func sorted(_ values: [Double]) -> [Double] {
        let n = values.count
        if n < 4096 { return values.sorted() }
        var keys = [UInt64](repeating: 0, count: n), other = [UInt64](repeating: 0, count: n)
        keys.withUnsafeMutableBufferPointer { k in
            values.withUnsafeBufferPointer { v in
                for i in 0..<n {
                    let b = v[i].bitPattern
                    k[i] = b & (1 << 63) != 0 ? ~b : b | (1 << 63)
                }
            }
        }
        var counts = [Int](repeating: 0, count: 65536)
        for pass in 0..<4 {
            let shift = UInt64(pass * 16)
            let skipped = keys.withUnsafeMutableBufferPointer { src in
                other.withUnsafeMutableBufferPointer { dst in
                    counts.withUnsafeMutableBufferPointer { c in
                        for d in 0..<65536 { c[d] = 0 }
                        for i in 0..<n { c[Int((src[i] >> shift) & 0xFFFF)] += 1 }
                        if c[Int((src[0] >> shift) & 0xFFFF)] == n { return true }
                        var total = 0
                        for d in 0..<65536 { let t = c[d]; c[d] = total; total += t }
                        for i in 0..<n {
                            let d = Int((src[i] >> shift) & 0xFFFF)
                            dst[c[d]] = src[i]
                            c[d] += 1
                        }
                        return false
                    }
                }
            }
            if !skipped { swap(&keys, &other) }
        }
        return [Double](unsafeUninitializedCapacity: n) { out, count in
            keys.withUnsafeBufferPointer { k in
                for i in 0..<n {
                    let b = k[i]
                    out[i] = Double(bitPattern: b & (1 << 63) != 0 ? b & ~(1 << 63) : ~b)
                }
            }
            count = n
        }
    }

    /// The order-preserving integer key of a Double (negative values flip every bit).
    @inline(__always)
    static func key(_ v: Double) -> UInt64 {
        let b = v.bitPattern
        return b & (1 << 63) != 0 ? ~b : b | (1 << 63)
    }

    /// The k-th smallest value (0-based) and, for k > 0, the (k−1)-th (else the k-th again): the two middles
    /// of a median. Radix select: one counting pass over the top 16 bits of the keys finds the bucket(s) holding
    /// ranks k−1 and k (adjacent ranks: any bucket between them is empty); only those values are gathered and
    /// quickselected. Naive twin: `select` on the whole array. - Complexity: O(n).
    static func selectPair(_ values: [Double], _ k: Int) -> (below: Double, at: Double) {
        values.withUnsafeBufferPointer { v in selectPair(count: v.count, k) { v[$0] } }
    }

    /// `selectPair` over `value(0..<count)`, computed on the fly (twice: counting, then gathering), so a
    /// derived array (absolute errors) is never materialised.
    @inline(__always)
    static func selectPair(count n: Int, _ k: Int, _ value: (Int) -> Double) -> (below: Double, at: Double) {
        precondition(k >= 0 && k < n)
        var gathered: [Double]
        var offset = 0
        if n < 4096 {
            gathered = (0..<n).map(value)
        } else {
            var counts = [Int](repeating: 0, count: 65536)
            counts.withUnsafeMutableBufferPointer { c in for i in 0..<n { c[Int(key(value(i)) >> 48)] += 1 } }
            let first = max(0, k - 1)
            var low = 0, high = 0, cumulative = 0
            var found = false
            for d in 0..<65536 {
                let next = cumulative + counts[d]
                if !found && first < next { low = d; offset = cumulative; found = true }
                if k < next { high = d; break }
                cumulative = next
            }
            // One unsigned compare for "lo ≤ b ≤ hi": rarely true, so the branch predicts well (two compares
            // would branch on b < lo, true for half the values at random).
            let lo = UInt64(low), span = UInt64(high - low)
            let size = counts[low] + (high == low ? 0 : counts[high])
            gathered = [Double](unsafeUninitializedCapacity: size) { g, filled in
                var m = 0
                for i in 0..<n {
                    let x = value(i)
                    if (key(x) >> 48) &- lo <= span && m < size { g[m] = x; m += 1 }
                }
                filled = m
            }
        }
        let j = k - offset
        let at = select(&gathered, j)
        guard j > 0 else { return (at, at) }
        var below = -Double.infinity
        for i in 0..<j where gathered[i] > below { below = gathered[i] }
        return (below, at)
    }

    /// The k-th smallest value (0-based) by quickselect on a scratch copy. - Complexity: O(n) expected.
    static func select(_ values: inout [Double], _ k: Int) -> Double {
        values.withUnsafeMutableBufferPointer { a in
            var lo = 0, hi = a.count - 1
            while lo < hi {
                let mid = lo + (hi - lo) / 2
                // median of three as the pivot
                if a[mid] < a[lo] { a.swapAt(mid, lo) }
                if a[hi] < a[lo] { a.swapAt(hi, lo) }
                if a[hi] < a[mid] { a.swapAt(hi, mid) }
                let pivot = a[mid]
                var i = lo, j = hi
                while i <= j {
                    while a[i] < pivot { i += 1 }
                    while a[j] > pivot { j -= 1 }
                    if i <= j { a.swapAt(i, j); i += 1; j -= 1 }
                }
                if k <= j { hi = j } else if k >= i { lo = i } else { return a[k] }
            }
            return a[k]
        }
    }
}
