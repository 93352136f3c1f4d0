// What the terminal can do: whether stdin/stdout are terminals, whether colours are allowed (not in a
// pipe, not with NO_COLOR, not on a dumb terminal), and thread-safe writing to stdout.

import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The terminal's capabilities and a serialised writer.
final class Terminal: Sendable {
    let inputIsTerminal: Bool
    let outputIsTerminal: Bool
    let colors: Bool
    private let lock = Mutex(())

    init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        inputIsTerminal = isatty(STDIN_FILENO) == 1
        outputIsTerminal = isatty(STDOUT_FILENO) == 1
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty || environment["TERM"] == "dumb"
        colors = outputIsTerminal && !noColor
    }

    /// Writes text to stdout and flushes (text streams as it arrives).
    func write(_ text: String) {
        lock.withLock { _ in FileHandle.standardOutput.write(Data(text.utf8)) }
    }

    func line(_ text: String = "") { write(text + "\n") }

    /// Writes to stderr (errors, the Autopilot notice).
    func error(_ text: String) {
        lock.withLock { _ in FileHandle.standardError.write(Data((text + "\n").utf8)) }
    }

    enum Style: String {
        case bold = "1"
        case dim = "2"
        case red = "31"
        case green = "32"
        case yellow = "33"
        case blue = "34"
        case cyan = "36"
    }

    /// `text` in `style` when colours are on.
    func styled(_ text: String, _ style: Style) -> String {
        colors ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }
}
