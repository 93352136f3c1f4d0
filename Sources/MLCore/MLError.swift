// The ML core's errors: the product's one error shape (Failure) with the core's codes. Its message is
// read by people and by the LLM alike, so it says what went wrong and what to do instead.

public import Failure

/// An error raised by the ML core: a stable code plus a message a reader can act on.
public typealias MLError = Failure<MLErrorCode>

/// What kind of failure the ML core reports.
public enum MLErrorCode: String, FailureCode {
    case invalidInput = "invalid_input"
    case unknownColumn = "unknown_column"
    case invalidParameter = "invalid_parameter"
    case invalidTarget = "invalid_target"
    case io
    case malformedFile = "malformed_file"
    case notFitted = "not_fitted"
    case shapeMismatch = "shape_mismatch"
    case unsupported
    /// The work was stopped on request (Ctrl-C) before it finished.
    case cancelled
}
