// Reading the user's lines: libedit (line editing, history kept in ~/.mlexp_history) on a terminal,
// plain lines without a prompt in a pipe. Ctrl-D (end of input) ends the session as in a shell.

import CEditLine
import Foundation

/// Reads one line at a time.
struct LineReader {
    let interactive: Bool
    let historyPath: String

    init(interactive: Bool) {
        self.interactive = interactive
        historyPath = (ProcessInfo.processInfo.environment["HOME"] ?? NSTemporaryDirectory()) + "/.mlexp_history"
        if interactive {
            using_history()
            _ = read_history(historyPath)
        }
    }

    /// The next line, or nil at end of input.
    func next(prompt: String) -> String? {
        guard interactive else { return Swift.readLine(strippingNewline: true) }
        guard let raw = readline(prompt) else { return nil }
        defer { free(raw) }
        let line = String(cString: raw)
        if !line.trimmingCharacters(in: .whitespaces).isEmpty {
            add_history(raw)
            _ = write_history(historyPath)
        }
        return line
    }
}
