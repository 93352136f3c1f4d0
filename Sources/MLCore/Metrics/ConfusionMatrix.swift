// The confusion matrix (rows: true class, columns: predicted class) and the per-class counts that
// accuracy, precision / recall / F1, balanced accuracy and MCC are derived from. Leaves out:
// normalisation variants (a report divides by the row sums itself).

/// Counts of (true class, predicted class) pairs: `counts[t * classCount + p]`.
public struct ConfusionMatrix: Sendable, Codable, Equatable {
    public let classCount: Int
    public let counts: [Int]

    /// Tallies `yTrue` against `yPred`; both hold class indices in `0..<classCount`.
    /// - Complexity: O(rows + classCount²).
    public init(yTrue: [Int], yPred: [Int], classCount: Int) throws(MLError) {
        try Metrics.checkLengths(yTrue.count, yPred.count, "confusion matrix")
        try Metrics.checkLabels(yTrue, classCount, "confusion matrix")
        try Metrics.checkLabels(yPred, classCount, "confusion matrix")
        var c = [Int](repeating: 0, count: classCount * classCount)
        for i in 0..<yTrue.count { c[yTrue[i] * classCount + yPred[i]] += 1 }
        self.classCount = classCount
        counts = c
    }

    /// A matrix from counts already tallied (weighted resamples tally multiplicities).
    init(counts: [Int], classCount: Int) {
        self.classCount = classCount
        self.counts = counts
    }

    public subscript(trueClass: Int, predicted: Int) -> Int { counts[trueClass * classCount + predicted] }

    public var total: Int { counts.reduce(0, +) }
    public var correct: Int { (0..<classCount).reduce(0) { $0 + self[$1, $1] } }
    /// Rows whose true class is `k` (the support).
    public func trueCount(_ k: Int) -> Int { (0..<classCount).reduce(0) { $0 + self[k, $1] } }
    public func predictedCount(_ k: Int) -> Int { (0..<classCount).reduce(0) { $0 + self[$1, k] } }
    /// Classes that appear in the truth or the prediction (scikit-learn's `unique_labels`).
    public var presentClasses: [Int] { (0..<classCount).filter { trueCount($0) + predictedCount($0) > 0 } }

    /// Off-diagonal cells, largest first: the most confused (true, predicted) pairs.
    public func confusedPairs() -> [(trueClass: Int, predicted: Int, count: Int)] {
        var out: [(trueClass: Int, predicted: Int, count: Int)] = []
        for t in 0..<classCount {
            for p in 0..<classCount where p != t && self[t, p] > 0 { out.append((t, p, self[t, p])) }
        }
        return out.sorted {
            $0.count != $1.count ? $0.count > $1.count : ($0.trueClass, $0.predicted) < ($1.trueClass, $1.predicted)
        }
    }
}
