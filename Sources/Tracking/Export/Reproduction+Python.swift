// The Python cell of a run: pandas reads the run's file, the run's preprocessing as a
// ColumnTransformer (Reproduction+Preprocessing), the scikit-learn estimator of its family with the
// hyper-parameters it accepts, and cross-validation with the run's folds and seed, printing each of the
// run's metrics. Supervised runs use scikit-learn's scorers. k-means runs of the agent (fitted and
// scored on their rows) are fitted on every row and print inertia, silhouette and the adjusted Rand
// index against the reference column; cross-validated ones score each held-out fold against the
// centres fitted on the others. Leaves out: the random streams (scikit-learn's generator is not
// mlexp's, so folds and initialisations differ and scores come close, not equal) and families
// scikit-learn cannot express.
import Foundation

extension Reproduction {
    /// Python that cross-validates the same model family with the same preprocessing, hyper-parameters,
    /// seed and folds in scikit-learn; nil when scikit-learn has no counterpart or a supervised run has
    /// no target.
    public static func python(_ run: RunRecord) -> String? {
        guard let est = estimator(run.modelFamily, task: run.task) else { return nil }
        if est.name == "KMeans" { return clusteringPython(run, est) }
        guard let target = run.target else { return nil }
        let metrics = run.metrics.keys.sorted().filter { scorers[$0] != nil }
        let classification = isClassification(run.task)
        let prep = preprocessingCode(run, estimator: est)
        var (kwargs, skipped) = keywords(run, est)
        if let c = prep.categoricalFeatures { kwargs.insert(c, at: 0) }
        let k = folds(run) ?? 5
        let splitter = classification ? "StratifiedKFold" : "KFold"
        let scoring = metrics.map { m -> String in
            guard let (binary, multi, _) = scorers[m] else { return "" }
            let scorer =
                binary == multi
                ? pythonString(binary) : "(\(pythonString(multi)) if multiclass else \(pythonString(binary)))"
            return "    \(pythonString(m)): \(scorer),"
        }
        let signs = metrics.compactMap { m in scorers[m].map { "\(pythonString(m)): \($0.2)" } }.joined(separator: ", ")
        var lines = header(
            run, est, folds: k, skipped: skipped, headline: ["roc_auc", "accuracy", "f1_macro", "r2", "rmse", "mae"])
        lines += imports(
            prep.imports + [
                "from sklearn.model_selection import \(splitter), cross_validate",
                "from \(est.module) import \(est.name)",
            ])
        lines += [
            "", "df = pd.read_csv(\(pythonString(run.dataset.path)))", "df = df[df[\(pythonString(target))].notna()]",
        ]
        lines += prep.lines
        lines.append("y = df[\(pythonString(target))]")
        if classification { lines.append("multiclass = y.nunique() > 2") }
        lines += [
            "model = make_pipeline(prep, \(est.name)(\(kwargs.joined(separator: ", "))))",
            "cv = \(splitter)(n_splits=\(k), shuffle=True, random_state=\(run.seed))",
            "scoring = {",
        ]
        lines += scoring.isEmpty ? ["    \"score\": None,"] : scoring
        lines.append("}")
        if classification {
            lines += [
                "if multiclass:  # scikit-learn scores these for two classes only",
                "    for name in (\"average_precision\", \"brier\"):", "        scoring.pop(name, None)",
            ]
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

    /// A k-means run: the same preprocessing (scaled, as mlexp's distance preset) and KMeans with the
    /// run's k, seed and restarts. A run fitted and scored on its rows (the agent's clustering) is fitted
    /// on every row and scored on them; a cross-validated one scores each held-out fold.
    static func clusteringPython(_ run: RunRecord, _ est: Estimator) -> String {
        let prep = preprocessingCode(run, estimator: est)
        let (kwargs, skipped) = keywords(run, est)
        guard let k = folds(run) else {
            return fittedClusteringPython(run, est, prep: prep, kwargs: kwargs, skipped: skipped)
        }
        let supervised = run.target != nil
        let splitter = supervised && isClassification(run.task) ? "StratifiedKFold" : "KFold"
        var lines = header(run, est, folds: k, skipped: skipped, headline: ["silhouette", "inertia", "adjusted_rand"])
        lines += imports(
            prep.imports + [
                "from sklearn.cluster import KMeans", "from sklearn.model_selection import \(splitter), cross_validate",
                "from sklearn.metrics import "
                    + (supervised ? "adjusted_rand_score, silhouette_score" : "silhouette_score"),
            ])
        lines += ["", "df = pd.read_csv(\(pythonString(run.dataset.path)))"]
        if let target = run.target { lines.append("df = df[df[\(pythonString(target))].notna()]") }
        lines += prep.lines
        lines += [
            "model = make_pipeline(prep, KMeans(\(kwargs.joined(separator: ", "))))",
            "",
            "def inertia(m, X, y=None):  # squared distances of the held-out rows to their nearest centre",
            "    return -m.score(X)",
            "",
            "def silhouette(m, X, y=None):",
            "    return silhouette_score(m[:-1].transform(X), m.predict(X))",
            "",
        ]
        var scoring = "{\"inertia\": inertia, \"silhouette\": silhouette}"
        if let target = run.target {
            lines += [
                "def adjusted_rand(m, X, y):  # agreement of the clusters with the target's classes",
                "    return adjusted_rand_score(y, m.predict(X))", "",
                "y = df[\(pythonString(target))]",
            ]
            scoring = "{\"inertia\": inertia, \"silhouette\": silhouette, \"adjusted_rand\": adjusted_rand}"
        }
        lines += [
            "scoring = \(scoring)",
            "cv = \(splitter)(n_splits=\(k), shuffle=True, random_state=\(run.seed))",
            "scores = cross_validate(model, X, \(supervised ? "y" : "None"), cv=cv, scoring=scoring)",
            "for name in scoring:",
            "    s = scores[\"test_\" + name]",
            "    print(f\"{name}: {s.mean():.4f} ± {s.std(ddof=1):.4f}\")",
        ]
        return lines.joined(separator: "\n")
    }

    /// k-means fitted on every row and scored on them: inertia, the silhouette (on a seeded sample of
    /// 5,000 rows when there are more, as mlexp), the adjusted Rand index against the reference column.
    static func fittedClusteringPython(
        _ run: RunRecord, _ est: Estimator, prep: PreprocessingCode, kwargs: [String], skipped: [String]
    ) -> String {
        let reference = self.reference(run)
        var lines = header(
            run, est, folds: nil, skipped: skipped, headline: ["silhouette", "inertia", "adjusted_rand"])
        lines += imports(
            prep.imports + [
                "from sklearn.cluster import KMeans",
                "from sklearn.metrics import "
                    + (reference != nil ? "adjusted_rand_score, silhouette_score" : "silhouette_score"),
            ])
        lines += ["", "df = pd.read_csv(\(pythonString(run.dataset.path)))"]
        lines += prep.lines
        lines += [
            "model = make_pipeline(prep, KMeans(\(kwargs.joined(separator: ", ")))).fit(X)",
            "Xt, labels = model[:-1].transform(X), model[-1].labels_",
            "print(f\"inertia: {model[-1].inertia_:.4f}\")  # grows with the rows: mlexp's is over its fitted rows",
            "sample = 5000 if len(X) > 5000 else None",
            "print(f\"silhouette: {silhouette_score(Xt, labels, sample_size=sample, random_state=\(run.seed)):.4f}\")",
        ]
        if let reference {
            lines += [
                "reference = df[\(pythonString(reference))]  # compared with, never a feature",
                "known = reference.notna().to_numpy()",
                "print(f\"adjusted_rand: {adjusted_rand_score(reference[known], labels[known]):.4f}\")",
            ]
        }
        lines.append("print(\"cluster sizes:\", pd.Series(labels).value_counts().sort_index().tolist())")
        return lines.joined(separator: "\n")
    }

    /// The cell's opening comment: what it runs, the run's stored scores, and what is not passed.
    static func header(_ run: RunRecord, _ est: Estimator, folds k: Int?, skipped: [String], headline: [String])
        -> [String]
    {
        let present = headline.filter { run.metrics[$0] != nil }
        let names = present.isEmpty ? Array(run.metrics.keys.sorted().prefix(3)) : Array(present.prefix(3))
        let stored = names.compactMap { m in run.metrics[m].map { "\(m) \(ChartFormat.number($0.mean))" } }.joined(
            separator: ", ")
        var sealed = ""
        if case .object(let v) = run.validation, let n = v["sealed_test_rows"]?.number, n > 0 {
            sealed =
                "\n# mlexp " + (k == nil ? "fitted" : "validated")
                + " on the training rows only (\(Int(n)) rows sealed as the test split); this reads every row."
        }
        return [
            "# Run \(run.id) in scikit-learn: \(est.name), "
                + (k.map { "\($0)-fold cross-validation" } ?? "fitted and scored on the rows")
                + ", seed \(run.seed), the run's preprocessing.",
            "# Scores come close to mlexp's (\(stored.isEmpty ? "no metric stored" : stored)), not equal: "
                + (k == nil ? "the random initialisations differ." : "the fold assignment differs.")
                + sealed
                + (skipped.isEmpty
                    ? "" : "\n# Not passed (no \(est.name) counterpart): \(skipped.joined(separator: ", "))."),
        ]
    }

    /// Import lines, each once: plain imports first, then `from` imports in order.
    static func imports(_ lines: [String]) -> [String] {
        let unique = Set(lines + ["import pandas as pd"])
        return unique.filter { $0.hasPrefix("import ") }.sorted() + unique.filter { $0.hasPrefix("from ") }.sorted()
    }

    /// The estimator's keyword arguments from the run's hyper-parameters (typed as scikit-learn wants
    /// them, the seed as random_state), and the hyper-parameters it has no counterpart for.
    static func keywords(_ run: RunRecord, _ est: Estimator) -> (kwargs: [String], skipped: [String]) {
        let accepted = est.parameters
        var kwargs: [String] = [], skipped: [String] = []
        for key in run.hyperParameters.keys.sorted() {
            let name = snakeCase(key)
            guard let value = run.hyperParameters[key], accepted.contains(name), let literal = pythonLiteral(value)
            else {
                if !["seed", "random_state", "threads", "n_jobs"].contains(name) { skipped.append(key) }
                continue
            }
            // penalty="l2" is scikit-learn's default and the keyword is deprecated there.
            if name == "penalty", value == .string("l2") { continue }
            kwargs.append("\(name)=\(floatLiteral(name, value) ?? literal)")
        }
        if est.seeded, !kwargs.contains(where: { $0.hasPrefix("random_state=") }) {
            kwargs.append("random_state=\(run.seed)")
        }
        return (kwargs, skipped)
    }
}
