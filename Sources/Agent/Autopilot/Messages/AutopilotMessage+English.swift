// AutopilotMessage in English.

extension AutopilotMessage {
    var english: String {
        switch self {
        case .modelName(let step, let regression):
            switch step {
            case .baseline: "baseline (\(regression ? "mean" : "majority class"))"
            case .linear: regression ? "ridge regression" : "logistic regression"
            case .gbdt: "gradient boosting"
            case .text: regression ? "ridge on the text alone" : "logistic regression on the text alone"
            default: ""
            }
        case .help:
            "I am the Autopilot, a rule-based experimenter (not an LLM). Give me a file and a target, for example: \"titanic.csv target survived\"."
        case .beforeLoad(let path):
            "I am the Autopilot: a rule-based experimenter built into mlexp, not an LLM. Loading \(path) and profiling it."
        case .framing(let f):
            "Framing: \(f.task) task on '\(f.target)', \(f.rows) rows (\(f.trainRows) for training and validation, \(f.testRows) sealed as the test split). Main metric: \(f.metric); validation: \(f.validation)."
        case .dropping(let column, let reason): "\nDropping '\(column)': \(reason.english)"
        case .note(let warning): "\nNote: \(warning.english)"
        case .writingContext: "\nWriting the context to the log."
        case .problemWithGoal(let goal, let f): "\(goal) — predict '\(f.target)' (\(f.task))."
        case .problem(let f, let path): "Predict '\(f.target)' (\(f.task)) from the other columns of \(path)."
        case .dropped(let f):
            f.drops.isEmpty
                ? "no column dropped"
                : "dropped: " + f.drops.map { "\($0.column) (\($0.reason))" }.joined(separator: "; ")
        case .data(let path, let f, let dropped, let notes):
            "\(path): \(f.rows) rows, \(f.columnCount) columns; \(f.testRows) rows sealed as the test split (seeded); \(dropped)\(notes)."
        case .metric(let f):
            "\(f.metric) under \(f.validation); success: better than the baseline beyond the spread of the folds, then confirmed once on the sealed test split."
        case .hypothesis(let step, let f):
            switch step {
            case .baseline:
                "A model that ignores the features (\(f.isRegression ? "predicts the mean" : "predicts the majority class")) sets the score every real model must beat."
            case .linear:
                "A \(Self.modelName(.linear, regression: f.isRegression).english) on scaled, one-hot encoded features beats the baseline, because '\(f.target)' depends roughly additively on a few columns."
            case .gbdt:
                "Gradient boosting captures interactions and non-linear effects that the linear model misses, so it beats the best model so far."
            case .text:
                "The text column(s) \(f.textColumns.joined(separator: ", ")) alone carry signal: a \(Self.modelName(.text, regression: f.isRegression).english) (TF-IDF) beats the baseline."
            default: ""
            }
        case .bestSoFar(let model, let score): "Best so far: \(model), \(score).\n"
        case .experiment(let model, let hypothesis): "Experiment: \(model). Hypothesis: \(hypothesis)"
        case .comparing(let model, let score, let reference, let referenceRun):
            "\(model): \(score). Comparing it with \(reference) (\(referenceRun)) on the same folds, with bootstrap confidence intervals."
        case .baselineScore(let score): "Baseline: \(score).\n"
        case .trainingFailed(let error): "The training failed: \(error)\n"
        case .loggingExperiment: "Logging this experiment."
        case .difference(let other, let delta, let interval, let significant):
            significant
                ? "Difference with \(other): \(delta) \(interval) (95% CI, paired bootstrap) — significant."
                : "Difference with \(other): \(delta) \(interval) (95% CI, paired bootstrap) — not significant: within noise."
        case .leakageNote(let warning): "; note: \(warning.english)"
        }
    }
}
