import Foundation

// Metrics over predicted scores or probabilities: ROC AUC (binary; one-vs-rest macro for
// multiclass), average precision, log-loss and the Brier score, with scikit-learn's conventions
// (tied scores count half in AUC; AP is the step-wise sum Σ (Rₖ − Rₖ₋₁)·Pₖ over distinct
// thresholds; probabilities clipped to [eps, 1 − eps] in log-loss). Both AUC and AP sort the
// positive and negative scores separately and merge them, so ties need no special pass.
// Leaves out: partial AUC and the one-vs-one multiclass AUC.

extension Metrics {
    /// Area under the ROC curve for `labels` (class `positive` vs the rest) scored by `scores`.
    /// - Complexity: O(rows log rows).
    public static func rocAUC(_ labels: [Int], _ scores: [Double], positive: Int = 1) throws(MLError) -> Double {
        let (pos, neg) = try splitScores(labels, scores, positive, "roc_auc")
        // For each positive score s: negatives below s, plus half the negatives tied with s.
        var below = 0, wins = 0.0, j = 0
        var i = 0
        while i < pos.count {
            let s = pos[i]
            var same = 1
            while i + same < pos.count && pos[i + same] == s { same += 1 }
            while j < neg.count && neg[j] < s { j += 1; below += 1 }
            var tied = 0
            while j + tied < neg.count && neg[j + tied] == s { tied += 1 }
            wins += Double(same) * (Double(below) + 0.5 * Double(tied))
            i += same
        }
        return wins / (Double(pos.count) * Double(neg.count))
    }

    /// One-vs-rest ROC AUC averaged over classes (macro), from a row-major `rows × classCount` matrix.
    /// Every class must occur in `labels`.
    public static func rocAUCOneVsRest(_ labels: [Int], probabilities: [Double], classCount: Int) throws(MLError)
        -> Double
    {
        try checkProbabilities(labels, probabilities, classCount, "roc_auc")
        if classCount == 2 { return try rocAUC(labels, column(probabilities, 1, classCount)) }
        var total = 0.0
        for k in 0..<classCount { total += try rocAUC(labels, column(probabilities, k, classCount), positive: k) }
        return total / Double(classCount)
    }

    /// Average precision of class `positive`: Σ over distinct thresholds (high to low) of ΔRecall × Precision.
    /// - Complexity: O(rows log rows).
    public static func averagePrecision(_ labels: [Int], _ scores: [Double], positive: Int = 1) throws(MLError)
        -> Double
    {
        let (pos, neg) = try splitScores(labels, scores, positive, "average_precision")
        var i = pos.count - 1, j = neg.count - 1
        var tp = 0, fp = 0, ap = 0.0, lastRecall = 0.0
        let p = Double(pos.count)
        while i >= 0 || j >= 0 {
            let t = max(i >= 0 ? pos[i] : -.infinity, j >= 0 ? neg[j] : -.infinity)
            while i >= 0 && pos[i] == t { tp += 1; i -= 1 }
            while j >= 0 && neg[j] == t { fp += 1; j -= 1 }
            let recall = Double(tp) / p
            ap += (recall - lastRecall) * (Double(tp) / Double(tp + fp))
            lastRecall = recall
        }
        return ap
    }

    /// Macro average precision over classes (one-vs-rest), from a row-major probability matrix.
    public static func averagePrecisionMacro(_ labels: [Int], probabilities: [Double], classCount: Int) throws(MLError)
        -> Double
    {
        try checkProbabilities(labels, probabilities, classCount, "average_precision")
        if classCount == 2 { return try averagePrecision(labels, column(probabilities, 1, classCount)) }
        var total = 0.0
        for k in 0..<classCount {
            total += try averagePrecision(labels, column(probabilities, k, classCount), positive: k)
        }
        return total / Double(classCount)
    }

    /// Mean negative log-likelihood of the true class, probabilities clipped to [eps, 1 − eps].
    public static func logLoss(_ labels: [Int], probabilities: [Double], classCount: Int) throws(MLError) -> Double {
        try checkProbabilities(labels, probabilities, classCount, "log_loss")
        let eps = Double.ulpOfOne
        let total = labels.withUnsafeBufferPointer { y in
            probabilities.withUnsafeBufferPointer { p in
                sum(y.count) { i in -log(min(max(p[i * classCount + y[i]], eps), 1 - eps)) }
            }
        }
        return total / Double(labels.count)
    }

    /// Brier score: mean squared distance between the one-hot truth and the probabilities;
    /// for two classes, scikit-learn's binary form mean((y − p₁)²).
    public static func brier(_ labels: [Int], probabilities: [Double], classCount: Int) throws(MLError) -> Double {
        try checkProbabilities(labels, probabilities, classCount, "brier")
        let total = labels.withUnsafeBufferPointer { y in
            probabilities.withUnsafeBufferPointer { p in
                sum(y.count) { i in
                    var s = 0.0
                    for k in 0..<classCount {
                        let d = (y[i] == k ? 1.0 : 0.0) - p[i * classCount + k]
                        s += d * d
                    }
                    return s
                }
            }
        }
        return total / Double(labels.count) * (classCount == 2 ? 0.5 : 1)
    }

    // MARK: helpers

    /// Column `k` of a row-major `rows × width` matrix.
    static func column(_ m: [Double], _ k: Int, _ width: Int) -> [Double] {
        let rows = m.count / width
        return [Double](unsafeUninitializedCapacity: rows) { buf, n in
            m.withUnsafeBufferPointer { src in for r in 0..<rows { buf[r] = src[r * width + k] } }
            n = rows
        }
    }

    /// The scores of positive and of negative rows, each sorted ascending.
    static func splitScores(_ labels: [Int], _ scores: [Double], _ positive: Int, _ what: String) throws(MLError) -> (
        [Double], [Double]
    ) {
        try checkLengths(labels.count, scores.count, what)
        var pos: [Double] = [], neg: [Double] = []
        pos.reserveCapacity(labels.count / 2); neg.reserveCapacity(labels.count / 2)
        for i in 0..<labels.count {
            let s = scores[i]
            if s.isNaN {
                throw MLError(.invalidInput, "\(what): score of row \(i) is NaN. Check the model's predictions.")
            }
            if labels[i] == positive { pos.append(s) } else { neg.append(s) }
        }
        guard !pos.isEmpty, !neg.isEmpty else {
            throw MLError(
                .invalidInput,
                "\(what) needs both the class and other classes in the truth; only one is present. Evaluate on a larger or stratified split."
            )
        }
        return (RadixSort.sorted(pos), RadixSort.sorted(neg))
    }

    static func checkProbabilities(_ labels: [Int], _ p: [Double], _ classCount: Int, _ what: String) throws(MLError) {
        guard classCount >= 2 else { throw MLError(.invalidInput, "\(what) needs at least two classes.") }
        try checkLengths(labels.count, p.count / classCount, what)
        guard p.count == labels.count * classCount else {
            throw MLError(
                .shapeMismatch,
                "\(what): the probability matrix must hold rows × \(classCount) values, it holds \(p.count).")
        }
        try checkLabels(labels, classCount, what)
    }
}
