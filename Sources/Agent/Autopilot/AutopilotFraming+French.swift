// The framing's task and validation scheme in French words, for a French session's screen and log:
// the task from load_data's task word, the validation from its facts (load_data's validation_scheme:
// scheme, folds, time column), never by reading its English phrase back.
// The profile's warnings: DataWarning+French.swift renders them from their facts.

import MLCore

extension AutopilotFraming {
    /// A warning's French sentence, from its facts; its English message only when they could not be rebuilt.
    static func french(_ message: String, _ warning: DataWarning?) -> String { warning?.french ?? message }

    /// "binary" → "binaire"; an unknown task is shown as it is.
    var taskFR: String { Self.frenchTask(task) }

    /// load_data's task word in French ("binary" → "binaire"); an unknown one as it is.
    public static func frenchTask(_ task: String) -> String {
        ["binary": "binaire", "multiclass": "multiclasse", "regression": "régression", "clustering": "clustering"][task]
            ?? task
    }

    /// load_data's validation scheme in French, from its facts (validation_scheme); without them, its English phrase.
    var validationFR: String {
        guard let (kind, k, time) = scheme else { return validation }
        switch kind {
        case .stratifiedKFold: return "validation croisée stratifiée à \(k) folds sur les lignes d'entraînement"
        case .kFold: return "validation croisée à \(k) folds sur les lignes d'entraînement"
        case .holdout: return "un seul jeu de validation tiré au hasard (graine fixe) parmi les lignes d'entraînement"
        case .timeSeriesSplit: return "découpage chronologique en \(k) folds sur '\(time ?? "?")'"
        case .groupKFold:
            return
                "validation croisée groupée à \(k) folds sur '\(groupColumn ?? "?")' (chaque valeur dans un seul fold ; le jeu de test contient des valeurs entières)"
        }
    }
}
