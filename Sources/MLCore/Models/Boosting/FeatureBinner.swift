// Bins features once before boosting (LightGBM / scikit-learn HistGradientBoosting style):
// numeric features get ≤ 255 quantile bins from a seeded sample of ≤ 200,000 values, categorical
// features (≤ 255 levels) use their codes as bins, and bin 255 always holds missing values.
// Bins are stored by column as UInt8, so a 1M × 20 table takes 20 MB.
// A column's zeros are counted rather than sorted (SortedColumn): a TF-IDF term costs the rows that hold it.
// Leaves out: streaming quantile sketches (the sample is held in memory).

import Foundation

/// How one feature's raw values map to bins.
struct FeatureBinning: Sendable, Codable, Equatable {
    /// Numeric: upper edges; value v goes to the first bin b with `v <= upperEdges[b]`, else the last bin.
    var upperEdges: [Double]
    /// Categorical features bin by category code.
    var isCategorical: Bool
    /// Bins in use for non-missing values (`0..<binCount`).
    var binCount: Int

    static let missingBin = 255
    static let maximumBins = 255

    /// The bin of a raw value. - Complexity: O(log bins).
    @inline(__always)
    func bin(of v: Double) -> Int {
        if v.isNaN { return Self.missingBin }
        if isCategorical {
            let c = Int(v)
            return c >= 0 && c < binCount ? c : Self.missingBin
        }
        var lo = 0, hi = upperEdges.count  // answer in lo...hi
        while lo < hi {
            let mid = (lo &+ hi) >> 1
            if v <= upperEdges[mid] { hi = mid } else { lo = mid &+ 1 }
        }
        return lo
    }

    /// The raw threshold of a numeric split "bins ≤ b go left".
    func threshold(afterBin b: Int) -> Double {
        b < upperEdges.count ? upperEdges[b] : .infinity
    }
}

/// Bins by column: `bins[feature * rows + row]`.
struct BinnedMatrix: Sendable {
    let rows: Int
    let featureCount: Int
    var bins: [UInt8]
}

/// Learns per-feature binnings and applies them.
struct FeatureBinner: Sendable, Codable, Equatable {
    var features: [FeatureBinning]

    static let sampleSize = 200_000

    /// Learns the binning of every feature of `x` from a seeded sample of rows.
    /// - Complexity: O(features × s log s) for a sample of s ≤ 200,000 rows, spread over `threads`.
    init(fitting x: FeatureColumns, maxBins: Int, seed: UInt64, threads: Int) throws(MLError) {
        let rows = x.rows
        var sample: [Int]? = nil
        if rows > Self.sampleSize {
            var g = SeededGenerator(seed: seed, stream: 0xB1)
            var idx = Array(0..<rows)
            for i in 0..<Self.sampleSize {
                let j = i + g.nextInt(below: rows - i)
                idx.swapAt(i, j)
            }
            sample = Array(idx[0..<Self.sampleSize]).sorted()
        }
        for (j, f) in x.features.enumerated() {
            if case .categorical(let levels) = f.kind, levels <= FeatureBinning.maximumBins {
                let bad = x.firstValue(ofFeature: j) {
                    !$0.isNaN && ($0 < 0 || $0 >= Double(levels) || $0 != $0.rounded())
                }
                if let bad {
                    throw MLError(
                        .invalidInput,
                        "Categorical feature '\(f.name)' has the code \(bad), outside 0..<\(levels); encode categories as codes 0..<levels."
                    )
                }
            }
        }
        let sampled = sample
        features = Parallel.map(x.featureCount, threads: threads) { j in
            if case .categorical(let levels) = x.features[j].kind, levels <= FeatureBinning.maximumBins {
                return FeatureBinning(upperEdges: [], isCategorical: true, binCount: max(1, levels))
            }
            // The zeros are counted, not kept: a TF-IDF term costs the rows that hold it.
            var nonZero: [Double] = []
            var zeros = 0
            x.withFeature(j) { v, map in
                for i in 0..<(sampled?.count ?? rows) {
                    let r = sampled?[i] ?? i
                    let value = map.map { v[$0[r]] } ?? v[r]
                    if value == 0 {
                        zeros += 1
                    } else if !value.isNaN {
                        nonZero.append(value)
                    }
                }
            }
            return Self.numericBinning(SortedColumn(nonZero: nonZero, zeros: zeros), maxBins: maxBins)
        }
    }

    /// Quantile edges over distinct values: midpoints between neighbours when there are few distinct
    /// values, otherwise midpoints at `maxBins` evenly spaced ranks (scikit-learn's choice). A sparse feature
    /// (one value holds ≥ `sparseThreshold` of them: a TF-IDF term's zero) with few distinct values gets
    /// LightGBM's `min_data_in_bin`: neighbours merge until a bin holds ≥ 3 values, the dominant value
    /// keeping a bin of its own, so a term seen in few rows has few bins to build and scan.
    static func numericBinning(
        _ raw: [Double], maxBins: Int, sparseThreshold: Double = SparseBins.defaultThreshold
    ) -> FeatureBinning {
        let nonZero = raw.filter { $0 != 0 }
        return numericBinning(
            SortedColumn(nonZero: nonZero, zeros: raw.count - nonZero.count), maxBins: maxBins,
            sparseThreshold: sparseThreshold)
    }

