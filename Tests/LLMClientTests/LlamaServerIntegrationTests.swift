// The client against a real llama.cpp server (scripts/services/llama.sh, started by scripts/test.sh:
// xllamacpp with gemma-3-270m and the tool-aware template of scripts/llm_templates/). The URL comes
// from MLEXP_TEST_LLM_URL; without it these tests fail when MLEXP_REQUIRE_INTEGRATION=1 and are
// skipped otherwise. Covers /v1/models, a streamed answer, a streamed and a whole tool call whose
// arguments parse, the doctor's checks, and the 503 a server answers while its model loads.
import Foundation
import HTTP
import Testing

@testable import LLMClient

#if canImport(Glibc)
    import Glibc
#endif

enum Integration {
    static let environment = ProcessInfo.processInfo.environment
    static let required = environment["MLEXP_REQUIRE_INTEGRATION"] == "1"
    static let url = environment["MLEXP_TEST_LLM_URL"].flatMap { $0.isEmpty ? nil : $0 }
    static let model = environment["MLEXP_TEST_LLM_MODEL"] ?? "gemma-3-270m"
    static let runs = url != nil || required

    /// A client for the test server, or a failure saying how to start it.
    static func client(streaming: StreamingMode = .auto) throws -> OpenAIClient {
        let url = try #require(
            url,
            "MLEXP_TEST_LLM_URL is not set: run `make test`, or start scripts/services/llama.sh and export its ENV lines"
        )
        return OpenAIClient(
            configuration: OpenAIConfiguration(
                baseURL: url, model: model, timeouts: HTTPTimeouts(connect: 5, idle: 240, total: 600),
                streaming: streaming))
    }

    static let weather = ToolDefinition(
        name: "get_weather", description: "Get the current weather of a city.",
        parametersSchema: #"{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}"#)

    /// Gemma 3 270M calls tools reliably with the template's one-turn example and this stop string.
    static let toolRequest = ChatRequest(
        messages: [.user("What is the weather in Paris? Use the get_weather tool.")], tools: [weather], temperature: 0,
        maxTokens: 64, stop: ["</tool_call>"], seed: 1)
}

@Suite(.enabled(if: Integration.runs, "set MLEXP_TEST_LLM_URL (make test starts a llama.cpp server)"), .serialized)
struct LlamaServerIntegrationTests {
    @Test func listsTheServedModel() async throws {
        let models = try await Integration.client().listModels()
        #expect(models.contains(Integration.model))
    }

    @Test func streamsATextAnswer() async throws {
        let log = EventLog()
        let response = try await Integration.client(streaming: .always).complete(
            ChatRequest(
                messages: [.user("Write one sentence about the sea.")], temperature: 0, maxTokens: 24, seed: 1)
        ) { log.append($0) }
        let text = try #require(response.message.content)
        #expect(!text.isEmpty)
        #expect(log.text == text)
        #expect(log.events.count >= 2)  // arrived in pieces
        #expect(response.usage?.completionTokens ?? 0 > 0)
        #expect(["stop", "length"].contains(response.finishReason ?? ""))
    }

    @Test(arguments: [StreamingMode.always, .never])
    func performsAToolCallWhoseArgumentsParse(mode: StreamingMode) async throws {
        let log = EventLog()
        let response = try await Integration.client(streaming: mode).complete(Integration.toolRequest) {
            log.append($0)
        }
        let call = try #require(
            response.message.toolCalls.first, "no tool call; answer was \(response.message.content ?? "")")
        #expect(call.name == "get_weather")
        let arguments = try #require(
            try JSONSerialization.jsonObject(with: Data(call.arguments.utf8)) as? [String: Any])
        #expect((arguments["city"] as? String)?.lowercased().contains("paris") == true)
        #expect(response.finishReason == "tool_calls")
        if mode == .always { #expect(log.events.contains(.toolCallStarted(index: 0, name: "get_weather"))) }
    }

    @Test func theDoctorPassesEveryCheck() async throws {
        let checks = await EndpointDoctor(client: try Integration.client()).run()
        #expect(checks.map(\.name) == EndpointDoctor.names)
        for check in checks { #expect(check.status == .passed, "\(check.name): \(check.detail)") }
    }

    @Test func retriesThrough503WhileTheModelLoads() async throws {
        _ = try Integration.client()  // fails with the reason when the integration setup is missing
        let python = try #require(
            Integration.environment["MLEXP_TEST_PYTHON"], "MLEXP_TEST_PYTHON is not set (scripts/test.sh sets it)")
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scripts/llm_server.py").path
        let port = try freePort()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script, "--model", "gemma3", "--port", "\(port)", "--threads", "1"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { stop(process) }
        let notices = NoticeLog()
        let client = OpenAIClient(
            configuration: OpenAIConfiguration(
                baseURL: "http://127.0.0.1:\(port)/v1", model: Integration.model,
                timeouts: HTTPTimeouts(connect: 2, idle: 60, total: 120),
                retry: RetryPolicy(maxAttempts: 1000, initialDelay: 0.05, maxDelay: 0.1, maxTotalTime: 180, jitter: 0)),
            onRetry: { notices.append($0) })
        let models = try await client.listModels()
        #expect(models.contains(Integration.model))
        let statuses = notices.values.compactMap(\.status)
        #expect(statuses.contains(503), "no 503 seen while loading; retries: \(notices.values.map(\.reason))")
        #expect(Set(statuses).isSubset(of: [503]))
    }

    /// SIGTERM, then SIGKILL if the server has not exited within 10 s.
    private func stop(_ process: Process) {
        process.terminate()
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning && Date() < deadline { usleep(50_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// A port nothing listens on right now (bound to port 0, then released).
    private func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        try #require(bound == 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

final class NoticeLog: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [RetryNotice] = []
    func append(_ notice: RetryNotice) { lock.withLock { items.append(notice) } }
    var values: [RetryNotice] { lock.withLock { items } }
}
