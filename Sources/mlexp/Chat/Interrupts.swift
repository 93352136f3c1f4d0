// Ctrl-C as in a shell: SIGINT is caught through a DispatchSource; while a turn runs it cancels that
// turn's task (the request or the running tool) and the session goes on; at the prompt it only
// reminds how to leave. A second Ctrl-C within a second while cancelling forces the exit.

import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Routes SIGINT to the running turn.
final class Interrupts: @unchecked Sendable {  // state guarded by `lock`
    private struct State {
        var source: (any DispatchSourceSignal)?
        var cancel: (@Sendable () -> Void)?
        var lastCancel: Date?
    }
    private let lock = NSLock()
    private var stateValue = State()
    private let onIdle: @Sendable () -> Void

    /// - Parameter onIdle: called on Ctrl-C when no turn is running.
    init(onIdle: @escaping @Sendable () -> Void) {
        self.onIdle = onIdle
    }

    /// Starts catching SIGINT.
    func install() {
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: DispatchQueue.global(qos: .userInitiated))
        source.setEventHandler { [weak self] in self?.fire() }
        withState { $0.source = source }
        source.resume()
    }

    /// Runs `work` as the current turn: Ctrl-C cancels it.
    func run<T: Sendable>(_ work: @escaping @Sendable () async -> T) async -> T {
        let task = Task { await work() }
        withState { $0.cancel = { task.cancel() } }
        let value = await task.value
        withState { $0.cancel = nil }
        return value
    }

    private func fire() {
        let (cancel, last): ((@Sendable () -> Void)?, Date?) = withState { s in
            let previous = s.lastCancel
            if s.cancel != nil { s.lastCancel = Date() }
            return (s.cancel, previous)
        }
        if let cancel {
            if let last, Date().timeIntervalSince(last) < 1 { exit(130) }
            cancel()
        } else {
            onIdle()
        }
    }

    private func withState<T>(_ body: (inout State) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(&stateValue)
    }
}
