// Validates tool arguments against the JSON Schema subset our tools/*.json use: type (one or a list),
// properties, required, additionalProperties, enum, items, minimum/maximum, minItems/maxItems, minLength.
// Every error names the field and says what is allowed, with a "did you mean" for near misses,
// because the model reads it and must be able to correct its next call.
// Leaves out: $ref, oneOf/anyOf/allOf, patterns and formats (our schemas do not use them).

import MLCore

/// Checks a JSON value against a JSON Schema given as a JSONValue.
public struct SchemaValidator: Sendable {
    public let schema: JSONValue

    public init(schema: JSONValue) { self.schema = schema }

    /// Every problem found, each a sentence; empty when the value is valid.
    public func problems(in value: JSONValue) -> [String] {
        var out: [String] = []
        check(value, against: schema, path: "", into: &out)
        return out
    }

    private func check(_ value: JSONValue, against schema: JSONValue, path: String, into out: inout [String]) {
        let name = path.isEmpty ? "the arguments" : "'\(path)'"
        if let types = Self.types(of: schema), !types.contains(where: { Self.matches(value, type: $0) }) {
            out.append(
                "\(name) must be \(types.map(Self.article).joined(separator: " or ")), got \(Self.describe(value)).")
            return
        }
        if let allowed = schema["enum"]?.arrayValue, !allowed.contains(value) {
            let names = allowed.map { $0.stringValue ?? $0.text }
            let hint = value.stringValue.map { NameSuggestion.didYouMean($0, among: names) } ?? ""
            out.append("\(name) must be one of: \(names.joined(separator: ", ")); got \(Self.describe(value)).\(hint)")
            return
        }
        switch value {
        case .object(let members): checkObject(members, against: schema, path: path, into: &out)
        case .array(let items):
            if let lo = schema["minItems"]?.intValue, items.count < lo {
                out.append("\(name) must hold at least \(lo) item\(lo == 1 ? "" : "s"), got \(items.count).")
            }
            if let hi = schema["maxItems"]?.intValue, items.count > hi {
                out.append("\(name) must hold at most \(hi) items, got \(items.count).")
            }
            if let itemSchema = schema["items"] {
                for (i, item) in items.enumerated() {
                    check(item, against: itemSchema, path: "\(path)[\(i)]", into: &out)
                }
            }
        case .number(let d):
            if let lo = schema["minimum"]?.doubleValue, d < lo {
                out.append("\(name) must be at least \(JSONValue.format(lo)), got \(JSONValue.format(d)).")
            }
            if let hi = schema["maximum"]?.doubleValue, d > hi {
                out.append("\(name) must be at most \(JSONValue.format(hi)), got \(JSONValue.format(d)).")
            }
        case .string(let s):
            if let lo = schema["minLength"]?.intValue, s.count < lo {
                out.append("\(name) must not be empty.")
            }
        default: break
        }
    }

    private func checkObject(
        _ members: [String: JSONValue], against schema: JSONValue, path: String, into out: inout [String]
    ) {
        let properties = schema["properties"]?.objectValue ?? [:]
        let known = properties.keys.sorted()
        for field in schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? [] where members[field] == nil {
            out.append("missing required field '\(Self.join(path, field))'.")
        }
        for key in members.keys.sorted() {
            let sub = Self.join(path, key)
            if let propertySchema = properties[key] {
                check(members[key] ?? .null, against: propertySchema, path: sub, into: &out)
            } else if let extra = schema["additionalProperties"] {
                if extra == .bool(false) {
                    let allowed = known.isEmpty ? "none" : known.joined(separator: ", ")
                    out.append(
                        "unknown field '\(sub)'.\(NameSuggestion.didYouMean(key, among: known)) Allowed fields: \(allowed)."
                    )
                } else if extra.objectValue != nil {
                    check(members[key] ?? .null, against: extra, path: sub, into: &out)
                }
            }
        }
    }

    private static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    private static func types(of schema: JSONValue) -> [String]? {
        if let t = schema["type"]?.stringValue { return [t] }
        return schema["type"]?.arrayValue?.compactMap(\.stringValue)
    }

    static func matches(_ value: JSONValue, type: String) -> Bool {
        switch (type, value) {
        case ("integer", .number): value.intValue != nil
        case ("number", .number), ("string", .string), ("boolean", .bool), ("array", .array),
            ("object", .object), ("null", .null):
            true
        default: false
        }
    }

    private static func article(_ type: String) -> String {
        switch type {
        case "integer", "array", "object": "an \(type)"
        case "null": "null"
        default: "a \(type)"
        }
    }

    static func describe(_ value: JSONValue) -> String {
        switch value {
        case .string(let s): "the string \"\(s.count > 40 ? String(s.prefix(40)) + "…" : s)\""
        case .number(let d): "the number \(JSONValue.format(d))"
        case .bool(let b): b ? "true" : "false"
        case .null: "null"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
