// What a run's preprocessing did, as RunRecord.preprocessing stores it (a JSON object): the preset and
// model overrides (the first stores had only these), each input column's treatment (numeric,
// categorical, text, datetime), the options (imputation, missing indicators, scaling, categorical
// encoding and its level cap) and the TF-IDF settings of text columns, so the notebook's Python
// reproduces the same pipeline. Stores written before the columns were recorded still load: reading
// them gives nil and the export falls back to dtype-based column selection.
// Leaves out: the fitted statistics (medians, vocabularies: they are in the stored model).
public import MLCore

/// The preprocessing of a run, decoded from or written to `RunRecord.preprocessing`.
public struct RunPreprocessing: Sendable, Equatable {
    /// scikit-learn TfidfVectorizer settings equal to the data layer's TF-IDF.
    public struct TFIDF: Sendable, Equatable {
        public var minDf: Int
        public var maxFeatures: Int
        public var sublinearTf: Bool
        public var bigrams: Bool
    }

    /// "linear", "tree" or "distance" (MLCore's PreprocessingPreset).
    public var preset: String
    public var numeric: [String]
    public var categorical: [String]
    public var text: [String]
    public var datetime: [String]
    public var imputeMedian: Bool
    public var missingIndicator: Bool
    public var standardize: Bool
    /// "one_hot", "native" or "ordinal" (MLCore's CategoricalEncoding).
    public var categoricalEncoding: String
    public var maxLevels: Int
    /// The encoding of the high-cardinality categorical columns ("target", "frequency", "one_hot"), nil:
    /// the same as the others; and which columns it applied to (more levels than the threshold in training).
    public var highCardinality: String?
    public var highCardinalityColumns: [String]
    public var tfidf: TFIDF

    /// The description of `pipeline` as a run stores it, with the preset, the model overrides and any
    /// `extra` keys a caller adds for people to read (they do not replace the recorded ones).
    /// `highCardinalityColumns`: the columns the high-cardinality encoding applied to.
    public static func record(
        _ pipeline: Pipeline, preset: PreprocessingPreset, overrides: [String: String],
        adding extra: [String: RunValue] = [:], highCardinalityColumns: [String] = []
    ) -> RunValue {
        func names(_ t: ColumnTreatment) -> RunValue {
            .array(pipeline.columns.filter { $0.treatment == t }.map { .string($0.name) })
        }
        let o = pipeline.options
        var recorded: [String: RunValue] = [
            "preset": .string(preset.rawValue),
            "overrides": .object(overrides.mapValues { .string($0) }),
            "columns": .object([
                "numeric": names(.numeric), "categorical": names(.categorical),
                "text": names(.text), "datetime": names(.datetime),
            ]),
            "options": .object([
                "impute_median": .bool(o.imputeMedian), "missing_indicator": .bool(o.addMissingIndicator),
                "standardize": .bool(o.standardize), "categorical": .string(o.categorical.rawValue),
                "max_levels": .number(Double(o.maxLevels)),
            ]),
            // scikit-learn's TfidfVectorizer parameters (lowercase, token pattern \b\w\w+\b, smooth idf,
            // l2 norm are its defaults and ours).
            "tfidf": .object([
                "min_df": .number(Double(o.tfidfMinDf)), "max_features": .number(Double(o.tfidfMaxFeatures)),
                "sublinear_tf": .bool(o.tfidfSublinearTf),
                "ngram_range": .array([.number(1), .number(o.tfidfBigrams ? 2 : 1)]),
            ]),
        ]
        if let high = o.highCardinality {
            recorded["high_cardinality"] = .object([
                "encoding": .string(high.rawValue), "columns": .array(highCardinalityColumns.map { .string($0) }),
                "levels_above": .number(Double(PreprocessingOptions.highCardinalityLevels)),
                "smoothing": PreprocessingOptions.targetSmoothing.map { .number($0) } ?? .string("auto"),
            ])
        }
        return .object(extra.merging(recorded) { _, ours in ours })
    }

