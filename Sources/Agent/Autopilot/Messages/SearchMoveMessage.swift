// Each move of the Autopilot's search, in words: its title, hypothesis and approach, as ids with their
// facts. SearchMoveMessage+English.swift and +French.swift write every move out (the switches over
// SearchMove are exhaustive: a new move does not compile without its sentences in every language).

import Languages

/// The facts a move's sentences quote.
struct SearchMoveFacts: Sendable {
    var framing: AutopilotFraming
    /// The high-cardinality columns, quoted ("'city', 'shop'"), and whether there are several.
    var encodingColumns: String
    var many: Bool
    /// The family target encoding is tried on ("gbdt" or the linear model).
    var encodedModel: String
    /// The runs an ensemble or a stacking averages.
    var members: [String]
    /// The text model's vocabulary size.
    var textTerms: Int
    /// Configurations the first tuning of gradient boosting samples (AutopilotSearch.firstTuningCandidates).
    var tuningCandidates: Int
}

/// A move's title, hypothesis or approach.
enum SearchMoveMessage: Message {
    case title(SearchMove, regression: Bool)
    case hypothesis(SearchMove, SearchMoveFacts)
    case approach(SearchMove, SearchMoveFacts)
}
