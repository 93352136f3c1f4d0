// The single-feature predictor behind the likely-leakage warning: bin the feature, then predict each
// half of the rows (by parity) from the other half's per-bin majority class or mean. Out of sample,
// so a high-cardinality feature cannot look predictive by memorising.
// Leaves out: interactions between features.

enum LeakageProbe {
    static let numericBins = 32

    /// Bin per selected row: quantile bins for numeric columns, codes for categoricals; the last bin is missing.
    static func bins(_ column: Column, rows: [Int]) -> (bins: [Int], count: Int) {
        switch column.data {
        case .numeric(let v):
            let present = rows.map { v[$0] }.filter { !$0.isNaN }.sorted()
            guard !present.isEmpty else { return (rows.map { _ in 0 }, 1) }
            var edges: [Double] = []
            for k in 1..<numericBins {
                let e = present[min(present.count - 1, k * present.count / numericBins)]
                if edges.last != e { edges.append(e) }
            }
            let binsOut = rows.map { r -> Int in
                let x = v[r]
                if x.isNaN { return edges.count + 1 }
                var lo = 0, hi = edges.count
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if edges[mid] <= x { lo = mid + 1 } else { hi = mid }
                }
                return lo
            }
            return (binsOut, edges.count + 2)
        case .categorical(let codes, let levels):
            return (rows.map { codes[$0] < 0 ? levels.count : Int(codes[$0]) }, levels.count + 1)
        case .text: return (rows.map { _ in 0 }, 1)
        }
    }

    /// Held-out accuracy of the per-bin majority class, and of the overall majority class.
    static func crossFittedAccuracy(bins: (bins: [Int], count: Int), labels: [Int], classes: Int) -> (Double, Double) {
        var counts = [[Int]](repeating: [Int](repeating: 0, count: bins.count * classes), count: 2)
        var totals = [[Int]](repeating: [Int](repeating: 0, count: classes), count: 2)
        for (i, (b, y)) in zip(bins.bins, labels).enumerated() {
            counts[i & 1][b * classes + y] += 1
            totals[i & 1][y] += 1
        }
        var correct = 0, baselineCorrect = 0
        for (i, (b, y)) in zip(bins.bins, labels).enumerated() {
            let other = 1 - (i & 1)
            let globalMajority = argmax(totals[other][...])
            let slice = counts[other][(b * classes)..<((b + 1) * classes)]
            let predicted = slice.reduce(0, +) > 0 ? argmax(slice) : globalMajority
            if predicted == y { correct += 1 }
            if globalMajority == y { baselineCorrect += 1 }
        }
        let n = Double(labels.count)
        return (Double(correct) / n, Double(baselineCorrect) / n)
    }

    /// Held-out R² of the per-bin mean.
    static func crossFittedR2(bins: (bins: [Int], count: Int), values: [Double]) -> Double {
        var sums = [[Double]](repeating: [Double](repeating: 0, count: bins.count), count: 2)
        var counts = [[Int]](repeating: [Int](repeating: 0, count: bins.count), count: 2)
        var halfSum = [0.0, 0.0], halfCount = [0, 0]
        for (i, (b, y)) in zip(bins.bins, values).enumerated() {
            sums[i & 1][b] += y
            counts[i & 1][b] += 1
            halfSum[i & 1] += y
            halfCount[i & 1] += 1
        }
        let mean = values.reduce(0, +) / Double(values.count)
        var ssRes = 0.0, ssTot = 0.0
        for (i, (b, y)) in zip(bins.bins, values).enumerated() {
            let other = 1 - (i & 1)
            let fallback = halfCount[other] > 0 ? halfSum[other] / Double(halfCount[other]) : mean
            let predicted = counts[other][b] > 0 ? sums[other][b] / Double(counts[other][b]) : fallback
            ssRes += (y - predicted) * (y - predicted)
            ssTot += (y - mean) * (y - mean)
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
