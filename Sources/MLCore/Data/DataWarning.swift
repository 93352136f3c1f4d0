// A problem in the data a senior engineer would raise, typed so a program can act on it
// (Autopilot drops leaking and ID-like columns; the agent explains the rest). Each warning carries
// its facts (`Detail`: the kind's values — share, count, class, score…) and, built from them, an
// English message; a program that speaks another language renders the facts, not the message.
// Leaves out: how warnings are detected (DataWarnings.swift), any language but the message's English.

/// One warning: what kind, which column(s), its facts, a message for people and the LLM, what to do.
public struct DataWarning: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable, Equatable, CaseIterable {
        /// Unique per row (an identifier): carries no signal that generalises.
        case idLike = "id_like"
        /// One value in every row.
        case constant
        /// Whole rows repeated.
        case duplicateRows = "duplicate_rows"
        /// Nearly the same information as another column.
        case nearCopy = "near_copy"
        /// A categorical column with very many levels.
        case highCardinality = "high_cardinality"
        /// Many missing values.
        case heavyMissing = "heavy_missing"
        /// A regression target with a long right tail.
        case skewedTarget = "skewed_target"
        /// A classification target with a rare class.
        case imbalancedTarget = "imbalanced_target"
        /// One feature alone predicts the target almost perfectly.
        case likelyLeakage = "likely_leakage"
    }

    /// What a program may do about it.
    public enum Action: String, Sendable, Codable, Equatable {
        case dropColumn = "drop_column"
        case dropDuplicates = "drop_duplicates"
        case logTransformTarget = "log_transform_target"
        case useStratifiedMetric = "use_f1_macro_or_balanced_accuracy"
        case review
    }

    /// How well one feature alone predicts the target, out of sample.
    public enum LeakScore: Sendable, Codable, Equatable {
        /// Classification: accuracy, and the majority baseline's on the same rows (nil when not known).
        case accuracy(Double, majorityBaseline: Double?)
        /// Regression: R².
        case r2(Double)
    }

    /// The facts behind a warning, one case per kind: everything its message says, as values.
    public enum Detail: Sendable, Codable, Equatable {
        case idLike
        /// `empty`: no value at all (else one value in every non-missing row).
        case constant(empty: Bool)
        case duplicateRows(count: Int)
        /// `correlation`: Pearson r of two numeric columns; nil for categoricals whose levels map one-to-one.
        case nearCopy(correlation: Double?)
        case highCardinality(levels: Int)
        /// `share` of rows missing; `drop`: nearly empty, so dropped rather than imputed.
        case heavyMissing(share: Double, drop: Bool)
        case skewedTarget(skewness: Double)
        /// The rarest class (nil when not known) and its share of rows.
        case imbalancedTarget(className: String?, share: Double)
        case likelyLeakage(target: String, score: LeakScore)

        public var kind: Kind {
            switch self {
            case .idLike: .idLike
            case .constant: .constant
            case .duplicateRows: .duplicateRows
            case .nearCopy: .nearCopy
            case .highCardinality: .highCardinality
            case .heavyMissing: .heavyMissing
            case .skewedTarget: .skewedTarget
            case .imbalancedTarget: .imbalancedTarget
            case .likelyLeakage: .likelyLeakage
            }
        }
    }

    public private(set) var kind: Kind
    /// The column concerned (nil for whole-table warnings such as duplicated rows; the target for target warnings).
    public private(set) var column: String?
    /// The other column, for near-copies.
    public private(set) var relatedColumn: String?
    /// The measured quantity behind the warning (uniqueness, share missing, R², skewness, …).
    public private(set) var value: Double?
    public private(set) var action: Action
    /// The facts, for a program that renders the warning in its own words.
    public private(set) var detail: Detail
    /// The warning in English, built from `detail`.
    public private(set) var message: String

    /// A warning from its facts: kind, value, action and message follow from them.
    public init(column: String?, relatedColumn: String? = nil, detail: Detail) {
        self.kind = detail.kind
        self.column = column
        self.relatedColumn = relatedColumn
        self.detail = detail
        let c = column ?? "?", other = relatedColumn ?? "?"
        func percent(_ x: Double) -> String { "\(Int((x * 100).rounded()))%" }
        switch detail {
        case .idLike:
            value = 1
            action = .dropColumn
            message =
                "'\(c)' is unique in every row (an identifier); a model would memorise it. Drop it (or use it as a group for GroupKFold)."
        case .constant(let empty):
            value = nil
            action = .dropColumn
            message =
                "'\(c)' \(empty ? "has no value at all" : "holds the same value in every non-missing row"); it cannot help a model. Drop it."
        case .duplicateRows(let count):
            value = Double(count)
            action = .dropDuplicates
            message =
                "\(count) rows repeat an earlier row exactly; duplicates can sit on both sides of a split and inflate scores. Drop them or group them."
        case .nearCopy(let r?):
            value = r
            action = .review
            message =
                "'\(c)' and '\(other)' are near-copies (r = \(String(format2: r))); keep one, or expect unstable coefficients and split importance."
        case .nearCopy(nil):
            value = 1
            action = .review
            message = "'\(c)' and '\(other)' carry the same information (their levels map one-to-one); keep one."
        case .highCardinality(let levels):
            value = Double(levels)
            action = .review
            message =
                "'\(c)' has \(levels) levels; one-hot encoding keeps the most frequent and pools the rest as 'other'. Consider grouping levels or dropping it."
        case .heavyMissing(let share, let drop):
            value = share
            action = drop ? .dropColumn : .review
            message =
                "'\(c)' is missing in \(percent(share)) of rows."
                + (drop
                    ? " Drop it."
                    : " Models impute it (median or most frequent) and add a missing indicator; ask whether missingness itself means something.")
        case .skewedTarget(let skewness):
            value = skewness
            action = .logTransformTarget
            message =
                "Target '\(c)' is right-skewed (skewness \(String(format2: skewness))); fitting log(1 + y) often helps, and report an error metric on the original scale."
        case .imbalancedTarget(let className, let share):
            value = share
            action = .useStratifiedMetric
            message =
                "\(className.map { "Class '\($0)'" } ?? "The rarest class") of '\(c)' is rare (\(percent(share)) of rows); stratify splits and prefer F1 (macro), balanced accuracy or average precision to accuracy."
        case .likelyLeakage(let target, .accuracy(let accuracy, let baseline)):
            value = accuracy
            action = .dropColumn
            message =
                "'\(c)' alone predicts '\(target)' with \(percent(accuracy)) accuracy on held-out rows\(baseline.map { " (majority baseline \(percent($0)))" } ?? ""): likely target leakage. Check it is known before the outcome; otherwise drop it."
        case .likelyLeakage(let target, .r2(let r2)):
            value = r2
            action = .dropColumn
            message =
                "'\(c)' alone explains R² = \(String(format2: r2)) of '\(target)' on held-out rows: likely target leakage or a near-duplicate measurement. Check it is known at prediction time; otherwise drop it."
        }
    }
}

extension DataProfile {
    /// Columns a careful first model should leave out: likely leaks, identifiers and constants.
    public var columnsToDrop: [String] {
        var out: [String] = []
        for w in warnings where w.action == .dropColumn {
            if let c = w.column, !out.contains(c) { out.append(c) }
        }
        return out
    }
}
