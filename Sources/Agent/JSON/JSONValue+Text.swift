// Parsing JSON text into JSONValue and printing it back, compact and with sorted keys.
// Printing is hand-written (not JSONEncoder) so numbers print as the shortest text that reads back
// exactly and whole numbers print without ".0"; the model reads these results.

import Foundation
public import Tracking

/// Why a text is not valid JSON, in words a model can act on.
public struct JSONParseError: Error, Sendable, CustomStringConvertible {
    public let description: String
}

extension JSONValue {
    /// Parses JSON text. An empty or whitespace-only text is an error, as is any trailing garbage.
    public static func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw JSONParseError(description: "the text is empty, not a JSON value") }
        do {
            return try JSONDecoder().decode(JSONValue.self, from: Data(trimmed.utf8))
        } catch {
            let snippet = trimmed.count > 80 ? String(trimmed.prefix(80)) + "…" : trimmed
            throw JSONParseError(description: "the text is not valid JSON (\(snippet))")
        }
    }

    /// Compact JSON text with sorted object keys.
    public var text: String {
        var out = ""
        write(into: &out)
        return out
    }

    private func write(into out: inout String) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let d): out += Self.format(d)
        case .string(let s): JSONText.quote(s, into: &out)
        case .array(let a):
            out += "["
            for (i, v) in a.enumerated() {
                if i > 0 { out += "," }
                v.write(into: &out)
            }
            out += "]"
        case .object(let o):
            out += "{"
            for (i, k) in o.keys.sorted().enumerated() {
                if i > 0 { out += "," }
                JSONText.quote(k, into: &out)
                out += ":"
                o[k]?.write(into: &out)
            }
            out += "}"
        }
    }

    static func format(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        if d.rounded() == d, abs(d) < 1e15 { return String(Int64(d)) }
        return "\(d)"
    }
}
