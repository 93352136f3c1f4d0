// The system prompt of the senior ML engineer, by language, and its version (recorded in every run
// and transcript). Texts come from the embedded copy of prompts/ (EmbeddedResources.swift).

/// The language of a session: prompts, log headings and the Autopilot's prose follow it.
public enum SessionLanguage: String, Sendable, Codable, CaseIterable {
    case en, fr
}

/// Access to the versioned prompts.
public enum Prompts {
    /// The version of prompts/ (prompts/VERSION).
    public static var version: String { EmbeddedResources.promptVersion }

    /// The system prompt for `language`.
    public static func system(_ language: SessionLanguage) -> String {
        EmbeddedResources.prompts["system.\(language.rawValue)"] ?? EmbeddedResources.prompts["system.en"] ?? ""
    }
}
