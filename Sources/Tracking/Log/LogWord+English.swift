// LogWord in English.

extension LogWord {
    public var english: String {
        switch self {
        case .title: "Experiment Log"
        case .context: "Context"
        case .problem: "Problem"
        case .data: "Data"
        case .metric: "Metric"
        case .experiment: "Experiment"
        case .hypothesis: "Hypothesis"
        case .approach: "Approach"
        case .result: "Result"
        case .analysis: "Analysis"
        case .next: "Next"
        case .decision: "Decision"
        case .notFramedYet: "_Not framed yet._"
        case .problemHeading: "Problem: "
        case .nextLabel: "Next: "
        case .interval: " [95% CI "
        case .features(let n): ", \(n) feature\(n == 1 ? "" : "s")"
        case .noRun: "no run (the training failed)."
        case .versus(let reference, let difference, let run, let referenceRun):
            " vs \(reference); difference \(difference) (\(run) − \(referenceRun))"
        case .sealedTestSplit: "sealed test split "
        }
    }
}
