// The terminal picture of `mlexp runs compare`: the main metric of the two runs as dots with their
// interval bars (confidence interval when both have one, else ± 1 std over folds), drawn by
// TerminalChart with plain characters (no colour, so pipes and NO_COLOR read the same).
// Leaves out: the other metrics (the table above it lists them).

extension RunComparison {
    /// The main metric (the one both runs share, by the scorer order SessionReport uses), or nil.
    public var chartMetric: String? {
        SessionReport.mainMetric(context: nil, runs: [a, b])
    }

    /// The run-comparison chart of `metric` (the main metric when nil), or nil when no run has it.
    public func chart(metric: String? = nil) -> Chart? {
        guard let m = metric ?? chartMetric else { return nil }
        return SessionReport.comparison([a, b], metric: m, reference: a.id)
    }

    /// The chart as Unicode text, or nil.
    public func chartText(metric: String? = nil, width: Int = 40) -> String? {
        chart(metric: metric).map { TerminalChart.render($0, width: width) }
    }
}
