// What a target column means for learning: the task it poses (binary, multiclass, regression) and,
// for classes, their names in a stable order; and the TargetValues models train on.
// Rules: categorical and boolean targets are classes; an integer target with few distinct values
// (≤ 20, and ≤ rows / 5) is classes too (wine's 0/1/2 is multiclass, not regression), so is any
// numeric target with exactly 2 distinct values; other numeric targets are regression.
// Class order: numeric classes by value, categorical by their sorted levels, booleans false, true.
// Leaves out: multi-label and ordinal targets; datetime and free-text targets are refused.

/// A target column resolved to a task and, for classification, its class names.
public struct TargetSpec: Sendable, Codable, Equatable {
    public let column: String
    public let task: TaskKind
    /// Class names in label order (empty for regression).
    public let classNames: [String]

    /// Resolves `name` in `dataset`; throws when it is unknown (suggesting the closest name), holds
    /// one value only, or is free text / datetime. `task` forces a task instead of inferring it.
    public init(dataset: Dataset, column name: String, task forced: TaskKind? = nil) throws(MLError) {
        let column = try dataset.column(named: name)
        let distinct = TargetSpec.distinctValues(column)
        let nonMissing = dataset.rowCount - column.missingCount
        if nonMissing == 0 {
            throw MLError(.invalidTarget, "Target '\(name)' is missing in every row; choose another target column.")
        }
        if distinct.count < 2 {
            throw MLError(
                .invalidTarget,
                "Target '\(name)' has one class only ('\(distinct.first ?? "")' in all \(nonMissing) labelled rows), so there is nothing to predict. "
                    + "Choose another target, or profile without a target for clustering.")
        }
        switch column.kind {
        case .text:
            throw MLError(
                .invalidTarget,
                "Target '\(name)' is free text (mostly distinct long values); choose a categorical or numeric target.")
        case .datetime:
            throw MLError(
                .invalidTarget,
                "Target '\(name)' holds dates; predicting dates is not supported. Choose a categorical or numeric target."
            )
        default: break
        }
        let inferred: TaskKind
        switch column.kind {
        case .categorical, .boolean: inferred = distinct.count == 2 ? .binary : .multiclass
        case .integer:
            if distinct.count == 2 {
                inferred = .binary
            } else {
                inferred = distinct.count <= min(20, max(2, nonMissing / 5)) ? .multiclass : .regression
            }
        default: inferred = distinct.count == 2 ? .binary : .regression
        }
        let task = forced ?? inferred
        if task == .clustering {
            throw MLError(.invalidParameter, "Clustering has no target; leave the target out.")
        }
        if task == .binary && distinct.count > 2 {
            throw MLError(.invalidTarget, "Target '\(name)' has \(distinct.count) classes, not 2; use multiclass.")
        }
        if task == .regression && !column.kind.isNumeric {
            throw MLError(.invalidTarget, "Target '\(name)' is categorical; regression needs a numeric target.")
        }
        self.column = name
        self.task = task
        self.classNames = task.isClassification ? distinct : []
    }

    /// No target: what a clustering model is stored with (no column, task `.clustering`, no classes).
    public static let none = TargetSpec(column: "", task: .clustering, classNames: [])

    /// Whether this is `TargetSpec.none` (a clustering model, which predicts clusters, not a column).
    public var isNone: Bool { task == .clustering }

    private init(column: String, task: TaskKind, classNames: [String]) {
        self.column = column
        self.task = task
        self.classNames = classNames
    }

    /// The target for `rows` (all rows when nil); `.none` for `TargetSpec.none`. Throws when one of them
    /// has no target value: select `Dataset.rowsWithTarget` first.
    public func values(in dataset: Dataset, rows: [Int]? = nil) throws(MLError) -> TargetValues {
        if isNone { return .none(rows: rows?.count ?? dataset.rowCount) }
        let column = try dataset.column(named: self.column)
        let rows = rows ?? Array(0..<dataset.rowCount)
        if let bad = rows.first(where: { column.isMissing($0) }) {
            throw MLError(
                .invalidTarget,
                "Row \(bad + 1) has no value for target '\(self.column)'; keep only the rows returned by rowsWithTarget."
            )
        }
        guard task.isClassification else {
            guard let numbers = column.numbers else {
                throw MLError(.invalidTarget, "Target '\(self.column)' is not numeric; regression needs numbers.")
            }
            return .values(rows.map { numbers[$0] })
        }
        var index: [String: Int] = [:]
        for (i, name) in classNames.enumerated() { index[name] = i }
        let unseen = { (r: Int) in
            MLError(
                .invalidTarget,
                "Row \(r + 1) of target '\(self.column)' holds a class not seen when the target was resolved; resolve the target on the full dataset."
            )
        }
        var labels: [Int] = []
        labels.reserveCapacity(rows.count)
        // A label per level or per distinct number, not a formatted string per row (a million rows: 0.1 s each call).
        switch column.data {
        case .categorical(let codes, let levels):
            let levelLabel = levels.map { index[$0] }
            for r in rows {
                let code = Int(codes[r])
                guard code >= 0, let label = levelLabel[code] else { throw unseen(r) }
                labels.append(label)
            }
        case .numeric(let values):
            var labelOf: [UInt64: Int] = [:]
            for r in rows {
                if let label = labelOf[values[r].bitPattern] {
                    labels.append(label)
                    continue
                }
                guard let value = column.string(at: r), let label = index[value] else { throw unseen(r) }
                labelOf[values[r].bitPattern] = label
                labels.append(label)
            }
        case .text:
            for r in rows {
                guard let value = column.string(at: r), let label = index[value] else { throw unseen(r) }
                labels.append(label)
            }
        }
        return .classes(labels: labels, classNames: classNames)
    }

    /// Sorted distinct non-missing values as text (numbers by value).
    static func distinctValues(_ column: Column) -> [String] {
        switch column.data {
        case .numeric(let v):
            let sorted = Set(v.filter { !$0.isNaN }).sorted()
            return sorted.prefix(10_000).map { x in
                var c = column
                c.data = .numeric([x])
                return c.string(at: 0) ?? ""
            }
        case .categorical(let codes, let levels):
            var used = [Bool](repeating: false, count: levels.count)
            for c in codes where c >= 0 { used[Int(c)] = true }
            return levels.indices.filter { used[$0] }.map { levels[$0] }
        case .text(let t): return Array(Set(t.compactMap { $0 })).sorted()
        }
    }
}

extension Dataset {
    /// Indices of the rows whose `target` value is present. - Complexity: O(rows).
    public func rowsWithTarget(_ target: String) throws(MLError) -> [Int] {
        let column = try column(named: target)
        return (0..<rowCount).filter { !column.isMissing($0) }
    }
}
