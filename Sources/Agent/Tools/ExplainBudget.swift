// explain_model's time budget (time_budget_seconds): how many training rows the explanation can afford,
// and whether the learning curve fits. One prediction pass is timed on a probe of the sample (up to 500
// rows); the default explanation costs about 15 passes per input column (permutation importance, then
// again for the effects and the limits, 5 repeats each) plus 60 for the partial dependence curves, so
// the sample is the largest that keeps those passes within the budget (at least `minimumRows`, at most
// the tool's cap). The learning curve refits the family about 5 × folds times on growing shares of
// the folds: about 2.5 times the run's own training time (its cross-validation and refit), asked only
// when that leaves the explanation at least half of the budget.
// Leaves out: the sampling itself and the methods (ExplainModelTool).

import Foundation
import MLCore

struct ExplainBudget: Equatable {
    /// Seconds the whole call may take.
    var seconds: Double
    /// Fewest rows the explanation is given, whatever the budget (importances on fewer rows are noise).
    static let minimumRows = 200
    /// Rows of the probe that times one prediction pass.
    static let probeRows = 500

    /// Estimated seconds of the learning curve for a run that trained in `trainingSeconds`.
    static func learningCurveSeconds(trainingSeconds: Double) -> Double { 2.5 * trainingSeconds }

    /// Whether the learning curve fits: its estimate leaves at least half of the budget to the rest.
    func learningCurveFits(trainingSeconds: Double) -> Bool {
        Self.learningCurveSeconds(trainingSeconds: trainingSeconds) <= seconds / 2
    }

    /// Prediction passes of the default explanation over `inputs` input columns.
    static func passes(inputs: Int) -> Int { 15 * max(inputs, 1) + 60 }

    /// Rows the explanation can afford in `seconds` (the learning curve's share already taken out),
    /// from the measured seconds per predicted row; between `minimumRows` and `cap` (and `available`).
    static func rows(
        seconds: Double, secondsPerRow: Double, inputs: Int, available: Int, cap: Int
    ) -> Int {
        let limit = min(available, cap)
        guard secondsPerRow > 0, seconds.isFinite else { return limit }
        let affordable = seconds / (Double(passes(inputs: inputs)) * secondsPerRow)
        guard affordable < Double(limit) else { return limit }
        // Whole hundreds, so that a slightly different timing gives the same sample.
        return min(limit, max(minimumRows, Int(affordable) / 100 * 100))
    }

    /// Seconds per row of one prediction of `model` on `x` (timed once).
    static func secondsPerRow(_ model: AnyFittedModel, _ x: FeatureMatrix) -> Double {
        guard x.rows > 0 else { return 0 }
        let start = DispatchTime.now().uptimeNanoseconds
        _ = try? model.predict(x)
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 / Double(x.rows)
    }
}
