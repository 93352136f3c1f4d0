// The framing's task and validation scheme in French words, for a French session's screen and log:
// load_data reports them in English ("binary", "stratified 5-fold CV on the training rows": the phrases
// of LoadDataTool.validationText, which a test pairs with these).
// The profile's warnings: DataWarning+French.swift renders them from their facts.

public import MLCore

extension AutopilotFraming {
    /// A warning's French sentence, from its facts; its English message only when they could not be rebuilt.
    static func french(_ message: String, _ warning: DataWarning?) -> String { warning?.french ?? message }

    /// "binary" → "binaire"; an unknown task is shown as it is.
    var taskFR: String { Self.frenchTask(task) }

    /// load_data's task word in French ("binary" → "binaire"); an unknown one as it is.
    public static func frenchTask(_ task: String) -> String {
        ["binary": "binaire", "multiclass": "multiclasse", "regression": "régression", "clustering": "clustering"][task] ?? task
    }

    /// load_data's validation scheme in French; an unknown one is shown as it is.
    var validationFR: String {
        let words = validation.split(separator: " ").map(String.init)
        func folds(_ word: String) -> String? { word.hasSuffix("-fold") ? String(word.dropLast(5)) : nil }
        if words.count >= 3, words[0] == "stratified", let k = folds(words[1]), words[2] == "CV" {
            return "validation croisée stratifiée à \(k) folds sur les lignes d'entraînement"
        }
        if words.count >= 2, let k = folds(words[0]), words[1] == "CV" {
            return "validation croisée à \(k) folds sur les lignes d'entraînement"
        }
        if validation == "one seeded holdout of the training rows" {
            return "un seul jeu de validation tiré au hasard (graine fixe) parmi les lignes d'entraînement"
        }
        if words.count >= 4, words[0] == "time-ordered", let k = folds(words[1]), words[2] == "split", words[3] == "on" {
            return "découpage chronologique en \(k) folds sur " + words.dropFirst(4).joined(separator: " ")
        }
        return validation
    }
}
