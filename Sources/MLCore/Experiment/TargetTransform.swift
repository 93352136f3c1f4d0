// A transform of a numeric target applied while fitting and undone on every prediction, so metrics,
// comparisons and `mlexp predict` stay on the target's own scale. `log` fits on log(1 + y): for a
// skewed positive target (prices, counts) the model then fits relative rather than absolute errors.
// Leaves out: Box-Cox and other families of transforms; class targets.

import Foundation

/// A target transform for regression.
public enum TargetTransform: String, Sendable, Codable, Equatable, CaseIterable {
    /// Fit on log(1 + y); predict exp(p) − 1.
    case log

    /// The target as the model is fitted on it.
    /// - Throws: for a class target, or a value below 0 (log(1 + y) needs y ≥ 0).
    public func forward(_ y: TargetValues) throws(MLError) -> TargetValues {
        guard case .values(let v) = y else {
            throw MLError(
                .invalidParameter,
                "target_transform \(rawValue) is for a numeric (regression) target; leave it out for classes.")
        }
        if let bad = v.first(where: { !($0 >= 0) }) {
            throw MLError(
                .invalidParameter,
                "target_transform log needs a target ≥ 0, and it holds \(bad); leave target_transform out for this target."
            )
        }
        return .values(v.map { Foundation.log1p($0) })
    }

    /// A prediction of the fitted model back on the target's scale.
    public func inverse(_ p: Prediction) -> Prediction {
        guard case .values(let v) = p else { return p }
        return .values(v.map { Foundation.expm1($0) })
    }
}
