// The one choice of cross-validation folds every experiment makes: grouped when a group per row is
// given (GroupKFold), else stratified for classes, else shuffled k-fold; seeded.
// Leaves out: the splitters themselves (Splits.swift) and which column holds the groups (the caller's).

/// The k folds of an experiment's rows.
public enum Folds {
    /// `k` folds over the rows of `target` (positions into it).
    /// - Parameters:
    ///   - groups: a group id per row: every row of a group in the same fold (no seed: deterministic).
    /// - Throws: `MLError` when there are fewer rows (or groups) than folds.
    public static func make(target: TargetValues, k: Int, seed: UInt64, groups: [Int]? = nil) throws(MLError)
        -> [TrainTestIndices]
    {
        if let groups { return try GroupKFold(folds: k).split(groups: groups) }
        if case .classes(let labels, _) = target {
            return try StratifiedKFold(folds: k, seed: seed).split(labels: labels)
        }
        return try KFold(folds: k, seed: seed).split(count: target.count)
    }
}
