// Original units for interpretation: linear and k-NN pipelines standardise numbers, so a slice like
// "age [-inf, -0.31)" would be in standard deviations. `OriginalUnits`, read from a fitted pipeline,
// inverts that standardisation (raw = value × scale + mean) for every numeric feature, including
// datetime parts, and knows which inputs are free text (TF-IDF terms), whose term weights have no
// readable unit or direction. Error slices, worst cases, training ranges and partial-dependence
// grids use it. Leaves out: the median fill of missing values (a filled value shows as the median).

/// How to show a pipeline's features in the dataset's own units.
public struct OriginalUnits: Sendable, Equatable {
    public struct Affine: Sendable, Equatable {
        public var mean: Double
        public var scale: Double
    }
    /// By feature name: the standardisation to invert.
    public var affine: [String: Affine]
    /// Source columns turned into TF-IDF terms.
    public var textColumns: Set<String>

    /// No transformation known: values show as they are.
    public init(affine: [String: Affine] = [:], textColumns: Set<String> = []) {
        self.affine = affine; self.textColumns = textColumns
    }

    /// The units of `pipeline`'s features.
    public init(pipeline: FittedPipeline) {
        var affine: [String: Affine] = [:], text: Set<String> = []
        func visit(_ step: FittedStep) {
            switch step {
            case .numeric(let column, _, let mean, let scale, _):
                if mean != 0 || scale != 1 { affine[column] = Affine(mean: mean, scale: scale) }
            case .datetime(_, let parts): parts.forEach(visit)
            case .tfidf(let column, _): text.insert(column)
            case .oneHot, .codes, .encoded: break
            }
        }
        pipeline.steps.forEach(visit)
        self.init(affine: affine, textColumns: text)
    }

    /// `value` of feature `name` in original units.
    public func original(_ name: String, _ value: Double) -> Double {
        guard let a = affine[name] else { return value }
        return value * a.scale + a.mean
    }

    /// Whether feature `f` is one term of a free-text column.
    public func isTextTerm(_ f: FeatureInfo) -> Bool {
        textColumns.contains(f.sourceColumn) && f.name != f.sourceColumn
    }

    /// `x` in original units, without the TF-IDF term columns (they have no slices, ranges or readable values).
    /// - Complexity: O(rows × features).
    public func view(_ x: FeatureMatrix) -> FeatureMatrix {
        let keep = x.features.indices.filter { !isTextTerm(x.features[$0]) }
        var values: [Double] = []
        values.reserveCapacity(keep.count * x.rows)
        for j in keep {
            let col = x.column(j)
            if let a = affine[x.features[j].name] { values += col.map { $0 * a.scale + a.mean } } else { values += col }
        }
        return FeatureMatrix(rows: x.rows, features: keep.map { x.features[$0] }, values: values)
    }
}
