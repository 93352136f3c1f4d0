// load_data: reads a CSV inside the workspace, resolves the target, cuts the sealed test split once
// (seeded, stratified for classes), profiles the training rows and returns a bounded summary: columns
// with type/missing/cardinality, the target's distribution, the suggested task, metric and validation,
// and the profile's warnings (ID-like, constant, leakage, imbalance, duplicates). Never raw rows.

import Foundation
import MLCore

/// Loads and profiles a dataset.
public struct LoadDataTool: AgentTool {
    public let name = "load_data"
    public init() {}
    /// Columns listed in the result at most (the rest are counted).
    static let maxColumns = 40

    /// tools/load_data.json's properties.
    struct Arguments: ToolArguments {
        var path: String
        /// nil: the session's target when the file has that column, else none (clustering).
        var target: String?
        /// nil: named after the file.
        var datasetID: String?
        var testFraction: Double
        var seed: UInt64
        /// nil: an entity column found on every labelled row, if any.
        var group: String?

        enum Keys: String, CodingKey, CaseIterable {
            case path, target
            case datasetID = "dataset_id"
            case testFraction = "test_fraction"
            case seed, group
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: Keys.self)
            path = try c.value(.path, default: "")
            target = try c.decodeIfPresent(String.self, forKey: .target)
            datasetID = try c.decodeIfPresent(String.self, forKey: .datasetID)
            testFraction = try c.value(.testFraction, default: 0.2)
            seed = try c.value(.seed, default: 42)
            group = try c.decodeIfPresent(String.self, forKey: .group)
        }
    }

    public func run(_ arguments: JSONValue, in context: ToolContext) async throws -> JSONValue {
        let args = try Arguments(arguments, tool: name)
        let path = args.path
        let url = try context.workspace.resolve(path)
        guard FileManager.default.fileExists(atPath: url.path) else {
            let files = context.workspace.dataFiles()
            let hint =
                files.isEmpty
                ? " The workspace holds no CSV file."
                : "\(NameSuggestion.didYouMean(path, among: files)) CSV files here: \(files.prefix(20).joined(separator: ", "))."
            throw ToolError("no file '\(path)' in the workspace.\(hint)")
        }
        context.progress("reading \(path)")
        let dataset = try Dataset.load(path: url.path)
        guard dataset.rowCount >= 10 else {
            throw ToolError(
                "\(path) has \(dataset.rowCount) rows; at least 10 are needed to train and validate a model.")
        }
        // No target named: the session's own (`run --target`), when the file has that column.
        let named = args.target
        let defaulted = named == nil ? context.session.target.flatMap { dataset.index(of: $0) != nil ? $0 : nil } : nil
        let target = try (named ?? defaulted).map { name throws(MLError) in
            try TargetSpec(dataset: dataset, column: name)
        }
        let fraction = args.testFraction
        let seed = args.seed
        // An entity column (named, or found on every labelled row) is chosen before the cut, so the sealed
        // test split holds whole entities; the training rows' profile then groups by the same column.
        var groupColumn = args.group
        if let name = groupColumn, dataset.index(of: name) == nil {
            throw ToolError(Dataset.unknownColumnMessage(name, among: dataset.columnNames))
        }
        if groupColumn == nil, let target {
            context.progress("looking for repeated entities")
            groupColumn = EntityGroups.detect(dataset: dataset, target: target)?.column
        }
        let split = try SealedTestSplit(
            dataset: dataset, target: target, testFraction: fraction, seed: seed, groupColumn: groupColumn)
        // The table is cut into its two parts and let go column by column: never held twice.
        let rows = dataset.rowCount
        let (train, test) = (consume dataset).partitioned(split.trainRows, split.testRows)
        context.progress("profiling")
        let profile = try DataProfile(
            dataset: train, target: target?.column, grouping: groupColumn.map { .column($0) } ?? .none)
        let id = args.datasetID ?? Self.datasetID(for: url)
        // The sealed rows are read once, at the end: a large part waits on disk, not in memory.
        let sealed = SealedPart.keep(consume test, datasetID: id, workspace: context.workspace.root)
        let loaded = LoadedDataset(
            id: id, path: context.workspace.relativePath(of: url), trainDataset: train, sealed: sealed,
            rowCount: rows, target: target, split: split, profile: profile)
        context.session.store(loaded)
        guard let defaulted, case .object(var out) = Self.summary(loaded) else { return Self.summary(loaded) }
        out["target_note"] = .string(
            "no target was named: \"\(defaulted)\", the column this session was asked to predict, is the target.")
        return .object(out)
    }

    static func datasetID(for url: URL) -> String {
        let stem = url.deletingPathExtension().lastPathComponent.lowercased()
        let cleaned = String(stem.map { $0.isLetter || $0.isNumber ? $0 : "_" })
        return cleaned.isEmpty ? "data" : cleaned
    }

    static func summary(_ d: LoadedDataset) -> JSONValue {
        let p = d.profile
        let columns = p.columns.prefix(maxColumns).map { c -> JSONValue in
            var o: [String: JSONValue] = [
                "name": .string(c.name), "type": .string(c.kind.rawValue), "missing": .int(c.missing),
                "distinct": .int(c.distinct),
            ]
            if c.name == d.target?.column { o["target"] = true }
            return .object(o)
        }
        var out: [String: JSONValue] = [
            "dataset_id": .string(d.id), "path": .string(d.path), "rows": .int(d.rowCount),
            "column_count": .int(d.columnCount), "columns": .array(Array(columns)),
            "train_rows": .int(d.trainRows.count), "test_rows": .int(d.testRows.count),
            "test_split": .string(
                "sealed: \(d.testRows.count) rows, evaluated only with compute_metrics split=\"test\""),
            "task": .string(p.task.rawValue), "metric": .string(p.suggestedMetric),
            "greater_is_better": .bool(Metrics.greaterIsBetter(p.suggestedMetric)),
            "validation": .string(validationText(p.suggestedValidation)),
            "validation_scheme": schemeJSON(p.suggestedValidation),
            "validation_reason": .string(p.suggestedValidation.reason),
            "warnings": .array(p.warnings.prefix(12).map(warningJSON)),
            "drop_suggested": .strings(p.columnsToDrop),
            "text_columns": .strings(p.columns.filter { $0.kind == .text && $0.name != d.target?.column }.map(\.name)),
            "duplicate_rows": .int(p.duplicateRows), "fingerprint": .string(d.fingerprint),
        ]
        if p.columns.count > maxColumns { out["more_columns"] = .int(p.columns.count - maxColumns) }
        if !d.trainDataset.readingNotes.isEmpty { out["reading_notes"] = .strings(d.trainDataset.readingNotes) }
        if let t = p.target {
            var target: [String: JSONValue] = [
                "name": .string(t.column), "task": .string(t.task.rawValue), "missing": .int(t.missing),
            ]
            if !t.classNames.isEmpty {
                var counts: [String: JSONValue] = [:]
                for (name, count) in zip(t.classNames, t.classCounts).prefix(20) { counts[name] = .int(count) }
                target["class_counts"] = .object(counts)
            }
            if let s = t.distribution {
                target["distribution"] = [
                    "mean": .rounded(s.mean), "std": .rounded(s.std), "min": .rounded(s.min),
                    "median": .rounded(s.median),
                    "max": .rounded(s.max),
                ]
            }
            out["target"] = .object(target)
        }
        return .object(out)
    }

    static func validationText(_ v: ValidationSuggestion) -> String {
        switch v.scheme {
        case .stratifiedKFold: "stratified \(v.folds)-fold CV on the training rows"
        case .kFold: "\(v.folds)-fold CV on the training rows"
        case .timeSeriesSplit: "time-ordered \(v.folds)-fold split on '\(v.timeColumn ?? "?")'"
        case .holdout: "one seeded holdout of the training rows"
        case .groupKFold:
            "grouped \(v.folds)-fold CV on '\(v.groupColumn ?? "?")' (each value in one fold; the test split holds whole values)"
        }
    }

    /// The validation as facts (scheme, folds, time column), for renderings in other languages.
    static func schemeJSON(_ v: ValidationSuggestion) -> JSONValue {
        var o: [String: JSONValue] = ["scheme": .string(v.scheme.rawValue), "folds": .int(v.folds)]
        if let c = v.timeColumn { o["time_column"] = .string(c) }
        if let c = v.groupColumn { o["group_column"] = .string(c) }
        return .object(o)
    }

    static func warningJSON(_ w: DataWarning) -> JSONValue {
        var o: [String: JSONValue] = [
            "kind": .string(w.kind.rawValue), "action": .string(w.action.rawValue), "message": .string(w.message),
        ]
        if let c = w.column { o["column"] = .string(c) }
        if let r = w.relatedColumn { o["related_column"] = .string(r) }
        if let v = w.value { o["value"] = .rounded(v) }
        // The facts the message states beyond the value, so a rendering in another language can state them too.
        switch w.detail {
        case .imbalancedTarget(let className?, _): o["class"] = .string(className)
        case .likelyLeakage(_, .accuracy(_, let baseline?)): o["majority_baseline"] = .rounded(baseline)
        case .suspiciousPredictor(_, let score, let afterOutcome):
            o["severity"] = .string(afterOutcome ? "high" : "medium")
            o["named_after_outcome"] = .bool(afterOutcome)
            switch score {
            case .auc: o["score"] = "roc_auc"
            case .balancedAccuracy(_, let majority):
                o["score"] = "balanced_accuracy"
                o["majority_baseline"] = .rounded(majority)
            case .r2: o["score"] = "r2"
            }
        case .repeatedEntity(_, let entities, let repeatedShare, _, let baseline):
            o["entities"] = .int(entities)
            o["repeated_share"] = .rounded(repeatedShare)
            o["majority_baseline"] = .rounded(baseline)
        case .nearDuplicates(_, let tolerance): o["tolerance"] = .rounded(tolerance)
        default: break
        }
        return .object(o)
    }
}
