// The Autopilot's search around its moves: the verdict of each, its log entry's analysis and next
// step, and the summary of the budget. Ids with their facts; the move's own words are SearchMoveMessage's.

import Languages

/// A sentence of the search.
enum SearchMessage: Message {
    case carriedTargetEncoding
    case carriedLogTarget
    case beforeMove(title: String, hypothesis: String)
    /// A move's score against the best before it; `paid`: beyond one standard error.
    case verdict(title: String, score: String, delta: String, bestRun: String, paid: Bool)
    case experimentFailed(String)
    case failedAnalysis(error: String?)
    case belowBest
    case holds
    case withinNoise
    case chooseAndDecide
    case nextInQueue(title: String)
    case stillRunning
    case exhausted
    case noGain(patience: Int)
    case budget(nextTitle: String)
    /// A first-plan family that was skipped for time, by its step.
    case skipped(AutopilotStep)
    case leftOutForTime([String])
    case summary(experiments: Int, used: Int, budget: Int, why: String)
}
