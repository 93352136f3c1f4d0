// Detects the warnings of a DataProfile. Rules (thresholds are the constants below):
//   likely_leakage  — one feature alone predicts the target almost perfectly, measured out of sample
//                     (on a seeded sample of 200,000 labelled rows when there are more): rows split by parity, each half predicted from the other half's per-bin majority
//                     class / mean (numeric features in 32 quantile bins, categoricals by level,
//                     missing as its own bin); classification: accuracy ≥ 0.97 and error ≤ 5 % of the
//                     majority baseline's error; regression: R² ≥ 0.9. Action: drop the column.
//   suspicious_predictor — below that, the same single-column model (binary: each row's held-out bin
//                     positive rate) still scores ROC AUC ≥ 0.90 (binary), balanced accuracy ≥ 85 % of
//                     the way from 1 / classes to 1 (multiclass), R² ≥ 0.8 (regression). Action: drop
//                     when the name says "after the outcome" (PostOutcomeNames), else review.
//   repeated_entity — a column identifying entities repeated over rows that share the outcome
//                     (EntityGroups). Action: group folds and the test split by it.
//   near_duplicates — rows equal to an earlier row but for one numeric field within 1 % of its std
//                     (NearDuplicates; estimated from a share of the pairs beyond 200,000 rows), at least
//                     max(5, 0.5 % of rows). Action: review.
//   id_like         — an integer column unique per row that is consecutive or named like an id, or a
//                     categorical unique per row (≥ 20 rows). Action: drop.
//   constant        — at most one distinct value. Action: drop.
//   near_copy       — two numeric columns with |Pearson r| ≥ 0.98, or two categoricals whose levels
//                     map one-to-one. Action: review.
//   high_cardinality — a categorical with more than 50 levels. Action: review.
//   heavy_missing   — ≥ 30 % missing (review), ≥ 95 % (drop).
//   duplicate_rows  — rows identical to an earlier row. Action: drop duplicates.
//   skewed_target   — regression target with skewness > 1 and no negative value. Action: log target.
//   imbalanced_target — smallest class < 10 % (binary) or < half its fair share (multiclass).
// Messages: DataWarning builds each from its facts (Detail).
// Leaves out: multi-column leakage and label noise.

enum DataWarnings {
    static let leakAccuracy = 0.97, leakErrorRatio = 0.05, leakR2 = 0.9
    static let suspiciousAUC = 0.90, suspiciousBalancedGain = 0.85, suspiciousR2 = 0.8
    static let nearCopyCorrelation = 0.98, highCardinality = 50
    static let heavyMissing = 0.3, nearlyEmpty = 0.95
    static let nearDuplicateMinimum = 5, nearDuplicateShare = 0.005
    /// Labelled rows the single-column leakage probe reads at most (a seeded sample beyond).
    static let leakageRows = 200_000

