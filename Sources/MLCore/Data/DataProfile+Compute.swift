// Computes a DataProfile: per-column statistics, the target's task and balance, the suggested
// metric and validation, and (via DataWarnings) the warnings.
// Metric rule: binary → roc_auc; multiclass → accuracy, or f1_macro when the smallest class holds
// less than half its fair share (1 / classes); regression → r2; no target → silhouette.
// Validation rule: a sealed 20 % test split, then 5-fold CV (stratified for classes); a time split
// when a datetime column exists and the caller asks for it (`timeColumn`); holdout above 1M rows.

extension DataProfile {
    /// Profiles `dataset`, with respect to `target` when given.
    /// - Throws: an unknown target (with the closest name), a one-class or unusable target.
    /// - Complexity: O(rows × columns × log rows) for quantiles, plus O(rows × numeric²) for near-copies.
    public init(dataset: Dataset, target: String? = nil, timeColumn: String? = nil) throws(MLError) {
        let spec = try target.map { name throws(MLError) in try TargetSpec(dataset: dataset, column: name) }
        if let timeColumn {
            let c = try dataset.column(named: timeColumn)
            if c.kind != .datetime && c.kind != .integer {
                throw MLError(.invalidParameter, "Time column '\(timeColumn)' is \(c.kind.rawValue); a time split needs a datetime or integer column.")
            }
        }
        let columnProfiles = dataset.columns.map(ProfileStatistics.profile)
        var targetProfile: TargetProfile?
        if let spec {
            let column = try dataset.column(named: spec.column)
            var counts: [Int] = []
            if spec.task.isClassification, let values = try? spec.values(in: dataset, rows: try dataset.rowsWithTarget(spec.column)),
                case .classes(let labels, _) = values
            {
                counts = [Int](repeating: 0, count: spec.classNames.count)
                for l in labels { counts[l] += 1 }
            }
            targetProfile = TargetProfile(
                column: spec.column, task: spec.task, classNames: spec.classNames, classCounts: counts,
                distribution: spec.task == .regression ? column.numbers.flatMap(ProfileStatistics.summary) : nil,
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
            metric = total > 0 && Double(smallest) / Double(total) < 0.5 / Double(max(counts.count, 1)) ? "f1_macro" : "accuracy"
        case .regression: metric = "r2"
        case .clustering: metric = "silhouette"
        }
        let validation: ValidationSuggestion
        if let timeColumn {
            validation = ValidationSuggestion(
                scheme: .timeSeriesSplit, folds: 5, testFraction: 0.2, timeColumn: timeColumn,
                reason: "Rows are ordered by '\(timeColumn)': train on the past, validate on the future, and seal the latest 20 % as the test split.")
        } else if dataset.rowCount > 1_000_000 {
            validation = ValidationSuggestion(
                scheme: .holdout, folds: 1, testFraction: 0.2, timeColumn: nil,
                reason: "With over a million rows one seeded holdout is precise enough and 5× cheaper than k-fold.")
        } else if task.isClassification {
            validation = ValidationSuggestion(
                scheme: .stratifiedKFold, folds: 5, testFraction: 0.2, timeColumn: nil,
                reason: "Stratified 5-fold CV keeps every class's share in each fold; a sealed, stratified 20 % test split is kept for the end.")
        } else {
            validation = ValidationSuggestion(
                scheme: .kFold, folds: 5, testFraction: 0.2, timeColumn: nil,
                reason: "5-fold CV on the remaining rows gives a mean and a spread; a sealed 20 % test split is kept for the end.")
        }
        let duplicates = ProfileStatistics.duplicateRowCount(dataset)
        self.init(
            source: dataset.source, rows: dataset.rowCount, columnCount: dataset.columnCount,
            fingerprint: dataset.fingerprint.hex, fileFingerprint: dataset.fileFingerprint,
            duplicateRows: duplicates, columns: columnProfiles, target: targetProfile, task: task,
            suggestedMetric: metric, suggestedValidation: validation, warnings: [])
        warnings = DataWarnings.detect(dataset: dataset, profile: self, target: spec)
    }
}

/// Statistics used by the profile.
enum ProfileStatistics {
    static func profile(_ column: Column) -> ColumnProfile {
        var p = ColumnProfile(name: column.name, kind: column.kind, missing: column.missingCount, distinct: 0)
        switch column.data {
        case .numeric(let values):
            var seen = Set<UInt64>()
            for v in values where !v.isNaN { seen.insert((v == 0 ? 0 : v).bitPattern) }
            p.distinct = seen.count
            p.numeric = summary(values)
            if column.kind == .boolean || (column.kind == .integer && p.distinct <= 20) {
                var counts: [Double: Int] = [:]
                for v in values where !v.isNaN { counts[v, default: 0] += 1 }
                p.topLevels = counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(5).map { kv in
                    LevelCount(value: Column(name: "", numbers: [kv.key], kind: column.kind).string(at: 0) ?? "", count: kv.value)
                }
            }
        case .categorical(let codes, let levels):
            var counts = [Int](repeating: 0, count: levels.count)
            for c in codes where c >= 0 { counts[Int(c)] += 1 }
            p.distinct = counts.filter { $0 > 0 }.count
            p.topLevels = levels.indices.sorted { (counts[$0], $1) > (counts[$1], $0) }.prefix(5).map {
                LevelCount(value: levels[$0], count: counts[$0])
            }
        case .text(let texts):
            p.distinct = Set(texts.compactMap { $0 }).count
            let present = texts.compactMap { $0 }
            p.meanLength = present.isEmpty ? 0 : Double(present.reduce(0) { $0 + $1.count }) / Double(present.count)
        }
        return p
    }

