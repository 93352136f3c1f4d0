// How to run a stored run again: the `mlexp train` command line, and, when scikit-learn can express
// the model family, the Python (pandas + scikit-learn pipeline + cross-validation) that a person can
// continue from. Both are written from the run record only. Leaves out: TF-IDF text features and
// anything the record does not say (the Python's scores are close to, not equal to, mlexp's).
import Foundation

/// Reproduction code for runs.
public enum Reproduction {
    /// The IPython cell line `!mlexp train …` that trains the run again.
    public static func commandLine(_ run: RunRecord) -> String {
        var parts = ["!mlexp", "train", shellQuote(run.dataset.path)]
        if let target = run.target { parts += ["--target", shellQuote(target)] }
        parts += ["--model", shellQuote(run.modelFamily), "--seed", String(run.seed)]
        if let folds = folds(run) { parts += ["--cv", String(folds)] }
        // The run's exact columns: what it dropped, and every column it used kept even where
        // `mlexp train`'s screening rule would leave it out (e.g. free text the Autopilot models as TF-IDF).
        if !run.droppedColumns.isEmpty { parts += ["--exclude", shellQuote(run.droppedColumns.joined(separator: ","))] }
        for feature in run.features { parts += ["--keep", shellQuote(feature)] }
        for key in run.hyperParameters.keys.sorted() {
            guard let value = run.hyperParameters[key] else { continue }
            parts += ["--set", shellQuote("\(camelCase(key))=\(value.description)")]
        }
        var lines = ["# Run \(run.id) again with the mlexp command line (\(run.modelFamily), seed \(run.seed))."]
        lines.append(parts.joined(separator: " "))
        return lines.joined(separator: "\n")
    }

    /// scikit-learn estimators by (model family, task): class, import module, whether it takes a seed,
    /// whether its inputs should be scaled.
    struct Estimator { var name: String; var module: String; var seeded: Bool; var scaled: Bool }

    /// Whether a run's task is a classification ("binary", "multiclass" or "classification").
    static func isClassification(_ task: String) -> Bool {
        ["binary", "multiclass", "classification"].contains(task.lowercased())
    }

    static func estimator(_ family: String, task: String) -> Estimator? {
        let classification = isClassification(task)
        let regression = task.lowercased().hasPrefix("regr")
        switch (family, classification, regression) {
        case ("baseline", true, _): return Estimator(name: "DummyClassifier", module: "sklearn.dummy", seeded: true, scaled: false)
        case ("baseline", _, true): return Estimator(name: "DummyRegressor", module: "sklearn.dummy", seeded: false, scaled: false)
        case ("logistic", true, _): return Estimator(name: "LogisticRegression", module: "sklearn.linear_model", seeded: true, scaled: true)
        case ("linear", _, true): return Estimator(name: "LinearRegression", module: "sklearn.linear_model", seeded: false, scaled: true)
        case ("ridge", _, true): return Estimator(name: "Ridge", module: "sklearn.linear_model", seeded: true, scaled: true)
        case ("ridge", true, _): return Estimator(name: "RidgeClassifier", module: "sklearn.linear_model", seeded: true, scaled: true)
        case ("lasso", _, true): return Estimator(name: "Lasso", module: "sklearn.linear_model", seeded: true, scaled: true)
        case ("elasticnet", _, true): return Estimator(name: "ElasticNet", module: "sklearn.linear_model", seeded: true, scaled: true)
        case ("knn", true, _): return Estimator(name: "KNeighborsClassifier", module: "sklearn.neighbors", seeded: false, scaled: true)
        case ("knn", _, true): return Estimator(name: "KNeighborsRegressor", module: "sklearn.neighbors", seeded: false, scaled: true)
        case ("naive_bayes", true, _): return Estimator(name: "GaussianNB", module: "sklearn.naive_bayes", seeded: false, scaled: false)
        case ("tree", true, _): return Estimator(name: "DecisionTreeClassifier", module: "sklearn.tree", seeded: true, scaled: false)
        case ("tree", _, true): return Estimator(name: "DecisionTreeRegressor", module: "sklearn.tree", seeded: true, scaled: false)
        case ("random_forest", true, _): return Estimator(name: "RandomForestClassifier", module: "sklearn.ensemble", seeded: true, scaled: false)
        case ("random_forest", _, true): return Estimator(name: "RandomForestRegressor", module: "sklearn.ensemble", seeded: true, scaled: false)
        case ("gbdt", true, _): return Estimator(name: "HistGradientBoostingClassifier", module: "sklearn.ensemble", seeded: true, scaled: false)
        case ("gbdt", _, true): return Estimator(name: "HistGradientBoostingRegressor", module: "sklearn.ensemble", seeded: true, scaled: false)
        default: return nil
        }
    }

