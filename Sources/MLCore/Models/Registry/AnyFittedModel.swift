// A fitted model of any family, type-erased: it predicts, exposes its trees (for TreeSHAP and gain
// importance) when it has some, and saves/loads through Codable as {"family": name, "model": …}, the
// family's `ModelFamily` row naming the type to decode.
// Leaves out: the preprocessing pipeline (saved beside it by the experiment runner).

public import Foundation

/// A fitted model of any family.
public struct AnyFittedModel: Sendable {
    /// The family name it is saved under (`ridge`, `gbdt`, …).
    public let family: String
    /// The underlying fitted model.
    public let model: any FittedModel

    public init(family: String, model: any FittedModel) {
        self.family = family
        self.model = model
    }

    public var features: [FeatureInfo] { model.features }

    public func predict(_ x: FeatureMatrix) throws(MLError) -> Prediction { try model.predict(x) }

    /// The model as a tree ensemble (tree, random_forest, gbdt), for TreeSHAP and gain importance.
    public var treeEnsemble: (any TreeEnsemble)? { model as? any TreeEnsemble }
}

extension AnyFittedModel: Codable {
    private enum Keys: String, CodingKey { case family, model }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        let family = try c.decode(String.self, forKey: .family)
        guard let row = ModelFamily.all.first(where: { $0.name == family }) else {
            throw DecodingError.dataCorruptedError(
                forKey: .family, in: c,
                debugDescription:
                    "Unknown model family '\(family)'; known: \(ModelFamily.all.map(\.name).joined(separator: ", ")).")
        }
        self.init(family: family, model: try c.decode(row.fittedType, forKey: .model))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(family, forKey: .family)
        try c.encode(model, forKey: .model)
    }

    /// JSON bytes of the model. - Throws: `MLError` when encoding fails.
    public func saved() throws(MLError) -> Data {
        do { return try JSONEncoder().encode(self) } catch {
            throw MLError(.io, "Could not encode the \(family) model: \(error).")
        }
    }

    /// A model from `saved()` bytes. - Throws: `MLError` naming the problem.
    public static func load(_ data: Data) throws(MLError) -> AnyFittedModel {
        do { return try JSONDecoder().decode(AnyFittedModel.self, from: data) } catch {
            throw MLError(
                .malformedFile, "Could not read the saved model: \(error). Save it again with this version of mlexp.")
        }
    }
}
