// Label metrics for classifiers: accuracy, balanced accuracy, precision / recall / F1 (binary with
// class 1 positive, macro, weighted) and Matthews correlation, with scikit-learn's conventions
// (zero_division = 0; macro averages over classes present in truth or prediction). Leaves out:
// micro averaging (equals accuracy for single-label data) and F-beta for beta ≠ 1.

extension Metrics {
    /// Fraction of rows predicted right. - Complexity: O(rows).
    public static func accuracy(_ yTrue: [Int], _ yPred: [Int]) throws(MLError) -> Double {
        try checkLengths(yTrue.count, yPred.count, "accuracy")
        var hits = 0
        for i in 0..<yTrue.count where yTrue[i] == yPred[i] { hits += 1 }
        return Double(hits) / Double(yTrue.count)
    }

    /// Mean recall over the classes present in the truth.
    public static func balancedAccuracy(_ yTrue: [Int], _ yPred: [Int], classCount: Int? = nil) throws(MLError)
        -> Double
    {
        balancedAccuracy(
            try ConfusionMatrix(yTrue: yTrue, yPred: yPred, classCount: classCount ?? inferredClassCount(yTrue, yPred)))
    }

    /// Balanced accuracy of a tallied matrix.
    static func balancedAccuracy(_ cm: ConfusionMatrix) -> Double {
        var total = 0.0, n = 0
        for k in 0..<cm.classCount {
            let support = cm.trueCount(k)
            guard support > 0 else { continue }
            total += Double(cm[k, k]) / Double(support)
            n += 1
        }
        return total / Double(n)
    }

    /// Precision of class `positive` (default 1): TP / (TP + FP), 0 when nothing is predicted positive.
    public static func precision(_ yTrue: [Int], _ yPred: [Int], positive: Int = 1) throws(MLError) -> Double {
        let s = try counts(yTrue, yPred, positive, "precision")
        return ratio(s.tp, s.tp + s.fp)
    }

    /// Recall of class `positive` (default 1): TP / (TP + FN), 0 when the class never occurs.
    public static func recall(_ yTrue: [Int], _ yPred: [Int], positive: Int = 1) throws(MLError) -> Double {
        let s = try counts(yTrue, yPred, positive, "recall")
        return ratio(s.tp, s.tp + s.fn)
    }

    /// F1 of class `positive` (default 1): 2·TP / (2·TP + FP + FN).
    public static func f1(_ yTrue: [Int], _ yPred: [Int], positive: Int = 1) throws(MLError) -> Double {
        let s = try counts(yTrue, yPred, positive, "f1")
        return ratio(2 * s.tp, 2 * s.tp + s.fp + s.fn)
    }

    /// Unweighted mean of per-class F1 over the classes present in truth or prediction.
    public static func f1Macro(_ yTrue: [Int], _ yPred: [Int], classCount: Int? = nil) throws(MLError) -> Double {
        f1Macro(
            try ConfusionMatrix(yTrue: yTrue, yPred: yPred, classCount: classCount ?? inferredClassCount(yTrue, yPred)))
    }

    /// Macro F1 of a tallied matrix.
    static func f1Macro(_ cm: ConfusionMatrix) -> Double {
        let present = cm.presentClasses
        return present.reduce(0.0) { $0 + classF1(cm, $1) } / Double(present.count)
    }

    /// Mean of per-class F1 weighted by each class's support in the truth.
    public static func f1Weighted(_ yTrue: [Int], _ yPred: [Int], classCount: Int? = nil) throws(MLError) -> Double {
        f1Weighted(
            try ConfusionMatrix(yTrue: yTrue, yPred: yPred, classCount: classCount ?? inferredClassCount(yTrue, yPred)))
    }

    /// Support-weighted F1 of a tallied matrix.
    static func f1Weighted(_ cm: ConfusionMatrix) -> Double {
        var total = 0.0
        for k in 0..<cm.classCount { total += Double(cm.trueCount(k)) * classF1(cm, k) }
        return total / Double(cm.total)
    }

    /// Matthews correlation coefficient (multiclass form, Gorodkin 2004); 0 when undefined.
    public static func mcc(_ yTrue: [Int], _ yPred: [Int], classCount: Int? = nil) throws(MLError) -> Double {
        mcc(try ConfusionMatrix(yTrue: yTrue, yPred: yPred, classCount: classCount ?? inferredClassCount(yTrue, yPred)))
    }

    /// Matthews correlation of a tallied matrix.
    static func mcc(_ cm: ConfusionMatrix) -> Double {
        let n = Double(cm.total), c = Double(cm.correct)
        var tp = 0.0, tt = 0.0, pp = 0.0
        for k in 0..<cm.classCount {
            let t = Double(cm.trueCount(k)), p = Double(cm.predictedCount(k))
            tp += t * p; tt += t * t; pp += p * p
        }
        let covYtYp = c * n - tp, covYpYp = n * n - pp, covYtYt = n * n - tt
        if covYpYp * covYtYt == 0 { return 0 }
        return covYtYp / (covYtYt * covYpYp).squareRoot()
    }

    // MARK: helpers

    static func inferredClassCount(_ a: [Int], _ b: [Int]) -> Int { max(a.max() ?? 0, b.max() ?? 0) + 1 }

    static func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 0 : Double(a) / Double(b) }

    static func classF1(_ cm: ConfusionMatrix, _ k: Int) -> Double {
        ratio(2 * cm[k, k], cm.trueCount(k) + cm.predictedCount(k))
    }

    static func counts(_ yTrue: [Int], _ yPred: [Int], _ positive: Int, _ what: String) throws(MLError) -> (
        tp: Int, fp: Int, fn: Int
    ) {
        try checkLengths(yTrue.count, yPred.count, what)
        var tp = 0, fp = 0, fn = 0
        for i in 0..<yTrue.count {
            let t = yTrue[i] == positive, p = yPred[i] == positive
            if t && p { tp += 1 } else if p { fp += 1 } else if t { fn += 1 }
        }
        return (tp, fp, fn)
    }
}
