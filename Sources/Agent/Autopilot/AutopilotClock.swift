// The session's time budget as the Autopilot plans with it: the budget, the time spent, and the tenth kept
// unplanned for a loaded machine. Leaves out: measuring the time (the session's clock).

/// The session's time budget, as the Autopilot reads it.
struct AutopilotClock: Sendable {
    /// Seconds the session may take.
    public var budget: Double
    /// Seconds since the session started.
    public var elapsed: Double

    public init(budget: Double, elapsed: Double) {
        self.budget = budget
        self.elapsed = elapsed
    }

    /// The share of the budget the plan keeps unplanned: on a loaded machine fits run longer than those
    /// measured earlier in the session, and a search's last trial or the interpretation can pass its own limit.
    static let slack = 0.1

    /// Seconds left to plan with: the budget less the slack, less the time spent.
    public var remaining: Double { max(0, budget * (1 - Self.slack) - elapsed) }
}
