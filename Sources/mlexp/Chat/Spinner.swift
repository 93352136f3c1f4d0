// The progress indicator while a tool runs: a spinner with the tool's name, elapsed seconds and its
// latest progress note, redrawn on one line of a terminal and erased when the tool ends. Silent when
// stdout is not a terminal (a pipe gets only the final tool line).

import Foundation
import Synchronization

/// A one-line spinner on a terminal.
final class Spinner: Sendable {
    private struct State {
        var timer: (any DispatchSourceTimer)?
        var label = ""
        var note = ""
        var start = Date()
        var frame = 0
    }
    private let terminal: Terminal
    private let state = Mutex(State())
    private static let frames = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]

    init(terminal: Terminal) { self.terminal = terminal }

    func start(_ label: String) {
        guard terminal.outputIsTerminal else { return }
        stop()
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue.global(qos: .utility))
        timer.schedule(deadline: .now() + 0.15, repeating: 0.12)
        timer.setEventHandler { [weak self] in self?.draw() }
        withState {
            $0.label = label
            $0.note = ""
            $0.start = Date()
            $0.timer = timer
            timer.resume()
        }
    }

    func note(_ text: String) { withState { $0.note = text } }

    /// Stops and erases the spinner line.
    func stop() {
        // The timer never leaves the lock: cancelled under it (cancel does not wait for a running handler).
        let wasRunning = withState { s in
            guard let timer = s.timer else { return false }
            timer.cancel()
            s.timer = nil
            return true
        }
        guard wasRunning else { return }
        terminal.write("\r\u{1B}[2K")
    }

    private func draw() {
        let text: String? = withState { s in
            guard s.timer != nil else { return nil }
            s.frame += 1
            let seconds = String(format: "%.1f s", Date().timeIntervalSince(s.start))
            return "\r\u{1B}[2K\(Self.frames[s.frame % Self.frames.count]) \(s.label) \(seconds)"
                + (s.note.isEmpty ? "" : " — \(s.note)")
        }
        if let text { terminal.write(terminal.styled(text, .dim)) }
    }

    private func withState<T>(_ body: (inout State) -> sending T) -> sending T {
        state.withLock { body(&$0) }
    }
}
