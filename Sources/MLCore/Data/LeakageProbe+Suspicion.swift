// The single-column models behind the suspicious-predictor warning, cross-fitted like the
// likely-leakage probe (rows split by parity, each half predicted from the other half's bins):
// binary targets get each row's held-out positive rate (scored by ROC AUC), multiclass targets each
// row's held-out class chosen by the bin's rate over the class's prior (scored by balanced accuracy,
// which a majority guess holds at 1 / classes). Regression reuses crossFittedR2.
// Leaves out: the thresholds (DataWarnings) and interactions between features.

extension LeakageProbe {
    /// Per row, the positive rate (label 1) of its bin in the other half; the other half's overall rate
    /// for a bin that half lacks. Naive twin: the tests' per-row version.
    /// - Complexity: O(rows + bins).
    static func crossFittedPositiveRate(bins: (bins: [Int], count: Int), labels: [Int]) -> [Double] {
        let n = min(bins.bins.count, labels.count)
        var positives = [Int](repeating: 0, count: 2 * bins.count), totals = positives
        var halfPositives = [0, 0], halfTotals = [0, 0]
        for i in 0..<n {
            let h = i & 1, b = bins.bins[i]
            totals[h * bins.count + b] += 1
            halfTotals[h] += 1
            if labels[i] == 1 {
                positives[h * bins.count + b] += 1
                halfPositives[h] += 1
            }
        }
        let prior = (0..<2).map { h in halfTotals[h] > 0 ? Double(halfPositives[h]) / Double(halfTotals[h]) : 0.5 }
        return (0..<n).map { i in
            let other = 1 - (i & 1), k = other * bins.count + bins.bins[i]
            return totals[k] > 0 ? Double(positives[k]) / Double(totals[k]) : prior[other]
        }
    }

    /// Held-out balanced accuracy of the per-bin class with the highest rate over its prior in the other
    /// half (argmax over c of count(bin, c) / count(c)); a bin the other half lacks predicts its majority.
    /// - Complexity: O(rows + bins × classes).
    static func crossFittedBalancedAccuracy(bins: (bins: [Int], count: Int), labels: [Int], classes: Int) -> Double {
        let n = min(bins.bins.count, labels.count)
        let width = bins.count * classes
        var counts = [Int](repeating: 0, count: 2 * width), totals = [Int](repeating: 0, count: 2 * classes)
        for i in 0..<n {
            counts[(i & 1) * width + bins.bins[i] * classes + labels[i]] += 1
            totals[(i & 1) * classes + labels[i]] += 1
        }
        let majority = (0..<2).map { h in argmax(totals[(h * classes)..<((h + 1) * classes)]) }
        let predicted = (0..<(2 * bins.count)).map { hb -> Int in
            let (h, bin) = (hb / bins.count, hb % bins.count)
            var best = -1, bestRate = -1.0
            for c in 0..<classes where totals[h * classes + c] > 0 {
                let rate = Double(counts[h * width + bin * classes + c]) / Double(totals[h * classes + c])
                if rate > bestRate {
                    best = c
                    bestRate = rate
                }
            }
            return bestRate > 0 ? best : majority[h]
        }
        var hit = [Int](repeating: 0, count: classes), seen = [Int](repeating: 0, count: classes)
        for i in 0..<n {
            seen[labels[i]] += 1
            if predicted[(1 - (i & 1)) * bins.count + bins.bins[i]] == labels[i] { hit[labels[i]] += 1 }
        }
        let recalls = (0..<classes).filter { seen[$0] > 0 }.map { Double(hit[$0]) / Double(seen[$0]) }
        return recalls.isEmpty ? 0 : recalls.reduce(0, +) / Double(recalls.count)
    }
}
