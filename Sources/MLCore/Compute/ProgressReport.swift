// Progress of long computations, for a person watching a terminal: rows read, fold k of n, trial i of m.
// MLCore posts typed events to the sink the caller installed for the current thread (a long computation
// drives its work from one thread: the compute thread a tool runs on), so no signature down the call
// chain carries it; without a sink a post costs one lock and lookup. Events are for the screen only:
// nothing records them, so transcripts, logs and results do not depend on them. Parallel workers run on
// other threads: a computation reads `ProgressReport.sink` on its own thread and hands it to them.
// (A task-local would be the natural home, but pushing one inside a task on a custom executor crashed
// the Swift 6.3 runtime.) Leaves out: turning events into text (the caller's renderer), pacing redraws.

import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
/// Something a long computation has reached.
public enum ProgressEvent: Sendable, Equatable {
    /// Rows read from a file so far, and the share of its bytes behind them (0...1).
    case rowsRead(rows: Int, fraction: Double)
    /// Fitting and scoring fold `fold` (1-based) of `folds` of a cross-validation, on `trainRows` rows.
    case fold(Int, of: Int, trainRows: Int)
    /// The model fitted once more on all `rows` training rows, after its cross-validation.
    case finalFit(rows: Int)
    /// A search's trial `trial` (1-based) of `trials` planned, at fold `fold` of `folds`.
    case trial(Int, of: Int, fold: Int, folds: Int)
}

/// Where MLCore posts progress: a sink per thread.
public enum ProgressReport {
    public typealias Sink = @Sendable (ProgressEvent) -> Void
    private static let sinks = Mutex<[UInt: Sink]>([:])

    private static var thread: UInt {
        #if os(Linux)
            UInt(pthread_self())
        #else
            UInt(bitPattern: pthread_self())
        #endif
    }

    /// The current thread's sink (nil: nobody watches).
    public static var sink: Sink? { sinks.withLock { $0[thread] } }

    /// Runs `body` with `sink` receiving the events posted on this thread, then restores the previous sink.
    public static func withSink<R>(_ sink: @escaping Sink, _ body: () throws -> R) rethrows -> R {
        let id = thread
        let previous = sinks.withLock { $0.updateValue(sink, forKey: id) }
        defer { sinks.withLock { $0[id] = previous } }
        return try body()
    }

    /// The same for async work that stays on one thread (a task on a `ComputeThread`).
    public static func withSink<R>(_ sink: @escaping Sink, _ body: () async throws -> R) async rethrows -> R {
        let id = thread
        let previous = sinks.withLock { $0.updateValue(sink, forKey: id) }
        defer { sinks.withLock { $0[id] = previous } }
        return try await body()
    }

    /// Posts `event` to the current thread's sink, if any. - Complexity: O(1) plus the sink's work.
    public static func post(_ event: ProgressEvent) { sink?(event) }
}
