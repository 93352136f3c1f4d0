// The LLM client's errors: the product's one error shape (Failure) with the client's codes, and the
// facts a caller acts on (the HTTP status, the models a server offers). Messages never contain the
// API key.

public import Failure

/// A failure to get an answer from the chat endpoint.
public typealias LLMError = Failure<LLMErrorCode>

/// What kind of failure; new cases may be added.
public enum LLMErrorCode: String, FailureCode {
    /// Nothing accepts connections at the base URL.
    case notListening
    /// The server rejected the API key (401/403), or wants one.
    case unauthorized
    /// The configured model is not offered by the server (`availableModels` lists what is).
    case modelNotFound
    /// The server refused the tool definitions (server flags missing, or the model has no tool support).
    case toolsRejected
    /// The conversation does not fit in the model's context window.
    case contextLengthExceeded
    /// Still rate limited (429) after the allowed retries.
    case rateLimited
    /// A 5xx status after the allowed retries (llama.cpp: 503 while the model loads).
    case serverError
    /// Another 4xx: the server's message says what it disliked.
    case badRequest
    /// No byte for longer than the idle timeout, or the total timeout passed.
    case timeout
    /// The connection broke, or the stream ended before the answer was complete.
    case streamInterrupted
    /// The server sent something that is not the OpenAI format (a malformed JSON event, say).
    case malformedResponse
    /// A tool call's arguments are not a JSON object; they are not passed on.
    case invalidToolCall
    /// The answer was cut by `max_tokens` in the middle of a tool call.
    case truncatedToolCall
    /// The client is not configured well enough to send a request (no model, bad URL, bad schema).
    case configuration
    /// The request was stopped on request before the answer was complete.
    case cancelled
}

extension Failure where Code == LLMErrorCode {
    /// - Parameters:
    ///   - status: the HTTP status when one came back.
    ///   - availableModels: for `.modelNotFound`, the models the server does offer.
    public init(_ code: LLMErrorCode, _ message: String, status: Int? = nil, availableModels: [String] = []) {
        var facts: [String: String] = [:]
        if let status { facts["status"] = String(status) }
        if !availableModels.isEmpty { facts["available_models"] = availableModels.joined(separator: "\n") }
        self.init(code, message, facts: facts)
    }

    /// The HTTP status when one came back.
    public var status: Int? { facts["status"].flatMap { Int($0) } }

    /// For `.modelNotFound`: the models the server does offer.
    public var availableModels: [String] {
        facts["available_models"].map { $0.split(separator: "\n").map(String.init) } ?? []
    }
}
