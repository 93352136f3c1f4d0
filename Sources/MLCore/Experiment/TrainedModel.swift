// A trained model as it is stored with a run and used to predict later: the target's meaning, the
// fitted preprocessing and the fitted model, saved together as JSON so a loaded one predicts exactly
// the same. Leaves out: where it is stored (RunRecord.model holds `saved()`).

public import Foundation

/// Fitted preprocessing + model for one target.
public struct TrainedModel: Sendable, Codable {
    public var target: TargetSpec
    public var pipeline: FittedPipeline
    public var model: AnyFittedModel

    public init(target: TargetSpec, pipeline: FittedPipeline, model: AnyFittedModel) {
        self.target = target
        self.pipeline = pipeline
        self.model = model
    }

    /// Predictions for `rows` of `dataset` (all rows when nil); the dataset needs the training columns.
    public func predict(_ dataset: Dataset, rows: [Int]? = nil) throws(MLError) -> Prediction {
        try model.predict(try pipeline.transform(dataset, rows: rows))
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
