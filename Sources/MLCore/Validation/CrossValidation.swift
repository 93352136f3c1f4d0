// The cross-validation runner: for each fold, a caller's closure fits on the training rows
// (preprocessing included, so it is refitted inside the fold) and predicts the validation rows;
// the runner scores each fold, summarises every metric as mean ± std with a corrected confidence
// interval, and assembles the out-of-fold predictions. The split generators (k-fold, stratified,
// group, time) live next to this file; the runner takes their folds as plain row lists.
// Leaves out: parallel folds (the machine's cores go to the model's own threads).

/// One fold's rows. A k-fold split's training rows are the rows outside its validation fold, in
/// ascending order: such a fold holds only its validation rows and makes the training list when asked,
/// since at a million rows five folds' training lists weigh 32 MB through every fit.
public struct FoldRows: Sendable, Equatable {
    public let valid: [Int]
    /// The training rows when they are not the complement of `valid` (time-series splits, gaps).
    private let listedTrain: [Int]?
    /// The rows the complement is taken over (0..<rowCount).
    private let rowCount: Int

    public init(train: [Int], valid: [Int]) {
        self.valid = valid
        self.listedTrain = train
        self.rowCount = 0
    }

    /// A fold of a split of 0..<rowCount whose training rows are every row not in `valid` (ascending).
    public init(valid: [Int], complementIn rowCount: Int) {
        self.valid = valid
        self.listedTrain = nil
        self.rowCount = rowCount
    }

    /// The training rows, ascending. - Complexity: O(rows) when made from the complement: read it once per fold.
    public var train: [Int] {
        if let listedTrain { return listedTrain }
        var isValid = [Bool](repeating: false, count: rowCount)
        for row in valid { isValid[row] = true }
        var rows: [Int] = []
        rows.reserveCapacity(trainCount)
        for row in 0..<rowCount where !isValid[row] { rows.append(row) }
        return rows
    }

    /// How many training rows the fold has, without making the list.
    public var trainCount: Int { listedTrain?.count ?? rowCount - valid.count }

    /// `splits` of 0..<rowCount as folds, each held compactly when its training rows are exactly the
    /// other rows in ascending order (k-fold, stratified, grouped), else as listed.
    public static func of(_ splits: [TrainTestIndices], rowCount: Int) -> [FoldRows] {
        splits.map { split in
            isComplement(split, rowCount)
                ? FoldRows(valid: split.test, complementIn: rowCount) : FoldRows(train: split.train, valid: split.test)
        }
    }

    /// Whether `split.train` is every row of 0..<rowCount outside `split.test`, ascending.
    private static func isComplement(_ split: TrainTestIndices, _ rowCount: Int) -> Bool {
        guard split.train.count + split.test.count == rowCount else { return false }
        var seen = [Bool](repeating: false, count: rowCount)
        var previous = -1
        for row in split.train {
            guard row > previous, row < rowCount else { return false }
            seen[row] = true
            previous = row
        }
        for row in split.test {
            guard row >= 0, row < rowCount, !seen[row] else { return false }
            seen[row] = true
        }
        return true
    }
}

/// Mean, spread and a confidence interval of one metric across folds.
public struct MetricSummary: Sendable, Codable, Equatable {
    public var mean: Double
    /// Sample standard deviation across folds (ddof = 1).
    public var std: Double
    /// 95 % interval of the mean, t-distribution with the Nadeau–Bengio correction for the overlap
    /// of training sets: mean ± t₀.₉₇₅,ₖ₋₁ · std · √(1/k + n_valid/n_train).
    public var low: Double
    public var high: Double
    public var folds: Int

    public init(values: [Double], validFraction: Double) {
        let k = values.count
        mean = Stats.mean(values)
        std = k > 1 ? Stats.std(values) : 0
        folds = k
        if k > 1 {
            let half =
                Stats.studentTQuantile(0.975, df: Double(k - 1)) * std * (1 / Double(k) + validFraction).squareRoot()
            low = mean - half; high = mean + half
        } else {
            low = mean; high = mean
        }
    }
}

/// What a cross-validation run measured.
public struct CrossValidationResult: Sendable, Codable, Equatable {
    public struct Fold: Sendable, Codable, Equatable {
        public var index: Int
        public var trainRows: Int
        public var validRows: Int
        public var metrics: [String: Double]
    }
    public var folds: [Fold]
    /// Every metric reported by all folds, summarised.
    public var summary: [String: MetricSummary]
    /// Predictions for every row that was in a validation fold (rows never validated hold NaN / 0).
    public var outOfFold: Prediction

    /// The per-fold values of one metric, in fold order.
    public func values(_ key: String) -> [Double] { folds.compactMap { $0.metrics[key] } }
}

public enum CrossValidation {
    /// Runs `fitPredict(train, valid)` on each fold and scores it against `target`.
    /// - Parameter fitPredict: fits everything (preprocessing and model) on `train` rows only, and
    ///   returns the prediction for `valid` rows, in that order.
    /// - Complexity: O(folds × cost of fit + predict).
    public static func run(
        target: TargetValues, folds: [FoldRows],
        fitPredict: (_ train: [Int], _ valid: [Int]) throws(MLError) -> Prediction
    ) throws(MLError) -> CrossValidationResult {
        guard folds.count >= 2 else {
            throw MLError(.invalidParameter, "Cross-validation needs at least 2 folds (5 is usual).")
        }
        var results: [CrossValidationResult.Fold] = []
        var parts: [Prediction] = []
        for (i, fold) in folds.enumerated() {
            try Cancellation.check()
            guard fold.trainCount > 0, !fold.valid.isEmpty else {
                throw MLError(
                    .invalidInput,
                    "Fold \(i + 1) has no training or no validation rows. Use fewer folds for this little data.")
            }
            ProgressReport.post(.fold(i + 1, of: folds.count, trainRows: fold.trainCount))
            let p = try fitPredict(fold.train, fold.valid)
            guard p.count == fold.valid.count else {
                throw MLError(
                    .shapeMismatch, "Fold \(i + 1): \(p.count) predictions for \(fold.valid.count) validation rows.")
            }
            let m = try Metrics.evaluate(target: target.selecting(rows: fold.valid), prediction: p)
            results.append(.init(index: i, trainRows: fold.trainCount, validRows: fold.valid.count, metrics: m))
            parts.append(p)
        }
        let oof = try Prediction.assemble(parts, rowsOf: folds.map(\.valid), rows: target.count)
        let fraction = Stats.mean(folds.map { Double($0.valid.count) / Double($0.trainCount) })
        var summary: [String: MetricSummary] = [:]
        let keys = Set(results.flatMap(\.metrics.keys))
        for key in keys {
            let v = results.compactMap { $0.metrics[key] }
            if v.count == results.count { summary[key] = MetricSummary(values: v, validFraction: fraction) }
        }
        return CrossValidationResult(folds: results, summary: summary, outOfFold: oof)
    }
}
