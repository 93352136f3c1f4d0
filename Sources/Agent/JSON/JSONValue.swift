// A JSON value: what tool arguments arrive as and tool results leave as. It is the run store's
// RunValue (one JSON type from tool call to stored run); this file adds the agent's accessors.
// Parsing and printing live in JSONValue+Text.swift. Leaves out: JSON Schema (SchemaValidator.swift).

public import Tracking

/// Any JSON value. Objects keep their keys in a dictionary; printing sorts them, so output is stable.
public typealias JSONValue = RunValue

extension JSONValue {
    /// The JSON type name as JSON Schema spells it ("integer" for whole numbers is decided by the validator).
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    public var stringValue: String? { if case .string(let s) = self { s } else { nil } }
    public var doubleValue: Double? { if case .number(let d) = self { d } else { nil } }
    public var boolValue: Bool? { if case .bool(let b) = self { b } else { nil } }
    public var arrayValue: [JSONValue]? { if case .array(let a) = self { a } else { nil } }
    public var objectValue: [String: JSONValue]? { if case .object(let o) = self { o } else { nil } }
    public var isNull: Bool { self == .null }

    /// The value as an Int when it is a whole number.
    public var intValue: Int? {
        guard case .number(let d) = self, d.isFinite, d.rounded() == d, abs(d) < 9e15 else { return nil }
        return Int(d)
    }

    /// The member `key` of an object; nil for a missing key or a non-object.
    public subscript(key: String) -> JSONValue? {
        if case .object(let o) = self { o[key] } else { nil }
    }

    /// A number rounded to `digits` significant decimals after the point, for compact tool results.
    public static func rounded(_ x: Double, digits: Int = 4) -> JSONValue {
        guard x.isFinite else { return .null }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        return .number((x * scale).rounded() / scale)
    }
}

extension JSONValue {
    /// Wraps an Int.
    public static func int(_ i: Int) -> JSONValue { .number(Double(i)) }
    /// Wraps a list of strings.
    public static func strings(_ s: [String]) -> JSONValue { .array(s.map { .string($0) }) }
}