    /// `numericBinning` of a column given as its non-zero values and its count of zeros.
    /// - Complexity: O(z log z) for its z non-zero values (a radix sort), plus O(maxBins).
    static func numericBinning(
        _ v: SortedColumn, maxBins: Int, sparseThreshold: Double = SparseBins.defaultThreshold
    ) -> FeatureBinning {
        let runs = v.runs(upTo: maxBins + 1)
        guard !runs.isEmpty else { return FeatureBinning(upperEdges: [], isCategorical: false, binCount: 1) }
        var edges: [Double] = []
        if runs.count <= maxBins, let sparse = sparseEdges(runs: runs, count: v.count, threshold: sparseThreshold) {
            edges = sparse
        } else if runs.count <= maxBins {
            for i in 0..<(runs.count - 1) {
                edges.append(runs[i].value + (runs[i + 1].value - runs[i].value) / 2)
            }
        } else {
            let n = v.count
            for k in 1..<maxBins {
                let pos = Double(k) * Double(n - 1) / Double(maxBins)
                let lo = Int(pos.rounded(.down)), hi = Int(pos.rounded(.up))
                let e = v[lo] + (v[hi] - v[lo]) / 2
                if edges.isEmpty || e > edges[edges.count - 1] { edges.append(e) }
            }
            // The last edge must stay below the maximum so the top bin is never empty by construction.
            while let last = edges.last, last >= v[n - 1] { edges.removeLast() }
        }
        return FeatureBinning(upperEdges: edges, isCategorical: false, binCount: edges.count + 1)
    }

    /// Values a bin of a sparse feature holds at least (LightGBM's `min_data_in_bin`), but for the last one.
    static let minimumPerSparseBin = 3

    /// Edges for a sparse feature (the runs of equal values of its `count` sorted values, one run holding
    /// ≥ `threshold` of them): runs merge left to right until a bin holds `minimumPerSparseBin` values; the
    /// dominant run is a bin of its own. nil when no value dominates. - Complexity: O(runs).
    static func sparseEdges(runs: [(value: Double, count: Int)], count: Int, threshold: Double) -> [Double]? {
        guard let dominant = runs.indices.max(by: { runs[$0].count < runs[$1].count }),
            Double(runs[dominant].count) >= threshold * Double(count)
        else { return nil }
        var edges: [Double] = [], held = 0
        for i in 0..<(runs.count - 1) {
            held += runs[i].count
            if held >= minimumPerSparseBin || i == dominant || i + 1 == dominant {
                edges.append(runs[i].value + (runs[i + 1].value - runs[i].value) / 2)
                held = 0
            }
        }
        return edges
    }

    /// Bins every value of `x` (which must have the fitted features). - Complexity: O(rows × features × log bins).
    func transform(_ x: FeatureColumns, threads: Int) -> BinnedMatrix {
        let rows = x.rows, f = features.count
        var out = [UInt8](repeating: 0, count: rows * f)
        out.withUnsafeMutableBufferPointer { o in
            let op = DisjointWrites(o), features = self.features  // feature j writes o[j × rows ..< (j + 1) × rows]
            Parallel.forEach(f, threads: threads) { j in
                let o = op.base
                x.withFeature(j) { v, map in
                    if let map {
                        Self.bin(rows: rows, binning: features[j], into: o + j * rows) { v[map[$0]] }
                    } else {
                        Self.bin(rows: rows, binning: features[j], into: o + j * rows) { v[$0] }
                    }
                }
            }
        }
        return BinnedMatrix(rows: rows, featureCount: f, bins: out)
    }

    /// Bins `value(r)` for r in 0..<rows into `o[r]`.
    @inline(__always)
    private static func bin(
        rows: Int, binning: FeatureBinning, into o: UnsafeMutablePointer<UInt8>, _ value: (Int) -> Double
    ) {
        if binning.isCategorical {
            for r in 0..<rows { o[r] = UInt8(truncatingIfNeeded: binning.bin(of: value(r))) }
            return
        }
        // Branch-free search over edges padded with +∞ to 255 entries: 8 halving steps.
        var padded = [Double](repeating: .infinity, count: 256)
        for (k, e) in binning.upperEdges.enumerated() { padded[k] = e }
        padded.withUnsafeBufferPointer { eb in
            guard let e = eb.baseAddress else { return }
            @inline(__always) func search(_ x: Double) -> Int {
                var lo = 0
                var step = 128
                while step > 0 {
                    lo &+= step &* Int(unsafeBitCast(x > e[lo &+ step &- 1], to: UInt8.self))
                    step >>= 1
                }
                return lo
            }
            // A zero's bin is found once: most cells of a TF-IDF term are zero (either sign compares alike).
            let zeroBin = UInt8(truncatingIfNeeded: search(0))
            for r in 0..<rows {
                let x = value(r)
                if x == 0 {
                    o[r] = zeroBin
                    continue
                }
                o[r] = x.isNaN ? UInt8(FeatureBinning.missingBin) : UInt8(truncatingIfNeeded: search(x))
            }
        }
    }
}
