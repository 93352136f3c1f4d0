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
        /// One feature alone predicts the target far too well for an honest input (graded below likely_leakage).
        case suspiciousPredictor = "suspicious_predictor"
        /// A column identifies an entity repeated across rows that share the outcome (group leakage).
        case repeatedEntity = "repeated_entity"
        /// Rows that repeat another row but for a tiny difference in one numeric field.
        case nearDuplicates = "near_duplicates"
    }

    /// What a program may do about it.
    public enum Action: String, Sendable, Codable, Equatable {
        case dropColumn = "drop_column"
        case dropDuplicates = "drop_duplicates"
        case logTransformTarget = "log_transform_target"
        case useStratifiedMetric = "use_f1_macro_or_balanced_accuracy"
        /// Validate with folds (and a sealed test split) that keep each value of the column together; not a feature.
        case groupByColumn = "group_by_column"
        case review
    }

    /// How well one feature alone predicts the target, out of sample.
    public enum LeakScore: Sendable, Codable, Equatable {
        /// Classification: accuracy, and the majority baseline's on the same rows (nil when not known).
        case accuracy(Double, majorityBaseline: Double?)
        /// Regression: R².
        case r2(Double)
    }

    /// How well one feature alone predicts the target, out of sample, for a suspicious predictor.
    public enum SuspicionScore: Sendable, Codable, Equatable {
        /// Binary: ROC AUC of the single-column model (0.5 is chance).
        case auc(Double)
        /// Multiclass: balanced accuracy, and the majority class's (1 / classes).
        case balancedAccuracy(Double, majority: Double)
        /// Regression: R².
        case r2(Double)

        public var value: Double {
            switch self {
            case .auc(let v), .balancedAccuracy(let v, _), .r2(let v): v
            }
        }
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
        /// `afterOutcome`: the column's name says it is recorded after the outcome (refund, retention…),
        /// which makes the warning severe (the column is left out).
        case suspiciousPredictor(target: String, score: SuspicionScore, afterOutcome: Bool)
        /// The entity column's levels, the share of them on two rows or more, and how often a row's outcome
        /// agrees with the rest of its entity (`agreement`; R² of the entity's other rows' mean for regression)
        /// against the same without the entity (`baseline`: the majority share; 0 for regression).
        case repeatedEntity(target: String, entities: Int, repeatedShare: Double, agreement: Double, baseline: Double)
        /// Rows that repeat an earlier row but for one numeric field within `tolerance` (a share of its std).
        case nearDuplicates(count: Int, tolerance: Double)

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
            case .suspiciousPredictor: .suspiciousPredictor
            case .repeatedEntity: .repeatedEntity
            case .nearDuplicates: .nearDuplicates
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
        case .suspiciousPredictor(let target, let score, let afterOutcome):
            value = score.value
            action = afterOutcome ? .dropColumn : .review
            let measured: String
            switch score {
            case .auc(let auc): measured = "ROC AUC \(String(format2: auc)) (chance 0.50)"
            case .balancedAccuracy(let b, let majority):
                measured = "balanced accuracy \(String(format2: b)) (majority class \(String(format2: majority)))"
            case .r2(let r2): measured = "R² = \(String(format2: r2))"
            }
            message =
                "'\(c)' alone predicts '\(target)' with \(measured) on held-out rows: suspiciously well for one input."
                + (afterOutcome
                    ? " Its name says it is recorded after the outcome: likely target leakage; drop it unless it is known at prediction time."
                    : " Check it is known before the outcome; if it is, it is a strong honest predictor.")
        case .repeatedEntity(let target, let entities, let repeatedShare, let agreement, let baseline):
            value = agreement
            action = .groupByColumn
            let sharing =
                baseline > 0
                ? "a row's '\(target)' agrees with the rest of its entity \(percent(agreement)) of the time (majority class \(percent(baseline)))"
                : "the mean of its entity's other rows explains R² = \(String(format2: agreement)) of a row's '\(target)'"
            message =
                "'\(c)' identifies \(entities) entities, \(percent(repeatedShare)) of them on several rows, and \(sharing): rows of one entity on both sides of a split inflate the score. Validate with grouped folds and a grouped test split on '\(c)', and leave it out of the features."
        case .nearDuplicates(let count, let tolerance):
            value = Double(count)
            action = .review
            message =
                "\(count) rows repeat an earlier row but for one numeric field within \(percent(tolerance)) of its spread (near-duplicates); copies on both sides of a split inflate scores. Keep them in one fold (group them) or drop them."
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
