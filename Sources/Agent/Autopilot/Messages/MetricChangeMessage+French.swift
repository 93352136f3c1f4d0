// MetricChangeMessage in French.

extension MetricChangeMessage {
    var french: String {
        switch self {
        case .measuring(let metric):
            "Nouvelle métrique de succès : \(metric). Je mesure chaque candidat en \(metric) sur la validation (le jeu de test reste scellé)."
        case .contextMetric(let metric, let f):
            "\(metric) (à la demande de l'utilisateur, au lieu de \(f.metric)) en \(FramingWords.validation(f).french)"
        case .updatingContext: "Je mets à jour le contexte du journal."
        case .keepTitle(let model, let metric): "Garder \(model) sous \(metric)"
        case .keepAnalysis(let model, let metric):
            "Mesurés en \(metric) sur la validation, les candidats déjà entraînés placent \(model) en tête ; le jeu de test n'a pas été réutilisé."
        case .keepNext(let run, let metric):
            "régler le seuil de décision de \(run) pour \(metric), sur la validation seulement."
        case .loggingDecision: "Je consigne la décision."
        case .couldNotMeasure(let metric, let logPath):
            "Je n'ai pas pu mesurer \(metric) sur les candidats ; le journal est dans \(logPath)."
        case .final(let model, let run, let metric, let value, let logPath):
            "Sous \(metric), je garde \(model) (\(run)) : \(metric) \(value) en validation. Le journal est dans \(logPath)."
        }
    }
}
