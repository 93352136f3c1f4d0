// The error a tool raises for the model to read: the product's one error shape (Failure) with the
// tools' codes. The registry turns it (and MLError, TrackingError, anything else thrown) into a
// {"error": "..."} result.

public import Failure
import MLCore
import Tracking

/// A tool failure the model can act on.
public typealias ToolError = Failure<ToolErrorCode>

/// What kind of tool failure.
public enum ToolErrorCode: String, FailureCode {
    /// The call cannot run as asked (bad arguments, a rule of the workflow, missing data); the message
    /// says what to send instead.
    case refused
    /// The work was stopped on request before it finished.
    case cancelled
}

extension Failure where Code == ToolErrorCode {
    /// A refusal with the message the model reads.
    public init(_ message: String) { self.init(.refused, message) }
}

extension Error {
    /// The text the model reads for this error.
    public var messageForModel: String {
        switch self {
        case let e as ToolError where e.isCancellation: CancellationError().messageForModel
        case let e as ToolError: e.message
        case let e as MLError where e.isCancellation: CancellationError().messageForModel
        case let e as MLError: e.message
        case let e as TrackingError: e.message
        case is CancellationError: "cancelled by the user before it finished; nothing was recorded."
        default: "\(self)"
        }
    }
}
