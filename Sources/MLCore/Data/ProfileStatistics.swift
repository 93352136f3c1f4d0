// Per-column statistics of the data profile, each column from one sorted copy of its non-missing
// values: distinct count (changes between sorted neighbours), min, max, mean, std, skewness and
// quantiles (NumPy's linear interpolation), the top levels of boolean and small integer columns (runs
// of equal values), and the order statistics the leakage probe bins by. The sorted copy is a radix
// sort (RadixSort) made bit-identical to the standard library's stable sort (zeros of both signs keep
// their row order), and sums run over it in the same order, so every number is the one a comparison
// sort and a hash set gave. Columns are profiled in parallel, each by itself (results do not depend on
// the thread count). Leaves out: warnings (DataWarnings), the target and duplicates (DataProfile).

/// One column's profile and what the leakage probe reuses from its sorted copy.
struct ColumnPass: Sendable {
    var profile: ColumnProfile
    /// `LeakageProbe.edgeCandidates` of every row's value (numeric columns only).
    var edgeCandidates: [Double]?
}

/// Statistics used by the profile.
enum ProfileStatistics {
    /// Cells (rows × columns) from which columns are profiled in parallel.
    static let parallelCells = 200_000

    /// Every column's pass, in column order.
    static func profile(_ columns: [Column]) -> [ColumnPass] {
        let cells = columns.reduce(0) { $0 + $1.count }
        return Parallel.map(columns.count, parallel: cells >= parallelCells) { profile(columns[$0]) }
    }

    static func profile(_ column: Column) -> ColumnPass {
        var p = ColumnProfile(name: column.name, kind: column.kind, missing: column.missingCount, distinct: 0)
        var candidates: [Double]?
        switch column.data {
        case .numeric(let values):
            let sorted = sortedPresent(values)
            p.distinct = distinctCount(sorted)
            p.numeric = summary(sorted: sorted)
            if column.kind == .boolean || (column.kind == .integer && p.distinct <= 20) {
                p.topLevels = runs(sorted).sorted { ($0.count, $1.value) > ($1.count, $0.value) }.prefix(5).map { run in
                    LevelCount(
                        value: Column(name: "", numbers: [run.value], kind: column.kind).string(at: 0) ?? "",
                        count: run.count)
                }
            }
            candidates = LeakageProbe.edgeCandidates(sorted: sorted)
        case .categorical(let codes, let levels):
            var counts = [Int](repeating: 0, count: levels.count)
            for c in codes where c >= 0 { counts[Int(c)] += 1 }
            p.distinct = counts.filter { $0 > 0 }.count
            p.topLevels = levels.indices.sorted { (counts[$0], $1) > (counts[$1], $0) }.prefix(5).map {
                LevelCount(value: levels[$0], count: counts[$0])
            }
        case .text(let texts):
            let present = texts.compactMap { $0 }
            p.distinct = Set(present).count
            p.meanLength = present.isEmpty ? 0 : Double(present.reduce(0) { $0 + $1.count }) / Double(present.count)
        }
        return ColumnPass(profile: p, edgeCandidates: candidates)
    }

    /// The non-missing values in ascending order, exactly as `values.filter { !$0.isNaN }.sorted()`
    /// (a stable sort: equal zeros of either sign stay in row order). - Complexity: O(n) (radix sort).
    /// One buffer of the exact size, sorted in place: a column of a million rows costs one copy, not a
    /// growing filter's copies and a sorted copy of those (fresh pages are a third of a large profile's time).
    static func sortedPresent(_ values: [Double]) -> [Double] {
        var sorted = [Double](unsafeUninitializedCapacity: values.count) { out, count in
            var j = 0
            for v in values where !v.isNaN {
                out[j] = v
                j += 1
            }
            count = j
        }
        RadixSort.sortInPlace(&sorted)
        // The radix keys order −0 before +0; the stable sort keeps all zeros in row order.
        let low = partitionPoint(sorted) { $0 < 0 }, high = partitionPoint(sorted) { $0 <= 0 }
        if high - low > 1 && sorted[low].sign != sorted[high - 1].sign {
            var j = low
            for v in values where v == 0 {
                sorted[j] = v
                j += 1
            }
        }
        return sorted
    }

