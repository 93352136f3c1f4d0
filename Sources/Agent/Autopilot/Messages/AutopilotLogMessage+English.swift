// AutopilotLogMessage in English.

extension AutopilotLogMessage {
    var english: String {
        switch self {
        case .title(let step, let regression):
            switch step {
            case .baseline: "Baseline"
            case .linear: regression ? "Ridge regression" : "Logistic regression"
            case .gbdt: "Gradient boosting"
            case .text: "Text-only model"
            default: ""
            }
        case .next(let step, let linearModel, let hasText):
            switch step {
            case .baseline: "a \(linearModel) model on every usable column."
            case .linear: "gradient boosting, to test non-linear effects and interactions."
            case .gbdt where hasText: "a model on the text column(s) alone."
            default: "interpret the chosen model (importance, errors, limits), then decide."
            }
        case .textFeatures(let columns): "the text column(s) \(columns.joined(separator: ", ")) as TF-IDF"
        case .everyColumnExceptTarget: "every column except the target"
        case .andDropped(let columns): " and the dropped ones (\(columns.joined(separator: ", ")))"
        case .timeLimited(let n):
            "default hyper-parameters but the time limit, which stopped the first fold after \(n) iterations (every fold and the final model use \(n))"
        case .defaultParameters: "default hyper-parameters"
        case .approach(let model, let features, let parameters, let f):
            "\(model) on \(features); \(parameters), seed 42, \(f.validation)."
        case .trainingFailed(let error):
            "The training failed: \(error ?? "unknown error"). This family is left out of the comparison."
        case .baselineFloor:
            "This is the floor: any model that does not beat it beyond the fold spread has learnt nothing useful."
        case .hypothesisHolds(let other):
            "The hypothesis holds: the paired bootstrap interval of the difference with \(other) excludes zero."
        case .hypothesisRejected(let other):
            "The hypothesis is rejected: this model is significantly worse than \(other)."
        case .notConfirmed(let other):
            "Not confirmed: the difference with \(other) is within noise (its paired bootstrap interval contains zero); the simpler model is preferred."
        case .noComparison: "No comparison could be computed for this run."
        case .explainingEnsemble(let ensemble, let model, let run):
            "Chosen: the ensemble \(ensemble) (one-standard-error rule on validation). An average has no single set of importances: explaining its strongest member, \(model) (\(run))."
        case .bestValidationScore: "the best validation score"
        case .simplestWithinOneStandardError: "the simplest within one standard error of the best"
        case .candidate(let model, let run, let why):
            "Candidate: \(model) (\(run)), \(why). Explaining it: importance, effect directions, error slices, limits, learning curve."
        case .curveAt(let rows, let metric, let train, let validation):
            "at \(rows) rows, train \(metric) \(train), validation \(validation)"
        case .curveDiagnosis(let diagnosis):
            switch diagnosis {
            case "more_data_helps": "; validation still rising, more data would help."
            case "variance": "; train well above validation: variance (regularise or simplify)."
            case "good_fit": "; close, flat and high: the model fits well."
            default: "; close and flat: bias (a more flexible model or better features)."
            }
        case .mostImportant(let method): "Most important features (\(method)):\n"
        case .effectsLine(let effects): "\nEffects: " + effects.joined(separator: "; ")
        case .weakestSlice(let slice): "\nWeakest slice: \(slice)"
        case .limitLine(let limit): "\nLimit: \(limit)"
        case .learningCurveLine: "\nLearning curve: "
        case .loggingInterpretation: "\nLogging the interpretation."
        case .reliesOn(let top): "The model relies most on \(top.joined(separator: ", "))."
        case .effectsSentence(let effects): " Effects: " + effects.joined(separator: "; ") + "."
        case .errsMost(let slice): " It errs most on \(slice)."
        case .limitsLabel: " Limits: "
        case .learningCurveLabel: " Learning curve: "
        case .interpretationTitle: "Interpretation of the chosen model"
        case .interpretationHypothesis:
            "The chosen model relies on plausible features and its errors concentrate in identifiable slices."
        case .interpretationApproach(let model, let run):
            "Permutation importance and partial dependence of the stored \(model) model of \(run) on its training rows; error slices from its out-of-fold predictions; the learning curve on its folds (never the test split)."
        case .decideThenConfirm: "decide, then confirm once on the sealed test split."
        case .beforeTest(let model, let run):
            "Decision taken on validation only: keep \(model) (\(run)). Now, and only now, one evaluation on the sealed test split (recorded in the store)."
        case .beforeFinalize(let model, let run):
            "The choice is made and its test score recorded: \(model)'s configuration (\(run)) is now fitted on every labelled row, the sealed test rows included, as the model to use on new data."
        case .finalRefit(let run, let of):
            "The model to use is \(run): \(of)'s configuration refitted on every labelled row (training and sealed test); its estimate is \(of)'s sealed test score."
        case .stopTitle: "Stop: nothing beats the baseline"
        case .stopAnalysis(let target):
            "No model beats the baseline beyond the spread of the folds; the columns available do not predict '\(target)' well enough."
        case .stopNext: "collect more informative features or more rows before modelling again."
        case .keepTitle(let model): "Keep \(model)"
        case .keepAnalysis(let model):
            "\(model) beats the baseline beyond the fold spread and was chosen on validation only; the sealed test split confirms it once."
        case .keepNext(let run):
            "use \(run) for predictions (`mlexp predict \(run) FILE`); to go further, tune its hyper-parameters or add features, one change at a time."
        case .sealedTest(let metric, let value, let low, let high):
            "Sealed test split: \(metric) \(value) [\(low), \(high)] (95% CI).\n"
        case .writingDecision: "Writing the decision to the log."
        case .noDataLoaded: "no data was loaded"
        case .couldNotLoad(let error): "I could not load the data: \(error)"
        case .finalStop(let logPath):
            "Decision: stop — no model beats the baseline beyond noise. The log is in \(logPath)."
        case .finalKeep(let model, let score): "Decision: keep \(model), \(score) in validation"
        case .againstBaseline(let score): ", against the baseline's \(score)"
        case .onSealedTest(let value): "; on the sealed test split \(value)"
        case .logIs(let path): ". The log is in \(path)."
        }
    }
}
