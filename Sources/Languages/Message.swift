// A sentence of the product: an id with its facts (an enum case and its associated values), written
// out by its area's tables, one per language. Each table is a `switch self` over every id, so the
// compiler refuses a table that misses one. A third language adds a case to `Language`, a requirement
// here and one table per area (`XMessage+German.swift`); call sites do not change.
// Leaves out: the ids and tables themselves (each area keeps its own, next to the code that says them).

/// A sentence with its facts, rendered in the session's language.
public protocol Message: Sendable {
    /// The sentence in English (the area's English table).
    var english: String { get }
    /// The sentence in French (the area's French table).
    var french: String { get }
}

extension Message {
    /// The sentence in `language`.
    public func text(_ language: Language) -> String {
        switch language {
        case .en: english
        case .fr: french
        }
    }
}

/// A list of sentences from one set of facts (explain_model's effects, its limits), rendered in the
/// session's language; the list's length may differ between languages.
public protocol MessageList: Sendable {
    var english: [String] { get }
    var french: [String] { get }
}

extension MessageList {
    /// The sentences in `language`.
    public func text(_ language: Language) -> [String] {
        switch language {
        case .en: english
        case .fr: french
        }
    }
}
