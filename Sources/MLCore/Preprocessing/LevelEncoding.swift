// Frequency and target encoding of a categorical column: each level becomes a fixed vector of numbers
// learnt from the training rows only. Frequency: the share of training rows at the level (0 when
// unseen). Target: the smoothed mean of the target at the level — the probability of the second class
// for two classes, one column per class for more, the value for regression; an unseen level gets the
// prior; a missing value is a level of its own, as in scikit-learn. The smoothing is scikit-learn's
// TargetEncoder's: by default (smooth="auto", PreprocessingOptions.targetSmoothing nil) the empirical
// Bayes shrinkage λ·mean + (1 − λ)·prior with λ = n·σ² / (n·σ² + s²), σ² the target's variance over all
// rows and s² its variance within the level's n rows, so a level whose rows agree keeps its own mean
// even with few rows; with a fixed m (smooth=m), (sum + m × prior) / (count + m).
// The model is fitted on cross-fitted target encodings (`crossFitted`): each training row is encoded
// from the other folds of the training rows only (5 seeded folds, stratified for classes), so a row's
// own target never reaches its feature — scikit-learn's TargetEncoder.fit_transform. Rows transformed
// later (validation, test, new files) use the encoding of all the training rows.
// Leaves out: which columns are encoded this way (Pipeline+Fit) and applying other steps (StepTransform).

/// What a frequency or target encoding learnt for one column.
public struct LevelEncoding: Sendable, Codable, Equatable {
    public var column: String
    /// `.frequency` or `.target`.
    public var encoding: CategoricalEncoding
    public var levels: [String]
    /// Numbers per row: 1, or the number of classes for a multiclass target encoding.
    public var width: Int
    /// `width` numbers per level, level after level.
    public var values: [Double]
    /// The numbers of a missing value and of a level unseen in training.
    public var missing: [Double]
    public var unseen: [Double]
    /// The output feature names.
    public var outputs: [String]

    /// The share of `rows` at each level of `column`.
    static func frequency(_ column: Column, rows: [Int]) -> LevelEncoding {
        var counts: [String: Int] = [:]
        var missing = 0
        for r in rows {
            if let s = column.string(at: r) { counts[s, default: 0] += 1 } else { missing += 1 }
        }
        let n = Double(max(rows.count, 1))
        let levels = counts.keys.sorted()
        return LevelEncoding(
            column: column.name, encoding: .frequency, levels: levels, width: 1,
            values: levels.map { Double(counts[$0] ?? 0) / n }, missing: [Double(missing) / n], unseen: [0],
            outputs: [column.name])
    }

