// A thread of its own for one long computation (a fit, a search, an explanation): a task executor that
// runs the jobs of the tasks that prefer it on one dedicated thread, so CPU-bound work never occupies a
// thread of Swift's cooperative pool (which serves the terminal, the network and the timers) and its
// `Task.isCancelled` is the task's own. `ComputeThread.run` starts a thread, runs the operation's task
// there, and ends the thread when it returns. The operation's parallel regions (Parallel) use Dispatch's
// utility workers.
// At most one computation per core runs at once (others wait for a slot, their threads asleep), so many at
// a time (tests replaying sessions side by side) never starve the rest of the process of CPU.
// Leaves out: pooling threads (one per computation; they are seconds long, a thread costs microseconds).

import Foundation
import Synchronization

/// An executor with one thread, ended by `finish()` once its last job has run.
public final class ComputeThread: TaskExecutor, Sendable {
    private let state = NSCondition()
    nonisolated(unsafe) private var jobs: [UnownedJob] = []  // guarded by `state`
    nonisolated(unsafe) private var finished = false  // guarded by `state`

    /// Starts the thread (8 MiB of stack: tree recursions are deep). Call `finish()` when done with it.
    public init(name: String = "mlexp-compute") {
        let thread = Thread { [self] in loop() }
        thread.name = name
        thread.stackSize = 8 << 20
        thread.start()
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        state.lock()
        jobs.append(job)
        state.signal()
        state.unlock()
    }

    /// Lets the thread end once the jobs already enqueued have run.
    public func finish() {
        state.lock()
        finished = true
        state.signal()
        state.unlock()
    }

    private static let utility = DispatchQueue.global(qos: .utility)
    /// One computation per core at a time.
    static let slots = ComputeSlots(ProcessInfo.processInfo.activeProcessorCount)

    private func loop() {
        while true {
            state.lock()
            while jobs.isEmpty && !finished { state.wait() }
            if jobs.isEmpty {
                state.unlock()
                return
            }
            let job = jobs.removeFirst()
            state.unlock()
            // Inline on this thread, with the utility queue as the current queue: the job's parallel regions
            // (concurrentPerform) then take Dispatch's utility workers, below the callers' priority, so a fit
            // that fills them never holds back the cooperative pool (the terminal, Ctrl-C, the network).
            Self.utility.sync { job.runSynchronously(on: asUnownedTaskExecutor()) }
        }
    }

    /// Runs `operation` as a task on a new compute thread and waits for it; cancelling the caller cancels it
    /// (the operation sees `Task.isCancelled`, and `Cancellation.check()` throws).
    public static func run<T: Sendable>(
        _ operation: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        let executor = ComputeThread()
        defer { executor.finish() }
        let task = Task(executorPreference: executor) {
            await slots.acquire()
            defer { slots.release() }
            return try await operation()
        }
        return try await withTaskCancellationHandler {
            try await task.value
        } onCancel: {
            task.cancel()
        }
    }

    /// A detached task whose jobs run on a new compute thread (ended when the task returns).
    @discardableResult
    public static func detached<T: Sendable>(
        _ operation: @escaping @Sendable () async throws -> T
    ) -> Task<T, any Error> {
        let executor = ComputeThread()
        return Task.detached(executorPreference: executor) {
            defer { executor.finish() }
            await slots.acquire()
            defer { slots.release() }
            return try await operation()
        }
    }
}

/// A counting semaphore for async callers: `acquire` waits (suspended) while every slot is taken.
final class ComputeSlots: Sendable {
    private struct State {
        var free: Int
        var waiting: [CheckedContinuation<Void, Never>] = []
    }
    private let state: Mutex<State>

    init(_ count: Int) { state = Mutex(State(free: max(1, count))) }

    func acquire() async {
        await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
            let now: Bool = state.withLock { s in
                if s.free > 0 {
                    s.free -= 1
                    return true
                }
                s.waiting.append(c)
                return false
            }
            if now { c.resume() }
        }
    }

    func release() {
        let next: CheckedContinuation<Void, Never>? = state.withLock { s in
            if s.waiting.isEmpty {
                s.free += 1
                return nil
            }
            return s.waiting.removeFirst()
        }
        next?.resume()
    }
}
