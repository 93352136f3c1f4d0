// ToolMessage in French.

extension ToolMessage {
    var french: String {
        switch self {
        case .onTestSplit: " (jeu de test)"
        case .rawScoreOfLastClass: "score brut de la dernière classe"
        case .rawScoreLogOdds: "score brut (log-odds)"
        case .predicted(let target): "\(target) prédit"
        case .output(_, let target, let className): "\(target) prédit" + (className.map { " (p(\($0)))" } ?? "")
        case .importanceDrop(let metric): "baisse de \(metric)"
        case .importance(let method): "importance \(method)"
        case .leftOutField: "(Texte retiré : il citait des nombres qu'aucun résultat d'outil ne contient.)"
        case .entryRepaired(let numbers):
            "entrée écrite sans les phrases qui citaient \(numbers) : aucun résultat d'outil ne contient ces nombres."
        case .baselineHypothesis: "Le plancher : ce que vaut une prédiction sans aucune variable."
        case .baselineFirst(let model):
            "la baseline a été entraînée à la place de \(model) : elle vient en premier. Appelez train_model avec \(model) maintenant."
        }
    }
}
