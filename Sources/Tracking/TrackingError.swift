// The Tracking layer's errors (run store, experiment log, MLflow sink): the product's one error shape
// (Failure) with this layer's codes; the message says what failed, why, and what to do next.

public import Failure

/// An error raised by the run store, the experiment log or the MLflow sink.
public typealias TrackingError = Failure<TrackingErrorCode>

/// What kind of failure the Tracking layer reports.
public enum TrackingErrorCode: String, FailureCode {
    /// SQLite refused an operation (I/O, corruption, lock held too long).
    case database
    /// The database was written by a newer mlexp than this one.
    case schemaTooNew = "schema_too_new"
    /// No run with that id.
    case unknownRun = "unknown_run"
    /// A value could not be encoded or decoded.
    case encoding
    /// A file could not be read or written.
    case io
    /// An argument is invalid (empty title, unknown language…).
    case invalidInput = "invalid_input"
    /// The MLflow server is down, refused a request, or answered something unexpected.
    case mlflow
    /// The work was stopped on request before it finished.
    case cancelled
}
