// Test doubles for the loop: small tools with their own schemas, an observer that records events.

import Agent
import Foundation
import LLMClient
import Synchronization

/// Echoes its `text` argument; fails when `text` is "fail".
struct EchoTool: AgentTool {
    let name = "echo"
    func run(_ arguments: JSONValue, in context: ToolContext) async throws -> JSONValue {
        let text = arguments["text"]?.stringValue ?? ""
        if text == "fail" { throw ToolError("echo refuses 'fail'; send another text.") }
        return ["echoed": .string(text)]
    }
}

/// Spins until cancelled (a CPU-bound tool that never checks for cancellation itself would be similar).
struct SlowTool: AgentTool {
    let name = "slow"
    func run(_ arguments: JSONValue, in context: ToolContext) async throws -> JSONValue {
        while true {
            try await Task.sleep(nanoseconds: 10_000_000)
        }
    }
}

/// Reads a file through the workspace confinement.
struct ReadTool: AgentTool {
    let name = "read"
    func run(_ arguments: JSONValue, in context: ToolContext) async throws -> JSONValue {
        let url = try context.workspace.resolve(arguments["path"]?.stringValue ?? "")
        return ["bytes": .int((try? Data(contentsOf: url).count) ?? -1)]
    }
}

enum TestTools {
    static let schemas: [String: String] = [
        "echo":
            #"{"name":"echo","description":"Echo a text.","parameters":{"type":"object","properties":{"text":{"type":"string"}},"required":["text"],"additionalProperties":false}}"#,
        "slow":
            #"{"name":"slow","description":"Never ends.","parameters":{"type":"object","properties":{},"additionalProperties":false}}"#,
        "read":
            #"{"name":"read","description":"Read a file.","parameters":{"type":"object","properties":{"path":{"type":"string"}},"required":["path"],"additionalProperties":false}}"#,
    ]

    static func registry(root: URL? = nil) throws -> ToolRegistry {
        let folder = try root ?? TempWorkspace.make()
        return try ToolRegistry(
            tools: [EchoTool(), SlowTool(), ReadTool()], schemas: schemas,
            context: ToolContext.open(workspace: Workspace(root: folder), session: Session()))
    }
}

/// Records every event.
final class EventLog: AgentObserver, Sendable {
    private let events = Mutex<[AgentEvent]>([])
    func handle(_ event: AgentEvent) { events.withLock { $0.append(event) } }
    var all: [AgentEvent] { events.withLock { $0 } }
    var streamedText: String {
        all.compactMap { if case .stream(.textDelta(let t)) = $0 { t } else { nil } }.joined()
    }
    var stops: [StopReason] { all.compactMap { if case .stopped(let r, _) = $0 { r } else { nil } } }
}

extension Array where Element == ChatMessage {
    /// True when every assistant tool call id has exactly one `tool` message after it.
    var everyCallAnswered: Bool {
        let calls = flatMap { $0.toolCalls.map(\.id) }
        let answers = filter { $0.role == .tool }.compactMap(\.toolCallID)
        return calls.sorted() == answers.sorted() && Set(calls).count == calls.count
    }

    func toolResults() -> [JSONValue] {
        filter { $0.role == .tool }.compactMap { try? JSONValue.parse($0.content ?? "") }
    }
}

/// Fresh folders under the temporary directory, one per test.
enum TempWorkspace {
    static func make() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("mlexp-agent-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
