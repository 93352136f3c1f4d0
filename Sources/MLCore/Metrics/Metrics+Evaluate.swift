// The standard metric set for a task, from a target and a prediction: what `train`, the CV runner
// and the agent's `compute_metrics` report. A metric that is undefined on the given rows (AUC with
// one class present, RMSLE with negative values, MAPE with zero targets) is left out rather than
// reported as a misleading number. Also `score`, one metric by key. Leaves out: clustering metrics
// that need the feature matrix (inertia, silhouette: call them directly).

extension Metrics {
    /// The standard metrics for the task, keyed by scikit-learn scorer names.
    public static func evaluate(target: TargetValues, prediction: Prediction) throws(MLError) -> [String: Double] {
        try checkLengths(target.count, prediction.count, "evaluate")
        var out: [String: Double] = [:]
        func put(_ key: String, _ f: () throws(MLError) -> Double) {
            if let v = try? f(), v.isFinite { out[key] = v }
        }
        switch (target, prediction) {
        case (.classes(let y, let names), .classes(let p, let probs, let k)):
            let classCount = max(names.count, k)
            try checkLabels(y, classCount, "evaluate")
            try checkLabels(p, classCount, "evaluate")
            put("accuracy") { () throws(MLError) in try accuracy(y, p) }
            put("balanced_accuracy") { () throws(MLError) in try balancedAccuracy(y, p, classCount: classCount) }
            put("mcc") { () throws(MLError) in try mcc(y, p, classCount: classCount) }
            if classCount == 2 {
                put("precision") { () throws(MLError) in try precision(y, p) }
                put("recall") { () throws(MLError) in try recall(y, p) }
                put("f1") { () throws(MLError) in try f1(y, p) }
            } else {
                put("f1_macro") { () throws(MLError) in try f1Macro(y, p, classCount: classCount) }
                put("f1_weighted") { () throws(MLError) in try f1Weighted(y, p, classCount: classCount) }
            }
            if let probs, k == classCount {
                put("roc_auc") { () throws(MLError) in try rocAUCOneVsRest(y, probabilities: probs, classCount: k) }
                put("average_precision") { () throws(MLError) in
                    try averagePrecisionMacro(y, probabilities: probs, classCount: k)
                }
                put("log_loss") { () throws(MLError) in try logLoss(y, probabilities: probs, classCount: k) }
                put("brier") { () throws(MLError) in try brier(y, probabilities: probs, classCount: k) }
            }
        case (.values(let y), .values(let p)):
            put("r2") { () throws(MLError) in try r2(y, p) }
            put("rmse") { () throws(MLError) in try rmse(y, p) }
            put("mae") { () throws(MLError) in try mae(y, p) }
            put("median_ae") { () throws(MLError) in try medianAE(y, p) }
            if !y.contains(0) { put("mape") { () throws(MLError) in try mape(y, p) } }
            put("rmsle") { () throws(MLError) in try rmsle(y, p) }
        case (.classes(let y, _), .clusters(let c)):
            put("adjusted_rand") { () throws(MLError) in try adjustedRand(y, c) }
        case (.none, .clusters):
            break
        default:
            throw MLError(
                .invalidInput,
                "evaluate: a \(target.task.rawValue) target cannot be scored against this kind of prediction. Predict with a model of the same task."
            )
        }
        return out
    }

    /// One metric by key (see `allKeys`), computing only that metric; throws when the key is unknown or
    /// undefined for these rows.
    public static func score(_ key: String, target: TargetValues, prediction: Prediction) throws(MLError) -> Double {
        guard allKeys.contains(key) else {
            throw MLError(
                .invalidParameter, "Unknown metric '\(key)'. Known metrics: \(allKeys.joined(separator: ", ")).")
        }
        try checkLengths(target.count, prediction.count, key)
        let v: Double?
        switch (target, prediction) {
        case (.classes(let y, let names), .classes(let p, let probs, let k)):
            let c = max(names.count, k)
            switch key {
            case "accuracy": v = try accuracy(y, p)
            case "balanced_accuracy": v = try balancedAccuracy(y, p, classCount: c)
            case "precision": v = c == 2 ? try precision(y, p) : nil
            case "recall": v = c == 2 ? try recall(y, p) : nil
            case "f1": v = c == 2 ? try f1(y, p) : nil
            case "f1_macro": v = try f1Macro(y, p, classCount: c)
            case "f1_weighted": v = try f1Weighted(y, p, classCount: c)
            case "mcc": v = try mcc(y, p, classCount: c)
            case "roc_auc":
                v = try probs.map { (m) throws(MLError) in try rocAUCOneVsRest(y, probabilities: m, classCount: k) }
            case "average_precision":
                v = try probs.map { (m) throws(MLError) in try averagePrecisionMacro(y, probabilities: m, classCount: k)
                }
            case "log_loss":
                v = try probs.map { (m) throws(MLError) in try logLoss(y, probabilities: m, classCount: k) }
            case "brier": v = try probs.map { (m) throws(MLError) in try brier(y, probabilities: m, classCount: k) }
            default: v = nil
            }
        case (.values(let y), .values(let p)):
            switch key {
            case "r2": v = try r2(y, p)
            case "rmse": v = try rmse(y, p)
            case "mae": v = try mae(y, p)
            case "mape": v = try mape(y, p)
            case "median_ae": v = try medianAE(y, p)
            case "rmsle": v = try rmsle(y, p)
            default: v = nil
            }
        case (.classes(let y, _), .clusters(let c)):
            v = key == "adjusted_rand" ? try adjustedRand(y, c) : nil
        default:
            v = nil
        }
        guard let v, v.isFinite else {
            throw MLError(
                .invalidParameter,
                "The metric '\(key)' is not defined for this \(target.task.rawValue) prediction (wrong task, missing probabilities, or out-of-range values). Use one of: \((try? evaluate(target: target, prediction: prediction))?.keys.sorted().joined(separator: ", ") ?? "none")."
            )
        }
        return v
    }
}
