// Sparse-aware histograms for gradient boosting (LightGBM's idea): a feature whose most frequent bin
// holds most rows (TF-IDF terms, one-hot columns: ≥ 80 % by default) is "sparse"; its non-default
// (row, bin) entries are kept row by row (CSR over the sparse features), so a leaf's histograms of all
// sparse features cost O(its rows × their non-default entries per row) instead of O(rows × features).
// The default bin is then the leaf's totals minus the other bins (exactly zero when every row of the
// leaf is non-default). Entries are added in the leaf's row order, so the non-default bins are
// bit-identical to the dense kernel's and nothing depends on the thread count. A leaf's histogram of a
// sparse feature holds only the bins its rows occupy, listed in a 256-bit mask per feature: nothing else
// is zeroed, subtracted or scanned (a TF-IDF term has ~100 bins, a few dozen rows at a deep leaf). Where each
// feature's histogram sits in a leaf's buffer is the caller's layout: sparse features' can be compact.
// Leaves out: exclusive feature bundling (measured unnecessary: see benchmarks/RESULTS-models.md).

/// Row-wise lists of the non-default bins of the sparse features of a binned matrix.
final class SparseBins {
    /// Share of rows the most frequent bin must hold for a feature to be sparse (LightGBM's
    /// sparse_threshold); gbdt's `sparseThreshold` overrides it; above 1 no feature is sparse and the dense
    /// kernel runs everywhere.
    static let defaultThreshold = 0.8

    let features: Int
    /// Per feature: its default (most frequent) bin, or −1 for a dense feature.
    let defaultBin: [Int]
    /// Indices of the sparse features, ascending.
    let sparseFeatures: [Int]
    /// [`words`] words: bit j set for a dense feature (one every leaf's split scan visits).
    let denseMask: UnsafeMutablePointer<UInt64>
    private let rowStart: UnsafeMutablePointer<Int>
    /// One entry per non-default (row, feature): `feature × 256 + bin`, the (g, h) pair's index in a
    /// leaf's histograms; ascending feature order within a row.
    private let entries: UnsafeMutablePointer<Int32>
    let entryCount: Int

    var isEmpty: Bool { sparseFeatures.isEmpty }

    /// Finds the sparse features of `bins` ([features × rows], by column) and lists their entries.
    /// - Complexity: O(rows × features), once per fit.
    init(bins: UnsafePointer<UInt8>, rows n: Int, features f: Int, threshold: Double, threads: Int) {
        features = f
        let bt = SharedReads(bins, count: n * f)
        let defaults: [Int] = Parallel.map(f, threads: threads) { j in
            var counts = [Int](repeating: 0, count: 256)
            let col = bt.base + j * n
            for r in 0..<n { counts[Int(col[r])] += 1 }
            var best = 0
            for b in 1..<256 where counts[b] > counts[best] { best = b }
            return n > 0 && Double(counts[best]) >= threshold * Double(n) ? best : -1
        }
        defaultBin = defaults
        sparseFeatures = (0..<f).filter { defaults[$0] >= 0 }
        denseMask = .allocate(capacity: Self.words(features: f))
        denseMask.initialize(repeating: 0, count: Self.words(features: f))
        for j in 0..<f where defaults[j] < 0 { denseMask[j >> 6] |= UInt64(1) << UInt64(j & 63) }
        rowStart = .allocate(capacity: n + 1)
        rowStart.initialize(repeating: 0, count: n + 1)
        for j in sparseFeatures {
            let col = bins + j * n, d = UInt8(truncatingIfNeeded: defaults[j])
            for r in 0..<n where col[r] != d { rowStart[r + 1] += 1 }
        }
        for r in 0..<n { rowStart[r + 1] += rowStart[r] }
        entryCount = rowStart[n]
        entries = .allocate(capacity: max(1, entryCount))
        var fill = [Int](repeating: 0, count: n)
        for j in sparseFeatures {
            let col = bins + j * n, d = UInt8(truncatingIfNeeded: defaults[j])
            for r in 0..<n where col[r] != d {
                entries[rowStart[r] + fill[r]] = Int32(truncatingIfNeeded: j * 256 + Int(col[r]))
                fill[r] += 1
            }
        }
    }

    deinit {
        rowStart.deallocate(); entries.deallocate(); denseMask.deallocate()
    }

