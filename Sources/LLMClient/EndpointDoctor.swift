// The checks behind `mlexp doctor`: is the endpoint reachable, is the key accepted, is the model
// offered, does it answer a chat, does it perform a tool call. Each check reports what works or
// what to fix; later checks are skipped when an earlier one makes them pointless. Never shows
// the key. Leaves out: rendering (the CLI's job) and load or latency benchmarks.
import Foundation

/// The outcome of one check.
public struct EndpointCheck: Sendable, Equatable {
    public enum Status: String, Sendable, Equatable { case passed, failed, skipped }
    /// e.g. "reachable", "key accepted", "model present", "answers a chat", "performs a tool call".
    public var name: String
    public var status: Status
    /// What was observed (on success) or what went wrong and what to do (on failure).
    public var detail: String
}

/// Runs the endpoint checks in order.
public struct EndpointDoctor: Sendable {
    public let client: OpenAIClient
    /// Answer budget of the chat check, in tokens (small: slow CPU servers must pass quickly).
    public var chatMaxTokens = 16
    /// Answer budget of the tool-call check, in tokens (a short call fits in 40).
    public var toolMaxTokens = 64

    public init(client: OpenAIClient) {
        self.client = client
    }

    /// Runs every check, reporting each to `report` as it completes, and returns them all.
    public func run(report: @Sendable (EndpointCheck) -> Void = { _ in }) async -> [EndpointCheck] {
        var checks: [EndpointCheck] = []
        func record(_ name: String, _ status: EndpointCheck.Status, _ detail: String) {
            let check = EndpointCheck(name: name, status: status, detail: detail)
            checks.append(check)
            report(check)
        }
        func skipRest(after index: Int) {
            for name in Self.names.dropFirst(index + 1) {
                record(name, .skipped, "skipped: fix the failure above first")
            }
        }
        let config = client.configuration
        let hasKey = config.apiKey != nil

        // 1–3: reachable, key, model — from GET /models.
        let start = ContinuousClock.now
        var models: [String]?
        do {
            models = try await client.listModels()
            record(
                "reachable", .passed,
                "the server answered GET \(config.url("models")) in \(Self.milliseconds(since: start)) ms")
            record(
                "key accepted", .passed,
                hasKey ? "the server accepted the API key" : "no key set, and the server needs none")
        } catch let error as LLMError {
            switch error.code {
            case .notListening, .timeout, .configuration:
                record("reachable", .failed, error.message)
                skipRest(after: 0)
                return checks
            case .unauthorized:
                record("reachable", .passed, "the server answered at \(config.baseURL)")
                record("key accepted", .failed, error.message)
                skipRest(after: 1)
                return checks
            default:
                record("reachable", .passed, "the server answered at \(config.baseURL)")
                record("key accepted", .passed, "no authentication error")
                models = nil
                record(
                    "model present", .skipped,
                    "could not list the server's models (\(error.message)); trying a chat anyway")
            }
        } catch {
            record("reachable", .failed, "\(error)")
            skipRest(after: 0)
            return checks
        }
        if let models {
            let offered = models.isEmpty ? "(none listed)" : models.joined(separator: ", ")
            if config.model.isEmpty {
                record(
                    "model present", .failed,
                    "No model is set. The server offers: \(offered). Set OPENAI_MODEL or pass --model.")
                skipRest(after: 2)
                return checks
            }
            if models.contains(config.model) || models.isEmpty {
                record("model present", .passed, "\(config.model) (the server offers: \(offered))")
            } else {
                record(
                    "model present", .failed,
                    "The server does not offer '\(config.model)'. It offers: \(offered). Set OPENAI_MODEL (or --model) to one of these."
                )
                skipRest(after: 2)
                return checks
            }
        }

        // 4: a plain chat.
        let chatStart = ContinuousClock.now
        do {
            let response = try await client.complete(
                ChatRequest(
                    messages: [.user("Reply with one short friendly sentence.")], temperature: 0,
                    maxTokens: chatMaxTokens, seed: 1)
            ) { _ in }
            let text = (response.message.content ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            let tokens = response.usage.map { ", \($0.totalTokens) tokens" } ?? ""
            let oneLine = text.split(whereSeparator: \.isNewline).joined(separator: " ")
            let shown = oneLine.count > 80 ? String(oneLine.prefix(80)) + "…" : oneLine
            if text.isEmpty && response.message.toolCalls.isEmpty {
                record(
                    "answers a chat", .failed,
                    "the model answered with empty text (finish_reason \(response.finishReason ?? "none")). Check the server's chat template."
                )
            } else {
                record("answers a chat", .passed, "\"\(shown)\" (\(Self.milliseconds(since: chatStart)) ms\(tokens))")
            }
        } catch let error as LLMError {
            record("answers a chat", .failed, error.message)
            skipRest(after: 3)
            return checks
        } catch {
            record("answers a chat", .failed, "\(error)")
            skipRest(after: 3)
            return checks
        }

        // 5: a tool call.
        let tool = ToolDefinition(
            name: "get_weather", description: "Get the current weather of a city.",
            parametersSchema:
                #"{"type":"object","properties":{"city":{"type":"string","description":"City name"}},"required":["city"]}"#
        )
        let toolStart = ContinuousClock.now
        do {
            let response = try await client.complete(
                ChatRequest(
                    messages: [.user("What is the weather in Paris right now? Use the get_weather tool.")],
                    tools: [tool],
                    temperature: 0, maxTokens: toolMaxTokens, stop: ["</tool_call>"], seed: 1)
            ) { _ in }
            if let call = response.message.toolCalls.first {
                let mode =
                    client.avoidsStreamingToolCalls
                    ? " (not streamed: the server failed at streaming tool calls, so tool requests go whole)" : ""
                let arguments = call.arguments.split(whereSeparator: \.isNewline).map {
                    $0.trimmingCharacters(in: .whitespaces)
                }
                .joined(separator: " ")
                record(
                    "performs a tool call", .passed,
                    "\(call.name)(\(arguments)) (\(Self.milliseconds(since: toolStart)) ms)\(mode)")
            } else {
                let text = (response.message.content ?? "").prefix(80)
                record(
                    "performs a tool call", .failed,
                    "the model answered in text instead of calling the tool (\"\(text)\"). The model or server may lack tool support: llama.cpp needs --jinja and a chat template with tools; vLLM needs --enable-auto-tool-choice --tool-call-parser; Ollama needs a tool-capable model."
                )
            }
        } catch let error as LLMError {
            record("performs a tool call", .failed, error.message)
        } catch {
            record("performs a tool call", .failed, "\(error)")
        }
        return checks
    }

    static let names = ["reachable", "key accepted", "model present", "answers a chat", "performs a tool call"]

    private static func milliseconds(since start: ContinuousClock.Instant) -> Int {
        let elapsed = ContinuousClock.now - start
        return Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
    }
}
