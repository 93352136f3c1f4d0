// The one error type of the Tracking layer (run store, experiment log, MLflow sink): a stable
// code plus a message that says what failed, why, and what to do next. Leaves out retries.

/// An error raised by the run store, the experiment log or the MLflow sink.
public struct TrackingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A stable, open set of codes (new ones are added as static members).
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

extension TrackingError.Code {
    /// SQLite refused an operation (I/O, corruption, lock held too long).
    public static let database = Self(rawValue: "database")
    /// The database was written by a newer mlexp than this one.
    public static let schemaTooNew = Self(rawValue: "schema_too_new")
    /// No run with that id.
    public static let unknownRun = Self(rawValue: "unknown_run")
    /// A value could not be encoded or decoded.
    public static let encoding = Self(rawValue: "encoding")
    /// A file could not be read or written.
    public static let io = Self(rawValue: "io")
    /// An argument is invalid (empty title, unknown language…).
    public static let invalidInput = Self(rawValue: "invalid_input")
    /// The MLflow server is down, refused a request, or answered something unexpected.
    public static let mlflow = Self(rawValue: "mlflow")
}
