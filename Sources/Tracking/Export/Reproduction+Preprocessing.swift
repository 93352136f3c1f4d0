// The scikit-learn ColumnTransformer equal to a run's recorded preprocessing (RunPreprocessing):
// numeric columns median-imputed and standardised with missing indicators (linear and distance
// models) or passed through with NaN (trees); categorical columns one-hot with the same level cap
// and an 'infrequent' column (or ordinal codes for trees, marked categorical for
// HistGradientBoosting); each text column through a TfidfVectorizer with the run's settings (equal to
// mlexp's TF-IDF); datetime columns as year, month, day, weekday, hour. Runs recorded before the
// treatments were stored get the older dtype-based selection. High-cardinality columns encoded by
// target (scikit-learn's TargetEncoder, same smoothing) or frequency get their own step.
// Leaves out: fitted statistics (each fold refits them, as mlexp does).
import Foundation
import MLCore

extension Reproduction {
    /// Imports and statements that define `X` (from `df`) and `prep`, the ColumnTransformer.
    struct PreprocessingCode {
        var imports: [String]
        var lines: [String]
        /// The keyword to add to a HistGradientBoosting estimator (its categorical columns), if any.
        var categoricalFeatures: String?
    }

    static func preprocessingCode(_ run: RunRecord, estimator est: Estimator) -> PreprocessingCode {
        guard let p = RunPreprocessing(run.preprocessing), !p.columns.isEmpty else {
            return legacyPreprocessing(run, estimator: est)
        }
        var imports = ["from sklearn.compose import ColumnTransformer", "from sklearn.pipeline import make_pipeline"]
        var lines: [String] = []
        func list(_ name: String, _ items: [String]) {
            if !items.isEmpty { lines.append("\(name) = \(pythonList(items))") }
        }
        let high = p.highCardinality == nil ? [] : p.highCardinalityColumns
        let categorical = p.categorical.filter { !high.contains($0) }
        list("numeric", p.numeric)
        list("categorical", categorical)
        list("high_cardinality", high)
        list("text", p.text)
        list("datetime", p.datetime)
        let groups = [
            ("numeric", p.numeric), ("categorical", categorical), ("high_cardinality", high), ("text", p.text),
            ("datetime", p.datetime),
        ]
        lines.append("X = df[" + groups.filter { !$0.1.isEmpty }.map(\.0).joined(separator: " + ") + "].copy()")
        var numericInputs = p.numeric.isEmpty ? "" : "numeric"
        if !p.numeric.isEmpty {
            lines += [
                "# mlexp reads true/false and yes/no columns as 1/0.",
                "for c in numeric:",
                "    if not pd.api.types.is_numeric_dtype(X[c]):",
                "        X[c] = X[c].astype(str).str.lower().map({\"true\": 1, \"yes\": 1, \"false\": 0, \"no\": 0})",
                "X[numeric] = X[numeric].astype(float)",
            ]
        }
        if !p.datetime.isEmpty {
            lines += [
                "# Each datetime column as mlexp derives it: year, month, day, weekday (Monday 0), hour with its fraction (UTC).",
                "for c in datetime:",
                "    t = pd.to_datetime(X.pop(c), utc=True, errors=\"coerce\", format=\"mixed\")",
                "    for part, v in ((\"year\", t.dt.year), (\"month\", t.dt.month), (\"day\", t.dt.day), (\"weekday\", t.dt.weekday),",
                "                    (\"hour\", t.dt.hour + t.dt.minute / 60 + t.dt.second / 3600)):",
                "        X[f\"{c}_{part}\"] = v.astype(float)",
                "derived = [f\"{c}_{part}\" for c in datetime for part in (\"year\", \"month\", \"day\", \"weekday\", \"hour\")]",
            ]
            numericInputs = p.numeric.isEmpty ? "derived" : "numeric + derived"
        }
        if !p.text.isEmpty {
            lines.append("X[text] = X[text].fillna(\"\")  # a missing text is an empty document, as in mlexp")
        }

        var steps: [String] = []
        if !numericInputs.isEmpty {
            var numericSteps: [String] = []
            if p.imputeMedian { numericSteps.append("SimpleImputer(strategy=\"median\")") }
            if p.standardize { numericSteps.append("StandardScaler()") }
            if numericSteps.isEmpty {
                steps.append("(\"num\", \"passthrough\", \(numericInputs))")
            } else {
                steps.append("(\"num\", make_pipeline(\(numericSteps.joined(separator: ", "))), \(numericInputs))")
            }
            if p.missingIndicator {
                steps.append("(\"num_missing\", MissingIndicator(error_on_new=False), \(numericInputs))")
            }
            if p.imputeMedian || p.missingIndicator {
                imports.append(
                    "from sklearn.impute import "
                        + (p.missingIndicator ? "MissingIndicator, SimpleImputer" : "SimpleImputer"))
            }
        }
        var encoders: [String] = []
        var categoricalFeatures: String?
        if !categorical.isEmpty {
            if p.categoricalEncoding == "one_hot" {
                encoders.append("OneHotEncoder")
                steps.append(
                    "(\"cat\", OneHotEncoder(handle_unknown=\"infrequent_if_exist\", max_categories=\(p.maxLevels + 1)), categorical)"
                )
            } else {
                encoders.append("OrdinalEncoder")
                imports.append("import numpy as np")
                steps.append(
                    "(\"cat\", OrdinalEncoder(handle_unknown=\"use_encoded_value\", unknown_value=np.nan, encoded_missing_value=np.nan, max_categories=\(p.maxLevels + 1)), categorical)"
                )
                // The codes sit right after the numeric block (no indicators for trees).
                if est.name.hasPrefix("HistGradientBoosting"), !p.missingIndicator {
                    let start = p.numeric.count + 5 * p.datetime.count
                    categoricalFeatures = "categorical_features=list(range(\(start), \(start + categorical.count)))"
                }
            }
        }
        if !high.isEmpty {
            let code = highCardinalityCode(p, seed: run.seed)
            encoders += code.encoders
            imports += code.imports
            lines += code.lines
            steps.append(code.step)
        }
        if p.standardize, !numericInputs.isEmpty { encoders.append("StandardScaler") }
        if !encoders.isEmpty {
            imports.append("from sklearn.preprocessing import " + encoders.sorted().joined(separator: ", "))
        }
        if !p.text.isEmpty {
            imports.append("from sklearn.feature_extraction.text import TfidfVectorizer")
            let t = p.tfidf
            let vectorizer =
                "TfidfVectorizer(ngram_range=(1, \(t.bigrams ? 2 : 1)), min_df=\(t.minDf), max_features=\(t.maxFeatures), sublinear_tf=\(t.sublinearTf ? "True" : "False"))"
            for column in p.text {
                steps.append("(\(pythonString("text " + column)), \(vectorizer), \(pythonString(column)))")
            }
        }
        lines.append("prep = ColumnTransformer([")
        lines += steps.map { "    \($0)," }
        // Dense output: the tree models and GaussianNB take no sparse input; the data is small.
        lines.append("], sparse_threshold=0)  # mlexp's \(p.preset) preset")
        return PreprocessingCode(imports: imports, lines: lines, categoricalFeatures: categoricalFeatures)
    }

