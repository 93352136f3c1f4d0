// The Autopilot search's catalogue of moves: their order in the queue, their stable numbers in call ids,
// which ones combine earlier runs, and how complex each is for the one-standard-error rule.
// Leaves out: when a move applies and what it costs (AutopilotSearch), its words (AutopilotSearch+Text).

/// The search's experiments, in queue order.
/// The raw value is the move's number in its call ids (stable: a move added later takes a new number).
enum SearchMove: Int, CaseIterable, Sendable {
    case logTarget = 0
    case targetEncoding = 6
    case textTerms = 10
    case tuneGbdt = 1
    case randomForest = 2
    case neighbours = 13
    case classWeights = 3
    case regularisation = 4
    case ensemble = 5
    case stack = 7
    // The second round (AutopilotSearch+SecondRound.swift), once the first queue has run.
    case tuneGbdtWide = 8
    case tuneForest = 9
    case reensemble = 11
    case restack = 12

    /// The moves that combine earlier runs (tried whatever the streak without gain).
    var combines: Bool { [.ensemble, .stack, .reensemble, .restack].contains(self) }

    /// The moves that combine with the averaging of members (else with a stacked meta-model).
    var averages: Bool { self == .ensemble || self == .reensemble }

    /// Lower is simpler (the one-standard-error rule keeps the simplest within noise of the best).
    var complexity: Int {
        switch self {
        case .regularisation: 1
        case .randomForest, .neighbours, .classWeights, .logTarget, .targetEncoding, .textTerms: 2
        case .tuneGbdt, .tuneGbdtWide, .tuneForest: 3
        case .ensemble, .reensemble: 4
        case .stack, .restack: 5
        }
    }
}
