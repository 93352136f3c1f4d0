// Reading the user's lines: libedit (line editing, history kept in ~/.mlexp_history) on a terminal,
// plain lines without a prompt in a pipe. As in a shell, Ctrl-C while typing discards the line and a
// new prompt follows, and Ctrl-D on an empty line ends the session. Every call into CEditLine's shim.h
// is in this file.

import CEditLine
import Foundation

/// Reads one line at a time.
final class LineReader {
    /// What the user did at the prompt.
    enum Input: Equatable {
        case line(String)
        /// Ctrl-C: the line (empty or not) was discarded.
        case interrupted(hadText: Bool)
        /// Ctrl-D on an empty line, or the end of piped input.
        case end
    }

    let interactive: Bool
    let historyPath: String
    private let editor: UnsafeMutablePointer<mlexp_editor>?

    init(interactive: Bool) {
        historyPath = (ProcessInfo.processInfo.environment["HOME"] ?? NSTemporaryDirectory()) + "/.mlexp_history"
        editor = interactive ? mlexp_editor_open("mlexp", 1000) : nil
        // Without libedit (it could not start), plain lines still work.
        self.interactive = editor != nil
        if let editor { _ = mlexp_editor_load(editor, historyPath) }
    }

    deinit { mlexp_editor_close(editor) }

    /// The next input; `prompt` may hold ANSI styles (they take no width).
    func next(prompt: String) -> Input {
        guard let editor else { return Swift.readLine(strippingNewline: true).map(Input.line) ?? .end }
        var interrupted: Int32 = 0
        guard let raw = mlexp_editor_gets(editor, Self.escaped(prompt), &interrupted) else { return .end }
        var line = String(cString: raw)
        while line.hasSuffix("\n") || line.hasSuffix("\r") { line.removeLast() }
        let hasText = !line.trimmingCharacters(in: .whitespaces).isEmpty
        if interrupted != 0 { return .interrupted(hadText: hasText) }
        if hasText {
            mlexp_editor_remember(editor, line)
            _ = mlexp_editor_save(editor, historyPath)
        }
        return .line(line)
    }

    /// `prompt` with each escape sequence between \u{1} marks, so libedit does not count it as width.
    static func escaped(_ prompt: String) -> String {
        var out = "", inEscape = false
        for scalar in prompt.unicodeScalars {
            if scalar == "\u{1B}" { out += "\u{1}"; inEscape = true }
            out.unicodeScalars.append(scalar)
            if inEscape, ("@"..."~").contains(scalar), scalar != "[" { out += "\u{1}"; inEscape = false }
        }
        return out
    }
}