    /// The constructor parameters of each estimator that a run's hyper-parameters may set (by their
    /// scikit-learn names); others (threads, mlexp-only knobs) are named in a comment instead.
    static let sklearnParameters: [String: Set<String>] = [
        "DummyClassifier": ["strategy"], "DummyRegressor": ["strategy", "quantile"],
        "LogisticRegression": ["C", "penalty", "max_iter", "tol", "l1_ratio", "fit_intercept", "class_weight", "solver"],
        "LinearRegression": ["fit_intercept"],
        "Ridge": ["alpha", "fit_intercept", "max_iter", "tol", "solver"], "RidgeClassifier": ["alpha", "fit_intercept", "class_weight"],
        "Lasso": ["alpha", "fit_intercept", "max_iter", "tol"], "ElasticNet": ["alpha", "l1_ratio", "fit_intercept", "max_iter", "tol"],
        "KNeighborsClassifier": ["n_neighbors", "weights", "p", "metric"], "KNeighborsRegressor": ["n_neighbors", "weights", "p", "metric"],
        "GaussianNB": ["var_smoothing"],
        "DecisionTreeClassifier": ["max_depth", "min_samples_leaf", "min_samples_split", "max_features", "max_leaf_nodes", "criterion", "class_weight", "ccp_alpha"],
        "DecisionTreeRegressor": ["max_depth", "min_samples_leaf", "min_samples_split", "max_features", "max_leaf_nodes", "criterion", "ccp_alpha"],
        "RandomForestClassifier": ["n_estimators", "max_depth", "min_samples_leaf", "min_samples_split", "max_features", "max_leaf_nodes", "bootstrap", "max_samples", "criterion", "class_weight"],
        "RandomForestRegressor": ["n_estimators", "max_depth", "min_samples_leaf", "min_samples_split", "max_features", "max_leaf_nodes", "bootstrap", "max_samples", "criterion"],
        "HistGradientBoostingClassifier": ["learning_rate", "max_iter", "max_leaf_nodes", "max_depth", "min_samples_leaf", "l2_regularization", "max_features", "max_bins", "early_stopping", "validation_fraction", "n_iter_no_change", "tol", "class_weight"],
        "HistGradientBoostingRegressor": ["learning_rate", "max_iter", "max_leaf_nodes", "max_depth", "min_samples_leaf", "l2_regularization", "max_features", "max_bins", "early_stopping", "validation_fraction", "n_iter_no_change", "tol", "loss"],
    ]

    /// scikit-learn scorer per metric: (binary scorer, multiclass scorer, sign to print).
    static let scorers: [String: (String, String, Int)] = [
        "accuracy": ("accuracy", "accuracy", 1), "balanced_accuracy": ("balanced_accuracy", "balanced_accuracy", 1),
        "precision": ("precision", "precision_macro", 1), "recall": ("recall", "recall_macro", 1),
        "f1": ("f1", "f1_macro", 1), "f1_macro": ("f1_macro", "f1_macro", 1), "f1_weighted": ("f1_weighted", "f1_weighted", 1),
        "roc_auc": ("roc_auc", "roc_auc_ovr", 1), "average_precision": ("average_precision", "average_precision", 1),
        "log_loss": ("neg_log_loss", "neg_log_loss", -1), "brier": ("neg_brier_score", "neg_brier_score", -1),
        "mcc": ("matthews_corrcoef", "matthews_corrcoef", 1), "r2": ("r2", "r2", 1),
        "rmse": ("neg_root_mean_squared_error", "neg_root_mean_squared_error", -1),
        "mae": ("neg_mean_absolute_error", "neg_mean_absolute_error", -1),
        "mape": ("neg_mean_absolute_percentage_error", "neg_mean_absolute_percentage_error", -1),
        "median_ae": ("neg_median_absolute_error", "neg_median_absolute_error", -1),
        "rmsle": ("neg_root_mean_squared_log_error", "neg_root_mean_squared_log_error", -1),
    ]

