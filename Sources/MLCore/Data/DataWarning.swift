// A problem in the data a senior engineer would raise, typed so a program can act on it
// (Autopilot drops leaking and ID-like columns; the agent explains the rest).
// Leaves out: how warnings are detected (DataWarnings.swift).

/// One warning: what kind, which column(s), a message for people and the LLM, what to do.
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

    public var kind: Kind
    /// The column concerned (nil for whole-table warnings such as duplicated rows).
    public var column: String?
    /// The other column, for near-copies.
    public var relatedColumn: String?
    /// The measured quantity behind the warning (uniqueness, share missing, R², skewness, …).
    public var value: Double?
    public var action: Action
    public var message: String

    public init(kind: Kind, column: String?, relatedColumn: String? = nil, value: Double? = nil, action: Action, message: String) {
        self.kind = kind
        self.column = column
        self.relatedColumn = relatedColumn
        self.value = value
        self.action = action
        self.message = message
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
