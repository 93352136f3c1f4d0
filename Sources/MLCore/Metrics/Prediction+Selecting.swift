// Row selection and per-row access for predictions, used by resampling (bootstrap, CV out-of-fold
// assembly) and error analysis. Additive extension of the shared `Prediction` type.

extension Prediction {
    /// The prediction restricted to `rows`, in that order. - Complexity: O(rows × classes).
    public func selecting(rows: [Int]) -> Prediction {
        switch self {
        case .classes(let labels, let probs, let k):
            let p = probs.map { m in
                var out = [Double](repeating: 0, count: rows.count * k)
                for (i, r) in rows.enumerated() { for c in 0..<k { out[i * k + c] = m[r * k + c] } }
                return out
            }
            return .classes(labels: rows.map { labels[$0] }, probabilities: p, classCount: k)
        case .values(let v): return .values(rows.map { v[$0] })
        case .clusters(let c): return .clusters(rows.map { c[$0] })
        }
    }

    /// The probability of class 1 per row for a binary classifier with probabilities, else nil.
    public var positiveScores: [Double]? {
        guard case .classes(let labels, let probs?, let k) = self, k == 2 else { return nil }
        return (0..<labels.count).map { probs[$0 * 2 + 1] }
    }

    /// Assembles per-fold predictions into one prediction over `rows` rows (`parts[i]` covers `rowsOf[i]`).
    public static func assemble(_ parts: [Prediction], rowsOf: [[Int]], rows: Int) throws(MLError) -> Prediction {
        guard let first = parts.first else { throw MLError(.invalidInput, "No predictions to assemble.") }
        switch first {
        case .classes(_, let p0, let k):
            var labels = [Int](repeating: 0, count: rows)
            var probs: [Double]? = p0 == nil ? nil : [Double](repeating: .nan, count: rows * k)
            for (part, idx) in zip(parts, rowsOf) {
                guard case .classes(let l, let p, let kk) = part, kk == k else {
                    throw MLError(
                        .shapeMismatch,
                        "Fold predictions disagree on the number of classes; make sure every fold sees every class (use stratified folds)."
                    )
                }
                for (i, r) in idx.enumerated() {
                    labels[r] = l[i]
                    if let p { for c in 0..<k { probs?[r * k + c] = p[i * k + c] } } else { probs = nil }
                }
            }
            return .classes(labels: labels, probabilities: probs, classCount: k)
        case .values:
            var v = [Double](repeating: .nan, count: rows)
            for (part, idx) in zip(parts, rowsOf) {
                guard case .values(let pv) = part else {
                    throw MLError(.shapeMismatch, "Fold predictions are of different kinds.")
                }
                for (i, r) in idx.enumerated() { v[r] = pv[i] }
            }
            return .values(v)
        case .clusters:
            var v = [Int](repeating: -1, count: rows)
            for (part, idx) in zip(parts, rowsOf) {
                guard case .clusters(let pv) = part else {
                    throw MLError(.shapeMismatch, "Fold predictions are of different kinds.")
                }
                for (i, r) in idx.enumerated() { v[r] = pv[i] }
            }
            return .clusters(v)
        }
    }
}
