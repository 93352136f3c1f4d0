// Shows a replay the way the session looked (SessionRenderer: streamed text, one line per tool call),
// with each user turn as it was typed and, under a tool line, every difference between the re-run
// result and the recording. Leaves out: the final verdict (ReplayCommand prints it).

import Agent
import Foundation
import LLMClient
import Languages
import Synchronization

/// Renders a replay: the session, plus verdicts under the tool lines.
final class ReplayRenderer: AgentObserver {
    let session: SessionRenderer
    let terminal: Terminal
    private let verdicts = Mutex<[String: CallCheck]>([:])

    init(terminal: Terminal, language: Language = .en) {
        self.terminal = terminal
        self.session = SessionRenderer(terminal: terminal, language: language)
    }

    /// Receives a call's verdict (before the loop reports the call finished).
    func record(_ check: CallCheck) {
        verdicts.withLock { $0[check.callID] = check }
    }

    func handle(_ event: AgentEvent) {
        if case .message(let m, _, _, _) = event, m.role == .user {
            session.endLine()
            terminal.line(terminal.styled("mlexp> ", .bold) + (m.content ?? ""))
            return
        }
        session.handle(event)
        guard case .toolFinished(let call, _) = event,
            let check = verdicts.withLock({ $0.removeValue(forKey: call.id) })
        else { return }
        if let why = check.skipped {
            terminal.line(terminal.styled("      (not compared: \(why))", .dim))
        }
        for d in check.differences.prefix(8) {
            terminal.line(terminal.styled("      ≠ \(d)", .red))
        }
        if check.differences.count > 8 {
            terminal.line(terminal.styled("      ≠ … and \(check.differences.count - 8) more differences", .red))
        }
    }
}
