// The error a tool raises for the model to read: one message that says what went wrong and what to do.
// The registry turns it (and MLError, and anything else thrown) into a {"error": "..."} result.

import MLCore
import Tracking

/// A tool failure the model can act on.
public struct ToolError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}

extension Error {
    /// The text the model reads for this error.
    public var messageForModel: String {
        switch self {
        case let e as ToolError: e.message
        case let e as MLError where e.code == .cancelled: CancellationError().messageForModel
        case let e as MLError: e.message
        case let e as TrackingError: e.message
        case is CancellationError: "cancelled by the user before it finished; nothing was recorded."
        default: "\(self)"
        }
    }
}
