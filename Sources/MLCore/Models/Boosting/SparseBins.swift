// Sparse-aware histograms for gradient boosting (LightGBM's idea): a feature whose most frequent bin
// holds most rows (TF-IDF terms, one-hot columns: ≥ 80 % by default) is "sparse"; its non-default
// (row, bin) entries are kept row by row (CSR over the sparse features), so a leaf's histograms of all
// sparse features cost O(its rows × their non-default entries per row) instead of O(rows × features).
// The default bin is then the leaf's totals minus the other bins (exactly zero when every row of the
// leaf is non-default). Entries are added in the leaf's row order, so the non-default bins are
// bit-identical to the dense kernel's and nothing depends on the thread count.
// Leaves out: exclusive feature bundling (measured unnecessary: see benchmarks/RESULTS-models.md).

import Foundation

/// Row-wise lists of the non-default bins of the sparse features of a binned matrix.
final class SparseBins {
    /// Share of rows the most frequent bin must hold for a feature to be sparse (LightGBM's
    /// sparse_threshold, 0.8); above 1 no feature is sparse and the dense kernel runs everywhere. Tests set
    /// it per task; the environment variable MLEXP_SPARSE_THRESHOLD sets the default, so the text
    /// benchmark can time the dense path beside the sparse one with the same binary.
    @TaskLocal static var threshold =
        ProcessInfo.processInfo.environment["MLEXP_SPARSE_THRESHOLD"].flatMap(Double.init) ?? 0.8

    let features: Int
    /// Per feature: its default (most frequent) bin, or −1 for a dense feature.
    let defaultBin: [Int]
    /// Indices of the sparse features, ascending.
    let sparseFeatures: [Int]
    private let rowStart: UnsafeMutablePointer<Int>
    /// One entry per non-default (row, feature): `feature × 256 + bin`, the (g, h) pair's index in a
    /// leaf's histograms; ascending feature order within a row.
    private let entries: UnsafeMutablePointer<Int32>
    /// Per feature: how many of the last accumulated rows were non-default.
    private let nonDefault: UnsafeMutablePointer<Int32>
    let entryCount: Int

    var isEmpty: Bool { sparseFeatures.isEmpty }

    /// Finds the sparse features of `bins` ([features × rows], by column) and lists their entries.
    /// - Complexity: O(rows × features), once per fit.
    init(bins: UnsafePointer<UInt8>, rows n: Int, features f: Int, threshold: Double, threads: Int) {
        features = f
        let bt = UnsafeTransfer(bins)
        let defaults: [Int] = ParallelWork.map(f, threads: threads) { j in
            var counts = [Int](repeating: 0, count: 256)
            let col = bt.value + j * n
            for r in 0..<n { counts[Int(col[r])] += 1 }
            var best = 0
            for b in 1..<256 where counts[b] > counts[best] { best = b }
            return n > 0 && Double(counts[best]) >= threshold * Double(n) ? best : -1
        }
        defaultBin = defaults
        sparseFeatures = (0..<f).filter { defaults[$0] >= 0 }
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
        nonDefault = .allocate(capacity: max(1, f))
        nonDefault.initialize(repeating: 0, count: max(1, f))
    }

    deinit {
        rowStart.deallocate(); entries.deallocate(); nonDefault.deallocate()
    }

    /// Zeroes the sparse features' histograms in `hist` ([features × 512], one leaf) and adds the
    /// non-default bins of rows `rows[0..<count]`, whose (g, h) pairs `gh` holds in the same order.
    /// Call `completeDefault` per sparse feature afterwards. `binCounts[j]`: bins in use by feature j.
    /// - Complexity: O(count + non-default entries of those rows + sparse features × bins in use).
    func accumulate(
        rows: UnsafePointer<Int32>, gh: UnsafePointer<Float>, count: Int, hist: UnsafeMutablePointer<Double>,
        binCounts: [Int]
    ) {
        for j in sparseFeatures {
            let hs = hist + j &* histogramStride
            hs.initialize(repeating: 0, count: 2 &* min(binCounts[j], FeatureBinning.missingBin))
            (hs + 2 &* FeatureBinning.missingBin).initialize(repeating: 0, count: 2)
            nonDefault[j] = 0
        }
        let pairs = UnsafeRawPointer(gh).assumingMemoryBound(to: SIMD2<Float>.self)
        let h2 = UnsafeMutableRawPointer(hist).assumingMemoryBound(to: SIMD2<Double>.self)
        var i = 0
        while i < count {
            let r = Int(rows[i])
            let p = pairs[i]
            let v = SIMD2<Double>(Double(p.x), Double(p.y))
            var e = rowStart[r]
            let end = rowStart[r &+ 1]
            while e < end {
                let k = Int(entries[e])
                h2[k] += v
                nonDefault[k >> 8] &+= 1
                e &+= 1
            }
            i &+= 1
        }
    }

    /// Sets feature j's default bin in `hist` ([512], that feature's histogram after `accumulate`) to the
    /// leaf's totals minus its other bins, or to zero when all `total.count` rows were non-default.
    func completeDefault(feature j: Int, hist: UnsafeMutablePointer<Double>, binCount: Int, total: NodeSums) {
        let d = defaultBin[j]
        guard d >= 0 else { return }
        if Int(nonDefault[j]) >= total.count {
            hist[2 &* d] = 0
            hist[2 &* d &+ 1] = 0
            return
        }
        var g = 0.0, h = 0.0
        for b in 0..<min(binCount, FeatureBinning.missingBin) where b != d {
            g += hist[2 &* b]
            h += hist[2 &* b &+ 1]
        }
        if d != FeatureBinning.missingBin {
            g += hist[2 &* FeatureBinning.missingBin]
            h += hist[2 &* FeatureBinning.missingBin &+ 1]
        }
        hist[2 &* d] = total.g - g
        hist[2 &* d &+ 1] = total.h - h
    }
}
