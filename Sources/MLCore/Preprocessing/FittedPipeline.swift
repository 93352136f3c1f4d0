// A Pipeline fitted on training rows: the learnt statistics per column, and the transform that
// turns any rows of a dataset with the same columns into a FeatureMatrix. Codable, saved with the model.
// Columns are found by name and categorical values matched by their text, so a new file whose
// levels differ (or come in another order) transforms consistently. Leaves out: fitting (Pipeline+Fit).

/// What was learnt for one input column.
public enum FittedStep: Sendable, Codable, Equatable {
    /// fill: the training median (nil keeps NaN); mean/scale: standardisation (scale 1 = none);
    /// indicator: whether a `name_missing` column follows.
    case numeric(column: String, fill: Double?, mean: Double, scale: Double, indicator: Bool)
    /// levels kept (in feature order), whether 'other' and 'missing' columns exist.
    case oneHot(column: String, levels: [String], other: Bool, missing: Bool)
    /// Codes of `levels`; `other` is the code for rarer and unseen levels (nil: they are NaN).
    case codes(column: String, levels: [String], other: Bool, native: Bool)
    case tfidf(column: String, model: TFIDFModel)
    /// Year, month, day, weekday, hour (+ fraction), each as a numeric step over the derived values.
    case datetime(column: String, parts: [FittedStep])
    /// Frequency or target encoding of a categorical column (LevelEncoding).
    case encoded(LevelEncoding)

    public var column: String {
        switch self {
        case .numeric(let c, _, _, _, _), .oneHot(let c, _, _, _), .codes(let c, _, _, _), .tfidf(let c, _),
            .datetime(let c, _):
            c
        case .encoded(let e): e.column
        }
    }
}

/// A fitted preprocessing pipeline.
public struct FittedPipeline: Sendable, Codable, Equatable {
    public let pipeline: Pipeline
    public let steps: [FittedStep]
    /// The output features, in matrix order; `sourceColumn` names the input column.
    public let features: [FeatureInfo]
    /// The rows the statistics were learnt from (kept so a test can prove no other row was used).
    public let fittedRowCount: Int

    init(pipeline: Pipeline, steps: [FittedStep], fittedRowCount: Int) {
        self.pipeline = pipeline
        self.steps = steps
        self.features = steps.flatMap(FittedPipeline.features)
        self.fittedRowCount = fittedRowCount
    }

    /// The feature matrix of `rows` (all rows when nil), in that order. `replacing` gives, by input
    /// column, the values to use instead of its step's output (column-major, as the step writes them):
    /// the cross-fitted target encodings of the training rows (`crossFitted`).
    /// - Throws: when a column is missing from `dataset` or cannot be read as the fitted treatment.
    /// - Complexity: O(rows × features).
    public func transform(_ dataset: Dataset, rows: [Int]? = nil, replacing: [String: [Double]] = [:]) throws(MLError)
        -> FeatureMatrix
    {
        let rows = rows ?? Array(0..<dataset.rowCount)
        var values: [Double] = []
        values.reserveCapacity(rows.count * features.count)
        for step in steps {
            if let given = replacing[step.column] {
                values.append(contentsOf: given)
                continue
            }
            let column = try dataset.column(named: step.column)
            try StepTransform.apply(step, column: column, rows: rows, into: &values)
        }
        return FeatureMatrix(rows: rows.count, features: features, values: values)
    }