    /// The step of the high-cardinality columns: scikit-learn's TargetEncoder with mlexp's smoothing
    /// (cross-fitted in fit_transform, as mlexp fits), a frequency encoder, or one-hot.
    static func highCardinalityCode(_ p: RunPreprocessing, seed: UInt64) -> (
        imports: [String], encoders: [String], lines: [String], step: String
    ) {
        switch p.highCardinality {
        case "target":
            return (
                [], ["TargetEncoder"], [],
                "(\"high\", TargetEncoder(smooth=\(PreprocessingOptions.targetSmoothing.map { "\($0)" } ?? "\"auto\""), cv=5, shuffle=True, random_state=\(seed % (1 << 32))), high_cardinality)"
            )
        case "frequency":
            return (
                ["from sklearn.base import BaseEstimator, TransformerMixin", "import numpy as np"], [],
                [
                    "class FrequencyEncoder(BaseEstimator, TransformerMixin):",
                    "    \"\"\"mlexp's frequency encoding: the share of training rows at each level (0 when unseen).\"\"\"",
                    "    def fit(self, X, y=None):",
                    "        X = pd.DataFrame(X)",
                    "        self.shares_ = [X[c].value_counts(normalize=True, dropna=False) for c in X]",
                    "        return self",
                    "    def transform(self, X):",
                    "        X = pd.DataFrame(X)",
                    "        return np.column_stack([X[c].map(s).astype(float).fillna(0).to_numpy() for c, s in zip(X, self.shares_)])",
                ],
                "(\"high\", FrequencyEncoder(), high_cardinality)"
            )
        default:
            return (
                [], ["OneHotEncoder"], [],
                "(\"high\", OneHotEncoder(handle_unknown=\"infrequent_if_exist\", max_categories=\(p.maxLevels + 1)), high_cardinality)"
            )
        }
    }

    /// Runs recorded without column treatments: numbers imputed (and scaled), the rest one-hot.
    static func legacyPreprocessing(_ run: RunRecord, estimator est: Estimator) -> PreprocessingCode {
        let columns =
            run.features.isEmpty
            ? "df.drop(columns=\(pythonList((run.target.map { [$0] } ?? []) + run.droppedColumns)))"
            : "df[\(pythonList(run.features))]"
        return PreprocessingCode(
            imports: [
                "from sklearn.compose import ColumnTransformer, make_column_selector",
                "from sklearn.impute import SimpleImputer",
                "from sklearn.pipeline import make_pipeline",
                "from sklearn.preprocessing import OneHotEncoder\(est.scaled ? ", StandardScaler" : "")",
            ],
            lines: [
                "X = \(columns)",
                "# This run predates the recorded column treatments: numbers vs. the rest by dtype.",
                "numeric = make_pipeline(SimpleImputer(strategy=\"median\")\(est.scaled ? ", StandardScaler()" : ""))",
                "categorical = make_pipeline(SimpleImputer(strategy=\"most_frequent\"), OneHotEncoder(handle_unknown=\"ignore\"))",
                "prep = ColumnTransformer([(\"num\", numeric, make_column_selector(dtype_include=\"number\")),",
                "                          (\"cat\", categorical, make_column_selector(dtype_exclude=\"number\"))])",
            ],
            categoricalFeatures: nil)
    }
}
