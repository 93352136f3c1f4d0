// The single-feature predictor behind the likely-leakage warning: bin the feature, then predict each
// half of the rows (by parity) from the other half's per-bin majority class or mean. Out of sample,
// so a high-cardinality feature cannot look predictive by memorising.
// Leaves out: interactions between features.

enum LeakageProbe {
    static let numericBins = 32

    /// The order statistics numeric bins are cut at: of `sorted` (the selected rows' non-missing values,
    /// ascending), the values at k·n/32 for k = 1…31; empty when there are none.
    static func edgeCandidates(sorted present: [Double]) -> [Double] {
        guard !present.isEmpty else { return [] }
        return (1..<numericBins).map { k in present[min(present.count - 1, k * present.count / numericBins)] }
    }

    /// Bin per selected row: quantile bins for numeric columns, codes for categoricals; the last bin is missing.
    /// `edgeCandidates`, when given, are `edgeCandidates(sorted:)` of the selected rows (saves sorting them).
    static func bins(_ column: Column, rows: [Int], edgeCandidates given: [Double]? = nil) -> (bins: [Int], count: Int)
    {
        switch column.data {
        case .numeric(let v):
            let candidates = given ?? edgeCandidates(sorted: ProfileStatistics.sortedPresent(rows.map { v[$0] }))
            guard !candidates.isEmpty else { return (rows.map { _ in 0 }, 1) }
            var edges: [Double] = []
            for e in candidates where edges.last != e { edges.append(e) }
            let binsOut = binIndices(v, rows: rows, edges: edges)
            return (binsOut, edges.count + 2)
        case .categorical(let codes, let levels):
            return (rows.map { codes[$0] < 0 ? levels.count : Int(codes[$0]) }, levels.count + 1)
        case .text: return (rows.map { _ in 0 }, 1)
        }
    }

    /// Per selected row, how many `edges` (strictly ascending, at most 31) are ≤ its value; edges.count + 1
    /// for NaN. A branch-free search over the edges padded to 32 with +∞. Naive twin: a binary search per row.
    static func binIndices(_ v: [Double], rows: [Int], edges: [Double]) -> [Int] {
        precondition(edges.count < numericBins)
        let padded = edges + [Double](repeating: .infinity, count: numericBins - edges.count)
        return [Int](unsafeUninitializedCapacity: rows.count) { out, filled in
            v.withUnsafeBufferPointer { v in
                padded.withUnsafeBufferPointer { e in
                    rows.withUnsafeBufferPointer { rows in
                        for (k, r) in rows.enumerated() {
                            let x = v[r]
                            var pos = 0
                            var step = numericBins / 2
                            while step > 0 {
                                pos += e[pos + step - 1] <= x ? step : 0
                                step /= 2
                            }
                            out[k] = x.isNaN ? edges.count + 1 : min(pos, edges.count)
                        }
                    }
                }
            }
            filled = rows.count
        }
    }

    /// Held-out accuracy of the per-bin majority class, and of the overall majority class. Each half's
    /// prediction per bin is worked out once, then looked up per row. Naive twin: the tests' per-row version.
    static func crossFittedAccuracy(bins: (bins: [Int], count: Int), labels: [Int], classes: Int) -> (Double, Double) {
        let width = bins.count * classes
        var counts = [Int](repeating: 0, count: 2 * width), totals = [Int](repeating: 0, count: 2 * classes)
        let n = min(bins.bins.count, labels.count)
        bins.bins.withUnsafeBufferPointer { b in
            labels.withUnsafeBufferPointer { y in
                counts.withUnsafeMutableBufferPointer { counts in
                    totals.withUnsafeMutableBufferPointer { totals in
                        for i in 0..<n {
                            counts[(i & 1) * width + b[i] * classes + y[i]] += 1
                            totals[(i & 1) * classes + y[i]] += 1
                        }
                    }
                }
            }
        }
        let majority = (0..<2).map { h in argmax(totals[(h * classes)..<((h + 1) * classes)]) }
        let predicted = (0..<(2 * bins.count)).map { hb -> Int in
            let (h, bin) = (hb / bins.count, hb % bins.count)
            let slice = counts[(h * width + bin * classes)..<(h * width + (bin + 1) * classes)]
            return slice.reduce(0, +) > 0 ? argmax(slice) : majority[h]
        }
        var correct = 0, baselineCorrect = 0
        bins.bins.withUnsafeBufferPointer { b in
            labels.withUnsafeBufferPointer { y in
                predicted.withUnsafeBufferPointer { predicted in
                    let majority = (majority[0], majority[1])
                    for i in 0..<n {
                        let other = 1 - (i & 1)
                        if predicted[other * bins.count + b[i]] == y[i] { correct += 1 }
                        if (other == 0 ? majority.0 : majority.1) == y[i] { baselineCorrect += 1 }
                    }
                }
            }
        }
        return (Double(correct) / Double(labels.count), Double(baselineCorrect) / Double(labels.count))
    }

    /// Held-out R² of the per-bin mean (sums in row order; each half's per-bin prediction worked out once).
    static func crossFittedR2(bins: (bins: [Int], count: Int), values: [Double]) -> Double {
        var sums = [Double](repeating: 0, count: 2 * bins.count), counts = [Int](repeating: 0, count: 2 * bins.count)
        var halfSum = [0.0, 0.0], halfCount = [0, 0]
        let n = min(bins.bins.count, values.count)
        bins.bins.withUnsafeBufferPointer { b in
            values.withUnsafeBufferPointer { y in
                for i in 0..<n {
                    sums[(i & 1) * bins.count + b[i]] += y[i]
                    counts[(i & 1) * bins.count + b[i]] += 1
                    halfSum[i & 1] += y[i]
                    halfCount[i & 1] += 1
                }
            }
        }
        let mean = values.reduce(0, +) / Double(values.count)
        let predicted = (0..<(2 * bins.count)).map { hb -> Double in
            let h = hb / bins.count
            let fallback = halfCount[h] > 0 ? halfSum[h] / Double(halfCount[h]) : mean
            return counts[hb] > 0 ? sums[hb] / Double(counts[hb]) : fallback
        }
        var ssRes = 0.0, ssTot = 0.0
        bins.bins.withUnsafeBufferPointer { b in
            values.withUnsafeBufferPointer { y in
                for i in 0..<n {
                    let p = predicted[(1 - (i & 1)) * bins.count + b[i]]
                    ssRes += (y[i] - p) * (y[i] - p)
                    ssTot += (y[i] - mean) * (y[i] - mean)
                }
            }
        }
        return ssTot > 0 ? 1 - ssRes / ssTot : 0
    }

    static func argmax(_ values: ArraySlice<Int>) -> Int {
        var best = 0, bestValue = Int.min
        for (k, v) in values.enumerated() where v > bestValue {
            best = k
            bestValue = v
        }
        return best
    }
}