    /// The warnings; `edgeCandidates` (per column, from its profile pass) spares the leakage probe a sort.
    static func detect(
        dataset: Dataset, profile: DataProfile, target: TargetSpec?, edgeCandidates: [[Double]?],
        grouping: EntityGrouping? = nil
    ) -> [DataWarning] {
        var out: [DataWarning] = []
        let targetName = target?.column
        var skip = Set<String>()
        if let g = grouping, let targetName {
            skip.insert(g.column)
            out.append(
                DataWarning(
                    column: g.column,
                    detail: .repeatedEntity(
                        target: targetName, entities: g.entities, repeatedShare: g.repeatedShare,
                        agreement: g.agreement, baseline: g.baseline)))
        }
        for (column, p) in zip(dataset.columns, profile.columns) where column.name != targetName {
            if p.distinct <= 1 {
                skip.insert(column.name)
                out.append(DataWarning(column: column.name, detail: .constant(empty: p.distinct == 0)))
            } else if isIDLike(column, profile: p, rows: dataset.rowCount) {
                skip.insert(column.name)
                out.append(DataWarning(column: column.name, detail: .idLike))
            }
        }
        if let target,
            let leaks = try? leakage(dataset: dataset, target: target, skip: skip, edgeCandidates: edgeCandidates)
        {
            out.insert(contentsOf: leaks, at: 0)
        }
        for (column, p) in zip(dataset.columns, profile.columns) {
            let share = Double(p.missing) / Double(max(dataset.rowCount, 1))
            if share >= heavyMissing && p.distinct > 0 {
                let drop = share >= nearlyEmpty && column.name != targetName
                out.append(DataWarning(column: column.name, detail: .heavyMissing(share: share, drop: drop)))
            }
            if column.kind == .categorical && p.distinct > highCardinality && !skip.contains(column.name)
                && column.name != targetName
            {
                out.append(DataWarning(column: column.name, detail: .highCardinality(levels: p.distinct)))
            }
        }
        out += nearCopies(dataset: dataset, exclude: skip.union(targetName.map { [$0] } ?? []))
        if profile.duplicateRows > 0 {
            out.append(DataWarning(column: nil, detail: .duplicateRows(count: profile.duplicateRows)))
        }
        let near = NearDuplicates.count(dataset: dataset, excluding: skip.union(targetName.map { [$0] } ?? [])).count
        if near >= max(nearDuplicateMinimum, Int(nearDuplicateShare * Double(dataset.rowCount))) {
            out.append(
                DataWarning(column: nil, detail: .nearDuplicates(count: near, tolerance: NearDuplicates.tolerance)))
        }
        if let t = profile.target {
            if t.task == .regression, let d = t.distribution, d.skewness > 1, d.min >= 0 {
                out.append(DataWarning(column: t.column, detail: .skewedTarget(skewness: d.skewness)))
            }
            let total = t.classCounts.reduce(0, +)
            if t.task.isClassification, total > 0, let smallest = t.classCounts.min(),
                let index = t.classCounts.firstIndex(of: smallest)
            {
                let share = Double(smallest) / Double(total)
                let threshold = t.task == .binary ? 0.1 : 0.5 / Double(t.classCounts.count)
                if share < threshold {
                    out.append(
                        DataWarning(
                            column: t.column, detail: .imbalancedTarget(className: t.classNames[index], share: share)))
                }
            }
        }
        return out
    }

    static func isIDLike(_ column: Column, profile p: ColumnProfile, rows: Int) -> Bool {
        guard p.missing == 0, p.distinct == rows, rows >= 20 else { return false }
        switch column.kind {
        case .categorical: return true
        case .integer:
            let named = isIDName(column.name)
            let consecutive = p.numeric.map { $0.max - $0.min + 1 == Double(rows) } ?? false
            return named || consecutive
        default: return false
        }
    }

    /// A name that says "identifier": id, *_id, id_*, *Id, *ID, index.
    static func isIDName(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower == "id" || lower.hasSuffix("_id") || lower.hasPrefix("id_") || name.hasSuffix("Id")
            || name.hasSuffix("ID") || lower == "index"
    }

    /// Features that alone predict the target almost perfectly (likely leakage) or far too well
    /// (suspicious predictor), out of sample (columns probed in parallel).
    static func leakage(dataset: Dataset, target: TargetSpec, skip: Set<String>, edgeCandidates: [[Double]?])
        throws(MLError) -> [DataWarning]
    {
        let labelled = try dataset.rowsWithTarget(target.column)
        guard labelled.count >= 20 else { return [] }
        // Beyond `leakageRows` labelled rows, a seeded sample of them (the probe's scores are shares and
        // areas, as precise on 200,000 rows as on more).
        var g = SeededGenerator(seed: 0, stream: 0x1EA6)
        let rows =
            labelled.count > leakageRows
            ? g.sampleIndices(leakageRows, of: labelled.count).map { labelled[$0] } : labelled
        let y = try target.values(in: dataset, rows: rows)
        let probed = dataset.columns.indices.filter { i in
            let c = dataset.columns[i]
            return c.name != target.column && !skip.contains(c.name) && c.kind != .text
        }
        // The profile's order statistics are over every row: reusable when every row has a target.
        let allRows = rows.count == dataset.rowCount
        let found = Parallel.map(probed.count, parallel: rows.count * probed.count >= ProfileStatistics.parallelCells) {
            k -> DataWarning? in
            let column = dataset.columns[probed[k]]
            let bins = LeakageProbe.bins(
                column, rows: rows,
                edgeCandidates: allRows && probed[k] < edgeCandidates.count ? edgeCandidates[probed[k]] : nil)
            switch y {
            case .classes(let labels, let names):
                let (accuracy, baseline) = LeakageProbe.crossFittedAccuracy(
                    bins: bins, labels: labels, classes: names.count)
                if accuracy >= leakAccuracy && (1 - accuracy) <= leakErrorRatio * (1 - baseline) {
                    return DataWarning(
                        column: column.name,
                        detail: .likelyLeakage(
                            target: target.column, score: .accuracy(accuracy, majorityBaseline: baseline)))
                }
                return suspicion(column.name, target: target.column, bins: bins, labels: labels, classes: names.count)
            case .values(let v):
                let r2 = LeakageProbe.crossFittedR2(bins: bins, values: v)
                if r2 >= leakR2 {
                    return DataWarning(
                        column: column.name, detail: .likelyLeakage(target: target.column, score: .r2(r2)))
                }
                guard r2 >= suspiciousR2 else { return nil }
                return DataWarning(
                    column: column.name,
                    detail: .suspiciousPredictor(
                        target: target.column, score: .r2(r2),
                        afterOutcome: PostOutcomeNames.match(column.name) != nil))
            case .none: return nil
            }
        }
        return found.compactMap { $0 }
    }

