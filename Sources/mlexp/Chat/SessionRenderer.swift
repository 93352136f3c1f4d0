// Shows a session as it happens: the model's text streamed as it arrives, one line per tool call with
// its outcome, a spinner while a tool runs, and why a turn stopped. An AgentObserver, so the loop does
// not know about terminals.

import Agent
import Foundation
import LLMClient
import Languages
import Synchronization

/// Renders loop events on the terminal.
final class SessionRenderer: AgentObserver {
    private struct State {
        var atLineStart = true
        var streamedThisTurn = false
    }
    let terminal: Terminal
    let spinner: Spinner
    /// The language of the tool lines.
    let language: Language
    private let state = Mutex(State())

    init(terminal: Terminal, language: Language = .en) {
        self.terminal = terminal
        self.language = language
        spinner = Spinner(terminal: terminal)
    }

    func handle(_ event: AgentEvent) {
        switch event {
        case .stream(.textDelta(let text)):
            guard !text.isEmpty else { return }
            spinner.stop()
            state.withLock {
                $0.atLineStart = text.hasSuffix("\n")
                $0.streamedThisTurn = true
            }
            terminal.write(text)
        case .stream: break
        case .message(let message, _, _, _):
            guard message.role == .assistant else { return }
            let streamed = state.withLock { s in
                defer { s.streamedThisTurn = false }
                return s.streamedThisTurn
            }
            // A model that does not stream: show its text now.
            if !streamed, let text = message.content, !text.isEmpty { terminal.write(text) }
            endLine()
        case .toolStarted(let call):
            endLine()
            spinner.start(ToolLine.request(call.name, call.arguments, language))
        case .toolProgress(let note):
            spinner.note(note)
        case .toolFinished(let call, let outcome):
            spinner.stop()
            let mark = outcome.isError ? terminal.styled("✗", .red) : terminal.styled("✓", .green)
            let time =
                outcome.seconds >= 0.05 ? terminal.styled(String(format: " (%.1f s)", outcome.seconds), .dim) : ""
            let request = terminal.styled(ToolLine.request(call.name, call.arguments, language), .cyan)
            terminal.line("  \(mark) \(request) → \(ToolLine.outcome(call.name, outcome.content, language))\(time)")
        case .notice(let text):
            spinner.stop()
            endLine()
            terminal.line(terminal.styled("· " + text, .dim))
        case .stopped(_, let message):
            spinner.stop()
            endLine()
            terminal.line(terminal.styled(message, .yellow))
        }
    }

    /// Ends the current line if text was left on it.
    func endLine() {
        let needed = state.withLock { s in
            defer { s.atLineStart = true }
            return !s.atLineStart
        }
        if needed { terminal.write("\n") }
    }
}
