// ToolLineMessage in French.

import Agent

extension ToolLineMessage {
    var french: String {
        switch self {
        case .onTestSplit: " sur le jeu de TEST"
        case .entryKind(let kind): Self.frenchKind(kind)
        case .entryTitle(let kind, let title): "\(Self.frenchKind(kind)) : \(title)"
        case .significance(let yes): yes ? "(significatif)" : "(non significatif)"
        case .loaded(let rows, let columns, let task, let metric, let warnings):
            "\(rows) lignes × \(columns) colonnes, \(FramingWords.task(task).french), métrique \(metric), \(warnings) avertissement\(warnings == 1 ? "" : "s")"
        case .topFeatures(let top): "variables principales : " + top.joined(separator: ", ")
        case .wrote(let entry, let path): "ajout au journal \(path ?? "") : \(entry.map(Self.frenchKind) ?? "entrée")"
        case .tuned(let trials, let strategy, let best):
            "\(trials) essai\(trials == 1 ? "" : "s") (\(strategy ?? "recherche")), meilleur enregistré sous \(best)"
        case .profiled(let type, let missing, let distinct): "\(type), \(missing) manquantes, \(distinct) distinctes"
        case .finalized(let run, let of, let rows):
            "\(run) : \(of) réajusté sur les \(rows) lignes, le modèle à utiliser"
        }
    }

    /// append_log's entry kinds ("context", "experiment #3", "decision") in French; others as they are.
    static func frenchKind(_ kind: String) -> String {
        if kind.hasPrefix("experiment") { return "expérience" + kind.dropFirst("experiment".count) }
        return ["context": "contexte", "decision": "décision"][kind] ?? kind
    }
}
