// LeakageMessage in English.

extension LeakageMessage {
    var english: String {
        switch self {
        case .why(let c, true, let said, let model, let reference):
            "'\(c)' was left out of the search. Evidence: \(said.english) Measuring how much of the score it would carry: \(model) trained with it, against \(reference) without it."
        case .why(let c, false, let said, let model, let reference):
            "'\(c)' stays in the search: \(said.english) Its name does not say it is recorded after the outcome. Measuring how much of the score it carries: \(model) trained without it, against \(reference) with it."
        case .comparing(let id, let reference):
            "Comparing \(id) with \(reference) on the same folds (paired bootstrap)."
        case .logging: "Logging the leakage check."
        case .hypothesis(let column, true):
            "With '\(column)' the score rises far above the honest models': the rise is what the leak would have added."
        case .hypothesis(let column, false):
            "Without '\(column)' the score falls: the fall is the share of the score that rests on it."
        case .title(let c): "Leakage check: '\(c)'"
        case .approach(let c, true, let model, let reference, let f):
            "\(model) as in \(reference), with '\(c)' added back; same folds, seed 42, \(f.validation)."
        case .approach(let c, false, let model, let reference, let f):
            "\(model) as in \(reference), without '\(c)'; same folds, seed 42, \(f.validation)."
        case .notTrained(let error): "The check could not be trained: \(error ?? "unknown error")."
        case .analysis(let c, true, let said, let id, let reference, let significant):
            "The evidence: \(said.english) '\(c)' stays out of every candidate, so the chosen model does not use it; the difference between \(id) (with it) and \(reference) (without it) is what it would carry\(significant ? ", beyond noise" : ", within noise here")."
        case .analysis(let c, false, let said, let id, let reference, let significant):
            "The evidence: \(said.english) '\(c)' is kept (its name does not say it comes after the outcome); the difference between \(reference) (with it) and \(id) (without it) is the share of the score that rests on it\(significant ? ", beyond noise" : ", within noise"). If it is not known at prediction time, the model without it is the honest one."
        case .next: "interpret the chosen model (importance, errors, limits), then decide."
        }
    }
}
