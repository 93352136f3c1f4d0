// LogWord in French.

extension LogWord {
    public var french: String {
        switch self {
        case .title: "Journal des expériences"
        case .context: "Contexte"
        case .problem: "Problème"
        case .data: "Données"
        case .metric: "Métrique"
        case .experiment: "Expérience"
        case .hypothesis: "Hypothèse"
        case .approach: "Approche"
        case .result: "Résultat"
        case .analysis: "Analyse"
        case .next: "Next"
        case .decision: "Décision"
        case .notFramedYet: "_Pas encore cadré._"
        case .problemHeading: "Problème : "
        case .nextLabel: "Suite : "
        case .interval: " [IC 95 % "
        case .features(let n): ", \(n) variable\(n == 1 ? "" : "s")"
        case .noRun: "aucun run (l'entraînement a échoué)."
        case .versus(let reference, let difference, let run, let referenceRun):
            " contre \(reference) ; écart \(difference) (\(run) − \(referenceRun))"
        case .sealedTestSplit: "jeu de test scellé "
        }
    }
}
