// ROC and precision-recall curves of a binary score: one point per distinct score, from the highest down
// (tied rows enter together). The rows are ordered by one radix sort of the scores, O(n), where the
// comparison sort it replaces took most of a chart's time at a million rows; the order within a tie does
// not change a point, so the curves are the same. Leaves out: decimation (Tracking.CurveDecimation).

public enum ScoreCurves {
    /// The curves' points, starting at (fpr 0, tpr 0) and (precision 1, recall 0); empty without both
    /// classes. A NaN score sorts as the comparison sort left it (before the numbers), so those rows keep
    /// the result they had.
    /// - Complexity: O(n).
    public static func rocAndPrecisionRecall(positives: [Bool], scores: [Double]) -> (
        fpr: [Double], tpr: [Double], precision: [Double], recall: [Double]
    ) {
        let p = Double(positives.count { $0 }), n = Double(positives.count) - p
        guard p > 0, n > 0 else { return ([], [], [], []) }
        let order = descendingOrder(scores)
        var fpr = [0.0], tpr = [0.0], precision = [1.0], recall = [0.0]
        var tp = 0.0, fp = 0.0
        for (k, i) in order.enumerated() {
            if positives[i] { tp += 1 } else { fp += 1 }
            if k + 1 < order.count, scores[order[k + 1]] == scores[i] { continue }
            fpr.append(fp / n)
            tpr.append(tp / p)
            precision.append(tp / (tp + fp))
            recall.append(tp / p)
        }
        return (fpr, tpr, precision, recall)
    }

    /// Row indices by score, highest first (ties in any order).
    static func descendingOrder(_ scores: [Double]) -> [Int] {
        let n = scores.count
        if n < 256 || n > Int(Int32.max) || scores.contains(where: \.isNaN) {
            return scores.indices.sorted { scores[$0] > scores[$1] }
        }
        var values = scores
        var rows = (0..<n).map { Int32(truncatingIfNeeded: $0) }
        let scratchValues = UnsafeMutablePointer<Double>.allocate(capacity: n)
        let scratchRows = UnsafeMutablePointer<Int32>.allocate(capacity: n)
        defer {
            scratchValues.deallocate()
            scratchRows.deallocate()
        }
        values.withUnsafeMutableBufferPointer { v in
            rows.withUnsafeMutableBufferPointer { r in
                guard let vb = v.baseAddress, let rb = r.baseAddress else { return }
                RadixSort.sortPairs(vb, rb, count: n, scratchValues: scratchValues, scratchRows: scratchRows)
            }
        }
        return rows.reversed().map { Int($0) }
    }
}
