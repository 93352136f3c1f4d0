// MetricChangeMessage in English.

extension MetricChangeMessage {
    var english: String {
        switch self {
        case .measuring(let metric):
            "New success metric: \(metric). Measuring every candidate in \(metric) on validation (the test split stays sealed)."
        case .contextMetric(let metric, let f):
            "\(metric) (asked by the user, instead of \(f.metric)) under \(f.validation)"
        case .updatingContext: "Updating the log's context."
        case .keepTitle(let model, let metric): "Keep \(model) under \(metric)"
        case .keepAnalysis(let model, let metric):
            "Measured in \(metric) on validation, the candidates already trained put \(model) first; the test split was not used again."
        case .keepNext(let run, let metric):
            "tune the decision threshold of \(run) for \(metric), on validation only."
        case .loggingDecision: "Logging the decision."
        case .couldNotMeasure(let metric, let logPath):
            "I could not measure \(metric) on the candidates; the log is in \(logPath)."
        case .final(let model, let run, let metric, let value, let logPath):
            "Under \(metric), I keep \(model) (\(run)): \(metric) \(value) on validation. The log is in \(logPath)."
        }
    }
}
