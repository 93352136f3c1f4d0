// Ctrl-C as in a shell: SIGINT is caught by a C handler (CEditLine's sigint.h) that wakes a thread of
// ours through a pipe; while a turn runs it cancels that turn's task (the request or the running tool)
// and the session goes on; between turns it calls the idle handler. At the prompt libedit takes Ctrl-C as a key instead (LineReader), so no signal comes.
// A second Ctrl-C within a second during the same turn forces the exit.

import CEditLine
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Routes SIGINT to the running turn.
final class Interrupts: Sendable {
    private struct State {
        var cancel: (@Sendable () -> Void)?
        var lastCancel: Date?
    }
    private let state = Mutex(State())
    private let onIdle: @Sendable () -> Void

    /// - Parameter onIdle: called on Ctrl-C when no turn is running.
    init(onIdle: @escaping @Sendable () -> Void) {
        self.onIdle = onIdle
    }

    /// Starts catching SIGINT: the C handler writes to a pipe, a thread of ours reads it and acts.
    func install() {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0, mlexp_sigint_install(fds[1]) == 0 else { return }
        let reader = fds[0]
        let thread = Thread { [weak self] in
            var byte: UInt8 = 0
            while true {
                let n = read(reader, &byte, 1)
                if n == 1 { self?.fire() } else if n < 0 && errno == EINTR { continue } else { return }
            }
        }
        thread.name = "mlexp.interrupts"
        thread.start()
    }

    /// Runs `work` as the current turn: Ctrl-C cancels it.
    func run<T: Sendable>(_ work: @escaping @Sendable () async -> T) async -> T {
        let task = Task { await work() }
        withState { $0.cancel = { task.cancel() } }
        let value = await task.value
        // A Ctrl-C that cancelled this turn does not count towards the forced exit of the next one.
        withState {
            $0.cancel = nil; $0.lastCancel = nil
        }
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
        state.withLock { body(&$0) }
    }
}
