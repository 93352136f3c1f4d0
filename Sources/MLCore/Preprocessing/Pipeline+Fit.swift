// Fitting a Pipeline: every statistic (medians, means, standard deviations, kept levels, TF-IDF
// vocabulary and idf) is computed from the given training rows only, never from other rows.
// Leaves out: applying the steps (StepTransform).

extension Pipeline {
    /// Learns the pipeline's statistics from `rows` of `dataset` (all rows when nil); `target` holds the
    /// targets of those rows, in that order (needed by target encoding only).
    /// - Throws: unknown columns (with a suggestion), a column whose kind does not fit its treatment,
    ///   no training rows, or a target encoding without a target.
    public func fit(_ dataset: Dataset, rows: [Int]? = nil, target: TargetValues? = nil) throws(MLError)
        -> FittedPipeline
    {
        let rows = rows ?? Array(0..<dataset.rowCount)
        guard !rows.isEmpty else {
            throw MLError(.invalidInput, "Cannot fit preprocessing on zero rows; give it the training rows.")
        }
        // Columns are independent: fitted side by side on large tables, each step the same as alone.
        let plans = columns
        let results = Parallel.map(plans.count, parallel: rows.count >= Self.parallelRows) {
            i -> Result<FittedStep, MLError> in
            Result { () throws(MLError) in try step(plans[i], dataset: dataset, rows: rows, target: target) }
        }
        var steps: [FittedStep] = []
        for result in results { steps.append(try result.get()) }
        return FittedPipeline(pipeline: self, steps: steps, fittedRowCount: rows.count)
    }

    /// Rows from which the columns' statistics are learnt in parallel.
    static let parallelRows = 50_000

    /// Learns one column's step.
    func step(_ plan: ColumnPlan, dataset: Dataset, rows: [Int], target: TargetValues?) throws(MLError) -> FittedStep {
        let column = try dataset.column(named: plan.name)
        switch plan.treatment {
        case .numeric:
            let x = try StepTransform.numbers(column)
            return numericStep(name: plan.name, values: rows.lazy.map { x[$0] })
        case .datetime:
            let x = try StepTransform.numbers(column)
            let parts = DatetimeParts.names.indices.map { part -> FittedStep in
                let derived = DatetimeParts.values(rows.map { x[$0] }, part: part)
                return numericStep(name: "\(plan.name)_\(DatetimeParts.names[part])", values: derived)
            }
            return .datetime(column: plan.name, parts: parts)
        case .categorical:
            return try categoricalStep(name: plan.name, column: column, rows: rows, target: target)
        case .text:
            let docs = try StepTransform.texts(column)
            let model = TFIDFModel(
                documents: rows.map { docs[$0] }, minDf: options.tfidfMinDf, maxFeatures: options.tfidfMaxFeatures,
                sublinearTf: options.tfidfSublinearTf, bigrams: options.tfidfBigrams)
            return .tfidf(column: plan.name, model: model)
        }
    }

    /// The fill, centre and scale of one numeric column's `values` (the training rows, in order). Reads
    /// them without copies beyond the present values the median selects from: at a million rows per fold
    /// each copy of a column costs more than the statistics.
    func numericStep<Values: Collection<Double>>(name: String, values: Values) -> FittedStep {
        var present: [Double] = []
        if options.imputeMedian || options.standardize {
            present.reserveCapacity(values.count)
            for v in values where !v.isNaN { present.append(v) }
        }
        let hasMissing =
            options.imputeMedian || options.standardize ? present.count < values.count : values.contains { $0.isNaN }
        // The median (a selection over the column) only where it fills gaps.
        let fill: Double? =
            options.imputeMedian ? (present.isEmpty ? 0 : ProfileStatistics.median(present: present)) : nil
        var mean = 0.0, scale = 1.0
        if options.standardize {
            // Statistics of the imputed column, as scikit-learn's SimpleImputer → StandardScaler: the sums run
            // in row order over the present values, or over every value with gaps filled (with no gap that
            // is `present` itself, read contiguously).
            let n = Double(max(fill == nil ? present.count : values.count, 1))
            var sum = 0.0
            if let f = fill, hasMissing {
                for v in values { sum += v.isNaN ? f : v }
            } else {
                for v in present { sum += v }
            }
            mean = sum / n
            var squares = 0.0
            if let f = fill, hasMissing {
                for v in values {
                    let w = v.isNaN ? f : v
                    squares += (w - mean) * (w - mean)
                }
            } else {
                for v in present { squares += (v - mean) * (v - mean) }
            }
            let variance = squares / n
            scale = variance > 0 ? variance.squareRoot() : 1
        }
        return .numeric(
            column: name, fill: fill, mean: mean, scale: scale, indicator: options.addMissingIndicator && hasMissing)
    }

    func categoricalStep(name: String, column: Column, rows: [Int], target: TargetValues?) throws(MLError)
        -> FittedStep
    {
        var counts: [String: Int] = [:]
        var missing = false
        if case .categorical(let codes, let levels) = column.data {
            // Counted by code, then named: one hash per level, not one per row.
            var byCode = [Int](repeating: 0, count: levels.count)
            for r in rows {
                let c = Int(codes[r])
                if c >= 0 { byCode[c] += 1 } else { missing = true }
            }
            for (c, n) in byCode.enumerated() where n > 0 { counts[levels[c], default: 0] += n }
        } else {
            for r in rows {
                if let s = column.string(at: r) { counts[s, default: 0] += 1 } else { missing = true }
            }
        }
        var encoding = options.categorical
        if let high = options.highCardinality, counts.count > PreprocessingOptions.highCardinalityLevels {
            encoding = high
        }
        switch encoding {
        case .frequency: return .encoded(LevelEncoding.frequency(column, rows: rows))
        case .target:
            guard let target else {
                throw MLError(
                    .invalidParameter,
                    "Target encoding of '\(name)' needs the training rows' target; fit the pipeline with it.")
            }
            return .encoded(try LevelEncoding.target(column, rows: rows, target: target))
        case .oneHot, .native, .ordinal: break
        }
        // The most frequent levels (ties alphabetical), then sorted so codes follow level order.
        let ranked = counts.keys.sorted { (counts[$0] ?? 0, $1) > (counts[$1] ?? 0, $0) }
        let kept = Array(ranked.prefix(options.maxLevels)).sorted()
        // 'other' exists only when rarer levels were pooled; unseen levels then map to it, else to
        // all zeros (one-hot) or NaN (codes), as scikit-learn's handle_unknown="ignore".
        let other = ranked.count > kept.count
        switch encoding {
        case .oneHot: return .oneHot(column: name, levels: kept, other: other, missing: missing)
        case .native: return .codes(column: name, levels: kept, other: other, native: true)
        case .ordinal, .frequency, .target: return .codes(column: name, levels: kept, other: other, native: false)
        }
    }
}
