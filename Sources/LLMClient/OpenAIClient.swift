import Foundation
// The chat model behind any OpenAI-compatible endpoint (OpenAI, llama.cpp, Ollama, vLLM, LM Studio):
// builds requests, streams or fetches the answer over the HTTP transport, and turns failures into
// actionable LLMErrors. In `.auto` streaming mode, a request with tools whose streamed answer the
// server botches (broken tool-call deltas, a refusal to stream tools) is retried once without
// streaming, and later tool requests to this client are not streamed.
public import HTTP
import Synchronization

/// An OpenAI-compatible chat endpoint as a `ChatModel`.
public final class OpenAIClient: ChatModel {
    public let configuration: OpenAIConfiguration
    let http: HTTPClient
    private let memory = StreamingMemory()

    /// - Parameter onRetry: told before each wait between attempts (busy server, model loading).
    public init(configuration: OpenAIConfiguration, onRetry: (@Sendable (RetryNotice) -> Void)? = nil) {
        self.configuration = configuration
        self.http = HTTPClient(retry: configuration.retry, onRetry: onRetry)
    }

    /// "model @ host:port".
    public var displayName: String {
        let host =
            URL(string: configuration.baseURL).map { url in
                (url.host ?? "?") + (url.port.map { ":\($0)" } ?? "")
            } ?? Redaction.url(configuration.baseURL)
        return "\(configuration.model.isEmpty ? "(no model)" : configuration.model) @ \(host)"
    }

    /// Whether tool requests are no longer streamed because this server failed at streaming them.
    public var avoidsStreamingToolCalls: Bool { memory.toolStreamingBroken }

    public func complete(
        _ request: ChatRequest, onEvent: @escaping @Sendable (ChatStreamEvent) -> Void
    ) async throws -> ChatResponse {
        guard !configuration.model.isEmpty else {
            throw LLMError(
                .configuration,
                "No model is set. Set OPENAI_MODEL or pass --model (`mlexp doctor` lists the server's models).")
        }
        if !request.tools.isEmpty, await toolCallMode().mode == .structured {
            return try await completeStructured(request, onEvent: onEvent)
        }
        return try await completeAsAsked(request, onEvent: onEvent)
    }

    /// The tool-call mode in use and why: the configured one, or for `auto` the outcome of a probe sent
    /// once (a one-tool request; no native call back, or tools refused, means structured).
    public func toolCallMode() async -> ToolCallResolution {
        if let known = memory.resolution { return known }
        let resolution: ToolCallResolution
        switch configuration.toolCallMode {
        case .native: resolution = ToolCallResolution(mode: .native, reason: "chosen")
        case .structured: resolution = ToolCallResolution(mode: .structured, reason: "chosen")
        case .auto: resolution = await probeNativeCalls()
        }
        memory.resolve(resolution)
        return resolution
    }

