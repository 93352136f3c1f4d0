// An API key that cannot leak by accident: every way Swift turns a value into text (print,
// string interpolation, dump, debugger) shows a mask. Only the request builder reads the value.
import Foundation

/// A secret bearer token. `description`, `debugDescription` and mirrors never show it.
public struct APIKey: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The secret itself; internal so only this module's request builder reads it.
    let value: String

    /// Trims whitespace and newlines (key files usually end with one). Nil when nothing is left.
    public init?(_ value: String) {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        self.value = trimmed
    }

    public var description: String { "<API key redacted>" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["value": description]) }

    /// `text` with every occurrence of the key replaced by a mask (for server messages that echo it).
    func scrub(_ text: String) -> String {
        text.replacingOccurrences(of: value, with: description)
    }
}
