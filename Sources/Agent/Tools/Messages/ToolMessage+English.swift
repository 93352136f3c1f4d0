// ToolMessage in English.

extension ToolMessage {
    var english: String {
        switch self {
        case .onTestSplit: " (test split)"
        case .rawScoreOfLastClass: "raw score of the last class"
        case .rawScoreLogOdds: "raw score (log-odds)"
        case .predicted(let target): "predicted \(target)"
        case .output(let label, let target, let className):
            label ?? "predicted \(target)" + (className.map { " (p(\($0)))" } ?? "")
        case .importanceDrop(let metric): "drop in \(metric)"
        case .importance(let method): "\(method) importance"
        case .leftOutField: "(Left out: it stated numbers that no tool result holds.)"
        case .entryRepaired(let numbers):
            "entry written without the sentences stating \(numbers): no tool result holds those numbers."
        case .baselineHypothesis: "The floor: what a prediction without any feature scores."
        case .baselineFirst(let model):
            "the baseline was trained instead of \(model): it comes first. Call train_model with model \"\(model)\" now."
        }
    }
}
