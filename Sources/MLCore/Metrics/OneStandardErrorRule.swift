// The one-standard-error rule (Breiman et al. 1984; Hastie, Tibshirani & Friedman, ESL §7.10): among
// models scored by cross-validation, take the simplest whose mean score is within one standard error
// of the best mean, the standard error being the best model's fold spread over √folds. A more complex
// model has to beat the simpler ones by more than the noise of the estimate to be kept.
// Leaves out: how complexity is measured (the caller ranks its candidates).

/// One model's cross-validated score, and how complex it is.
public struct ScoredCandidate: Sendable, Equatable {
    public var id: String
    public var mean: Double
    /// Standard deviation of the score across folds (nil or NaN: 0).
    public var std: Double?
    public var folds: Int
    /// Lower is simpler; ties are broken by the better mean, then by order.
    public var complexity: Int

    public init(id: String, mean: Double, std: Double?, folds: Int, complexity: Int) {
        self.id = id
        self.mean = mean
        self.std = std
        self.folds = folds
        self.complexity = complexity
    }

    /// std / √folds (0 without a spread).
    public var standardError: Double {
        guard let s = std, s.isFinite, folds > 0 else { return 0 }
        return s / Double(folds).squareRoot()
    }
}

public enum OneStandardErrorRule {
    /// The candidate the rule keeps, or nil when there is none with a finite mean.
    /// - Parameter greaterIsBetter: true for AUC, R², accuracy; false for errors.
    /// - Complexity: O(candidates).
    public static func choose(_ candidates: [ScoredCandidate], greaterIsBetter: Bool) -> ScoredCandidate? {
        let scored = candidates.filter { $0.mean.isFinite }
        func better(_ a: Double, _ b: Double) -> Bool { greaterIsBetter ? a > b : a < b }
        guard
            let best = scored.reduce(
                nil, { (b: ScoredCandidate?, c) in b.map { better(c.mean, $0.mean) ? c : $0 } ?? c })
        else { return nil }
        let threshold = greaterIsBetter ? best.mean - best.standardError : best.mean + best.standardError
        let eligible = scored.filter { greaterIsBetter ? $0.mean >= threshold : $0.mean <= threshold }
        return eligible.reduce(nil) { (kept: ScoredCandidate?, c) in
            guard let k = kept else { return c }
            if c.complexity != k.complexity { return c.complexity < k.complexity ? c : k }
            return better(c.mean, k.mean) ? c : k
        }
    }
}