    /// First index of ascending `sorted` whose value fails `below` (binary search).
    static func partitionPoint(_ sorted: [Double], _ below: (Double) -> Bool) -> Int {
        var lo = 0, hi = sorted.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if below(sorted[mid]) { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Distinct values of ascending, NaN-free `sorted` (−0 and +0 count as one).
    static func distinctCount(_ sorted: [Double]) -> Int {
        sorted.withUnsafeBufferPointer { s in
            guard s.count > 0 else { return 0 }
            var d = 1
            for i in 1..<s.count where s[i] != s[i - 1] { d += 1 }
            return d
        }
    }

    /// Runs of equal values in ascending `sorted`: each run's first value and its length.
    static func runs(_ sorted: [Double]) -> [(value: Double, count: Int)] {
        var out: [(value: Double, count: Int)] = []
        var start = 0
        for i in sorted.indices where i == sorted.count - 1 || sorted[i + 1] != sorted[i] {
            out.append((sorted[start], i + 1 - start))
            start = i + 1
        }
        return out
    }

    /// Summary of ascending, NaN-free values (sums in ascending order), or nil when empty.
    static func summary(sorted v: [Double]) -> NumericSummary? {
        guard let first = v.first, let last = v.last else { return nil }
        let n = Double(v.count)
        let mean = v.reduce(0, +) / n
        var m2 = 0.0, m3 = 0.0
        v.withUnsafeBufferPointer { b in
            for x in b {
                let d = x - mean
                m2 += d * d
                m3 += d * d * d
            }
        }
        let variance = v.count > 1 ? m2 / (n - 1) : 0
        let populationStd = (m2 / n).squareRoot()
        let skew = populationStd > 0 ? (m3 / n) / (populationStd * populationStd * populationStd) : 0
        return NumericSummary(
            min: first, max: last, mean: mean, std: variance.squareRoot(),
            q25: quantile(v, 0.25), median: quantile(v, 0.5), q75: quantile(v, 0.75), skewness: skew)
    }

    /// Linear-interpolated quantile of sorted values (NumPy's default).
    static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        let position = q * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down)), upper = min(lower + 1, sorted.count - 1)
        let fraction = position - Double(lower)
        return sorted[lower] + (sorted[upper] - sorted[lower]) * fraction
    }

    /// `quantile(sorted, 0.5)` of NaN-free, unsorted `present` without sorting it: radix select of the two
    /// order statistics the interpolation reads (the sign of a zero there never reaches the result).
    /// - Complexity: O(n).
    static func median(present: [Double]) -> Double {
        precondition(!present.isEmpty)
        let position = 0.5 * Double(present.count - 1)
        let lower = Int(position.rounded(.down)), upper = min(lower + 1, present.count - 1)
        let (a, b) = upper > lower ? RadixSort.selectPair(present, upper) : (present[0], present[0])
        return a + (b - a) * (position - Double(lower))
    }

    /// Rows equal to an earlier row in every column (by a 64-bit row hash).
    static func duplicateRowCount(_ dataset: Dataset) -> Int {
        var hashes = [UInt64](repeating: 0xcbf2_9ce4_8422_2325, count: dataset.rowCount)
        let prime: UInt64 = 0x0000_0100_0000_01b3
        for column in dataset.columns {
            switch column.data {
            case .numeric(let v):
                for r in v.indices {
                    hashes[r] = (hashes[r] ^ (v[r].isNaN ? 1 : (v[r] == 0 ? 0 : v[r].bitPattern))) &* prime
                }
            case .categorical(let c, _):
                for r in c.indices { hashes[r] = (hashes[r] ^ UInt64(bitPattern: Int64(c[r]))) &* prime }
            case .text(let t):
                for r in t.indices {
                    var h = ContentHasher()
                    if let s = t[r] { h.combine(s) }
                    hashes[r] = (hashes[r] ^ h.finalize().value) &* prime
                }
            }
            for r in hashes.indices { hashes[r] = (hashes[r] ^ (hashes[r] >> 31)) &* 0x94D0_49BB_1331_11EB }
        }
        var seen = Set<UInt64>(minimumCapacity: hashes.count)
        var duplicates = 0
        for h in hashes where !seen.insert(h).inserted { duplicates += 1 }
        return duplicates
    }
}
