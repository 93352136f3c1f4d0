// The estimator protocol every model family conforms to (scikit-learn's API, typed):
// hyper-parameters are stored values, validation happens in `fit`, `fit` returns a separate
// fitted type, and a stored seed makes fitting twice give the same model.

/// An unfitted model: hyper-parameters plus the ability to fit.
public protocol Estimator: Sendable {
    associatedtype Fitted: FittedModel
    associatedtype Parameters: Encodable & Sendable
    /// Its hyper-parameters, defaults included.
    var parameters: Parameters { get }
    /// Fits on `data`. Throws an `MLError` that says what to change when the data or parameters are invalid.
    func fit(_ data: TrainingSet) throws(MLError) -> Fitted
}

/// An estimator that also fits on `FeatureColumns` without a dense copy (gradient boosting bins them).
public protocol ColumnEstimator: Estimator {
    func fit(columns x: FeatureColumns, y: TargetValues, sampleWeights: [Double]?) throws(MLError) -> Fitted
}

/// An estimator that may stop adding iterations when a time limit passes (gradient boosting's maxSeconds).
/// The same estimator fixed at the count one fit reached, without the limit, fits the other folds and the
/// final model of an experiment: every fold then has the same model size, and a replay the same work.
public protocol TimeLimited: Estimator {
    /// This estimator with `fitted`'s iteration count fixed and no time limit; nil when it has no limit.
    func fixed(at fitted: Fitted) -> Self?
}

/// A fitted model: predicts, and saves/loads through `Codable` (a loaded model predicts exactly the same).
public protocol FittedModel: Sendable, Codable {
    /// The names and kinds of the features the model was fitted on, in order.
    var features: [FeatureInfo] { get }
    func predict(_ x: FeatureMatrix) throws(MLError) -> Prediction
}

/// What a model predicts for a batch of rows.
public enum Prediction: Sendable, Codable, Equatable {
    /// Class indices and, for probabilistic classifiers, a row-major `rows × classes` probability matrix.
    case classes(labels: [Int], probabilities: [Double]?, classCount: Int)
    case values([Double])
    case clusters([Int])

    public var count: Int {
        switch self {
        case .classes(let l, _, _): l.count
        case .values(let v): v.count
        case .clusters(let c): c.count
        }
    }
}

extension FittedModel {
    /// Checks that `x` has the features the model was fitted on, by name and in order.
    public func checkFeatures(of x: FeatureMatrix) throws(MLError) {
        guard x.features.map(\.name) == features.map(\.name) else {
            let have = Set(x.features.map(\.name)), want = Set(features.map(\.name))
            let missing = want.subtracting(have).sorted(), extra = have.subtracting(want).sorted()
            throw MLError(
                .shapeMismatch,
                "The data's features do not match the model's. Missing: \(missing.isEmpty ? "none" : missing.joined(separator: ", ")); "
                    + "extra: \(extra.isEmpty ? "none" : extra.joined(separator: ", ")). Prepare the data with the model's own pipeline."
            )
        }
    }
}