    /// Adds the non-default bins of rows `rows[0..<count]`, whose (g, h) pairs `gh` holds in the same order,
    /// to `hist` (one leaf's buffer): bin b of feature j at pair `layout[j].pair(bin: b)` (a histogram's first
    /// pair + b, its missing bin at its `missingPair`, after its last bin). `active` ([`words`] words, bit j of
    /// word j >> 6) receives the sparse features that some of the rows hold outside their default bin; for each
    /// of them, `nonDefault[j]` and `rest[j]` ([features]) how many rows that is and their (g, h) sum, in row
    /// order, and `occupied[4j..<4j+4]` ([features × 4] words, a 256-bit mask per feature) the bins they occupy.
    /// Only those are written: another feature's count, sum, mask and bins are stale (its count is 0), an
    /// active feature's unoccupied bins implicitly zero (never read), and its default bin is set by
    /// `completeDefault`. Nothing here costs per feature: a leaf of a few rows among thousands of TF-IDF terms
    /// touches only the terms its rows hold.
    /// - Complexity: O(count + non-default entries of those rows + features / 64).
    func accumulate(
        rows: UnsafePointer<Int32>, gh: UnsafePointer<Float>, count: Int, hist: UnsafeMutablePointer<Double>,
        nonDefault: UnsafeMutablePointer<Int32>, rest: UnsafeMutablePointer<SIMD2<Double>>,
        occupied: UnsafeMutablePointer<UInt64>, active: UnsafeMutablePointer<UInt64>,
        layout: UnsafePointer<FeatureSlot>
    ) {
        active.update(repeating: 0, count: words)
        let h2 = UnsafeMutableRawPointer(hist).assumingMemoryBound(to: SIMD2<Double>.self)
        for i in 0..<count {
            let r = Int(rows[i])
            for e in rowStart[r]..<rowStart[r &+ 1] {
                let k = Int(entries[e])
                active[k >> 14] |= UInt64(1) << UInt64((k >> 8) & 63)
                h2[Self.pair(k, layout)] = .zero
            }
        }
        for w in 0..<words {
            var bits = active[w]
            while bits != 0 {
                let j = w &* 64 &+ bits.trailingZeroBitCount
                nonDefault[j] = 0
                rest[j] = .zero
                (occupied + 4 &* j).update(repeating: 0, count: 4)
                bits &= bits &- 1
            }
        }
        let pairs = UnsafeRawPointer(gh).assumingMemoryBound(to: SIMD2<Float>.self)
        var i = 0
        while i < count {
            let r = Int(rows[i])
            let p = pairs[i]
            let v = SIMD2<Double>(Double(p.x), Double(p.y))
            var e = rowStart[r]
            let end = rowStart[r &+ 1]
            while e < end {
                let k = Int(entries[e])
                h2[Self.pair(k, layout)] += v
                nonDefault[k >> 8] &+= 1
                rest[k >> 8] += v
                occupied[k >> 6] |= UInt64(1) << UInt64(k & 63)
                e &+= 1
            }
            i &+= 1
        }
    }

    /// Words of a feature bitmap (`accumulate`'s `active`): one bit per feature.
    var words: Int { Self.words(features: features) }

    /// Words of a bitmap of `features` bits.
    static func words(features: Int) -> Int { max(1, (features + 63) / 64) }

    /// Whether bit j of a feature bitmap is set.
    @inline(__always)
    static func contains(_ bitmap: UnsafePointer<UInt64>, _ j: Int) -> Bool {
        bitmap[j >> 6] & (UInt64(1) << UInt64(j & 63)) != 0
    }

    /// The pair of entry k (`feature × 256 + bin`) in a leaf's buffer laid out by `layout` (see `accumulate`).
    @inline(__always)
    static func pair(_ k: Int, _ layout: UnsafePointer<FeatureSlot>) -> Int { layout[k >> 8].pair(bin: k & 255) }

    /// Sets feature j's default bin in `hist` (that feature's histogram, its missing bin at pair
    /// `missingSlot`) to the leaf's totals minus
    /// `rest`, the (g, h) sum of its non-default rows, or to zero when all `total.count` rows are
    /// non-default (`nonDefault` of them, as `accumulate` counted). - Complexity: O(1).
    @inline(__always)
    func completeDefault(
        feature j: Int, hist: UnsafeMutablePointer<Double>, total: NodeSums, nonDefault: Int, rest: SIMD2<Double>,
        missingSlot: Int = FeatureBinning.missingBin
    ) {
        Self.completeDefault(
            defaultBin: defaultBin[j], hist: hist, total: total, nonDefault: nonDefault, rest: rest,
            missingSlot: missingSlot)
    }

    /// `completeDefault` for a feature whose default bin is `defaultBin` (−1: dense, nothing to do).
    @inline(__always)
    static func completeDefault(
        defaultBin: Int, hist: UnsafeMutablePointer<Double>, total: NodeSums, nonDefault: Int, rest: SIMD2<Double>,
        missingSlot: Int
    ) {
        guard defaultBin >= 0 else { return }
        let d = defaultBin == FeatureBinning.missingBin ? missingSlot : defaultBin
        let all = nonDefault >= total.count
        hist[2 &* d] = all ? 0 : total.g - rest.x
        hist[2 &* d &+ 1] = all ? 0 : total.h - rest.y
    }
}
