// Near-duplicate rows: a row equal to an earlier row in every column but one numeric field, which
// differs by at most 1 % of that column's standard deviation (the same record entered twice, a
// re-scan, a copy with a rounding change). Like exact duplicates, copies on both sides of a split
// inflate the score. Each cell gets a 64-bit hash; a row's key is their wrapping sum, so the key
// without column j ("the rest") is one subtraction. For each numeric column j the rows are bucketed by
// their rest (a counting sort; columns in parallel), and rows of equal rest are compared on j. Beyond
// `maxRows` rows, only the rows whose rest falls in a share maxRows / rows of the hash range are bucketed
// (a pair shares its rest, so it is kept or left out whole: a sample of pairs, not of rows), and the
// count found is scaled by rows / maxRows. Naive twin: the tests' comparison of every pair.
// Leaves out: rows differing in two fields or more; beyond `maxScan` rows of one rest, the later ones
// are compared with the `maxScan` before them only.

enum NearDuplicates {
    /// The allowed difference, as a share of the column's standard deviation.
    static let tolerance = 0.01
    /// Rows compared at most per column (a share of the rests beyond; see the header).
    static let maxRows = 200_000
    /// Earlier rows of the same rest compared with a row, at most (bounds the work on heavily tied tables).
    static let maxScan = 192

    /// Rows equal to an earlier row but for one numeric field within tolerance (exact duplicates are not
    /// counted), and the rows compared per column: all of them up to `maxRows`, else an estimate from the
    /// pairs of a share of the rests. `excluding`: columns left out of the comparison (target, IDs).
    /// - Complexity: O(rows × columns) hashing, O(min(rows, maxRows) × numeric columns) bucketing.
    static func count(dataset: Dataset, excluding: Set<String>) -> (count: Int, compared: Int) {
        let n = dataset.rowCount
        let columns = dataset.columns.filter { !excluding.contains($0.name) }
        guard n >= 2, columns.count >= 2 else { return (0, n) }
        var keys = [UInt64](repeating: 0, count: n)
        // Numeric columns with spread: their values, tolerance and cell hashes (a row's rest is its key minus its cell).
        var numeric: [(values: [Double], step: Double, cells: [UInt64])] = []
        for (j, column) in columns.enumerated() {
            let salt = UInt64(j + 1) &* 0x9E37_79B9_7F4A_7C15
            // Every slot is written below: no zero-filled buffer (a million rows' pages cost more than the hashing).
            let h = [UInt64](unsafeUninitializedCapacity: n) { h, filled in
                switch column.data {
                case .numeric(let v):
                    for r in 0..<n { h[r] = mix(salt ^ (v[r].isNaN ? 1 : (v[r] == 0 ? 0 : v[r].bitPattern))) }
                case .categorical(let c, _):
                    for r in 0..<n { h[r] = mix(salt ^ UInt64(bitPattern: Int64(c[r]))) }
                case .text(let t):
                    for r in 0..<n {
                        var hasher = ContentHasher()
                        if let s = t[r] { hasher.combine(s) } else { hasher.combine("\u{0}missing") }
                        h[r] = mix(salt ^ hasher.finalize().value)
                    }
                }
                filled = n
            }
            if case .numeric(let v) = column.data {
                let sd = presentPopulationStd(v)
                if sd > 0 && sd.isFinite { numeric.append((v, tolerance * sd, h)) }
            }
            for r in 0..<n { keys[r] = keys[r] &+ h[r] }
        }
        // A rest is kept when its low 32 bits fall under `keep` (all of them up to maxRows rows).
        let share = min(1, Double(maxRows) / Double(n))
        let keep = share >= 1 ? UInt64(1) << 32 : UInt64(share * 4_294_967_296)
        let rowKeys = keys, candidates = numeric
        let found = Parallel.map(candidates.count, parallel: n * candidates.count >= ProfileStatistics.parallelCells) {
            k -> [Int32] in
            near(
                keys: rowKeys, cellsOfJ: candidates[k].cells, values: candidates[k].values,
                step: candidates[k].step, keep: keep)
        }
        var isNear = [Bool](repeating: false, count: n)
        for rows in found { for r in rows { isNear[Int(r)] = true } }
        let count = isNear.filter { $0 }.count
        return (share >= 1 ? count : Int((Double(count) / share).rounded()), min(n, maxRows))
    }

