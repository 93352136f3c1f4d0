// Detects the warnings of a DataProfile. Rules (thresholds are the constants below):
//   likely_leakage  — one feature alone predicts the target almost perfectly, measured out of sample:
//                     rows split by parity, each half predicted from the other half's per-bin majority
//                     class / mean (numeric features in 32 quantile bins, categoricals by level,
//                     missing as its own bin); classification: accuracy ≥ 0.97 and error ≤ 5 % of the
//                     majority baseline's error; regression: R² ≥ 0.9. Action: drop the column.
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
// Leaves out: multi-column leakage and label noise.

enum DataWarnings {
    static let leakAccuracy = 0.97, leakErrorRatio = 0.05, leakR2 = 0.9
    static let nearCopyCorrelation = 0.98, highCardinality = 50
    static let heavyMissing = 0.3, nearlyEmpty = 0.95

    /// The warnings; `edgeCandidates` (per column, from its profile pass) spares the leakage probe a sort.
    static func detect(dataset: Dataset, profile: DataProfile, target: TargetSpec?, edgeCandidates: [[Double]?]) -> [DataWarning] {
        var out: [DataWarning] = []
        let targetName = target?.column
        var skip = Set<String>()
        for (column, p) in zip(dataset.columns, profile.columns) where column.name != targetName {
            if p.distinct <= 1 {
                skip.insert(column.name)
                let what = p.distinct == 0 ? "has no value at all" : "holds the same value in every non-missing row"
                out.append(DataWarning(kind: .constant, column: column.name, action: .dropColumn, message: "'\(column.name)' \(what); it cannot help a model. Drop it."))
            } else if isIDLike(column, profile: p, rows: dataset.rowCount) {
                skip.insert(column.name)
                out.append(DataWarning(
                    kind: .idLike, column: column.name, value: 1, action: .dropColumn,
                    message: "'\(column.name)' is unique in every row (an identifier); a model would memorise it. Drop it (or use it as a group for GroupKFold)."))
            }
        }
        if let target, let leaks = try? leakage(dataset: dataset, target: target, skip: skip, edgeCandidates: edgeCandidates) { out.insert(contentsOf: leaks, at: 0) }
        for (column, p) in zip(dataset.columns, profile.columns) {
            let share = Double(p.missing) / Double(max(dataset.rowCount, 1))
            if share >= heavyMissing && p.distinct > 0 {
                let drop = share >= nearlyEmpty && column.name != targetName
                out.append(DataWarning(
                    kind: .heavyMissing, column: column.name, value: share, action: drop ? .dropColumn : .review,
                    message: "'\(column.name)' is missing in \(percent(share)) of rows."
                        + (drop ? " Drop it." : " Models impute it (median or most frequent) and add a missing indicator; ask whether missingness itself means something.")))
            }
            if column.kind == .categorical && p.distinct > highCardinality && !skip.contains(column.name) && column.name != targetName {
                out.append(DataWarning(
                    kind: .highCardinality, column: column.name, value: Double(p.distinct), action: .review,
                    message: "'\(column.name)' has \(p.distinct) levels; one-hot encoding keeps the most frequent and pools the rest as 'other'. Consider grouping levels or dropping it."))
            }
        }
        out += nearCopies(dataset: dataset, exclude: skip.union(targetName.map { [$0] } ?? []))
        if profile.duplicateRows > 0 {
            out.append(DataWarning(
                kind: .duplicateRows, column: nil, value: Double(profile.duplicateRows), action: .dropDuplicates,
                message: "\(profile.duplicateRows) rows repeat an earlier row exactly; duplicates can sit on both sides of a split and inflate scores. Drop them or group them."))
        }
        if let t = profile.target {
            if t.task == .regression, let d = t.distribution, d.skewness > 1, d.min >= 0 {
                out.append(DataWarning(
                    kind: .skewedTarget, column: t.column, value: d.skewness, action: .logTransformTarget,
                    message: "Target '\(t.column)' is right-skewed (skewness \(String(format2: d.skewness))); fitting log(1 + y) often helps, and report an error metric on the original scale."))
            }
            let total = t.classCounts.reduce(0, +)
            if t.task.isClassification, total > 0, let smallest = t.classCounts.min(), let index = t.classCounts.firstIndex(of: smallest) {
                let share = Double(smallest) / Double(total)
                let threshold = t.task == .binary ? 0.1 : 0.5 / Double(t.classCounts.count)
                if share < threshold {
                    out.append(DataWarning(
                        kind: .imbalancedTarget, column: t.column, value: share, action: .useStratifiedMetric,
                        message: "Class '\(t.classNames[index])' of '\(t.column)' is rare (\(percent(share)) of rows); stratify splits and prefer F1 (macro), balanced accuracy or average precision to accuracy."))
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
            let lower = column.name.lowercased()
            let named = lower == "id" || lower.hasSuffix("_id") || lower.hasPrefix("id_") || column.name.hasSuffix("Id") || column.name.hasSuffix("ID") || lower == "index"
            let consecutive = p.numeric.map { $0.max - $0.min + 1 == Double(rows) } ?? false
            return named || consecutive
        default: return false
        }
    }

    /// Features that alone predict the target almost perfectly, out of sample (columns probed in parallel).
    static func leakage(dataset: Dataset, target: TargetSpec, skip: Set<String>, edgeCandidates: [[Double]?]) throws(MLError) -> [DataWarning] {
        let rows = try dataset.rowsWithTarget(target.column)
        guard rows.count >= 20 else { return [] }
        let y = try target.values(in: dataset, rows: rows)
        let probed = dataset.columns.indices.filter { i in
            let c = dataset.columns[i]
            return c.name != target.column && !skip.contains(c.name) && c.kind != .text
        }
        // The profile's order statistics are over every row: reusable when every row has a target.
        let allRows = rows.count == dataset.rowCount
        let found = Parallel.map(probed.count, parallel: rows.count * probed.count >= ProfileStatistics.parallelCells) { k -> DataWarning? in
            let column = dataset.columns[probed[k]]
            let bins = LeakageProbe.bins(column, rows: rows, edgeCandidates: allRows && probed[k] < edgeCandidates.count ? edgeCandidates[probed[k]] : nil)
            switch y {
            case .classes(let labels, let names):
                let (accuracy, baseline) = LeakageProbe.crossFittedAccuracy(bins: bins, labels: labels, classes: names.count)
                guard accuracy >= leakAccuracy && (1 - accuracy) <= leakErrorRatio * (1 - baseline) else { return nil }
                return DataWarning(
                    kind: .likelyLeakage, column: column.name, value: accuracy, action: .dropColumn,
                    message: "'\(column.name)' alone predicts '\(target.column)' with \(percent(accuracy)) accuracy on held-out rows (majority baseline \(percent(baseline))): likely target leakage. Check it is known before the outcome; otherwise drop it.")
            case .values(let v):
                let r2 = LeakageProbe.crossFittedR2(bins: bins, values: v)
                guard r2 >= leakR2 else { return nil }
                return DataWarning(
                    kind: .likelyLeakage, column: column.name, value: r2, action: .dropColumn,
                    message: "'\(column.name)' alone explains R² = \(String(format2: r2)) of '\(target.column)' on held-out rows: likely target leakage or a near-duplicate measurement. Check it is known at prediction time; otherwise drop it.")
            case .none: return nil
            }
        }
        return found.compactMap { $0 }
    }

    /// Numeric pairs with |r| ≥ 0.98; categorical pairs with a one-to-one level mapping.
    static func nearCopies(dataset: Dataset, exclude: Set<String>) -> [DataWarning] {
        var out: [DataWarning] = []
        let numeric = dataset.columns.filter { $0.kind.isNumeric && !exclude.contains($0.name) }.prefix(100)
        let columns = Array(numeric)
        let rows = columns.first?.count ?? 0
        // Pairs (i, j > i) grouped by i, the groups in parallel, then joined in order.
        out += Parallel.map(columns.count, parallel: rows * columns.count >= ProfileStatistics.parallelCells) { i -> [DataWarning] in
            var found: [DataWarning] = []
            for j in (i + 1)..<columns.count {
                guard let a = columns[i].numbers, let b = columns[j].numbers, let r = pearson(a, b), abs(r) >= nearCopyCorrelation else { continue }
                found.append(DataWarning(
                    kind: .nearCopy, column: columns[j].name, relatedColumn: columns[i].name, value: r, action: .review,
                    message: "'\(columns[j].name)' and '\(columns[i].name)' are near-copies (r = \(String(format2: r))); keep one, or expect unstable coefficients and split importance."))
            }
            return found
        }.flatMap { $0 }
        let categorical = Array(dataset.columns.filter { $0.kind == .categorical && !exclude.contains($0.name) }.prefix(50))
        for i in categorical.indices {
            for j in (i + 1)..<categorical.count {
                guard case .categorical(let a, let la) = categorical[i].data, case .categorical(let b, let lb) = categorical[j].data,
                    la.count == lb.count, la.count > 1
                else { continue }
                var pairs = Set<Int64>()
                for r in a.indices { pairs.insert(Int64(a[r]) << 32 | Int64(UInt32(bitPattern: b[r]))) }
                if pairs.count == la.count + (a.contains(-1) ? 1 : 0) {
                    out.append(DataWarning(
                        kind: .nearCopy, column: categorical[j].name, relatedColumn: categorical[i].name, value: 1, action: .review,
                        message: "'\(categorical[j].name)' and '\(categorical[i].name)' carry the same information (their levels map one-to-one); keep one."))
                }
            }
        }
        return out
    }

    static func pearson(_ a: [Double], _ b: [Double]) -> Double? {
        var n = 0.0, sa = 0.0, sb = 0.0, saa = 0.0, sbb = 0.0, sab = 0.0
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                for r in 0..<min(a.count, b.count) where !a[r].isNaN && !b[r].isNaN {
                    n += 1
                    sa += a[r]
                    sb += b[r]
                    saa += a[r] * a[r]
                    sbb += b[r] * b[r]
                    sab += a[r] * b[r]
                }
            }
        }
        guard n >= 3 else { return nil }
        let va = saa - sa * sa / n, vb = sbb - sb * sb / n
        guard va > 1e-12 * max(saa, 1), vb > 1e-12 * max(sbb, 1) else { return nil }
        return (sab - sa * sb / n) / (va * vb).squareRoot()
    }

    static func percent(_ x: Double) -> String { "\(Int((x * 100).rounded()))%" }
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
