// FramingWords in French: the task from load_data's task word, the validation from its facts
// (validation_scheme: scheme, folds, time column), a warning from its facts (DataWarning+French.swift);
// load_data's English words only when the facts are missing.

extension FramingWords {
    public var french: String {
        switch self {
        case .task(let task):
            ["binary": "binaire", "multiclass": "multiclasse", "regression": "régression", "clustering": "clustering"][
                task] ?? task
        case .validation(let f): Self.frenchValidation(f)
        case .warning(let message, let warning): warning?.french ?? message
        }
    }

    private static func frenchValidation(_ f: AutopilotFraming) -> String {
        guard let (kind, k, time) = f.scheme else { return f.validation }
        switch kind {
        case .stratifiedKFold: return "validation croisée stratifiée à \(k) folds sur les lignes d'entraînement"
        case .kFold: return "validation croisée à \(k) folds sur les lignes d'entraînement"
        case .holdout: return "un seul jeu de validation tiré au hasard (graine fixe) parmi les lignes d'entraînement"
        case .timeSeriesSplit: return "découpage chronologique en \(k) folds sur '\(time ?? "?")'"
        case .groupKFold:
            return
                "validation croisée groupée à \(k) folds sur '\(f.groupColumn ?? "?")' (chaque valeur dans un seul fold ; le jeu de test contient des valeurs entières)"
        }
    }
}
