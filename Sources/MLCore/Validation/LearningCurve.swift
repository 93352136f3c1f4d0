// The learning curve: training and validation scores as the training set grows (seeded, nested subsets
// of each fold's training rows, stratified for classes), to tell bias from variance, with a one-line diagnosis.
// Leaves out: time-ordered subsets for forecasting (use a time split's folds instead).

/// Scores at one training size.
public struct LearningCurvePoint: Sendable, Codable, Equatable {
    public var fraction: Double
    public var trainRows: Int
    public var trainMean: Double
    public var trainStd: Double
    public var validMean: Double
    public var validStd: Double
    /// The per-fold scores behind the means (for the chart's bands); additive.
    public var trainScores: [Double] = []
    public var validScores: [Double] = []
}

public struct LearningCurveResult: Sendable, Codable, Equatable {
    public var metric: String
    public var points: [LearningCurvePoint]
    /// "more_data_helps", "variance", "good_fit" (close, flat, validation >= 0.95 on a score bounded by 1)
    /// or "bias" — and the sentence that explains it.
    public var diagnosis: String
    public var sentence: String
}

public enum LearningCurve {
    /// - Parameter fitPredict: fits on `train` rows and returns predictions for each row list of `evaluate`, in order.
    /// - Complexity: O(fractions × folds × cost of fit).
    public static func compute(
        target: TargetValues, folds: [FoldRows], metric: String, fractions: [Double] = [0.1, 0.25, 0.5, 0.75, 1],
        seed: UInt64 = 0, fitPredict: (_ train: [Int], _ evaluate: [[Int]]) throws(MLError) -> [Prediction]
    ) throws(MLError) -> LearningCurveResult {
        guard !folds.isEmpty, !fractions.isEmpty, fractions.allSatisfy({ $0 > 0 && $0 <= 1 }) else {
            throw MLError(.invalidParameter, "A learning curve needs folds and training fractions in (0, 1].")
        }
        var points: [LearningCurvePoint] = []
        for fraction in fractions.sorted() {
            var tr: [Double] = [], va: [Double] = [], rows = 0
            for (i, fold) in folds.enumerated() {
                try Cancellation.check()
                let size = max(2, Int((Double(fold.trainCount) * fraction).rounded()))
                let train = Array(growthOrder(fold.train, target: target, seed: seed, stream: UInt64(i)).prefix(size))
                    .sorted()
                rows += train.count
                let p = try fitPredict(train, [train, fold.valid])
                guard p.count == 2 else {
                    throw MLError(.shapeMismatch, "The learning-curve fit must return 2 predictions (train, valid).")
                }
                tr.append(try Metrics.score(metric, target: target.selecting(rows: train), prediction: p[0]))
                va.append(try Metrics.score(metric, target: target.selecting(rows: fold.valid), prediction: p[1]))
            }
            points.append(
                .init(
                    fraction: fraction, trainRows: rows / folds.count, trainMean: Stats.mean(tr),
                    trainStd: Stats.std(tr),
                    validMean: Stats.mean(va), validStd: Stats.std(va), trainScores: tr, validScores: va))
        }
        let (d, s) = diagnose(points, metric)
        return LearningCurveResult(metric: metric, points: points, diagnosis: d, sentence: s)
    }

    /// The order in which a fold's training rows join the subsets: seeded-shuffled; for classes, each row
    /// ranked by its place within its class's shuffled rows, (rank + 0.5) / class size, so that every prefix
    /// holds each class in its share of the fold (as StratifiedKFold would) and a rare class is not missing
    /// from the small subsets by chance. Nested: a larger fraction keeps the rows of a smaller one.
    static func growthOrder(_ rows: [Int], target: TargetValues, seed: UInt64, stream: UInt64) -> [Int] {
        var shuffled = rows
        var rng = SeededGenerator(seed: seed, stream: stream)
        shuffled.shuffle(using: &rng)
        guard case .classes(let labels, _) = target else { return shuffled }
        var size: [Int: Int] = [:], seen: [Int: Int] = [:]
        for r in shuffled { size[labels[r], default: 0] += 1 }
        let keyed = shuffled.enumerated().map { position, r -> (key: Double, position: Int, row: Int) in
            let c = labels[r]
            let rank = seen[c, default: 0]
            seen[c] = rank + 1
            return ((Double(rank) + 0.5) / Double(size[c] ?? 1), position, r)
        }
        return keyed.sorted { ($0.key, $0.position) < ($1.key, $1.position) }.map(\.row)
    }

    /// Scores whose best value is 1, for which "high" has a meaning.
    static let boundedByOne: Set<String> = [
        "accuracy", "balanced_accuracy", "precision", "recall", "f1", "f1_macro", "f1_weighted", "roc_auc",
        "average_precision", "mcc", "r2",
    ]

    static func diagnose(_ p: [LearningCurvePoint], _ metric: String) -> (String, String) {
        guard let last = p.last else { return ("bias", "") }
        let sign = Metrics.greaterIsBetter(metric) ? 1.0 : -1.0
        let scale = max(abs(last.validMean), abs(last.trainMean), 1e-12)
        let gap = sign * (last.trainMean - last.validMean) / scale
        let gain = p.count >= 2 ? sign * (last.validMean - p[p.count - 2].validMean) / scale : 0
        let g = PartialDependence.short(last.trainMean - last.validMean)
        if gain > 0.01 {
            return (
                "more_data_helps",
                "The validation \(metric) still improves with more rows (+\(PartialDependence.short(abs(last.validMean - p[p.count - 2].validMean))) over the last step): more data would likely help."
            )
        }
        if gap > 0.05 {
            return (
                "variance",
                "Training \(metric) beats validation by \(g): the model overfits (variance); regularise it or simplify it."
            )
        }
        // Close, flat and near the ceiling of a score bounded by 1: nothing to fix, not bias.
        if Self.boundedByOne.contains(metric) && last.validMean >= 0.95 {
            return (
                "good_fit",
                "Training and validation \(metric) are close (gap \(g)), flat and high (validation \(PartialDependence.short(last.validMean))): the model fits well; neither more data nor more capacity is called for."
            )
        }
        return (
            "bias",
            "Training and validation \(metric) are close (gap \(g)) and flat: the model is limited by bias; try a more flexible model or better features."
        )
    }
}
