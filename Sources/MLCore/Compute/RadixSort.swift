// LSD radix sort of Doubles on their order-preserving bit patterns (negative values flip every bit):
// six passes of 11 bits, a pass skipped when every key shares its digit, O(n) where comparison sorting is
// O(n log n). The one sort of Doubles in MLCore: values alone (`sorted`: AUC and average precision, the
// profile's quantiles, binning's samples) or values carrying their rows (`sortPairs`: CART's node values).
// Radix select of a median (`selectPair`) uses the same keys. Naive twin: `Array.sorted()`, compared in the
// tests. Leaves out NaN (callers reject or filter it first); −0.0 sorts before +0.0.

enum RadixSort {
    /// `values` sorted ascending. - Complexity: O(n); a comparison sort below 256 values.
    static func sorted(_ values: [Double]) -> [Double] {
        var out = values
        sortInPlace(&out)
        return out
    }

    /// Sorts `values` (no NaN) ascending in place, through one scratch buffer of the same size.
    static func sortInPlace(_ values: inout [Double]) {
        let n = values.count
        if n < 256 { return values.sort() }
        let scratch = UnsafeMutablePointer<Double>.allocate(capacity: n)
        defer { scratch.deallocate() }
        values.withUnsafeMutableBufferPointer { b in
            guard let v = b.baseAddress else { return }
            radix(v, rows: nil, count: n, scratchValues: scratch, scratchRows: nil)
        }
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
        // Every pass's digit counts in the same read as the keys (a permutation keeps them): one pass over
        // the data instead of six.
        var counts = [Int](repeating: 0, count: 6 * 2048)
        var srcK = keys, dstK = tmp, srcR = rows, dstR = scratchRows
        counts.withUnsafeMutableBufferPointer { cb in
            guard let all = cb.baseAddress else { return }
            for i in 0..<n {
                let b = values[i].bitPattern
                let k = b & (1 << 63) != 0 ? ~b : b | (1 << 63)
                keys[i] = k
                all[Int(k & 2047)] &+= 1
                all[2048 + Int((k >> 11) & 2047)] &+= 1
                all[4096 + Int((k >> 22) & 2047)] &+= 1
                all[6144 + Int((k >> 33) & 2047)] &+= 1
                all[8192 + Int((k >> 44) & 2047)] &+= 1
                all[10240 + Int(k >> 55)] &+= 1
            }
            for pass in 0..<6 {
                let shift = UInt64(pass * 11)
                let c = all + pass * 2048
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
