// Computes a DataProfile: per-column statistics, the target's task and balance, the suggested
// metric and validation, and (via DataWarnings) the warnings.
// Metric rule: binary → roc_auc; multiclass → accuracy, or f1_macro when the smallest class holds
// less than half its fair share (1 / classes); regression → r2; no target → silhouette.
// Validation rule: a sealed 20 % test split, then 5-fold CV (stratified for classes); a time split
// when a datetime column exists and the caller asks for it (`timeColumn`); 2 folds above 1M rows (each
// fit costs seconds there, and half a million validation rows per fold measure a score precisely);
// grouped 5-fold (and a grouped test split) on an entity column whose rows share the outcome.

extension DataProfile {
    /// Above this many rows the suggested cross-validation has 2 folds, not 5.
    public static let twoFoldRows = 1_000_000

    /// Profiles `dataset`, with respect to `target` when given.
    /// - Throws: an unknown target (with the closest name), a one-class or unusable target.
    /// - Complexity: O(rows × columns) (radix-sorted quantiles, columns in parallel), plus O(rows × numeric²) for near-copies.
    /// - Parameter grouping: whether to look for an entity column to group folds by, or which one (a time
    ///   column, when given, wins: the split is by time).
    public init(
        dataset: Dataset, target: String? = nil, timeColumn: String? = nil, grouping: GroupingChoice = .detect
    ) throws(MLError) {
        let spec = try target.map { name throws(MLError) in try TargetSpec(dataset: dataset, column: name) }
        if let timeColumn {
            let c = try dataset.column(named: timeColumn)
            if c.kind != .datetime && c.kind != .integer {
                throw MLError(
                    .invalidParameter,
                    "Time column '\(timeColumn)' is \(c.kind.rawValue); a time split needs a datetime or integer column."
                )
            }
        }
        let passes = ProfileStatistics.profile(dataset.columns)
        let columnProfiles = passes.map(\.profile)
        var targetProfile: TargetProfile?
        if let spec {
            let column = try dataset.column(named: spec.column)
            var counts: [Int] = []
            if spec.task.isClassification,
                let values = try? spec.values(in: dataset, rows: try dataset.rowsWithTarget(spec.column)),
                case .classes(let labels, _) = values
            {
                counts = [Int](repeating: 0, count: spec.classNames.count)
                for l in labels { counts[l] += 1 }
            }
            targetProfile = TargetProfile(
                column: spec.column, task: spec.task, classNames: spec.classNames, classCounts: counts,
                distribution: spec.task == .regression && column.numbers != nil
                    ? columnProfiles.first { $0.name == spec.column }?.numeric : nil,
                missing: column.missingCount)
        }
        let task = spec?.task ?? .clustering
        let metric: String
        switch task {
        case .binary: metric = "roc_auc"
        case .multiclass:
            let counts = targetProfile?.classCounts ?? []
            let total = counts.reduce(0, +)
            let smallest = counts.min() ?? 0
            metric =
                total > 0 && Double(smallest) / Double(total) < 0.5 / Double(max(counts.count, 1))
                ? "f1_macro" : "accuracy"
        case .regression: metric = "r2"
        case .clustering: metric = "silhouette"
        }
        let validation: ValidationSuggestion
        if let timeColumn {
            validation = ValidationSuggestion(
                scheme: .timeSeriesSplit, folds: 5, testFraction: 0.2, timeColumn: timeColumn,
                reason:
                    "Rows are ordered by '\(timeColumn)': train on the past, validate on the future, and seal the latest 20 % as the test split."
            )
        } else if dataset.rowCount > Self.twoFoldRows {
            validation = ValidationSuggestion(
                scheme: task.isClassification ? .stratifiedKFold : .kFold, folds: 2, testFraction: 0.2,
                timeColumn: nil,
                reason:
                    "With over a million rows 2-fold CV is precise enough (every fold validates on half a million rows or more) and 2.5× cheaper than 5 folds; a sealed 20 % test split is kept for the end."
            )
        } else if task.isClassification {
            validation = ValidationSuggestion(
                scheme: .stratifiedKFold, folds: 5, testFraction: 0.2, timeColumn: nil,
                reason:
                    "Stratified 5-fold CV keeps every class's share in each fold; a sealed, stratified 20 % test split is kept for the end."
            )
        } else {
            validation = ValidationSuggestion(
                scheme: .kFold, folds: 5, testFraction: 0.2, timeColumn: nil,
                reason:
                    "5-fold CV on the remaining rows gives a mean and a spread; a sealed 20 % test split is kept for the end."
            )
        }
        let duplicates = ProfileStatistics.duplicateRowCount(dataset)
        self.init(
            source: dataset.source, rows: dataset.rowCount, columnCount: dataset.columnCount,
            fingerprint: dataset.fingerprint.hex, fileFingerprint: dataset.fileFingerprint,
            duplicateRows: duplicates, columns: columnProfiles, target: targetProfile, task: task,
            suggestedMetric: metric, suggestedValidation: validation, warnings: [], grouping: nil)
        if let spec, timeColumn == nil {
            switch grouping {
            case .detect: self.grouping = EntityGroups.detect(dataset: dataset, target: spec)
            case .column(let name):
                _ = try dataset.column(named: name)
                self.grouping = EntityGroups.measure(dataset: dataset, column: name, target: spec)
            case .none: break
            }
        }
        if let g = self.grouping {
            suggestedValidation = ValidationSuggestion(
                scheme: .groupKFold, folds: 5, testFraction: 0.2, timeColumn: nil, groupColumn: g.column,
                reason:
                    "Rows of one '\(g.column)' share the outcome: grouped 5-fold CV keeps each '\(g.column)' in one fold, and the sealed 20 % test split holds whole '\(g.column)' values, so the score is for entities the model never saw."
            )
        }
        warnings = DataWarnings.detect(
            dataset: dataset, profile: self, target: spec, edgeCandidates: passes.map(\.edgeCandidates),
            grouping: self.grouping)
    }
}
