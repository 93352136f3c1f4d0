// `mlexp chat` on a pseudo-terminal (its controlling terminal, through util-linux `script`), against a scripted
// OpenAI-compatible server: Ctrl-C while typing discards the line and prompts again; Ctrl-C while the
// model is silent, and while a slow tool (a tune_model search) runs, cancels promptly and returns to the
// prompt; the next request holds one tool message per call id (the cancelled call included); Ctrl-D
// leaves with status 0. Keys are sent as the terminal sends them (\x03, \x04), not as signals.

import Foundation
import MockHTTPServer
import TestSupport
import Testing

@Suite(.serialized) struct ChatTerminalTests {
    /// One streamed answer: a tool call, or text when `tool` is nil.
    static func answer(tool: (id: String, name: String, arguments: String)?, text: String = "") -> [MockAction] {
        func event(_ delta: String, _ finish: String?) -> String {
            let reason = finish.map { "\"\($0)\"" } ?? "null"
            return
                "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":\(delta),\"finish_reason\":\(reason)}]}\n\n"
        }
        let body: String
        if let tool {
            let arguments = String(
                decoding: (try? JSONSerialization.data(withJSONObject: [tool.arguments])) ?? Data(), as: UTF8.self
            ).dropFirst().dropLast()
            body =
                event(
                    #"{"tool_calls":[{"index":0,"id":"\#(tool.id)","type":"function","function":{"name":"\#(tool.name)","arguments":\#(arguments)}}]}"#,
                    nil)
                + event("{}", "tool_calls")
        } else {
            body = event(#"{"content":"\#(text)"}"#, nil) + event("{}", "stop")
        }
        return [MockAction.sseHead(), .text(body + "data: [DONE]\n\n"), .close]
    }

    @Test func ctrlCDiscardsTheLineCancelsTheRequestAndTheToolAndCtrlDLeaves() throws {
        let server = try MockHTTPServer { request in
            switch request.index {
            case 0: [.pause(30), .close]  // a model that does not answer
            case 1: Self.answer(tool: ("call_load", "load_data", #"{"path": "titanic.csv", "target": "survived"}"#))
            case 2:
                Self.answer(tool: ("call_base", "train_model", #"{"model": "baseline", "hypothesis": "the floor"}"#))
            case 3:
                Self.answer(
                    tool: (
                        "call_tune", "tune_model",
                        #"""
                        {"model": "random_forest", "space": {"n_estimators": {"low": 100, "high": 400}}, "strategy": "random",
                         "candidates": 60, "time_budget_seconds": 900, "hypothesis": "a long search"}
                        """#
                    ))
            default: Self.answer(tool: nil, text: "ok, noted.")
            }
        }
        defer { server.stop() }
        let folder = try scratchFolder()
        let titanic = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("datasets/titanic.csv")
        try FileManager.default.copyItem(at: titanic, to: folder.appendingPathComponent("titanic.csv"))
        let chat = try PTYChild(
            [try builtExecutable("mlexp").path, "chat", "--model", "m", "--base-url", server.baseURL + "/v1"],
            in: folder, environment: ["HOME": folder.path, "NO_COLOR": "1", "TERM": "xterm", "LANG": "C.UTF-8"])
        defer { chat.kill() }
        try chat.expect("mlexp> ", within: 20)

        chat.send("a line I give up on\u{3}")
        try chat.expect("^C", within: 5)
        try chat.expect("mlexp> ", within: 5)

        chat.send("hello\r")
        try waitUntil(within: 10) { server.requests.count >= 1 }
        var start = Date()
        chat.send("\u{3}")
        try chat.expect("Cancelled while waiting for the model", within: 5)
        try chat.expect("mlexp> ", within: 5)
        #expect(Date().timeIntervalSince(start) < 3, "Ctrl-C during a request returns at once")

        chat.send("train\r")
        try chat.expect("tune_model random_forest", within: 20)
        Thread.sleep(forTimeInterval: 0.5)
        start = Date()
        chat.send("\u{3}")
        try chat.expect("cancelled by the user", within: 10)
        try chat.expect("mlexp> ", within: 5)
        #expect(Date().timeIntervalSince(start) < 3, "Ctrl-C during a model fit returns at once")
        // The abandoned search stops too (its loops poll the cancellation once per tree and fold): from a
        // second after Ctrl-C on, mlexp's CPU time stays flat (it grew ~1.5 s a second while the search ran).
        Thread.sleep(forTimeInterval: max(0, 1 - Date().timeIntervalSince(start)))
        let cpuThen = try #require(chat.commandCPUSeconds)
        Thread.sleep(forTimeInterval: 1)
        let cpuNow = try #require(chat.commandCPUSeconds)
        #expect(cpuNow - cpuThen < 0.2, "mlexp used \(cpuNow - cpuThen) s of CPU in the second after")

        chat.send("next\r")
        try chat.expect("ok, noted.", within: 20)
        let sent = try #require(server.requests.last)
        let body = try #require(try JSONSerialization.jsonObject(with: Data(sent.body)) as? [String: Any])
        let messages = try #require(body["messages"] as? [[String: Any]])
        let callIDs = messages.flatMap {
            ($0["tool_calls"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        }
        let answered = messages.filter { $0["role"] as? String == "tool" }.compactMap { $0["tool_call_id"] as? String }
        #expect(callIDs == ["call_load", "call_base", "call_tune"])
        #expect(answered == callIDs, "one tool message per call id")
        let cancelled = messages.first { $0["tool_call_id"] as? String == "call_tune" }?["content"] as? String
        #expect(cancelled?.contains("cancelled") == true)

        try chat.expect("mlexp> ", within: 5)
        chat.send("\u{4}")
        let status = try chat.waitForExit(within: 10)
        #expect(status == 0, "Ctrl-D leaves with status 0 (\(chat.exitReason)); the terminal showed:\n\(chat.screen)")
    }
}

/// A command run on a pseudo-terminal by util-linux `script` (the command's controlling terminal, so
/// \x03 raises SIGINT as a real terminal does); keys go to script's stdin, the screen comes from its stdout.
final class PTYChild: @unchecked Sendable {  // `output` and `consumed` guarded by `lock`
    private let process = Process()
    private let input = Pipe()
    private let lock = NSLock()
    private var output: [UInt8] = []
    /// Bytes of `output` already matched by `expect`.
    private var consumed = 0

    init(_ command: [String], in folder: URL, environment: [String: String]) throws {
        let quoted = command.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        // script runs the command through `$SHELL -c`; without `exec`, dash (/bin/sh, the shell when SHELL is
        // unset, as on CI) stays the terminal's session leader in mlexp's process group, dies of the first
        // Ctrl-C, and script then reports its 130 instead of mlexp's status.
        process.arguments = ["-q", "-e", "-f", "-c", "exec " + quoted, "/dev/null"]
        process.currentDirectoryURL = folder
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let screen = Pipe()
        process.standardInput = input
        process.standardOutput = screen
        process.standardError = screen
        try process.run()
        let reader = Thread { [self] in
            while true {
                let chunk = screen.fileHandleForReading.availableData
                if chunk.isEmpty { return }
                lock.withLock { output += chunk }
            }
        }
        reader.start()
    }

    func send(_ keys: String) {
        input.fileHandleForWriting.write(Data(keys.utf8))
    }

    /// Waits for `text` after what the previous expect matched, and moves past it.
    func expect(_ text: String, within seconds: Double) throws {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let found: Bool = lock.withLock {
                let rest = String(decoding: output[consumed...], as: UTF8.self)
                guard let range = rest.range(of: text) else { return false }
                consumed += rest[..<range.upperBound].utf8.count
                return true
            }
            if found { return }
            Thread.sleep(forTimeInterval: 0.02)
        }
        throw PTYError("no '\(text)' within \(seconds) s; the terminal showed:\n\(screen)")
    }

    /// The end of what the terminal showed, for failure messages.
    var screen: String { lock.withLock { String(decoding: output.suffix(1500), as: UTF8.self) } }

    func waitForExit(within seconds: Double) throws -> Int32 {
        try waitUntil(within: seconds) { !self.process.isRunning }
        return process.terminationStatus
    }

    /// How the command ended: `script -e` passes the command's status on, 128 + n for a signal n.
    var exitReason: String {
        process.isRunning
            ? "still running"
            : "\(process.terminationReason == .exit ? "exit status" : "signal") \(process.terminationStatus)"
    }

    func kill() {
        if process.isRunning { process.terminate() }
    }

    /// CPU seconds (user + system, all threads) used so far by the command: script's child, from /proc.
    var commandCPUSeconds: Double? {
        let parent = process.processIdentifier
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        for pid in entries.compactMap(Int32.init) {
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { continue }
            // Fields after "pid (comm) ": state ppid … utime (12th) stime (13th), in clock ticks.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 12, Int32(fields[1]) == parent, let user = Double(fields[11]),
                let system = Double(fields[12])
            else { continue }
            return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
        }
        return nil
    }
}

struct PTYError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

func waitUntil(within seconds: Double, _ condition: () -> Bool) throws {
    let deadline = Date().addingTimeInterval(seconds)
    while !condition() {
        guard Date() < deadline else { throw PTYError("condition not met within \(seconds) s") }
        Thread.sleep(forTimeInterval: 0.02)
    }
}
