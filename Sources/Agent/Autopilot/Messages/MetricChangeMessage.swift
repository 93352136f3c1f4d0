// The Autopilot's round after the user names a new success metric: what it says and logs, as ids
// with their facts. MetricChangeMessage+English.swift and +French.swift write them out.

import Languages

/// A sentence of the metric-change round.
enum MetricChangeMessage: Message {
    case measuring(metric: String)
    case contextMetric(metric: String, previous: AutopilotFraming)
    case updatingContext
    case keepTitle(model: String, metric: String)
    case keepAnalysis(model: String, metric: String)
    case keepNext(run: String, metric: String)
    case loggingDecision
    case couldNotMeasure(metric: String, logPath: String)
    case final(model: String, run: String, metric: String, value: String, logPath: String)
}