    /// The same features as `transform(dataset, rows:)`, as column buffers: a numeric column the steps
    /// leave unchanged (no fill, no scaling, no indicator: the tree preset) is the dataset's own buffer,
    /// read through `rows`; every other step's output is computed for `rows` as in `transform`.
    /// - Complexity: O(rows × transformed features); no copy of unchanged columns.
    public func columns(_ dataset: Dataset, rows: [Int]? = nil, replacing: [String: [Double]] = [:]) throws(MLError)
        -> FeatureColumns
    {
        let rows = rows ?? Array(0..<dataset.rowCount)
        let isAllRows = rows.count == dataset.rowCount && rows.enumerated().allSatisfy { $0.offset == $0.element }
        var parts: [FeatureColumns.Part] = []
        for step in steps {
            let column = try dataset.column(named: step.column)
            if case .numeric(_, nil, 0, 1, false) = step {
                parts.append(.shared(try StepTransform.numbers(column)))
                continue
            }
            var values: [Double] = replacing[step.column] ?? []
            if values.isEmpty { try StepTransform.apply(step, column: column, rows: rows, into: &values) }
            let width = rows.isEmpty ? Self.features(of: step).count : values.count / rows.count
            for k in 0..<width { parts.append(.own(Array(values[(k * rows.count)..<((k + 1) * rows.count)]))) }
        }
        return FeatureColumns.assemble(
            rows: rows.count, features: features, parts: parts, rowMap: isAllRows ? nil : rows)
    }

    /// Features and target of `rows`, ready for `Estimator.fit`.
    public func trainingSet(_ dataset: Dataset, target: TargetSpec, rows selected: [Int]? = nil) throws(MLError)
        -> TrainingSet
    {
        let rows: [Int]
        if let given = selected { rows = given } else { rows = try dataset.rowsWithTarget(target.column) }
        return TrainingSet(x: try transform(dataset, rows: rows), y: try target.values(in: dataset, rows: rows))
    }

    static func features(of step: FittedStep) -> [FeatureInfo] {
        switch step {
        case .numeric(let c, _, _, _, let indicator):
            return [FeatureInfo(name: c, sourceColumn: c)]
                + (indicator ? [FeatureInfo(name: "\(c)_missing", sourceColumn: c)] : [])
        case .oneHot(let c, let levels, let other, let missing):
            return levels.map { FeatureInfo(name: "\(c)=\($0)", sourceColumn: c) }
                + (other ? [FeatureInfo(name: "\(c)=(other)", sourceColumn: c)] : [])
                + (missing ? [FeatureInfo(name: "\(c)=(missing)", sourceColumn: c)] : [])
        case .codes(let c, let levels, let other, let native):
            let count = levels.count + (other ? 1 : 0)
            return [FeatureInfo(name: c, kind: native ? .categorical(levels: count) : .numeric, sourceColumn: c)]
        case .tfidf(let c, let model):
            return model.terms.map { FeatureInfo(name: "\(c):\($0)", sourceColumn: c) }
        case .datetime(let c, let parts):
            return parts.flatMap(features).map { FeatureInfo(name: $0.name, kind: $0.kind, sourceColumn: c) }
        case .encoded(let e):
            return e.outputs.map { FeatureInfo(name: $0, sourceColumn: e.column) }
        }
    }
}

extension FittedPipeline {
    /// The categorical columns the high-cardinality encoding (PreprocessingOptions.highCardinality) applied to.
    public var highCardinalityColumns: [String] {
        let o = pipeline.options
        guard let high = o.highCardinality, high != o.categorical else { return [] }
        return steps.compactMap { step in
            switch step {
            case .encoded(let e): e.column
            case .oneHot(let c, _, _, _) where high == .oneHot: c
            default: nil
            }
        }
    }

    /// The cross-fitted target encodings of `rows` (`target` their targets, in that order), by input
    /// column, for `transform(_:rows:replacing:)`: what the model is fitted on, so that no training row's
    /// own target reaches its features. Empty when the pipeline has no target encoding.
    public func crossFitted(_ dataset: Dataset, rows: [Int], target: TargetValues, seed: UInt64) throws(MLError)
        -> [String: [Double]]
    {
        var out: [String: [Double]] = [:]
        for case .encoded(let e) in steps where e.encoding == .target {
            out[e.column] = try LevelEncoding.crossFitted(
                try dataset.column(named: e.column), rows: rows, target: target, seed: seed)
        }
        return out
    }
}
