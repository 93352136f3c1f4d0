// ToolLineMessage in English.

extension ToolLineMessage {
    var english: String {
        switch self {
        case .onTestSplit: " on the TEST split"
        case .entryKind(let kind): kind
        case .entryTitle(let kind, let title): "\(kind): \(title)"
        case .significance(let yes): yes ? "(significant)" : "(not significant)"
        case .loaded(let rows, let columns, let task, let metric, let warnings):
            "\(rows) rows × \(columns) columns, \(task), metric \(metric), \(warnings) warning\(warnings == 1 ? "" : "s")"
        case .topFeatures(let top): "top features: " + top.joined(separator: ", ")
        case .wrote(let entry, let path): "wrote \(entry ?? "entry") to \(path ?? "the log")"
        case .tuned(let trials, let strategy, let best):
            "\(trials) trials (\(strategy ?? "search")), best recorded as \(best)"
        case .profiled(let type, let missing, let distinct): "\(type), \(missing) missing, \(distinct) distinct"
        case .finalized(let run, let of, let rows): "\(run): \(of) refitted on all \(rows) rows, the model to use"
        }
    }
}
