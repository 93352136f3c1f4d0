// Averaging several models' predictions of the same rows: what an ensemble predicts. Class
// probabilities are averaged class by class and the label is the class of highest average probability
// (the lower index on a tie, as an argmax); numbers are averaged. Every member weighs the same.
// Leaves out: weighted averages and stacking (a model fitted on the members' out-of-fold predictions).

extension Prediction {
    /// The average of `parts`, which predict the same rows in the same order.
    /// - Throws: when there is no part, the parts differ in kind, rows or classes, or a classifier gives
    ///   no probabilities.
    /// - Complexity: O(parts × rows × classes).
    public static func average(_ parts: [Prediction]) throws(MLError) -> Prediction {
        guard let first = parts.first else {
            throw MLError(.invalidInput, "An ensemble needs at least one member; name two runs or more.")
        }
        let n = first.count
        guard parts.allSatisfy({ $0.count == n }) else {
            throw MLError(
                .shapeMismatch, "The members predict different numbers of rows; they must predict the same rows.")
        }
        let m = Double(parts.count)
        switch first {
        case .values:
            var sum = [Double](repeating: 0, count: n)
            for part in parts {
                guard case .values(let v) = part else {
                    throw MLError(
                        .invalidInput, "An ensemble mixes numeric and class predictions; average members of one task.")
                }
                for i in 0..<n { sum[i] += v[i] }
            }
            return .values(sum.map { $0 / m })
        case .classes(_, _, let k):
            // sum: [rows × classes] row-major, as the members' probability matrices.
            var sum = [Double](repeating: 0, count: n * k)
            for part in parts {
                guard case .classes(_, let probabilities, let kk) = part, kk == k else {
                    throw MLError(
                        .invalidInput,
                        "The members disagree on the classes; average members trained on the same target.")
                }
                guard let p = probabilities else {
                    throw MLError(
                        .invalidInput,
                        "A member gives class labels without probabilities; an ensemble averages probabilities, so leave that member out."
                    )
                }
                for i in 0..<(n * k) { sum[i] += p[i] }
            }
            var labels = [Int](repeating: 0, count: n)
            for r in 0..<n {
                var best = 0
                for c in 0..<k {
                    sum[r * k + c] /= m
                    if sum[r * k + c] > sum[r * k + best] { best = c }
                }
                labels[r] = best
            }
            return .classes(labels: labels, probabilities: sum, classCount: k)
        case .clusters:
            throw MLError(.invalidInput, "Clusterings cannot be averaged into an ensemble; ensembles are for a target.")
        }
    }
}
