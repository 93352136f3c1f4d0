// Near-duplicate rows: a row equal to an earlier row in every column but one numeric field, which
// differs by at most 1 % of that column's standard deviation (the same record entered twice, a
// re-scan, a copy with a rounding change). Like exact duplicates, copies on both sides of a split
// inflate the score. Each cell gets a 64-bit hash; a row's key is their wrapping sum, so the key
// without column j is one subtraction. For each numeric column j the key without j, with j's value
// cut into cells of the tolerance (two values within tolerance lie in the same or neighbouring
// cells), finds the earlier rows to compare with. Naive twin: the tests' comparison of every pair.
// Leaves out: rows differing in two fields or more, and tables past `maxRows` (their first rows only).

enum NearDuplicates {
    /// The allowed difference, as a share of the column's standard deviation.
    static let tolerance = 0.01
    static let maxRows = 200_000
    /// Earlier rows compared per neighbouring cell, at most (bounds the work on heavily tied columns).
    static let maxScan = 64

    /// Rows (among the first `maxRows`) equal to an earlier row but for one numeric field within tolerance;
    /// exact duplicates are not counted. `excluding`: columns left out of the comparison (target, IDs).
    /// - Complexity: O(rows × columns) hashing, O(rows × numeric columns) hash-map look-ups.
    static func count(dataset: Dataset, excluding: Set<String>) -> Int {
        let n = min(dataset.rowCount, maxRows)
        let columns = dataset.columns.filter { !excluding.contains($0.name) }
        guard n >= 2, columns.count >= 2 else { return 0 }
        var keys = [UInt64](repeating: 0, count: n)
        var cells: [[UInt64]] = []
        var numeric: [(index: Int, values: [Double], step: Double)] = []
        for (j, column) in columns.enumerated() {
            let salt = UInt64(j + 1) &* 0x9E37_79B9_7F4A_7C15
            var h = [UInt64](repeating: 0, count: n)
            switch column.data {
            case .numeric(let v):
                for r in 0..<n { h[r] = mix(salt ^ (v[r].isNaN ? 1 : (v[r] == 0 ? 0 : v[r].bitPattern))) }
                let present = v[0..<n].filter { !$0.isNaN }
                let sd = Stats.std(Array(present), ddof: 0)
                if sd > 0 && sd.isFinite { numeric.append((j, Array(v[0..<n]), tolerance * sd)) }
            case .categorical(let c, _):
                for r in 0..<n { h[r] = mix(salt ^ UInt64(bitPattern: Int64(c[r]))) }
            case .text(let t):
                for r in 0..<n {
                    var hasher = ContentHasher()
                    if let s = t[r] { hasher.combine(s) } else { hasher.combine("\u{0}missing") }
                    h[r] = mix(salt ^ hasher.finalize().value)
                }
            }
            for r in 0..<n { keys[r] = keys[r] &+ h[r] }
            cells.append(h)
        }
        var near = [Bool](repeating: false, count: n)
        for (j, v, step) in numeric {
            // Rows by (key without j, cell of j's value); a value within `step` of r's lies in r's cell or
            // a neighbour, so those three lists hold every candidate (at most `maxScan` of each are read).
            var rowsIn: [UInt64: [Int]] = [:]
            for r in 0..<n where !v[r].isNaN {
                let rest = keys[r] &- cells[j][r]
                let cell = (v[r] / step).rounded(.down)
                func key(_ c: Double) -> UInt64 { mix(rest ^ mix(c.bitPattern)) }
                if !near[r] {
                    scan: for c in [cell - 1, cell, cell + 1] {
                        for s in (rowsIn[key(c)] ?? []).prefix(maxScan)
                        where keys[s] != keys[r] && abs(v[s] - v[r]) <= step {
                            near[r] = true
                            break scan
                        }
                    }
                }
                rowsIn[key(cell), default: []].append(r)
            }
        }
        return near.filter { $0 }.count
    }

    /// SplitMix64's finaliser: spreads a value's bits over the word.
    static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
