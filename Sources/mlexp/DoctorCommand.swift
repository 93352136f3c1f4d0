// `mlexp doctor`: checks the configured chat endpoint (flags, or OPENAI_BASE_URL / OPENAI_MODEL /
// OPENAI_API_KEY) — reachable, key accepted, model present, answers a chat, performs a tool call —
// and prints what works and what to fix. Exit status 1 when a check fails. Never prints the key.
import ArgumentParser
import Foundation
import HTTP
import LLMClient

struct DoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor", abstract: "Check the configured LLM endpoint and say what to fix.")

    @Option(help: "Base URL of the OpenAI-compatible API (default: $OPENAI_BASE_URL, else https://api.openai.com/v1).")
    var baseURL: String?
    @Option(help: "Model id (default: $OPENAI_MODEL).")
    var model: String?
    @Option(help: "File holding the API key (default: $OPENAI_API_KEY, else $OPENAI_API_KEY_FILE).")
    var apiKeyFile: String?
    @Option(name: .customLong("header"), help: "Extra request header \"Name: value\" (repeatable).")
    var headers: [String] = []
    @Option(help: "Streaming: auto, always or never.")
    var streaming: String = "auto"

    func run() async throws {
        var config = try OpenAIConfiguration.resolve(baseURL: baseURL, model: model, apiKeyFile: apiKeyFile)
        guard let mode = StreamingMode(rawValue: streaming) else {
            throw ValidationError("--streaming must be auto, always or never (got '\(streaming)').")
        }
        config.streaming = mode
        for header in headers {
            guard let colon = header.firstIndex(of: ":") else {
                throw ValidationError("--header must look like \"Name: value\" (got a value without ':').")
            }
            config.extraHeaders.append(
                HTTPHeader(
                    String(header[..<colon]).trimmingCharacters(in: .whitespaces),
                    String(header[header.index(after: colon)...]).trimmingCharacters(in: .whitespaces)))
        }
        // Fail fast when nothing listens; allow slow CPU models to answer.
        config.timeouts = HTTPTimeouts(connect: 3, idle: 120, total: 300)
        config.retry = RetryPolicy(maxAttempts: 3, initialDelay: 0.25, maxDelay: 2, maxTotalTime: 6)

        let client = OpenAIClient(configuration: config) { notice in
            print("  … \(notice.reason); retrying in \(String(format: "%.1f", notice.delay)) s")
        }
        print(
            "mlexp doctor: checking \(config.baseURL) (model \(config.model.isEmpty ? "not set" : config.model), API key \(config.apiKey == nil ? "not set" : "set"))"
        )
        let checks = await EndpointDoctor(client: client).run { check in
            let mark =
                switch check.status {
                case .passed: "✓"
                case .failed: "✗"
                case .skipped: "-"
                }
            print("\(mark) \(check.name): \(check.detail)")
        }
        let failed = checks.filter { $0.status == .failed }
        if failed.isEmpty {
            print("All checks passed: \(client.displayName) is ready for `mlexp chat`.")
        } else {
            print("\(failed.count) check(s) failed: fix the first one above and run `mlexp doctor` again.")
            throw ExitCode(1)
        }
    }
}
