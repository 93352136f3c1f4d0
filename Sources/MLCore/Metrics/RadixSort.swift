// LSD radix sort of Doubles (4 passes of 16 bits over order-preserving integer keys; a pass is
// skipped when every key shares its digit): O(n) where comparison sorting is O(n log n). The AUC
// and average precision of a million rows spend most of their time sorting. Leaves out NaN
// (callers reject it first). Naive twin: `Array.sorted()`, compared in the tests.

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
