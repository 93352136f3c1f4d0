// The one-standard-error rule (Breiman et al. 1984; Hastie, Tibshirani & Friedman, ESL §7.10): among
// models scored by cross-validation, take the simplest whose mean score is within one standard error
// of the best mean. A more complex model has to beat the simpler ones by more than the noise of the
// estimate to be kept. The noise: when both models were scored on the same folds (per-fold scores of
// equal length), the standard error of their paired per-fold difference, corrected for the overlap of
// the training sets (Nadeau & Bengio 2003: variance × (1/k + 1/(k − 1)) for k folds, as the corrected
// t-test of PairedComparison): fold-to-fold difficulty moves every model alike and is no evidence
// for either. Otherwise the best model's fold spread over √folds (ESL's unpaired form).
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
    /// The score on each validation fold, in fold order (nil: not known, no paired comparison).
    public var foldScores: [Double]?

    public init(id: String, mean: Double, std: Double?, folds: Int, complexity: Int, foldScores: [Double]? = nil) {
        self.id = id
        self.mean = mean
        self.std = std
        self.folds = folds
        self.complexity = complexity
        self.foldScores = foldScores
    }

    /// std / √folds (0 without a spread).
    public var standardError: Double {
        guard let s = std, s.isFinite, folds > 0 else { return 0 }
        return s / Double(folds).squareRoot()
    }

    /// The standard error of the difference with `other` on the same folds (per-fold differences'
    /// variance × (1/k + 1/(k − 1)), Nadeau–Bengio), or nil when the two have no paired fold scores.
    public func pairedStandardError(with other: ScoredCandidate) -> Double? {
        guard let a = foldScores, let b = other.foldScores, a.count == b.count, a.count >= 2,
            (a + b).allSatisfy(\.isFinite)
        else { return nil }
        let d = zip(a, b).map { $0 - $1 }
        let k = Double(d.count)
        return Stats.std(d) * (1 / k + 1 / (k - 1)).squareRoot()
    }

    /// The noise of comparing `self` with `best`: paired when both have fold scores, else `best`'s standard error.
    public func standardError(against best: ScoredCandidate) -> Double {
        pairedStandardError(with: best) ?? best.standardError
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
        let eligible = scored.filter { c in
            let se = c.standardError(against: best)
            return greaterIsBetter ? c.mean >= best.mean - se : c.mean <= best.mean + se
        }
        return eligible.reduce(nil) { (kept: ScoredCandidate?, c) in
            guard let k = kept else { return c }
            if c.complexity != k.complexity { return c.complexity < k.complexity ? c : k }
            return better(c.mean, k.mean) ? c : k
        }
    }
}