    /// Summary of the non-missing values, or nil when there are none.
    static func summary(_ values: [Double]) -> NumericSummary? {
        let v = values.filter { !$0.isNaN }.sorted()
        guard let first = v.first, let last = v.last else { return nil }
        let n = Double(v.count)
        let mean = v.reduce(0, +) / n
        var m2 = 0.0, m3 = 0.0
        for x in v {
            let d = x - mean
            m2 += d * d
            m3 += d * d * d
        }
        let variance = v.count > 1 ? m2 / (n - 1) : 0
        let populationStd = (m2 / n).squareRoot()
        let skew = populationStd > 0 ? (m3 / n) / (populationStd * populationStd * populationStd) : 0
        return NumericSummary(
            min: first, max: last, mean: mean, std: variance.squareRoot(),
            q25: quantile(v, 0.25), median: quantile(v, 0.5), q75: quantile(v, 0.75), skewness: skew)
    }

    /// Linear-interpolated quantile of sorted values (NumPy's default).
    static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        let position = q * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down)), upper = min(lower + 1, sorted.count - 1)
        let fraction = position - Double(lower)
        return sorted[lower] + (sorted[upper] - sorted[lower]) * fraction
    }

    /// Rows equal to an earlier row in every column (by a 64-bit row hash).
    static func duplicateRowCount(_ dataset: Dataset) -> Int {
        var hashes = [UInt64](repeating: 0xcbf2_9ce4_8422_2325, count: dataset.rowCount)
        let prime: UInt64 = 0x0000_0100_0000_01b3
        for column in dataset.columns {
            switch column.data {
            case .numeric(let v):
                for r in v.indices { hashes[r] = (hashes[r] ^ (v[r].isNaN ? 1 : (v[r] == 0 ? 0 : v[r].bitPattern))) &* prime }
            case .categorical(let c, _):
                for r in c.indices { hashes[r] = (hashes[r] ^ UInt64(bitPattern: Int64(c[r]))) &* prime }
            case .text(let t):
                for r in t.indices {
                    var h = ContentHasher()
                    if let s = t[r] { h.combine(s) }
                    hashes[r] = (hashes[r] ^ h.finalize().value) &* prime
                }
            }
            for r in hashes.indices { hashes[r] = (hashes[r] ^ (hashes[r] >> 31)) &* 0x94D0_49BB_1331_11EB }
        }
        var seen = Set<UInt64>(minimumCapacity: hashes.count)
        var duplicates = 0
        for h in hashes where !seen.insert(h).inserted { duplicates += 1 }
        return duplicates
    }
}
