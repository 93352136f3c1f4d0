// Runs async work in its own task, on a thread of its own (MLCore's ComputeThread, not the cooperative pool),
// and returns as soon as either the work finishes or the calling task is cancelled, so Ctrl-C does not wait
// for a CPU-bound fit to end. The abandoned work is cancelled too: its loops poll `Cancellation.check()` once
// per iteration, tree, fold or trial and stop within a second; tools check `Task.isCancelled` before
// recording anything, so an abandoned run leaves no trace.

import MLCore
import Synchronization

/// Races a piece of work against the caller's cancellation.
enum CancellableRun {
    static func run<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) async throws -> T {
        let gate = Gate<T>()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
                let task = ComputeThread.detached {
                    do { gate.resume(with: .success(try await work())) } catch { gate.resume(with: .failure(error)) }
                }
                gate.install(continuation, task: task)
            }
        } onCancel: {
            gate.cancel()
        }
    }

    /// Resumes the continuation exactly once, with the work's result or with CancellationError.
    final class Gate<T: Sendable>: Sendable {
        private struct State {
            var continuation: CheckedContinuation<T, any Error>?
            var task: Task<Void, any Error>?
            var early: Result<T, any Error>?
            var done = false
            var cancelled = false
        }
        private let state = Mutex(State())

        func install(_ c: CheckedContinuation<T, any Error>, task: Task<Void, any Error>) {
            let (ready, cancelled): (Result<T, any Error>?, Bool) = state.withLock { s in
                s.task = task
                if let early = s.early {
                    s.done = true
                    return (early, s.cancelled)
                }
                s.continuation = c
                return (nil, false)
            }
            if cancelled { task.cancel() }
            if let ready { c.resume(with: ready) }
        }

        func resume(with result: Result<T, any Error>) {
            let c: CheckedContinuation<T, any Error>? = state.withLock { s in
                if s.done { return nil }
                guard let c = s.continuation else {
                    if s.early == nil { s.early = result }
                    return nil
                }
                s.done = true
                s.continuation = nil
                return c
            }
            c?.resume(with: result)
        }

        func cancel() {
            let task = state.withLock { s in
                s.cancelled = true
                return s.task
            }
            task?.cancel()
            resume(with: .failure(CancellationError()))
        }
    }
}