    /// The smoothed target mean at each level of `column` over `rows`; `target` holds the targets of
    /// `rows`, in that order.
    static func target(
        _ column: Column, rows: [Int], target: TargetValues,
        smoothing m: Double? = PreprocessingOptions.targetSmoothing
    ) throws(MLError) -> LevelEncoding {
        guard target.count == rows.count else {
            throw MLError(.shapeMismatch, "\(target.count) targets for \(rows.count) rows to encode '\(column.name)'.")
        }
        // The per-row numbers whose means are encoded: the value, or class indicators.
        let width: Int, outputs: [String]
        let y: (Int, Int) -> Double
        switch target {
        case .values(let v):
            width = 1; outputs = [column.name]; y = { i, _ in v[i] }
        case .classes(let labels, let names) where names.count <= 2:
            width = 1; outputs = [column.name]; y = { i, _ in labels[i] == 1 ? 1 : 0 }
        case .classes(let labels, let names):
            width = names.count; outputs = names.map { "\(column.name):\($0)" }; y = { i, k in labels[i] == k ? 1 : 0 }
        case .none:
            throw MLError(
                .invalidParameter,
                "Target encoding of '\(column.name)' needs a target; use frequency or one-hot encoding without one.")
        }
        // Each row's level as a code (the missing values one level of their own); per level the row count,
        // the target sums and (a second pass, as scikit-learn) the sums of squared differences from its mean.
        var codeOf: [String?: Int] = [:]
        let codes = rows.map { r -> Int in
            let key = column.string(at: r)
            if let c = codeOf[key] { return c }
            codeOf[key] = codeOf.count
            return codeOf.count - 1
        }
        var counts = [Double](repeating: 0, count: codeOf.count)
        var sums = [Double](repeating: 0, count: codeOf.count * width), squares = sums
        var prior = [Double](repeating: 0, count: width), variance = prior
        for (i, c) in codes.enumerated() {
            counts[c] += 1
            for k in 0..<width {
                let v = y(i, k)
                prior[k] += v
                sums[c * width + k] += v
            }
        }
        let n = Double(max(rows.count, 1))
        prior = prior.map { $0 / n }
        if m == nil {
            for (i, c) in codes.enumerated() {
                for k in 0..<width {
                    let v = y(i, k), d = v - sums[c * width + k] / counts[c]
                    squares[c * width + k] += d * d
                    variance[k] += (v - prior[k]) * (v - prior[k])
                }
            }
            variance = variance.map { $0 / n }
        }
        func smoothed(_ key: String?) -> [Double] {
            guard let c = codeOf[key] else { return prior }
            return (0..<width).map { k in
                let sum = sums[c * width + k], count = counts[c]
                if let m { return (sum + m * prior[k]) / (count + m) }
                let lambda = variance[k] * count / (variance[k] * count + squares[c * width + k] / count)
                return lambda.isNaN ? prior[k] : lambda * (sum / count) + (1 - lambda) * prior[k]
            }
        }
        let levels = codeOf.keys.compactMap { $0 }.sorted()
        return LevelEncoding(
            column: column.name, encoding: .target, levels: levels, width: width,
            values: levels.flatMap { smoothed($0) }, missing: smoothed(nil), unseen: prior, outputs: outputs)
    }

    /// Appends the encoding of `rows` of `column` to `out`, column-major (`width` blocks of rows).
    func apply(_ column: Column, rows: [Int], into out: inout [Double]) {
        let map = StepTransform.codeMap(column, levels: levels)
        let base = out.count
        out.append(contentsOf: repeatElement(0, count: width * rows.count))
        for (i, r) in rows.enumerated() {
            let code = map.code(r)
            for k in 0..<width {
                out[base + k * rows.count + i] =
                    code >= 0 ? values[code * width + k] : (code == -1 ? missing[k] : unseen[k])
            }
        }
    }

    /// The target encoding of `rows` of `column` as the model is fitted on it: each row encoded from the
    /// other folds of `rows` (seeded k-fold, stratified for classes), column-major like `apply`.
    /// With fewer than two rows per fold it is the plain encoding of all `rows`.
    static func crossFitted(
        _ column: Column, rows: [Int], target: TargetValues, folds k: Int = 5, seed: UInt64
    ) throws(MLError) -> [Double] {
        let whole = try Self.target(column, rows: rows, target: target)
        var out: [Double] = []
        guard rows.count >= 2 * k else {
            whole.apply(column, rows: rows, into: &out)
            return out
        }
        // A class too rare to stratify falls back to plain k-fold.
        let splits: [TrainTestIndices]
        if let s = try? Folds.make(target: target, k: k, seed: seed) {
            splits = s
        } else {
            splits = try KFold(folds: k, seed: seed).split(count: rows.count)
        }
        out = [Double](repeating: 0, count: whole.width * rows.count)
        for split in splits {
            let inner = try Self.target(
                column, rows: split.train.map { rows[$0] }, target: target.selecting(rows: split.train))
            var encoded: [Double] = []
            inner.apply(column, rows: split.test.map { rows[$0] }, into: &encoded)
            for (j, i) in split.test.enumerated() {
                for c in 0..<whole.width { out[c * rows.count + i] = encoded[c * split.test.count + j] }
            }
        }
        return out
    }
}
