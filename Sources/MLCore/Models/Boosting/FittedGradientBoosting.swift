// A fitted gradient boosting model: its trees in the shared TreeStructure form (so TreeSHAP and gain
// importance read them), the base scores, and prediction through the loss's link (sigmoid, softmax,
// identity). Saves and loads through Codable; a loaded model predicts exactly what the saved one did.
// Leaves out: export to LightGBM's text format.

import Foundation

/// A fitted `HistGradientBoosting`.
public struct FittedGradientBoosting: TreeEnsemble {
    public let features: [FeatureInfo]
    public let parameters: GradientBoostingParameters
    public let loss: BoostingLoss
    /// Class names for a classifier, nil for a regressor.
    public let classNames: [String]?
    public let trees: [TreeStructure]
    public let treeCombination: TreeCombination
    /// Boosting iterations actually run (fewer than maxIter after early stopping).
    public let iterations: Int
    /// Negative validation loss after each iteration (early stopping only).
    public let validationScores: [Double]?

    var outputs: Int { treeCombination.base.count }

    /// Raw scores before the link, `[outputs × rows]`.
    public func rawScores(_ x: FeatureMatrix) throws(MLError) -> [Double] {
        try checkFeatures(of: x)
        return TreeEvaluation.rawScores(
            trees: trees, combination: treeCombination, outputs: outputs, x: x, threads: parameters.threads)
    }

    public func predict(_ x: FeatureMatrix) throws(MLError) -> Prediction {
        let raw = try rawScores(x)
        let n = x.rows
        guard let classNames else { return .values(raw) }
        return ClassScores.prediction(raw: raw, rows: n, classCount: classNames.count)
    }
}
