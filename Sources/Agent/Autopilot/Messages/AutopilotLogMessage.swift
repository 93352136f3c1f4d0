// The Autopilot's log entries for its first plan (experiments, interpretation, decision) and its
// closing words: ids with their facts. Entries carry prose and run ids; append_log adds the numbers.

import Languages

/// A sentence of the Autopilot's log entries and closing message.
enum AutopilotLogMessage: Message {
    case title(AutopilotStep, regression: Bool)
    /// The entry's "next" after a first-plan step.
    case next(after: AutopilotStep, linearModel: String, hasText: Bool)
    case textFeatures([String])
    case everyColumnExceptTarget
    case andDropped([String])
    case timeLimited(iterations: Int)
    case defaultParameters
    case approach(model: String, features: String, parameters: String, AutopilotFraming)
    case trainingFailed(String?)
    case baselineFloor
    case hypothesisHolds(other: String)
    case hypothesisRejected(other: String)
    case notConfirmed(other: String)
    case noComparison
    case explainingEnsemble(ensemble: String, model: String, run: String)
    case bestValidationScore
    case simplestWithinOneStandardError
    case candidate(model: String, run: String, why: String)
    case curveAt(rows: Int, metric: String, train: String, validation: String)
    /// explain_model's learning-curve diagnosis ("more_data_helps", "variance", "good_fit", else bias).
    case curveDiagnosis(String?)
    case mostImportant(method: String)
    /// "\nEffects: a; b".
    case effectsLine([String])
    case weakestSlice(String)
    case limitLine(String)
    case learningCurveLine
    case loggingInterpretation
    case reliesOn([String])
    /// " Effects: a; b."
    case effectsSentence([String])
    case errsMost(String)
    case limitsLabel
    case learningCurveLabel
    case interpretationTitle
    case interpretationHypothesis
    case interpretationApproach(model: String, run: String)
    case decideThenConfirm
    case beforeTest(model: String, run: String)
    case beforeFinalize(model: String, run: String)
    case finalRefit(run: String, of: String)
    case stopTitle
    case stopAnalysis(target: String)
    case stopNext
    case keepTitle(model: String)
    case keepAnalysis(model: String)
    case keepNext(run: String)
    case sealedTest(metric: String, value: String, low: String, high: String)
    case writingDecision
    case noDataLoaded
    case couldNotLoad(String)
    case finalStop(logPath: String)
    case finalKeep(model: String, score: String)
    case againstBaseline(score: String)
    case onSealedTest(String)
    case logIs(String)
}
