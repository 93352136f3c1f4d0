// The budget of the steps after the search: the interpretation (explain_model), the evaluation on the
// sealed test split and the last log entries, planned from what is left of the budget and the fit
// times already measured, so that a session ends within its budget. The closing steps (test
// evaluation, log entries) cost about a second and a fifth of a fit; the interpretation gets
// what is left after them, at least its floor, as explain_model's time_budget_seconds (which sizes its
// sample of rows from a timed prediction); the learning curve only when its refits (about 2.5 times the run's training time)
// take at most half of that. The search keeps the closing steps and the
// interpretation's floor in reserve before it starts a move.
// Leaves out: the search's own moves (AutopilotSearch) and the wording.

struct AutopilotFinish: Equatable {
    /// What is left of the budget.
    var remaining: Double
    /// Seconds the run to explain took to train (cross-validation and refit).
    var trainingSeconds: Double

    /// The sealed test evaluation and the two log entries (interpretation, decision).
    var closing: Double { 1 + 0.2 * trainingSeconds }

    /// The least the interpretation is given: a small sample, no learning curve.
    var explainFloor: Double { 1 + 0.5 * trainingSeconds }

    /// Seconds kept back from the search for the steps after it.
    var reserve: Double { closing + explainFloor }

    /// Whether the interpretation asks for the learning curve: its refits fit on top of the floor.
    var learningCurve: Bool {
        ExplainBudget(seconds: explainSeconds).learningCurveFits(trainingSeconds: trainingSeconds)
    }

    /// explain_model's time_budget_seconds: what is left after the closing steps, at least the floor, in
    /// whole seconds as the call sends it (the learning-curve choice must hold for the budget the tool gets).
    var explainSeconds: Double { max(1, max(explainFloor, remaining - closing).rounded()) }
}
