// A model of any family with its hyper-parameters, type-erased so the CLI, the agent and validation can
// hold "some model" and fit it into an `AnyFittedModel`. What differs by family comes from its
// `ModelFamily` row or from the protocols the estimator conforms to; nothing here names a family.
// Leaves out: building from names (ModelFamily.make).

import Foundation

/// An unfitted model of any family.
public struct AnyEstimator: Sendable {
    /// The family it belongs to.
    public let family: ModelFamily
    /// The estimator itself.
    public let estimator: any Estimator

    public init(family: ModelFamily, estimator: any Estimator) {
        self.family = family
        self.estimator = estimator
    }

    /// The family's name (`ridge`, `gbdt`, …).
    public var name: String { family.name }

    /// Fits on `data`. - Throws: `MLError` saying what to change.
    public func fit(_ data: TrainingSet) throws(MLError) -> AnyFittedModel {
        AnyFittedModel(family: name, model: try estimator.fit(data))
    }

    /// Whether the family fits on `FeatureColumns` without a dense copy.
    public var fitsOnColumns: Bool { estimator is any ColumnEstimator }

    /// Whether the family never reads its inputs (the baseline predicts from the target alone).
    public var ignoresFeatures: Bool { family.ignoresFeatures }

    /// Fits on `x` and `y`: columns go to the families that take them, every other family gets the matrix.
    public func fit(_ x: FeatureInput, y: TargetValues) throws(MLError) -> AnyFittedModel {
        switch x {
        case .columns(let c):
            if let columnar = estimator as? any ColumnEstimator {
                return AnyFittedModel(family: name, model: try columnar.fit(columns: c, y: y, sampleWeights: nil))
            }
            return try fit(TrainingSet(x: c.matrix(), y: y))
        case .matrix(let m): return try fit(TrainingSet(x: m, y: y))
        }
    }

    /// The effective hyper-parameters (defaults included) as strings, keyed by their camelCase names.
    public var parameters: [String: String] {
        guard let data = try? JSONEncoder().encode(estimator.parameters),
            let object = try? JSONDecoder().decode([String: ParameterValue].self, from: data)
        else { return [:] }
        return object.mapValues(\.text)
    }

    /// With a time limit: the estimator fixed at the iteration count `fitted` reached, without the limit
    /// (`TimeLimited`); nil when it has none.
    public func fixed(at fitted: AnyFittedModel) -> AnyEstimator? {
        func open<E: TimeLimited>(_ estimator: E) -> AnyEstimator? {
            guard let model = fitted.model as? E.Fitted, let fixed = estimator.fixed(at: model) else { return nil }
            return AnyEstimator(family: family, estimator: fixed)
        }
        guard let limited = estimator as? any TimeLimited else { return nil }
        return open(limited)
    }

    /// Whether the family fits on data with missing values (NaN).
    public var acceptsMissingValues: Bool { family.acceptsMissingValues }
}

/// Model input in either layout.
public enum FeatureInput: Sendable {
    case matrix(FeatureMatrix)
    case columns(FeatureColumns)
}
