// A trained model as it is stored with a run and used to predict later: the target's meaning, the
// fitted preprocessing and the fitted model, saved together as JSON so a loaded one predicts exactly
// the same; with the target transform it was fitted under (undone on every prediction), or, for an
// ensemble, its members (each a trained model of its own), whose predictions it averages or, stacked,
// combines through a meta-model (Stacking.swift).
// Leaves out: where it is stored (RunRecord.model holds `saved()`).

public import Foundation

/// Fitted preprocessing + model for one target.
public struct TrainedModel: Sendable, Codable {
    public var target: TargetSpec
    public var pipeline: FittedPipeline
    public var model: AnyFittedModel
    /// The transform the model was fitted under (nil: none); `predict` undoes it.
    public var targetTransform: TargetTransform?
    /// An ensemble's members (nil: a single model); `predict` averages theirs, and `pipeline` and
    /// `model` are the first member's.
    public var members: [TrainedModel]?
    /// A stacked ensemble's meta-model over its members' predictions (nil: they are averaged).
    public var stacker: StackingModel?

    public init(
        target: TargetSpec, pipeline: FittedPipeline, model: AnyFittedModel, targetTransform: TargetTransform? = nil
    ) {
        self.target = target
        self.pipeline = pipeline
        self.model = model
        self.targetTransform = targetTransform
    }

    /// An ensemble averaging `members`' predictions (probabilities for classes, values for numbers).
    /// - Throws: when there is no member or the members predict different targets.
    public init(ensemble members: [TrainedModel], stacker: StackingModel? = nil) throws(MLError) {
        guard let first = members.first else {
            throw MLError(.invalidInput, "An ensemble needs at least one member; name two runs or more.")
        }
        guard members.allSatisfy({ $0.target == first.target }) else {
            throw MLError(
                .invalidInput, "The members predict different targets; an ensemble averages models of one target.")
        }
        self.init(target: first.target, pipeline: first.pipeline, model: first.model)
        self.members = members
        self.stacker = stacker
    }

    /// Whether this is an ensemble of several trained models.
    public var isEnsemble: Bool { members != nil }

    /// Predictions for `rows` of `dataset` (all rows when nil); the dataset needs the training columns.
    public func predict(_ dataset: Dataset, rows: [Int]? = nil) throws(MLError) -> Prediction {
        if let members {
            var parts: [Prediction] = []
            for m in members { parts.append(try m.predict(dataset, rows: rows)) }
            if let stacker { return try stacker.predict(parts) }
            return try Prediction.average(parts)
        }
        let p = try model.predict(try pipeline.transform(dataset, rows: rows))
        return targetTransform?.inverse(p) ?? p
    }

    /// The bytes stored with a run.
    public func saved() throws(MLError) -> Data {
        let encoder = JSONEncoder()
        // Trees store NaN thresholds (missing-value branches): keep them as strings, not an error.
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        do { return try encoder.encode(self) } catch {
            throw MLError(.io, "The trained model could not be encoded: \(error).")
        }
    }

    /// A trained model from `saved()` bytes.
    public static func load(_ data: Data) throws(MLError) -> TrainedModel {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        do { return try decoder.decode(TrainedModel.self, from: data) } catch {
            throw MLError(
                .malformedFile,
                "The stored model cannot be read (\(error)); it was saved by another version. Retrain the run.")
        }
    }
}
