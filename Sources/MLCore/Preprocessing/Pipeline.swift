// The preprocessing plan: which columns feed the model and how each is turned into numbers.
// A Pipeline is a Codable spec; `fit(dataset, rows:)` learns its statistics (medians, levels,
// vocabularies, means) from the given training rows only and returns a FittedPipeline, which
// transforms any rows (validation, test, a new file) into a FeatureMatrix without refitting.
// Leaves out: feature selection and target transforms.

/// How categorical columns become numbers.
public enum CategoricalEncoding: String, Sendable, Codable, Equatable {
    /// One 0/1 column per level seen in training (the most frequent `maxLevels`), plus 'other'
    /// for rarer or unseen levels and 'missing' when training had missing values.
    case oneHot = "one_hot"
    /// One column of level codes (sorted levels), marked `FeatureKind.categorical` so tree models split
    /// on categories natively; rarer levels share an 'other' code; missing stays NaN.
    case native
    /// One numeric column of level codes (sorted levels); for models that need plain numbers.
    case ordinal
    /// One numeric column: the share of training rows at each level (0 for an unseen level).
    case frequency
    /// The smoothed mean of the target at each level (one column per class for more than two classes),
    /// learnt from the training rows only; the model is fitted on cross-fitted values (each row's
    /// encoding from the other folds of its training rows), as scikit-learn's TargetEncoder.
    case target
}

/// Options of the preprocessing; names follow scikit-learn's.
public struct PreprocessingOptions: Sendable, Codable, Equatable {
    /// Replace missing numbers by the training median (else NaN stays: trees handle it).
    public var imputeMedian = true
    /// Add a 0/1 `col_missing` column for numeric columns with missing training values.
    public var addMissingIndicator = true
    /// Standardise numeric columns to mean 0, std 1 (training statistics).
    public var standardize = true
    public var categorical: CategoricalEncoding = .oneHot
    /// Levels kept per categorical column (the most frequent); the rest go to 'other'.
    public var maxLevels = 20
    /// The encoding of high-cardinality categorical columns (more than `highCardinalityLevels` levels in
    /// the training rows); nil: the same as the others.
    public var highCardinality: CategoricalEncoding? = nil
    /// Levels above which a categorical column is high-cardinality.
    public static let highCardinalityLevels = 15
    /// Target encoding's smoothing: nil for scikit-learn's smooth="auto" (empirical Bayes shrinkage toward the
    /// overall mean by the level's own spread, LevelEncoding.target), else m: (its target sum + m × the
    /// overall mean) / (its rows + m).
    public static let targetSmoothing: Double? = nil
    /// TF-IDF: word unigrams and bigrams, terms in at least `minDf` training documents,
    /// the `maxFeatures` most frequent terms, 1 + log(tf) when `sublinearTf`, rows L2-normalised.
    public var tfidfMinDf = 2
    public var tfidfMaxFeatures = 1000
    public var tfidfSublinearTf = true
    public var tfidfBigrams = true

    public init() {}
}

/// Ready-made option sets for model families.
public enum PreprocessingPreset: String, Sendable, Codable, Equatable, CaseIterable {
    /// Linear and logistic models: median impute + missing indicator + standard scaling + one-hot.
    case linear
    /// Trees and boosting: missing values kept as NaN, categoricals as native codes, no scaling.
    case tree
    /// k-NN, k-means, SVM-like models: as linear (scaling is essential for distances).
    case distance

    public var options: PreprocessingOptions {
        var o = PreprocessingOptions()
        switch self {
        case .linear, .distance: break
        case .tree:
            o.imputeMedian = false
            o.addMissingIndicator = false
            o.standardize = false
            o.categorical = .native
            o.maxLevels = 254
        }
        return o
    }
}

/// How one column is used.
public enum ColumnTreatment: String, Sendable, Codable, Equatable {
    case numeric, categorical, text, datetime
}

/// One input column and its treatment.
public struct ColumnPlan: Sendable, Codable, Equatable {
    public var name: String
    public var treatment: ColumnTreatment

    public init(name: String, treatment: ColumnTreatment) {
        self.name = name
        self.treatment = treatment
    }
}

/// The preprocessing spec.
public struct Pipeline: Sendable, Codable, Equatable {
    public var columns: [ColumnPlan]
    public var options: PreprocessingOptions

    public init(columns: [ColumnPlan], options: PreprocessingOptions) {
        self.columns = columns
        self.options = options
    }

    /// Every column of `dataset` except the target and `excluding`, treated by its kind
    /// (integer/float/boolean → numeric, categorical, text, datetime).
    public init(
        dataset: Dataset, target: String?, excluding: [String] = [], preset: PreprocessingPreset = .linear
    ) throws(MLError) {
        for name in excluding where dataset.index(of: name) == nil {
            throw MLError(.unknownColumn, Dataset.unknownColumnMessage(name, among: dataset.columnNames))
        }
        if let target { _ = try dataset.columnIndex(named: target) }
        let skip = Set(excluding + (target.map { [$0] } ?? []))
        let plans = dataset.columns.filter { !skip.contains($0.name) }.map { c in
            ColumnPlan(name: c.name, treatment: Pipeline.treatment(for: c.kind))
        }
        guard !plans.isEmpty else {
            throw MLError(
                .invalidInput,
                "No feature columns are left once the target and excluded columns are removed; keep at least one.")
        }
        self.init(columns: plans, options: preset.options)
    }

    public static func treatment(for kind: ColumnKind) -> ColumnTreatment {
        switch kind {
        case .integer, .float, .boolean: .numeric
        case .categorical: .categorical
        case .text: .text
        case .datetime: .datetime
        }
    }
}
