// The names W&B accepts, checked before a script is written so that the script does not fail at its
// first `wandb.init`. The rules are the SDK's own (wandb 0.31): a project name is 1 to 128
// characters without any of / \ # ? % : or a line break (`Settings.validate_project`,
// `artifacts._validators.validate_project_name`); an artifact name is at most 128 characters
// without "/"; a tag 1 to 64 characters. Entities get the project's character rule (both are path
// segments of a run's URL). Leaves out: what only the server knows (whether the entity exists).
import Foundation

/// W&B's naming rules.
public enum WandbNames {
    /// The characters W&B refuses in a project name.
    static let forbidden: Set<Character> = ["/", "\\", "#", "?", "%", ":", "\r", "\n", "\r\n"]
    static let maxLength = 128

    /// Checks a project name as the SDK does; the error says what to change.
    public static func checkProject(_ name: String) throws(TrackingError) {
        try check(name, what: "project", option: "--project")
    }

    /// Checks an entity (user or team) name with the project's rules.
    public static func checkEntity(_ name: String) throws(TrackingError) {
        try check(name, what: "entity", option: "--entity")
    }

    static func check(_ name: String, what: String, option: String) throws(TrackingError) {
        if name.trimmingCharacters(in: .whitespaces).isEmpty {
            throw TrackingError(
                .invalidInput, "The W&B \(what) name is empty. Give one with \(option) NAME, e.g. \(option) mlexp.")
        }
        if name.count > maxLength {
            throw TrackingError(
                .invalidInput,
                "The W&B \(what) name has \(name.count) characters; W&B accepts at most \(maxLength). Give a shorter one with \(option)."
            )
        }
        let bad = forbidden.filter { name.contains($0) }
        if !bad.isEmpty {
            let shown = bad.map { $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? "a line break" : "'\($0)'" }.sorted()
            throw TrackingError(
                .invalidInput,
                "W&B refuses the \(what) name '\(name)': it cannot contain \(shown.joined(separator: ", ")) (none of / \\ # ? % :). Use letters, digits, '-', '_' or '.', e.g. \(option) \(suggestion(name))."
            )
        }
    }

    /// `name` with every forbidden character replaced by "-".
    static func suggestion(_ name: String) -> String {
        let s = String(name.map { forbidden.contains($0) ? "-" : $0 }).trimmingCharacters(in: .whitespaces)
        return s.isEmpty ? "mlexp" : String(s.prefix(maxLength))
    }

    /// A valid artifact name from a readable one: letters, digits, "-", "_" and "." kept, the rest "-".
    static func artifactName(_ name: String) -> String {
        let cleaned = String(
            name.unicodeScalars.map { s -> Character in
                s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s) || "-_.".unicodeScalars.contains(s))
                    ? Character(s) : "-"
            })
        let collapsed = cleaned.replacing(/-{2,}/, with: "-").trimmingCharacters(in: CharacterSet(charactersIn: "-"))
        return String(collapsed.prefix(maxLength))
    }
}
