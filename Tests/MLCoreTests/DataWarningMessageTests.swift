// Each warning's English message, built from its facts (DataWarning.Detail), is word for word the one the
// profile wrote before warnings carried facts (the expected strings are `mlexp profile` output of that
// code), so the model and the shipped transcripts see the same text; kind, value and action follow too.

import Testing

@testable import MLCore

@Suite struct DataWarningMessageTests {
    struct Case: Sendable {
        let warning: DataWarning, message: String, value: Double?, action: DataWarning.Action
    }

    static let cases: [Case] = [
        Case(
            warning: DataWarning(column: "customer_id", detail: .idLike),
            message:
                "'customer_id' is unique in every row (an identifier); a model would memorise it. Drop it (or use it as a group for GroupKFold).",
            value: 1, action: .dropColumn),
        Case(
            warning: DataWarning(column: "constant", detail: .constant(empty: false)),
            message: "'constant' holds the same value in every non-missing row; it cannot help a model. Drop it.",
            value: nil, action: .dropColumn),
        Case(
            warning: DataWarning(column: "empty", detail: .constant(empty: true)),
            message: "'empty' has no value at all; it cannot help a model. Drop it.", value: nil, action: .dropColumn),
        Case(
            warning: DataWarning(column: nil, detail: .duplicateRows(count: 9)),
            message:
                "9 rows repeat an earlier row exactly; duplicates can sit on both sides of a split and inflate scores. Drop them or group them.",
            value: 9, action: .dropDuplicates),
        Case(
            warning: DataWarning(column: "x_copy", relatedColumn: "x", detail: .nearCopy(correlation: 0.9991)),
            message:
                "'x_copy' and 'x' are near-copies (r = 1.00); keep one, or expect unstable coefficients and split importance.",
            value: 0.9991, action: .review),
        Case(
            warning: DataWarning(column: "lvB", relatedColumn: "lvA", detail: .nearCopy(correlation: nil)),
            message: "'lvB' and 'lvA' carry the same information (their levels map one-to-one); keep one.", value: 1,
            action: .review),
        Case(
            warning: DataWarning(column: "code", detail: .highCardinality(levels: 80)),
            message:
                "'code' has 80 levels; one-hot encoding keeps the most frequent and pools the rest as 'other'. Consider grouping levels or dropping it.",
            value: 80, action: .review),
        Case(
            warning: DataWarning(column: "age", detail: .heavyMissing(share: 0.4242, drop: false)),
            message:
                "'age' is missing in 42% of rows. Models impute it (median or most frequent) and add a missing indicator; ask whether missingness itself means something.",
            value: 0.4242, action: .review),
        Case(
            warning: DataWarning(column: "nearly_empty", detail: .heavyMissing(share: 0.97, drop: true)),
            message: "'nearly_empty' is missing in 97% of rows. Drop it.", value: 0.97, action: .dropColumn),
        Case(
            warning: DataWarning(column: "price", detail: .skewedTarget(skewness: 1.7914)),
            message:
                "Target 'price' is right-skewed (skewness 1.79); fitting log(1 + y) often helps, and report an error metric on the original scale.",
            value: 1.7914, action: .logTransformTarget),
        Case(
            warning: DataWarning(column: "rare", detail: .imbalancedTarget(className: "true", share: 0.04)),
            message:
                "Class 'true' of 'rare' is rare (4% of rows); stratify splits and prefer F1 (macro), balanced accuracy or average precision to accuracy.",
            value: 0.04, action: .useStratifiedMetric),
        Case(
            warning: DataWarning(
                column: "leak", detail: .likelyLeakage(target: "y", score: .accuracy(1, majorityBaseline: 0.5))),
            message:
                "'leak' alone predicts 'y' with 100% accuracy on held-out rows (majority baseline 50%): likely target leakage. Check it is known before the outcome; otherwise drop it.",
            value: 1, action: .dropColumn),
        Case(
            warning: DataWarning(column: "cty", detail: .likelyLeakage(target: "hwy", score: .r2(0.9106))),
            message:
                "'cty' alone explains R² = 0.91 of 'hwy' on held-out rows: likely target leakage or a near-duplicate measurement. Check it is known at prediction time; otherwise drop it.",
            value: 0.9106, action: .dropColumn),
        // The kinds of issue 13, pinned as first written.
        Case(
            warning: DataWarning(
                column: "retention_call",
                detail: .suspiciousPredictor(target: "churned", score: .auc(0.9512), afterOutcome: true)),
            message:
                "'retention_call' alone predicts 'churned' with ROC AUC 0.95 (chance 0.50) on held-out rows: suspiciously well for one input. Its name says it is recorded after the outcome: likely target leakage; drop it unless it is known at prediction time.",
            value: 0.9512, action: .dropColumn),
        Case(
            warning: DataWarning(
                column: "carat", detail: .suspiciousPredictor(target: "price", score: .r2(0.85), afterOutcome: false)),
            message:
                "'carat' alone predicts 'price' with R² = 0.85 on held-out rows: suspiciously well for one input. Check it is known before the outcome; if it is, it is a strong honest predictor.",
            value: 0.85, action: .review),
        Case(
            warning: DataWarning(
                column: "applicant_id",
                detail: .repeatedEntity(
                    target: "defaulted", entities: 360, repeatedShare: 1, agreement: 0.97, baseline: 0.6)),
            message:
                "'applicant_id' identifies 360 entities, 100% of them on several rows, and a row's 'defaulted' agrees with the rest of its entity 97% of the time (majority class 60%): rows of one entity on both sides of a split inflate the score. Validate with grouped folds and a grouped test split on 'applicant_id', and leave it out of the features.",
            value: 0.97, action: .groupByColumn),
        Case(
            warning: DataWarning(column: nil, detail: .nearDuplicates(count: 96, tolerance: 0.01)),
            message:
                "96 rows repeat an earlier row but for one numeric field within 1% of its spread (near-duplicates); copies on both sides of a split inflate scores. Keep them in one fold (group them) or drop them.",
            value: 96, action: .review),
    ]

    @Test(arguments: cases) func messageValueAndActionFollowFromTheFacts(_ c: Case) {
        #expect(c.warning.message == c.message)
        #expect(c.warning.value == c.value)
        #expect(c.warning.action == c.action)
        #expect(c.warning.kind == c.warning.detail.kind)
    }

    @Test func everyKindHasAPinnedMessage() {
        #expect(Set(Self.cases.map(\.warning.kind)) == Set(DataWarning.Kind.allCases))
    }
}
