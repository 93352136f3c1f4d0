// A problem in the data a senior engineer would raise, typed so a program can act on it
// (Autopilot drops leaking and ID-like columns; the agent explains the rest). Each warning carries
// its facts (`Detail`: the kind's values — share, count, class, score…) and, built from them, its
// sentence in each language (a Message: DataWarning+English.swift, DataWarning+French.swift); `message`
// keeps the English one, which load_data gives the model.
// Leaves out: how warnings are detected (DataWarnings.swift).

public import Languages

/// One warning: what kind, which column(s), its facts, a message for people and the LLM, what to do.
public struct DataWarning: Message, Sendable, Codable, Equatable {
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
    /// The warning in English, built from `detail` (DataWarning+English.swift); kept in the JSON that
    /// load_data returns and the profile stores.
    public private(set) var message: String

    /// A warning from its facts: kind, value, action and message follow from them.
    public init(column: String?, relatedColumn: String? = nil, detail: Detail) {
        self.kind = detail.kind
        self.column = column
        self.relatedColumn = relatedColumn
        self.detail = detail
        switch detail {
        case .idLike: (value, action) = (1, .dropColumn)
        case .constant: (value, action) = (nil, .dropColumn)
        case .duplicateRows(let count): (value, action) = (Double(count), .dropDuplicates)
        case .nearCopy(let r): (value, action) = (r ?? 1, .review)
        case .highCardinality(let levels): (value, action) = (Double(levels), .review)
        case .heavyMissing(let share, let drop): (value, action) = (share, drop ? .dropColumn : .review)
        case .skewedTarget(let skewness): (value, action) = (skewness, .logTransformTarget)
        case .imbalancedTarget(_, let share): (value, action) = (share, .useStratifiedMetric)
        case .likelyLeakage(_, .accuracy(let accuracy, _)): (value, action) = (accuracy, .dropColumn)
        case .likelyLeakage(_, .r2(let r2)): (value, action) = (r2, .dropColumn)
        case .suspiciousPredictor(_, let score, let afterOutcome):
            (value, action) = (score.value, afterOutcome ? .dropColumn : .review)
        case .repeatedEntity(_, _, _, let agreement, _): (value, action) = (agreement, .groupByColumn)
        case .nearDuplicates(let count, _): (value, action) = (Double(count), .review)
        }
        message = ""  // every property set: the English sentence can now be read from the facts
        message = english
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