    /// Python that cross-validates the same model family with the same hyper-parameters, seed and
    /// folds in scikit-learn; nil when scikit-learn has no counterpart or the run has no target.
    public static func python(_ run: RunRecord) -> String? {
        guard let est = estimator(run.modelFamily, task: run.task), let target = run.target else { return nil }
        let metrics = run.metrics.keys.sorted().filter { scorers[$0] != nil }
        let classification = isClassification(run.task)
        let accepted = sklearnParameters[est.name] ?? []
        var kwargs: [String] = [], skipped: [String] = []
        for key in run.hyperParameters.keys.sorted() {
            let name = snakeCase(key)
            guard let value = run.hyperParameters[key], accepted.contains(name), let literal = pythonLiteral(value) else {
                if !["seed", "random_state", "threads", "n_jobs"].contains(name) { skipped.append(key) }
                continue
            }
            // penalty="l2" is scikit-learn's default and the keyword is deprecated there.
            if name == "penalty", value == .string("l2") { continue }
            kwargs.append("\(name)=\(floatLiteral(name, value) ?? literal)")
        }
        if est.seeded, !kwargs.contains(where: { $0.hasPrefix("random_state=") }) { kwargs.append("random_state=\(run.seed)") }
        let k = folds(run) ?? 5
        let splitter = classification ? "StratifiedKFold" : "KFold"
        let columns = run.features.isEmpty
            ? "df.drop(columns=\(pythonList([target] + run.droppedColumns)))"
            : "df[\(pythonList(run.features))]"
        let scoring = metrics.map { m -> String in
            guard let (binary, multi, _) = scorers[m] else { return "" }
            let scorer = binary == multi ? pythonString(binary) : "(\(pythonString(multi)) if multiclass else \(pythonString(binary)))"
            return "    \(pythonString(m)): \(scorer),"
        }
        let signs = metrics.compactMap { m in scorers[m].map { "\(pythonString(m)): \($0.2)" } }.joined(separator: ", ")
        let headline = ["roc_auc", "accuracy", "f1_macro", "r2", "rmse", "mae"].filter { run.metrics[$0] != nil }
        let stored = (headline.isEmpty ? Array(metrics.prefix(3)) : headline.prefix(3).map { $0 })
            .compactMap { m in run.metrics[m].map { "\(m) \(ChartFormat.number($0.mean))" } }.joined(separator: ", ")
        var lines = [
            "# Run \(run.id) in scikit-learn: \(est.name), \(k)-fold cross-validation, seed \(run.seed).",
            "# Scores come close to mlexp's (\(stored.isEmpty ? "no metric stored" : stored)), not equal: the",
            "# implementations and the fold assignment differ."
                + (skipped.isEmpty ? "" : "\n# Not passed (no \(est.name) counterpart): \(skipped.joined(separator: ", "))."),
            "import pandas as pd",
            "from sklearn.compose import ColumnTransformer, make_column_selector",
            "from sklearn.impute import SimpleImputer",
            "from sklearn.model_selection import \(splitter), cross_validate",
            "from sklearn.pipeline import make_pipeline",
            "from sklearn.preprocessing import OneHotEncoder\(est.scaled ? ", StandardScaler" : "")",
            "from \(est.module) import \(est.name)",
            "",
            "df = pd.read_csv(\(pythonString(run.dataset.path)))",
            "df = df[df[\(pythonString(target))].notna()]",
            "X, y = \(columns), df[\(pythonString(target))]",
        ]
        if classification { lines.append("multiclass = y.nunique() > 2") }
        lines += [
            "numeric = make_pipeline(SimpleImputer(strategy=\"median\")\(est.scaled ? ", StandardScaler()" : ""))",
            "categorical = make_pipeline(SimpleImputer(strategy=\"most_frequent\"), OneHotEncoder(handle_unknown=\"ignore\"))",
            "prep = ColumnTransformer([(\"num\", numeric, make_column_selector(dtype_include=\"number\")),",
            "                          (\"cat\", categorical, make_column_selector(dtype_exclude=\"number\"))])",
            "model = make_pipeline(prep, \(est.name)(\(kwargs.joined(separator: ", "))))",
            "cv = \(splitter)(n_splits=\(k), shuffle=True, random_state=\(run.seed))",
            "scoring = {",
        ]
        lines += scoring.isEmpty ? ["    \"score\": None,"] : scoring
        lines.append("}")
        if classification {
            lines += ["if multiclass:  # scikit-learn scores these for two classes only",
                      "    for name in (\"average_precision\", \"brier\"):", "        scoring.pop(name, None)"]
        }
        lines += [
            "sign = {\(signs)}",
            "scores = cross_validate(model, X, y, cv=cv, scoring=scoring)",
            "for name in scoring:",
            "    s = scores[\"test_\" + name] * sign.get(name, 1)",
            "    print(f\"{name}: {s.mean():.4f} ± {s.std(ddof=1):.4f}\")",
        ]
        return lines.joined(separator: "\n")
    }