    /// A classification feature whose single-column model scores suspiciously well (binary: ROC AUC ≥ 0.90;
    /// multiclass: balanced accuracy at least 85 % of the way from the majority's 1 / classes to 1).
    static func suspicion(
        _ column: String, target: String, bins: (bins: [Int], count: Int), labels: [Int], classes: Int
    )
        -> DataWarning?
    {
        let score: DataWarning.SuspicionScore
        if classes == 2 {
            let rates = LeakageProbe.crossFittedPositiveRate(bins: bins, labels: labels)
            guard let auc = try? Metrics.rocAUC(labels, rates), auc >= suspiciousAUC else { return nil }
            score = .auc(auc)
        } else {
            let b = LeakageProbe.crossFittedBalancedAccuracy(bins: bins, labels: labels, classes: classes)
            let majority = 1 / Double(max(classes, 1))
            guard b >= majority + suspiciousBalancedGain * (1 - majority) else { return nil }
            score = .balancedAccuracy(b, majority: majority)
        }
        return DataWarning(
            column: column,
            detail: .suspiciousPredictor(
                target: target, score: score, afterOutcome: PostOutcomeNames.match(column) != nil))
    }

    /// Numeric pairs with |r| ≥ 0.98; categorical pairs with a one-to-one level mapping.
    static func nearCopies(dataset: Dataset, exclude: Set<String>) -> [DataWarning] {
        var out: [DataWarning] = []
        let numeric = dataset.columns.filter { $0.kind.isNumeric && !exclude.contains($0.name) }.prefix(100)
        let columns = Array(numeric)
        let rows = columns.first?.count ?? 0
        let values = columns.map { $0.numbers ?? [] }
        let sums = values.map(PairCorrelation.ColumnSums.init)
        // Pairs (i, j > i) grouped by i, the groups in parallel, then joined in order.
        out += Parallel.map(columns.count, parallel: rows * columns.count >= ProfileStatistics.parallelCells) {
            i -> [DataWarning] in
            var found: [DataWarning] = []
            let rs = PairCorrelation.withLaterColumns(values, i, sums: sums)
            for j in (i + 1)..<columns.count {
                guard let r = rs[j - i - 1], abs(r) >= nearCopyCorrelation else { continue }
                found.append(
                    DataWarning(
                        column: columns[j].name, relatedColumn: columns[i].name, detail: .nearCopy(correlation: r)))
            }
            return found
        }.flatMap { $0 }
        let categorical = Array(
            dataset.columns.filter { $0.kind == .categorical && !exclude.contains($0.name) }.prefix(50))
        for i in categorical.indices {
            for j in (i + 1)..<categorical.count {
                guard case .categorical(let a, let la) = categorical[i].data,
                    case .categorical(let b, let lb) = categorical[j].data,
                    la.count == lb.count, la.count > 1
                else { continue }
                var pairs = Set<Int64>()
                for r in a.indices { pairs.insert(Int64(a[r]) << 32 | Int64(UInt32(bitPattern: b[r]))) }
                if pairs.count == la.count + (a.contains(-1) ? 1 : 0) {
                    out.append(
                        DataWarning(
                            column: categorical[j].name, relatedColumn: categorical[i].name,
                            detail: .nearCopy(correlation: nil)))
                }
            }
        }
        return out
    }

}

extension String {
    /// Two decimals ("0.91").
    init(format2 x: Double) {
        let scaled = (x * 100).rounded() / 100
        var s = String(scaled)
        if let dot = s.firstIndex(of: ".") {
            let decimals = s.distance(from: dot, to: s.endIndex) - 1
            if decimals < 2 { s += String(repeating: "0", count: 2 - decimals) }
        }
        self = s
    }
}
