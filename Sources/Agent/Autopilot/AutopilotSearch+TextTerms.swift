// The search's move for a table with text: the text-only linear model again, with a TF-IDF vocabulary five
// times larger (5,000 word unigrams and bigrams instead of 1,000) and, for classes, balanced class weights
// (a rare class weighs on macro F1 as much as a frequent one), on the same folds. A linear model on many
// sparse terms is the strong text baseline (TF-IDF + logistic regression); kept beside gradient
// boosting, it is also the text member of the ensemble. On rotten_tomatoes (scikit-learn, the benchmark's
// 80/20 split) TF-IDF + logistic regression scores macro F1 0.729 with 1,000 terms, 0.768 with 5,000 and
// balanced weights. Leaves out: tuning C on it (each fit of a dense 5,000-term matrix costs seconds).
// Leaves out: the words (AutopilotSearch+Text.swift).

import LLMClient
import MLCore

extension AutopilotSearch {
    /// The TF-IDF vocabulary of the move (text_max_terms).
    static let textTerms = 5000

    /// Seconds the first text-only run took (cross-validation and refit).
    var textSeconds: Double { plan.history[AutopilotStep.text.rawValue]?.result["train_seconds"]?.doubleValue ?? 1 }

    /// The move's estimated seconds: the text run's again with five times the terms (rows × terms).
    var textTermsCost: Double { max(5 * textSeconds, 1) }

    /// Every column but the text columns and the target: the move sees the text alone, as the text step did.
    var nonTextColumns: [String] {
        let keep = Set(framing.textColumns + [framing.target])
        return (loadResult?["columns"]?.arrayValue ?? []).compactMap { $0["name"]?.stringValue }.filter {
            !keep.contains($0)
        }
    }

    /// train_model's arguments (besides the dataset, hypothesis, seed).
    var textTermsArguments: [String: JSONValue] {
        var args: [String: JSONValue] = [
            "model": .string(framing.linearModel), "drop": .strings(nonTextColumns),
            "text_max_terms": .int(Self.textTerms),
        ]
        if !framing.isRegression { args["params"] = ["class_weight": "balanced"] }
        return args
    }
}
