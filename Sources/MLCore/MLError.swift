// The one error type of the ML core. Its message is read by people and by the LLM alike,
// so it says what went wrong and what to do instead.

/// An error raised by the ML core: a stable code plus a message a reader can act on.
public struct MLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A stable, open set of error codes (new ones are added as static members in extensions).
    public struct Code: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}

extension MLError.Code {
    public static let invalidInput = Self(rawValue: "invalid_input")
    public static let unknownColumn = Self(rawValue: "unknown_column")
    public static let invalidParameter = Self(rawValue: "invalid_parameter")
    public static let invalidTarget = Self(rawValue: "invalid_target")
    public static let io = Self(rawValue: "io")
    public static let malformedFile = Self(rawValue: "malformed_file")
    public static let notFitted = Self(rawValue: "not_fitted")
    public static let shapeMismatch = Self(rawValue: "shape_mismatch")
    public static let unsupported = Self(rawValue: "unsupported")
    /// The work was stopped on request (Ctrl-C) before it finished.
    public static let cancelled = Self(rawValue: "cancelled")
}
