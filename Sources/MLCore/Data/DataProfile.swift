// What a senior engineer looks at first: per-column type, missingness, cardinality, numeric summary
// and top levels; the target's task, balance, a suggested metric and validation scheme; and typed
// warnings (DataWarning) the agent and Autopilot can act on. Codable, so tools return it as JSON.
// Leaves out: the computations (DataProfile+Compute.swift, DataWarnings.swift) and rendering (CLI).

/// A numeric column's summary (over non-missing values).
public struct NumericSummary: Sendable, Codable, Equatable {
    public var min: Double, max: Double, mean: Double, std: Double
    public var q25: Double, median: Double, q75: Double
    /// Sample skewness (Fisher–Pearson); 0 when undefined.
    public var skewness: Double
}

/// One level and how many rows hold it.
public struct LevelCount: Sendable, Codable, Equatable {
    public var value: String
    public var count: Int
}

/// The profile of one column.
public struct ColumnProfile: Sendable, Codable, Equatable {
    public var name: String
    public var kind: ColumnKind
    public var missing: Int
    public var distinct: Int
    public var numeric: NumericSummary?
    /// The most frequent values (up to 5), for categorical, boolean and small integer columns.
    public var topLevels: [LevelCount]?
    /// Mean length in characters, for text columns.
    public var meanLength: Double?
}

/// The target as the profile sees it.
public struct TargetProfile: Sendable, Codable, Equatable {
    public var column: String
    public var task: TaskKind
    /// Class names in label order (classification).
    public var classNames: [String]
    /// Rows per class, in label order (classification).
    public var classCounts: [Int]
    /// The target's distribution (regression).
    public var distribution: NumericSummary?
    /// Rows whose target is missing (they are left out of training).
    public var missing: Int
}

/// How to validate, as suggested by the profile.
public struct ValidationSuggestion: Sendable, Codable, Equatable {
    public enum Scheme: String, Sendable, Codable, Equatable {
        case stratifiedKFold = "stratified_kfold"
        case kFold = "kfold"
        case timeSeriesSplit = "time_split"
        case holdout
        /// K-fold where each value of `groupColumn` (an entity) stays in one fold.
        case groupKFold = "group_kfold"
    }
    public var scheme: Scheme
    public var folds: Int
    /// Fraction of rows sealed as the test split, cut once per dataset.
    public var testFraction: Double
    /// The datetime column to order by, for time splits.
    public var timeColumn: String?
    /// The column whose values stay together (in one fold, on one side of the test split), for grouped k-fold.
    public var groupColumn: String?
    /// One sentence saying why.
    public var reason: String
}

/// Which column, if any, a profile groups rows by.
public enum GroupingChoice: Sendable, Equatable {
    /// Look for an entity column (EntityGroups.detect).
    case detect
    /// Group by no column.
    case none
    /// Group by this column, whatever its facts (the caller cut the test split on it).
    case column(String)
}

/// The profile of a dataset, optionally with respect to a target.
public struct DataProfile: Sendable, Codable, Equatable {
    public var source: String?
    public var rows: Int
    public var columnCount: Int
    /// Content hash of the data (see `Fingerprint`), and of the file's bytes.
    public var fingerprint: String
    public var fileFingerprint: String?
    public var duplicateRows: Int
    public var columns: [ColumnProfile]
    public var target: TargetProfile?
    /// The inferred task (clustering when there is no target).
    public var task: TaskKind
    /// A scikit-learn scorer name: roc_auc, accuracy, f1_macro, r2 or silhouette.
    public var suggestedMetric: String
    public var suggestedValidation: ValidationSuggestion
    public var warnings: [DataWarning]
    /// The entity column rows are grouped by (repeated_entity), with its facts; nil when there is none.
    public var grouping: EntityGrouping?

    public func column(_ name: String) -> ColumnProfile? { columns.first { $0.name == name } }
}
