// A tool's arguments as a Decodable struct: each tool declares one whose keys are its tools/NAME.json
// schema's properties (snake_case) and whose defaults are stated once, in its `init(from:)`. The
// registry has already checked the call against the schema (missing, unknown and wrongly typed fields
// get SchemaValidator's messages), so decoding fails only when a caller skipped the registry or the
// struct and the schema disagree; the message then names the field and the type it needs.
// Leaves out: the schema messages themselves (SchemaValidator) and value rules beyond types (each tool).

import Foundation

/// The arguments of one tool, decoded from a call's JSON object.
protocol ToolArguments: Decodable {
    /// Its JSON keys, one per schema property.
    associatedtype Keys: CodingKey & CaseIterable
}

extension ToolArguments {
    /// Every JSON key the struct reads (the test compares them with the schema's properties).
    static var keys: Set<String> { Set(Keys.allCases.map(\.stringValue)) }

    /// The arguments of a call to `tool`. - Throws: `ToolError` naming the field and the type it needs.
    init(_ json: JSONValue, tool: String) throws(ToolError) {
        do {
            self = try JSONDecoder().decode(Self.self, from: JSONEncoder().encode(json))
        } catch let error as DecodingError {
            throw ToolError("invalid arguments for \(tool): \(Self.describe(error))")
        } catch {
            throw ToolError("invalid arguments for \(tool): \(error.localizedDescription)")
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        func field(_ path: [any CodingKey]) -> String {
            path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
                .replacingOccurrences(of: ".[", with: "[")
        }
        switch error {
        case .typeMismatch(let type, let c), .valueNotFound(let type, let c):
            return "'\(field(c.codingPath))' must be \(typeName(type)); send it again with that type or leave it out."
        case .keyNotFound(let key, let c):
            return "missing required field '\(field(c.codingPath + [key]))'."
        case .dataCorrupted(let c):
            return "'\(field(c.codingPath))' is not valid: \(c.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "a boolean"
        case is Int.Type, is UInt64.Type: "an integer"
        case is Double.Type: "a number"
        case is [String].Type: "an array of strings"
        default: "a \(type)"
        }
    }
}

extension KeyedDecodingContainer {
    /// The value at `key`, or `fallback` when the key is absent or null: where a tool states a default.
    func value<T: Decodable>(_ key: Key, default fallback: T) throws -> T {
        try decodeIfPresent(T.self, forKey: key) ?? fallback
    }
}
