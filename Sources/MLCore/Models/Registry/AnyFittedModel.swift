// A fitted model of any family, type-erased: it predicts, exposes its trees (for TreeSHAP and gain
// importance) when it has some, and saves/loads through Codable as {"family": name, "model": …}.
// Leaves out: the preprocessing pipeline (saved beside it by the experiment runner).

public import Foundation

/// A fitted model of any family.
public enum AnyFittedModel: Sendable {
    case baseline(FittedDummyModel)
    case linear(FittedLinearRegression)
    case logistic(FittedLogisticRegression)
    case knn(FittedKNearestNeighbors)
    case naiveBayes(FittedNaiveBayes)
    case tree(FittedDecisionTree)
    case randomForest(FittedRandomForest)
    case gbdt(FittedGradientBoosting)
    case kmeans(FittedKMeans)

    /// The underlying fitted model.
    public var model: any FittedModel {
        switch self {
        case .baseline(let m): m
        case .linear(let m): m
        case .logistic(let m): m
        case .knn(let m): m
        case .naiveBayes(let m): m
        case .tree(let m): m
        case .randomForest(let m): m
        case .gbdt(let m): m
        case .kmeans(let m): m
        }
    }

    /// The family name it was saved under.
    public var family: String {
        switch self {
        case .baseline: "baseline"
        case .linear(let m): m.parameters.kind.rawValue
        case .logistic: "logistic"
        case .knn: "knn"
        case .naiveBayes: "naive_bayes"
        case .tree: "tree"
        case .randomForest: "random_forest"
        case .gbdt: "gbdt"
        case .kmeans: "kmeans"
        }
    }

    public var features: [FeatureInfo] { model.features }

    public func predict(_ x: FeatureMatrix) throws(MLError) -> Prediction { try model.predict(x) }

    /// The model as a tree ensemble (tree, random_forest, gbdt), for TreeSHAP and gain importance.
    public var treeEnsemble: (any TreeEnsemble)? {
        switch self {
        case .tree(let m): m
        case .randomForest(let m): m
        case .gbdt(let m): m
        default: nil
        }
    }
}

extension AnyFittedModel: Codable {
    private enum Keys: String, CodingKey { case family, model }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        let family = try c.decode(String.self, forKey: .family)
        switch family {
        case "baseline": self = .baseline(try c.decode(FittedDummyModel.self, forKey: .model))
        case "linear", "ridge", "lasso", "elasticnet":
            self = .linear(try c.decode(FittedLinearRegression.self, forKey: .model))
        case "logistic": self = .logistic(try c.decode(FittedLogisticRegression.self, forKey: .model))
        case "knn": self = .knn(try c.decode(FittedKNearestNeighbors.self, forKey: .model))
        case "naive_bayes": self = .naiveBayes(try c.decode(FittedNaiveBayes.self, forKey: .model))
        case "tree": self = .tree(try c.decode(FittedDecisionTree.self, forKey: .model))
        case "random_forest": self = .randomForest(try c.decode(FittedRandomForest.self, forKey: .model))
        case "gbdt": self = .gbdt(try c.decode(FittedGradientBoosting.self, forKey: .model))
        case "kmeans": self = .kmeans(try c.decode(FittedKMeans.self, forKey: .model))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .family, in: c,
                debugDescription:
                    "Unknown model family '\(family)'; known: \(ModelRegistry.names.joined(separator: ", ")).")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(family, forKey: .family)
        switch self {
        case .baseline(let m): try c.encode(m, forKey: .model)
        case .linear(let m): try c.encode(m, forKey: .model)
        case .logistic(let m): try c.encode(m, forKey: .model)
        case .knn(let m): try c.encode(m, forKey: .model)
        case .naiveBayes(let m): try c.encode(m, forKey: .model)
        case .tree(let m): try c.encode(m, forKey: .model)
        case .randomForest(let m): try c.encode(m, forKey: .model)
        case .gbdt(let m): try c.encode(m, forKey: .model)
        case .kmeans(let m): try c.encode(m, forKey: .model)
        }
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