    /// Rows (ascending) equal to an earlier row in every cell but column j's, whose value is within `step`,
    /// among the rows whose rest's low 32 bits are under `keep` (2³²: every row).
    /// Rows are bucketed by the top bits of their rest (a counting sort, stable: a bucket lists its rows in
    /// row order), then rows of one bucket are compared when their whole rests are equal.
    /// - Complexity: O(rows), plus O(rows kept × maxScan) on heavily tied rests.
    static func near(
        keys: [UInt64], cellsOfJ: [UInt64], values v: [Double], step: Double, keep: UInt64 = 1 << 32
    ) -> [Int32] {
        let n = keys.count
        guard n >= 2 else { return [] }
        var kept: [Int32] = []
        kept.reserveCapacity(keep >= 1 << 32 ? n : Int(Double(n) * Double(keep) / 4_294_967_296 * 1.1) + 16)
        for r in 0..<n where !v[r].isNaN && (keys[r] &- cellsOfJ[r]) & 0xFFFF_FFFF < keep { kept.append(Int32(r)) }
        let m = kept.count
        guard m >= 2 else { return [] }
        // About four rows a bucket: the bucket arrays stay small enough for the cache.
        let bits = max(8, min(20, Int.bitWidth - (m - 1).leadingZeroBitCount - 2))
        let shift = UInt64(64 - bits)
        // starts[b]..<starts[b + 1]: bucket b's rows in `order`.
        var starts = [Int32](repeating: 0, count: (1 << bits) + 1)
        for r in kept { starts[Int((keys[Int(r)] &- cellsOfJ[Int(r)]) >> shift) + 1] += 1 }
        for b in 0..<(1 << bits) { starts[b + 1] += starts[b] }
        var fill = starts
        // The rests in bucket order too, so rows of different rests are told apart without reading the rows.
        var order = [Int32](repeating: 0, count: m)
        var sortedRests = [UInt64](repeating: 0, count: m)
        for r in kept {
            let rest = keys[Int(r)] &- cellsOfJ[Int(r)]
            let b = Int(rest >> shift)
            order[Int(fill[b])] = r
            sortedRests[Int(fill[b])] = rest
            fill[b] += 1
        }
        var out: [Int32] = []
        for bucket in 0..<(1 << bits) {
            let lo = Int(starts[bucket]), hi = Int(starts[bucket + 1])
            guard hi - lo >= 2 else { continue }
            for b in (lo + 1)..<hi {
                let r = Int(order[b]), rest = sortedRests[b]
                for a in max(lo, b - maxScan)..<b where sortedRests[a] == rest {
                    let s = Int(order[a])
                    if keys[s] != keys[r] && abs(v[s] - v[r]) <= step {
                        out.append(Int32(r))
                        break
                    }
                }
            }
        }
        return out.sorted()
    }

    /// `Stats.std(v.filter { !$0.isNaN }, ddof: 0)` without the filtered copy (the same sums, in the same order).
    static func presentPopulationStd(_ v: [Double]) -> Double {
        var sum = 0.0, count = 0
        for x in v where !x.isNaN {
            sum += x
            count += 1
        }
        guard count > 0 else { return .nan }
        guard count > 1 else { return 0 }
        let m = sum / Double(count)
        var squares = 0.0
        for x in v where !x.isNaN { squares += (x - m) * (x - m) }
        return (squares / Double(count)).squareRoot()
    }

    /// SplitMix64's finaliser: spreads a value's bits over the word.
    static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
