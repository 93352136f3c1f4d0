// The system prompt of the senior ML engineer, by language, and its version (recorded in every run
// and transcript). Texts come from the embedded copy of prompts/ (EmbeddedResources.swift).
public import Languages

/// Access to the versioned prompts.
public enum Prompts {
    /// The version of prompts/ (prompts/VERSION).
    public static var version: String { EmbeddedResources.promptVersion }

    /// The system prompt for `language`: the full one, or the short one written for small models.
    public static func system(_ language: Language, small: Bool = false) -> String {
        let name = small ? "system.small" : "system"
        return EmbeddedResources.prompts["\(name).\(language.rawValue)"] ?? EmbeddedResources.prompts["\(name).en"]
            ?? ""
    }

    /// Contexts of at most this many tokens get the small-model prompt unless one is chosen.
    public static let smallContextTokens = 16_384

    /// Whether the small prompt suits a model with `contextTokens` (unknown: the full prompt).
    public static func prefersSmall(contextTokens: Int?) -> Bool {
        guard let contextTokens else { return false }
        return contextTokens <= smallContextTokens
    }
}

extension Language {
    /// `flag` (en or fr, any case) when given, else the locale's language (LC_ALL, LC_MESSAGES, then
    /// LANG, the first one set: "fr_FR.UTF-8" is French) when the product speaks it, else English; nil
    /// for a flag that names no language of the product.
    public static func choose(_ flag: String?, environment: [String: String]) -> Language? {
        if let flag { return Language(rawValue: flag.lowercased()) }
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        return Language(rawValue: String(locale.lowercased().prefix(2))) ?? .en
    }
}
