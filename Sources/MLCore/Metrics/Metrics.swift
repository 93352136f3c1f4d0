// The metric namespace: input checks shared by every metric, the metric keys (scikit-learn scorer
// names, snake_case) and which direction is better. The metrics themselves live in
// Metrics+Classification, Metrics+Ranking, Metrics+Regression and Metrics+Clustering; the standard set
// per task is in Metrics+Evaluate. Leaves out: sample weights (no caller needs them yet).

/// Evaluation metrics as pure functions over arrays; each equals scikit-learn's (fixtures in the tests).
public enum Metrics {
    /// Every metric key the core knows, in the order reports show them.
    public static let allKeys = [
        "accuracy", "balanced_accuracy", "precision", "recall", "f1", "f1_macro", "f1_weighted", "roc_auc",
        "average_precision", "log_loss", "brier", "mcc", "r2", "rmse", "mae", "mape", "median_ae", "rmsle",
        "inertia", "silhouette", "adjusted_rand",
    ]

    /// Keys where a smaller value is better (losses and errors); every other key is a score.
    public static let lowerIsBetterKeys: Set<String> = [
        "log_loss", "brier", "rmse", "mae", "mape", "median_ae", "rmsle", "inertia",
    ]

    /// Whether a larger value of `key` means a better model.
    public static func greaterIsBetter(_ key: String) -> Bool { !lowerIsBetterKeys.contains(key) }

    /// The metric models are compared on by default for a task (scikit-learn's usual choice).
    public static func defaultKey(for task: TaskKind) -> String {
        switch task {
        case .binary: "roc_auc"
        case .multiclass: "accuracy"
        case .regression: "r2"
        case .clustering: "silhouette"
        }
    }

    static func checkLengths(_ a: Int, _ b: Int, _ what: String) throws(MLError) {
        guard a == b else {
            throw MLError(
                .shapeMismatch,
                "\(what): the truth has \(a) rows but the prediction has \(b). Pass predictions for exactly the evaluated rows."
            )
        }
        guard a > 0 else {
            throw MLError(.invalidInput, "\(what): there are no rows to evaluate. Evaluate on a non-empty split.")
        }
    }

    static func checkLabels(_ labels: [Int], _ classCount: Int, _ what: String) throws(MLError) {
        for l in labels where l < 0 || l >= classCount {
            throw MLError(
                .invalidInput,
                "\(what): label \(l) is outside 0..<\(classCount). Encode classes as indices into the class names.")
        }
    }

    /// Sum with four accumulators (close to numpy's pairwise sum on long arrays).
    @inline(__always)
    static func sum(_ n: Int, _ term: (Int) -> Double) -> Double {
        var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
        var i = 0
        while i + 4 <= n {
            s0 += term(i); s1 += term(i + 1); s2 += term(i + 2); s3 += term(i + 3)
            i += 4
        }
        while i < n { s0 += term(i); i += 1 }
        return (s0 + s1) + (s2 + s3)
    }
}
