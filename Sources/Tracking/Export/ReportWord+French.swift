// ReportWord in French.

extension ReportWord {
    var french: String {
        switch self {
        case .allRuns: "Toutes les exécutions"
        case .noDecisionYet: "_Pas encore de décision._"
        case .provenance:
            "_Exporté par mlexp : le texte vient du journal des expériences, chaque nombre d'une exécution du magasin (son id est indiqué)._"
        case .missingRuns(let ids): "\n\n**Attention** : le journal cite des exécutions absentes du magasin : \(ids)."
        case .model: "modèle"
        case .trainingSeconds: "entraînement (s)"
        case .reproduce: "Reproduire"
        }
    }
}
