// Choosing the decision threshold of a binary classifier on validation data: the threshold that
// maximises F1, or the one that minimises expected cost given the cost of a false positive and of
// a false negative. A row is predicted positive when its score is ≥ the threshold. Leaves out:
// constraints like "recall ≥ 0.9" (a caller can scan `ThresholdChoice.curve`).

/// The chosen threshold and the metrics it gives on the validation rows.
public struct ThresholdResult: Sendable, Codable, Equatable {
    /// "f1" or "cost".
    public var objective: String
    public var threshold: Double
    /// F1 at the threshold, or the total cost.
    public var value: Double
    public var metrics: [String: Double]
    /// The same metrics at the default 0.5, for comparison.
    public var atDefault: [String: Double]
}

public enum ThresholdChoice {
    public enum Objective: Sendable {
        case f1
        case cost(falsePositive: Double, falseNegative: Double)
    }

    /// Picks the threshold over the distinct scores. - Complexity: O(rows log rows).
    public static func choose(labels: [Int], scores: [Double], objective: Objective = .f1) throws(MLError)
        -> ThresholdResult
    {
        let (pos, neg) = try Metrics.splitScores(labels, scores, 1, "threshold choice")
        if case .cost(let fp, let fn) = objective, fp < 0 || fn < 0 {
            throw MLError(.invalidParameter, "Costs must be non-negative (e.g. falsePositive 1, falseNegative 5).")
        }
        // Walk thresholds from high to low; at threshold t, rows with score ≥ t are positive.
        var i = pos.count - 1, j = neg.count - 1, tp = 0, fp = 0
        var best = (t: Double.infinity, v: -Double.infinity)
        func value(_ tp: Int, _ fp: Int) -> Double {
            let fn = pos.count - tp
            switch objective {
            case .f1: return Metrics.ratio(2 * tp, 2 * tp + fp + fn)
            case .cost(let cfp, let cfn): return -(cfp * Double(fp) + cfn * Double(fn))
            }
        }
        best.v = value(0, 0)
        while i >= 0 || j >= 0 {
            let t = max(i >= 0 ? pos[i] : -.infinity, j >= 0 ? neg[j] : -.infinity)
            while i >= 0 && pos[i] == t { tp += 1; i -= 1 }
            while j >= 0 && neg[j] == t { fp += 1; j -= 1 }
            let v = value(tp, fp)
            if v > best.v { best = (t, v) }
        }
        let name: String, reported: Double
        switch objective {
        case .f1: name = "f1"; reported = best.v
        case .cost: name = "cost"; reported = -best.v
        }
        return ThresholdResult(
            objective: name, threshold: best.t, value: reported,
            metrics: try metrics(labels, scores, best.t), atDefault: try metrics(labels, scores, 0.5))
    }

    /// Label metrics when rows with score ≥ `threshold` are predicted positive.
    public static func metrics(_ labels: [Int], _ scores: [Double], _ threshold: Double) throws(MLError) -> [String:
        Double]
    {
        let pred = scores.map { $0 >= threshold ? 1 : 0 }
        return [
            "accuracy": try Metrics.accuracy(labels, pred),
            "balanced_accuracy": try Metrics.balancedAccuracy(labels, pred, classCount: 2),
            "precision": try Metrics.precision(labels, pred), "recall": try Metrics.recall(labels, pred),
            "f1": try Metrics.f1(labels, pred), "mcc": try Metrics.mcc(labels, pred, classCount: 2),
        ]
    }
}
