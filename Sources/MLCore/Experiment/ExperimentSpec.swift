// What one experiment is: a target, a model family with checked, typed hyper-parameter overrides
// (ParameterValues: the CLI and the tools parse their text and JSON into them), a validation
// scheme, a seed and a thread count. Shared by `mlexp train` and the agent's train_model tool.
// Leaves out: the dataset itself and the run record (Tracking stores those).

/// How an experiment is validated.
public enum ValidationScheme: Sendable, Codable, Equatable {
    /// A seeded (stratified for classes) holdout of this fraction of the rows.
    case holdout(testFraction: Double)
    /// Seeded (stratified for classes) k-fold cross-validation; the returned model is refitted on all rows.
    case crossValidation(folds: Int)
    /// Fit on every row; score on a separate test dataset.
    case separateTest
    /// Fit on every labelled row and validate nothing: a chosen configuration's final model (its
    /// estimate is the run it refits).
    case refit
}

/// One experiment to run.
public struct ExperimentSpec: Sendable, Equatable {
    public var target: String
    public var family: ModelFamily
    /// Hyper-parameter overrides, checked against `family`'s parameters (`maxIter` → .int(200)).
    public var parameters: ParameterValues
    public var validation: ValidationScheme
    public var seed: UInt64
    /// Threads for families that use them (nil: the family's default, 2).
    public var threads: Int?
    /// Columns left out of the features (IDs, leaks).
    public var excluding: [String]
    /// A transform of a numeric target while fitting (predictions and metrics on the original scale).
    public var targetTransform: TargetTransform?
    /// Cross-validation keeps each value of this column in one fold (GroupKFold); nil: (stratified) k-fold.
    public var groupColumn: String?
    /// The encoding of high-cardinality categorical columns (PreprocessingOptions.highCardinality);
    /// nil: the family's own.
    public var categoricalEncoding: CategoricalEncoding?
    /// The TF-IDF vocabulary of text columns (PreprocessingOptions.tfidfMaxFeatures); nil: its default.
    public var textMaxTerms: Int?
    /// Whether numeric columns are standardised (PreprocessingOptions.standardize); nil: the family's preset.
    /// k-NN on columns of one unit (pixels) measures distances better on the raw values.
    public var standardize: Bool?

    public init(
        target: String, family: ModelFamily, parameters: ParameterValues = ParameterValues(),
        validation: ValidationScheme = .holdout(testFraction: 0.2),
        seed: UInt64 = 0, threads: Int? = nil, excluding: [String] = [], groupColumn: String? = nil,
        targetTransform: TargetTransform? = nil, categoricalEncoding: CategoricalEncoding? = nil,
        textMaxTerms: Int? = nil, standardize: Bool? = nil
    ) {
        self.standardize = standardize
        self.textMaxTerms = textMaxTerms
        self.categoricalEncoding = categoricalEncoding
        self.groupColumn = groupColumn
        self.targetTransform = targetTransform
        self.target = target
        self.family = family
        self.parameters = parameters
        self.validation = validation
        self.seed = seed
        self.threads = threads
        self.excluding = excluding
    }

    /// The family's name (`gbdt`, `ridge`, …), as results and records show it.
    public var model: String { family.name }

    /// The estimator this experiment fits: its family with its parameters, the experiment's seed and
    /// thread count filled in where the family takes them and the parameters set none.
    /// - Throws: `MLError` when the thread count is outside the family's range.
    public func estimator() throws(MLError) -> AnyEstimator {
        try family.make(parameters, seed: seed, threads: threads)
    }
}

/// What an experiment produced.
public struct ExperimentResult: Sendable {
    public var model: String
    /// Effective hyper-parameters, defaults included.
    public var parameters: [String: String]
    /// Validation metrics (means over folds for cross-validation), snake_case keys.
    public var metrics: [String: Double]
    /// Cross-validation details (per-fold metrics, spreads), for `.crossValidation`.
    public var crossValidation: CrossValidationResult?
    /// Seconds spent in the model's `fit` for the returned model (preprocessing excluded).
    public var fitSeconds: Double
    /// Training rows of the returned model, and its number of input features.
    public var rows: Int
    public var features: Int
    public var target: TargetSpec
    public var pipeline: FittedPipeline
    public var fitted: AnyFittedModel
    /// The validation rows (holdout) and their prediction; nil for cross-validation and a separate test.
    public var validationRows: [Int]?
    public var validationPrediction: Prediction?
    /// The hyper-parameters asked for, when a time limit changed them (maxIter fixed at the count the
    /// first fit reached, the limit dropped): what to compare `parameters` with; nil when they are the same.
    public var requestedParameters: [String: String]?

    public init(
        model: String, parameters: [String: String], requestedParameters: [String: String]? = nil,
        metrics: [String: Double],
        crossValidation: CrossValidationResult?, fitSeconds: Double, rows: Int, features: Int, target: TargetSpec,
        pipeline: FittedPipeline, fitted: AnyFittedModel, validationRows: [Int]? = nil,
        validationPrediction: Prediction? = nil
    ) {
        self.model = model
        self.parameters = parameters
        self.metrics = metrics
        self.crossValidation = crossValidation
        self.fitSeconds = fitSeconds
        self.rows = rows
        self.features = features
        self.target = target
        self.pipeline = pipeline
        self.fitted = fitted
        self.validationRows = validationRows
        self.validationPrediction = validationPrediction
        self.requestedParameters = requestedParameters == parameters ? nil : requestedParameters
    }

    /// The iteration count a time limit fixed, when it cut the fit short of the requested maxIter.
    public var iterationsFixedByTimeLimit: Int? {
        guard let requestedParameters, requestedParameters["maxSeconds"] != nil,
            let asked = requestedParameters["maxIter"].flatMap({ Int($0) }),
            let reached = parameters["maxIter"].flatMap({ Int($0) }), reached < asked
        else { return nil }
        return reached
    }
}
