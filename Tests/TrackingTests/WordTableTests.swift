// The Tracking message tables (LogWord, ChartWord, ReportWord): every id renders in every language, and
// the English and French words differ except where the log keeps one word for both ("Next").
// English as the log, charts and exports wrote it before the tables (commit 6ce57f4).

import Languages
import TestSupport
import Testing

@testable import Tracking

@Suite struct WordTableTests {
    @Test func everyLogWordIsTranslated() {
        let words: [LogWord] = [
            .title, .context, .problem, .data, .metric, .experiment, .hypothesis, .approach, .result, .analysis,
            .next, .decision, .notFramedYet, .problemHeading, .nextLabel, .interval, .features(1), .features(12),
            .noRun, .versus(reference: "auc 0.8 (r1)", difference: "+0.010", run: "r2", referenceRun: "r1"),
            .sealedTestSplit,
        ]
        // "Next" is English in every log, as DESIGN.md writes it.
        expectTranslated(words, alike: ["Next"])
        #expect(LogWord.features(1).english == ", 1 feature" && LogWord.features(12).french == ", 12 variables")
        #expect(
            LogWord.versus(reference: "auc 0.8 (r1)", difference: "+0.010", run: "r2", referenceRun: "r1").english
                == " vs auc 0.8 (r1); difference +0.010 (r2 − r1)")
    }

    @Test func everyChartAndReportWordIsTranslated() {
        let charts: [ChartWord] = [
            .shareOfActual, .rowCount, .confusionMatrix, .predicted, .actual, .chance, .rocCurve, .falsePositiveRate,
            .truePositiveRate, .chancePrevalence("0.38"), .precisionRecallCurve, .recall, .precision,
            .perfectlyCalibrated, .calibrationCurve, .meanPredictedProbability, .fractionOfPositives,
            .sample(rows: 500, of: 891), .residualsAgainstPredictions, .predictedTarget("price"), .residual,
            .stdOverRepeats, .featureImportance, .feature, .featureValue, .low, .high, .shapSummary,
            .shapValue(output: "p(1)"), .individualRows, .partialDependence, .partialDependenceOn("age"),
            .learningCurve, .trainingRows, .train, .reference("r1"), .comparisonOfRuns("auc"), .confidenceInterval,
            .stdOverFolds,
        ]
        expectTranslated(charts)
        #expect(ChartWord.sample(rows: 500, of: 891).english == " (500 of 891 rows)")
        #expect(ChartWord.chancePrevalence("0.38").french == "hasard (prévalence 0.38)")
        let report: [ReportWord] = [
            .allRuns, .noDecisionYet, .provenance, .missingRuns("r9"), .model, .trainingSeconds, .reproduce,
        ]
        expectTranslated(report)
        #expect(ReportWord.noDecisionYet.english == "_No decision yet._")
    }
}
