// The one language type of the product: the session's language, which the prompts, the log's headings,
// the charts and the Autopilot's prose follow. A leaf target, so every layer names the same type.
// Leaves out: the sentences themselves (each area's Message tables, Message.swift) and guessing a
// language from text.

/// A language the product writes in.
public enum Language: String, Sendable, Codable, Equatable, CaseIterable {
    case en, fr

    /// Parses "en", "fr", "english", "français"…; nil when unknown.
    public init?(code: String) {
        switch code.lowercased() {
        case "en", "eng", "english", "anglais": self = .en
        case "fr", "fra", "fre", "french", "français", "francais": self = .fr
        default: return nil
        }
    }
}