    /// The recorded preprocessing of `value`; nil for records that predate the column treatments.
    public init?(_ value: RunValue) {
        guard case .object(let p) = value, case .object(let columns)? = p["columns"] else { return nil }
        func names(_ key: String) -> [String] {
            guard case .array(let items)? = columns[key] else { return [] }
            return items.compactMap { if case .string(let s) = $0 { s } else { nil } }
        }
        func options(_ key: String) -> [String: RunValue] { if case .object(let o)? = p[key] { o } else { [:] } }
        func flag(_ o: [String: RunValue], _ key: String, _ fallback: Bool) -> Bool {
            if case .bool(let b)? = o[key] { b } else { fallback }
        }
        func int(_ o: [String: RunValue], _ key: String, _ fallback: Int) -> Int {
            o[key]?.number.flatMap { $0.isFinite ? Int($0) : nil } ?? fallback
        }
        let presetName = if case .string(let s)? = p["preset"] { s } else { "linear" }
        let defaults = (PreprocessingPreset(rawValue: presetName) ?? .linear).options
        let o = options("options"), t = options("tfidf")
        preset = presetName
        numeric = names("numeric")
        categorical = names("categorical")
        text = names("text")
        datetime = names("datetime")
        imputeMedian = flag(o, "impute_median", defaults.imputeMedian)
        missingIndicator = flag(o, "missing_indicator", defaults.addMissingIndicator)
        standardize = flag(o, "standardize", defaults.standardize)
        categoricalEncoding = if case .string(let s)? = o["categorical"] { s } else { defaults.categorical.rawValue }
        maxLevels = int(o, "max_levels", defaults.maxLevels)
        let high = options("high_cardinality")
        highCardinality = if case .string(let s)? = high["encoding"] { s } else { nil }
        highCardinalityColumns =
            if case .array(let items)? = high["columns"] {
                items.compactMap { if case .string(let s) = $0 { s } else { nil } }
            } else { [] }
        var bigrams = defaults.tfidfBigrams
        if case .array(let range)? = t["ngram_range"], let hi = range.last?.number { bigrams = hi >= 2 }
        tfidf = TFIDF(
            minDf: int(t, "min_df", defaults.tfidfMinDf),
            maxFeatures: int(t, "max_features", defaults.tfidfMaxFeatures),
            sublinearTf: flag(t, "sublinear_tf", defaults.tfidfSublinearTf), bigrams: bigrams)
    }

    /// Every input column, in the order the record lists them.
    public var columns: [String] { numeric + categorical + text + datetime }

    /// One readable line: the preset, then each treatment's columns and how they are encoded, e.g.
    /// "linear: numeric age (median, scaled, missing flags); categorical class, sex (one-hot ≤ 20); text name (TF-IDF 1–2-grams)".
    public var summary: String {
        var numericSteps = [
            imputeMedian ? "median" : "NaN kept", standardize ? "scaled" : nil,
            missingIndicator ? "missing flags" : nil,
        ]
        .compactMap { $0 }.joined(separator: ", ")
        if numericSteps.isEmpty { numericSteps = "as is" }
        let encoding = categoricalEncoding == "one_hot" ? "one-hot" : "codes"
        let high = Set(highCardinalityColumns)
        let categorical = self.categorical.filter { !high.contains($0) }
        let parts = [
            numeric.isEmpty ? nil : "numeric \(numeric.joined(separator: ", ")) (\(numericSteps))",
            categorical.isEmpty
                ? nil : "categorical \(categorical.joined(separator: ", ")) (\(encoding) ≤ \(maxLevels))",
            high.isEmpty
                ? nil
                : "high-cardinality \(highCardinalityColumns.joined(separator: ", ")) (\((highCardinality ?? "").replacingOccurrences(of: "_", with: "-")) encoding)",
            text.isEmpty
                ? nil : "text \(text.joined(separator: ", ")) (TF-IDF \(tfidf.bigrams ? "1–2-grams" : "words"))",
            datetime.isEmpty ? nil : "datetime \(datetime.joined(separator: ", ")) (year…hour)",
        ].compactMap { $0 }
        return preset + ": " + parts.joined(separator: "; ")
    }
}
