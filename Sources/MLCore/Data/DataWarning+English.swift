// DataWarning in English: the sentence of each kind, from its facts (the switch is exhaustive: a new
// kind does not compile without one). It is the warning's `message`, which load_data gives the model.

extension DataWarning {
    public var english: String {
        let c = column ?? "?", other = relatedColumn ?? "?"
        func percent(_ x: Double) -> String { "\(Int((x * 100).rounded()))%" }
        switch detail {
        case .idLike:
            return
                "'\(c)' is unique in every row (an identifier); a model would memorise it. Drop it (or use it as a group for GroupKFold)."
        case .constant(let empty):
            return
                "'\(c)' \(empty ? "has no value at all" : "holds the same value in every non-missing row"); it cannot help a model. Drop it."
        case .duplicateRows(let count):
            return
                "\(count) rows repeat an earlier row exactly; duplicates can sit on both sides of a split and inflate scores. Drop them or group them."
        case .nearCopy(let r?):
            return
                "'\(c)' and '\(other)' are near-copies (r = \(String(format2: r))); keep one, or expect unstable coefficients and split importance."
        case .nearCopy(nil):
            return "'\(c)' and '\(other)' carry the same information (their levels map one-to-one); keep one."
        case .highCardinality(let levels):
            return
                "'\(c)' has \(levels) levels; one-hot encoding keeps the most frequent and pools the rest as 'other'. Consider grouping levels or dropping it."
        case .heavyMissing(let share, let drop):
            return
                "'\(c)' is missing in \(percent(share)) of rows."
                + (drop
                    ? " Drop it."
                    : " Models impute it (median or most frequent) and add a missing indicator; ask whether missingness itself means something.")
        case .skewedTarget(let skewness):
            return
                "Target '\(c)' is right-skewed (skewness \(String(format2: skewness))); fitting log(1 + y) often helps, and report an error metric on the original scale."
        case .imbalancedTarget(let className, let share):
            return
                "\(className.map { "Class '\($0)'" } ?? "The rarest class") of '\(c)' is rare (\(percent(share)) of rows); stratify splits and prefer F1 (macro), balanced accuracy or average precision to accuracy."
        case .likelyLeakage(let target, .accuracy(let accuracy, let baseline)):
            return
                "'\(c)' alone predicts '\(target)' with \(percent(accuracy)) accuracy on held-out rows\(baseline.map { " (majority baseline \(percent($0)))" } ?? ""): likely target leakage. Check it is known before the outcome; otherwise drop it."
        case .likelyLeakage(let target, .r2(let r2)):
            return
                "'\(c)' alone explains R² = \(String(format2: r2)) of '\(target)' on held-out rows: likely target leakage or a near-duplicate measurement. Check it is known at prediction time; otherwise drop it."
        case .suspiciousPredictor(let target, let score, let afterOutcome):
            let measured: String
            switch score {
            case .auc(let auc): measured = "ROC AUC \(String(format2: auc)) (chance 0.50)"
            case .balancedAccuracy(let b, let majority):
                measured = "balanced accuracy \(String(format2: b)) (majority class \(String(format2: majority)))"
            case .r2(let r2): measured = "R² = \(String(format2: r2))"
            }
            return
                "'\(c)' alone predicts '\(target)' with \(measured) on held-out rows: suspiciously well for one input."
                + (afterOutcome
                    ? " Its name says it is recorded after the outcome: likely target leakage; drop it unless it is known at prediction time."
                    : " Check it is known before the outcome; if it is, it is a strong honest predictor.")
        case .repeatedEntity(let target, let entities, let repeatedShare, let agreement, let baseline):
            let sharing =
                baseline > 0
                ? "a row's '\(target)' agrees with the rest of its entity \(percent(agreement)) of the time (majority class \(percent(baseline)))"
                : "the mean of its entity's other rows explains R² = \(String(format2: agreement)) of a row's '\(target)'"
            return
                "'\(c)' identifies \(entities) entities, \(percent(repeatedShare)) of them on several rows, and \(sharing): rows of one entity on both sides of a split inflate the score. Validate with grouped folds and a grouped test split on '\(c)', and leave it out of the features."
        case .nearDuplicates(let count, let tolerance):
            return
                "\(count) rows repeat an earlier row but for one numeric field within \(percent(tolerance)) of its spread (near-duplicates); copies on both sides of a split inflate scores. Keep them in one fold (group them) or drop them."
        }
    }
}