    /// Sends the probe of `auto` mode: does a native tool call come back for a one-tool request?
    private func probeNativeCalls() async -> ToolCallResolution {
        let tool = ToolDefinition(
            name: "record_number", description: "Records a number.",
            parametersSchema: #"{"type":"object","properties":{"number":{"type":"integer"}},"required":["number"]}"#)
        let probe = ChatRequest(
            messages: [.user("Call the tool record_number with number 7. Do not write anything else.")], tools: [tool],
            temperature: 0, maxTokens: 64, seed: 42)
        do {
            let answer = try await completeAsAsked(probe, onEvent: { _ in })
            if answer.message.toolCalls.contains(where: { $0.name == tool.name }) {
                return ToolCallResolution(mode: .native, reason: "auto: the server returned a native tool call")
            }
            return ToolCallResolution(
                mode: .structured, reason: "auto: no native tool call came back, so answers are schema-constrained")
        } catch {
            return ToolCallResolution(
                mode: .structured,
                reason: "auto: the native tool request failed (\(error)), so answers are schema-constrained")
        }
    }

    /// One request in structured mode: the answer's text is the JSON object, shown as its `say` once read.
    private func completeStructured(
        _ request: ChatRequest, onEvent: @escaping @Sendable (ChatStreamEvent) -> Void
    ) async throws -> ChatResponse {
        let structured = try StructuredToolCalls.request(request)
        let raw = try await completeAsAsked(
            structured,
            onEvent: { event in
                if case .textDelta = event { return }
                onEvent(event)
            })
        let response = StructuredToolCalls.response(raw)
        if let say = response.message.content, !say.isEmpty { onEvent(.textDelta(say)) }
        for (i, call) in response.message.toolCalls.enumerated() {
            onEvent(.toolCallStarted(index: i, name: call.name))
        }
        return response
    }

    private func completeAsAsked(
        _ request: ChatRequest, onEvent: @escaping @Sendable (ChatStreamEvent) -> Void
    ) async throws -> ChatResponse {
        let stream: Bool
        switch configuration.streaming {
        case .always: stream = true
        case .never: stream = false
        case .auto: stream = request.tools.isEmpty || !memory.toolStreamingBroken
        }
        guard stream else { return try await completeWhole(request) }
        let session = StreamSession(onEvent: onEvent)
        do {
            return try await completeStreamed(request, session: session)
        } catch let error as LLMError
            where configuration.streaming == .auto && !request.tools.isEmpty
            && Self.isStreamingToolFailure(error)
        {
            let response = try await completeWhole(request)
            memory.markToolStreamingBroken()
            if !session.hasEmittedText, let text = response.message.content, !text.isEmpty { onEvent(.textDelta(text)) }
            return response
        }
    }

    /// The ids of the models the server offers (`GET /models`).
    public func listModels() async throws -> [String] {
        let url = configuration.url("models")
        let request = HTTPRequest(
            method: .get, url: url, headers: configuration.headers(streaming: false), timeouts: configuration.timeouts)
        let response = try await send { try await http.send(request) }
        guard response.isSuccess else { throw diagnose(response, url: url, sentTools: false) }
        return try OpenAIWire.decodeModels(response.body)
    }

    // MARK: - Private

    private func completeStreamed(_ chat: ChatRequest, session: StreamSession) async throws -> ChatResponse {
        let url = configuration.url("chat/completions")
        let request = try httpRequest(chat, url: url, stream: true)
        let response = try await send { try await http.stream(request) { bytes in try session.receive(bytes) } }
        guard response.isSuccess else {
            throw await enrich(diagnose(response, url: url, sentTools: !chat.tools.isEmpty))
        }
        return try session.finish()
    }

    private func completeWhole(_ chat: ChatRequest) async throws -> ChatResponse {
        let url = configuration.url("chat/completions")
        let request = try httpRequest(chat, url: url, stream: false)
        let response = try await send { try await http.send(request) }
        guard response.isSuccess else {
            throw await enrich(diagnose(response, url: url, sentTools: !chat.tools.isEmpty))
        }
        let chunk = try OpenAIWire.decodeChunk(response.text)
        if let message = chunk.errorMessage {
            throw LLMError(
                .serverError,
                "The server answered with an error: \(ErrorDiagnosis.scrub(message, key: configuration.apiKey))")
        }
        guard let delta = chunk.delta else {
            throw LLMError(
                .malformedResponse, "The server's answer has no choices: \(String(response.text.prefix(200)))")
        }
        var assembler = StreamAssembler()
        _ = assembler.apply(delta)
        if let usage = chunk.usage { assembler.apply(usage: usage) }
        return try assembler.response()
    }

    private func httpRequest(_ chat: ChatRequest, url: String, stream: Bool) throws -> HTTPRequest {
        HTTPRequest(
            method: .post, url: url, headers: configuration.headers(streaming: stream),
            body: try OpenAIWire.encode(chat, model: configuration.model, stream: stream),
            timeouts: configuration.timeouts)
    }

    /// Runs a transport call, turning its failures into LLMErrors (cancellation passes through).
    private func send(_ call: () async throws -> HTTPResponse) async throws -> HTTPResponse {
        do {
            return try await call()
        } catch let error as HTTPError {
            throw ErrorDiagnosis.transport(error, baseURL: configuration.baseURL)
        }
    }

    private func diagnose(_ response: HTTPResponse, url: String, sentTools: Bool) -> LLMError {
        ErrorDiagnosis.status(
            response, url: url, model: configuration.model, sentTools: sentTools, hadKey: configuration.apiKey != nil,
            key: configuration.apiKey)
    }

    /// Adds the server's model list to a model-not-found error (best effort).
    private func enrich(_ error: LLMError) async -> LLMError {
        guard error.code == .modelNotFound, let models = try? await listModels(), !models.isEmpty else { return error }
        return LLMError(
            .modelNotFound, error.message + " It offers: \(models.joined(separator: ", ")).", status: error.status,
            availableModels: models)
    }

    private static func isStreamingToolFailure(_ error: LLMError) -> Bool {
        switch error.code {
        case .invalidToolCall, .malformedResponse: return true
        case .badRequest, .serverError, .toolsRejected: return error.message.lowercased().contains("stream")
        default: return false
        }
    }
}

/// What this client has learned about its server, shared across concurrent requests.
private final class StreamingMemory: Sendable {
    private let broken = Mutex(false)
    private let mode = Mutex<ToolCallResolution?>(nil)
    var toolStreamingBroken: Bool { broken.withLock { $0 } }
    func markToolStreamingBroken() { broken.withLock { $0 = true } }
    var resolution: ToolCallResolution? { mode.withLock { $0 } }
    func resolve(_ resolution: ToolCallResolution) { mode.withLock { $0 = resolution } }
}

/// The tool-call mode a client uses, and why (shown on screen and recorded in the transcript header).
public struct ToolCallResolution: Sendable, Equatable {
    public var mode: ToolCallMode
    public var reason: String

    public init(mode: ToolCallMode, reason: String) {
        self.mode = mode
        self.reason = reason
    }
}