    /// The number of validation folds the run records, if any.
    static func folds(_ run: RunRecord) -> Int? {
        guard case .object(let v) = run.validation else { return nil }
        for key in ["folds", "n_splits", "k", "cv"] { if let n = v[key]?.number, n >= 2 { return Int(n) } }
        return nil
    }

    static func camelCase(_ key: String) -> String {
        let parts = key.split(separator: "_", omittingEmptySubsequences: true)
        guard let first = parts.first else { return key }
        return String(first) + parts.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    static func snakeCase(_ key: String) -> String {
        var out = ""
        for ch in key {
            if ch.isUppercase, !out.isEmpty, out.last != "_" { out.append("_") }
            out += ch.lowercased()
        }
        return key.contains("_") || key.count <= 1 || key == key.uppercased() ? key : out
    }

    /// Whole numbers that scikit-learn wants as floats ("1.0", not "1"): rates and penalties always,
    /// fractions (max_features, max_samples) when at most 1 (an int there counts columns or rows).
    static func floatLiteral(_ name: String, _ value: RunValue) -> String? {
        guard let d = value.number, d.isFinite, d == d.rounded(), abs(d) < 1e15 else { return nil }
        let always: Set<String> = ["learning_rate", "l2_regularization", "validation_fraction", "tol", "C", "alpha", "l1_ratio", "var_smoothing", "ccp_alpha"]
        let fractions: Set<String> = ["max_features", "max_samples"]
        guard always.contains(name) || (fractions.contains(name) && d <= 1) else { return nil }
        return String(Int64(d)) + ".0"
    }

    static func isIdentifier(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, first == "_" || (first.isASCII && CharacterSet.letters.contains(first)) else { return false }
        return s.unicodeScalars.allSatisfy { $0 == "_" || ($0.isASCII && CharacterSet.alphanumerics.contains($0)) }
    }

    static func pythonLiteral(_ v: RunValue) -> String? {
        switch v {
        case .null: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .number(let d): return d.isFinite ? v.description : nil
        case .string(let s): return pythonString(s)
        case .array(let items):
            let parts = items.compactMap(pythonLiteral)
            return parts.count == items.count ? "[" + parts.joined(separator: ", ") + "]" : nil
        case .object: return nil
        }
    }

    static func pythonString(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: if u.value < 0x20 { out += String(format: "\\x%02x", u.value) } else { out.unicodeScalars.append(u) }
            }
        }
        return out + "\""
    }

    static func pythonList(_ items: [String]) -> String { "[" + items.map(pythonString).joined(separator: ", ") + "]" }

    /// `s` as one POSIX shell word.
    static func shellQuote(_ s: String) -> String {
        let safe = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=:,+@%")
        if !s.isEmpty, s.unicodeScalars.allSatisfy(safe.contains) { return s }
        return "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
