// The impurity criteria of CART, as scikit-learn defines them: Gini and entropy on weighted class
// counts, squared error on weighted sums. Each gives a node's impurity and the "proxy" that ranks
// splits (larger is better): Σ c²/W for Gini, Σ c·log c − W log W for entropy, s²/W for squared error.
// Leaves out: absolute error, Poisson and Friedman MSE.

import Foundation

/// A CART split criterion.
public enum CARTCriterion: String, Sendable, Codable, CaseIterable {
    case gini, entropy
    case squaredError = "squared_error"

    var isClassification: Bool { self != .squaredError }
}

/// Weighted statistics of a set of rows: class counts (classification) or sum and sum of squares.
struct NodeStats {
    var counts: [Double]
    var weight = 0.0
    var sum = 0.0
    var sumSquares = 0.0

    init(classes: Int) { counts = [Double](repeating: 0, count: classes) }

    func impurity(_ c: CARTCriterion) -> Double {
        guard weight > 0 else { return 0 }
        switch c {
        case .gini:
            var s = 0.0
            for x in counts { s += x * x }
            return 1 - s / (weight * weight)
        case .entropy:
            var e = 0.0
            for x in counts where x > 0 {
                let p = x / weight
                e -= p * log2(p)
            }
            return e
        case .squaredError:
            let mean = sum / weight
            return max(sumSquares / weight - mean * mean, 0)
        }
    }

    /// The node's prediction: class fractions or the mean.
    func value(_ c: CARTCriterion) -> [Double] {
        if c.isClassification { return counts.map { weight > 0 ? $0 / weight : 0 } }
        return [weight > 0 ? sum / weight : 0]
    }
}
