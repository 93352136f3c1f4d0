// One hyper-parameter value, typed: an integer, a real, a boolean, a string (a choice such as
// `balanced` or `sqrt`) or none (an optional parameter left unset). What an experiment carries, what a
// search samples and what the tools decode from JSON; `text` is how the CLI writes it.
// Leaves out: which values a parameter takes (ParameterSpec checks them).

import Foundation

/// One hyper-parameter value (a JSON scalar).
public enum ParameterValue: Sendable, Hashable, Codable, CustomStringConvertible {
    case int(Int)
    case double(Double)
    case bool(Bool)
    case string(String)
    /// An optional parameter's "none" (JSON null).
    case null

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            self = .null
        } else if let i = try? c.decode(Int.self) {
            self = .int(i)
        } else if let d = try? c.decode(Double.self) {
            self = .double(d)
        } else if let b = try? c.decode(Bool.self) {
            self = .bool(b)
        } else {
            self = .string(try c.decode(String.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .int(let i): try c.encode(i)
        case .double(let d): try c.encode(d)
        case .bool(let b): try c.encode(b)
        case .string(let s): try c.encode(s)
        case .null: try c.encodeNil()
        }
    }

    /// Short, for tables (reals to a few significant digits).
    public var description: String {
        switch self {
        case .double(let d): PartialDependence.short(d)
        default: text
        }
    }

    /// As `--set name=value` writes it, reals at full precision (so parsing it back gives the same value).
    public var text: String {
        switch self {
        case .int(let i): String(i)
        case .double(let d): String(d)
        case .bool(let b): b ? "true" : "false"
        case .string(let s): s
        case .null: "none"
        }
    }

    public var doubleValue: Double? {
        switch self {
        case .int(let i): Double(i)
        case .double(let d): d
        case .bool, .string, .null: nil
        }
    }
}
