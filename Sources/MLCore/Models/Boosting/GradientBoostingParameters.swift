// Hyper-parameters of histogram gradient boosting, with scikit-learn's HistGradientBoosting names
// (camelCase) and defaults, except early stopping, which is off unless asked for, so a run with the same
// hyper-parameters as LightGBM trains on the same rows.
// Leaves out: monotonic and interaction constraints, L1 regularisation.

/// Hyper-parameters of `HistGradientBoosting`.
public struct GradientBoostingParameters: Sendable, Codable, Equatable {
    /// nil: `log_loss` for a class target, `squared_error` for a numeric one.
    public var loss: BoostingLoss? = nil
    public var learningRate = 0.1
    /// Boosting iterations (trees per output).
    public var maxIter = 100
    public var maxLeafNodes = 31
    /// nil: no depth limit (growth is bounded by `maxLeafNodes`).
    public var maxDepth: Int? = nil
    public var minSamplesLeaf = 20
    /// Minimum hessian sum in a child (LightGBM's min_sum_hessian_in_leaf).
    public var minChildWeight = 1e-3
    public var l2Regularization = 0.0
    /// Bins for non-missing values, 2…255 (one more bin always holds missing values).
    public var maxBins = 255
    /// Fraction of rows drawn (without replacement) for each iteration.
    public var subsample = 1.0
    /// Fraction of features considered at each split.
    public var maxFeatures = 1.0
    public var earlyStopping = false
    public var validationFraction = 0.1
    public var nIterNoChange = 10
    public var tol = 1e-7
    public var seed: UInt64 = 0
    /// Threads for histograms, gradients and prediction; results do not depend on it.
    public var threads = 2
    /// Share of rows its most frequent bin must hold for a feature to be sparse (histograms from row-wise
    /// lists of its other bins: TF-IDF terms); nil: 0.8 (LightGBM's sparse_threshold); above 1: no feature is
    /// sparse. The model is the same either way; only the time differs.
    public var sparseThreshold: Double? = nil
    /// "balanced": each class weighs rows / (classes × its rows), as scikit-learn's class_weight; nil: 1.
    public var classWeight: String? = nil
    /// Stop adding iterations once the fit has run this many seconds (at least one iteration runs); nil: no
    /// limit. A cross-validated experiment fits its other folds and its final model with the count the first
    /// fold reached (`TimeLimited`), so every fold has the same model size and the folds stay comparable.
    public var maxSeconds: Double? = nil

    public init() {}

    /// Checks every value against the ranges of `GradientBoostingParameters.specs`
    /// (HistGradientBoosting+Parameters), the one place they are stated.
    func validate() throws(MLError) {
        try Self.specs.check(self, model: "gbdt")
    }
}
