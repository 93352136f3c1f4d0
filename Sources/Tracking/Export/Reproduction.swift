// How to run a stored run again: the `mlexp train` command line, the scikit-learn estimators and
// scorers the Python cells use (Reproduction+Python), and the literal quoting both need. Written from
// the run record only. Leaves out: anything the record does not say.
import Foundation
import MLCore

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
        // A clustering's reference label column (compared with, never a feature).
        let reference = self.reference(run)
        if let reference { parts += ["--reference", shellQuote(reference)] }
        let dropped = run.droppedColumns.filter { $0 != reference }
        if !dropped.isEmpty { parts += ["--exclude", shellQuote(dropped.joined(separator: ","))] }
        for feature in run.features { parts += ["--keep", shellQuote(feature)] }
        for key in run.hyperParameters.keys.sorted() {
            guard let value = run.hyperParameters[key] else { continue }
            parts += ["--set", shellQuote("\(camelCase(key))=\(value.description)")]
        }
        var lines = ["# Run \(run.id) again with the mlexp command line (\(run.modelFamily), seed \(run.seed))."]
        lines.append(parts.joined(separator: " "))
        return lines.joined(separator: "\n")
    }

    /// A scikit-learn estimator class: its name, import module, whether it takes a seed, whether its
    /// inputs should be scaled, and the constructor parameters a run's hyper-parameters may set.
    typealias Estimator = ScikitLearnEquivalent.Peer

    /// Whether a run's task is a classification ("binary", "multiclass" or "classification").
    static func isClassification(_ task: String) -> Bool {
        ["binary", "multiclass", "classification"].contains(task.lowercased())
    }

    /// The scikit-learn class of `family` for a run of `task`, as the family's row in MLCore's table
    /// states it; nil for a family scikit-learn has no counterpart for (or an unknown name).
    static func estimator(_ family: String, task: String) -> Estimator? {
        (try? ModelFamily.named(family))?.scikitLearn.peer(
            classification: isClassification(task), regression: task.lowercased().hasPrefix("regr"))
    }

    /// scikit-learn scorer per metric: (binary scorer, multiclass scorer, sign to print).
    static let scorers: [String: (String, String, Int)] = [
        "accuracy": ("accuracy", "accuracy", 1), "balanced_accuracy": ("balanced_accuracy", "balanced_accuracy", 1),
        "precision": ("precision", "precision_macro", 1), "recall": ("recall", "recall_macro", 1),
        "f1": ("f1", "f1_macro", 1), "f1_macro": ("f1_macro", "f1_macro", 1),
        "f1_weighted": ("f1_weighted", "f1_weighted", 1),
        "roc_auc": ("roc_auc", "roc_auc_ovr", 1), "average_precision": ("average_precision", "average_precision", 1),
        "log_loss": ("neg_log_loss", "neg_log_loss", -1), "brier": ("neg_brier_score", "neg_brier_score", -1),
        "mcc": ("matthews_corrcoef", "matthews_corrcoef", 1), "r2": ("r2", "r2", 1),
        "rmse": ("neg_root_mean_squared_error", "neg_root_mean_squared_error", -1),
        "mae": ("neg_mean_absolute_error", "neg_mean_absolute_error", -1),
        "mape": ("neg_mean_absolute_percentage_error", "neg_mean_absolute_percentage_error", -1),
        "median_ae": ("neg_median_absolute_error", "neg_median_absolute_error", -1),
        "rmsle": ("neg_root_mean_squared_log_error", "neg_root_mean_squared_log_error", -1),
    ]

    /// The label column a clustering run was compared with (validation's "reference"), if any.
    static func reference(_ run: RunRecord) -> String? {
        guard case .object(let v) = run.validation, case .string(let name)? = v["reference"] else { return nil }
        return name
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
        let always: Set<String> = [
            "learning_rate", "l2_regularization", "validation_fraction", "tol", "C", "alpha", "l1_ratio",
            "var_smoothing", "ccp_alpha",
        ]
        let fractions: Set<String> = ["max_features", "max_samples"]
        guard always.contains(name) || (fractions.contains(name) && d <= 1) else { return nil }
        return String(Int64(d)) + ".0"
    }

    static func isIdentifier(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first,
            first == "_" || (first.isASCII && CharacterSet.letters.contains(first))
        else { return false }
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

    /// A Python string literal: JSON's escapes (\\uXXXX included) are valid Python.
    static func pythonString(_ s: String) -> String {
        var out = ""
        JSONText.quote(s, into: &out)
        return out
    }

    static func pythonList(_ items: [String]) -> String { "[" + items.map(pythonString).joined(separator: ", ") + "]" }

    /// `s` as one POSIX shell word.
    static func shellQuote(_ s: String) -> String {
        let safe = CharacterSet(
            charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=:,+@%")
        if !s.isEmpty, s.unicodeScalars.allSatisfy(safe.contains) { return s }
        return "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
