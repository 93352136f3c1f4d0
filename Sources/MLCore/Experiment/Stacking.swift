// Stacking: a meta-model fitted on the members' predictions of the same rows, instead of their plain
// average. Its inputs are each member's predicted value (regression: ridge on the values), the log-odds
// of each member's probability of the second class (two classes: logistic regression), or each
// member's log probability of every class (more classes: multinomial logistic regression); so the
// meta-model learns how much to trust each member. It is fitted on out-of-fold predictions, so it never
// learns from predictions of rows a member was fitted on; its own validation fits one meta-model per
// fold on the other folds' out-of-fold predictions (the caller, on the members' folds).
// Leaves out: the members themselves (TrainedModel) and choosing them (the caller).

import Foundation

/// A fitted meta-model over the predictions of `members` models.
public struct StackingModel: Sendable, Codable {
    public var members: Int
    public var model: AnyFittedModel

    /// The meta-model's family for a task: ridge for numbers, logistic regression for classes.
    static func family(_ y: TargetValues) -> String {
        if case .values = y { return "ridge" }
        return "logistic"
    }

    /// The meta-model's inputs from the members' predictions of the same rows.
    static func features(_ parts: [Prediction]) throws(MLError) -> FeatureMatrix {
        guard let first = parts.first, parts.allSatisfy({ $0.count == first.count }) else {
            throw MLError(.shapeMismatch, "Stacking needs every member's prediction of the same rows.")
        }
        let n = first.count
        var names: [String] = [], values: [Double] = []
        func logit(_ p: Double) -> Double {
            let q = min(max(p, 1e-6), 1 - 1e-6)
            return Foundation.log(q / (1 - q))
        }
        for (m, part) in parts.enumerated() {
            switch part {
            case .values(let v):
                names.append("m\(m)")
                values += v
            case .classes(_, let probabilities?, let k):
                if k == 2 {
                    names.append("m\(m)")
                    values += (0..<n).map { logit(probabilities[$0 * 2 + 1]) }
                } else {
                    for c in 0..<k {
                        names.append("m\(m):\(c)")
                        values += (0..<n).map { Foundation.log(max(probabilities[$0 * k + c], 1e-6)) }
                    }
                }
            case .classes, .clusters:
                throw MLError(
                    .invalidInput,
                    "Stacking needs members that predict numbers or class probabilities; leave this one out.")
            }
        }
        return FeatureMatrix(rows: n, features: names.map { FeatureInfo(name: $0) }, values: values)
    }

    /// The meta-model fitted on `parts` (the members' out-of-fold predictions) against `y`.
    public static func fit(_ parts: [Prediction], target y: TargetValues) throws(MLError) -> StackingModel {
        let estimator = try ModelRegistry.make(family(y))
        let model = try estimator.fit(.matrix(try features(parts)), y: y)
        return StackingModel(members: parts.count, model: model)
    }

    /// The stacked prediction from the members' predictions of the same rows.
    public func predict(_ parts: [Prediction]) throws(MLError) -> Prediction {
        guard parts.count == members else {
            throw MLError(.shapeMismatch, "The stacking model combines \(members) members, not \(parts.count).")
        }
        return try model.predict(try Self.features(parts))
    }
}
