import Foundation
// Where the model lives and how to talk to it: base URL, model id, API key, extra headers,
// timeouts, retries and the streaming mode, read from flags or the conventional environment
// variables (OPENAI_BASE_URL, OPENAI_MODEL, OPENAI_API_KEY, OPENAI_API_KEY_FILE).
public import HTTP

/// Whether answers are streamed.
public enum StreamingMode: String, Sendable, Equatable, CaseIterable {
    /// Stream, but fall back to whole responses for tool calls once a server has failed at streaming them.
    case auto
    /// Always stream.
    case always
    /// Never stream (for servers that cannot).
    case never
}

/// Everything the client needs to reach one OpenAI-compatible endpoint.
public struct OpenAIConfiguration: Sendable, CustomStringConvertible {
    /// e.g. `https://api.openai.com/v1` or `http://127.0.0.1:8080/v1` (no trailing slash).
    public var baseURL: String
    /// The model id sent with each request (empty: not configured).
    public var model: String
    public var apiKey: APIKey?
    /// Sent with every request (e.g. `OpenAI-Organization`); secret-looking values are masked in logs.
    public var extraHeaders: [HTTPHeader]
    public var timeouts: HTTPTimeouts
    public var retry: RetryPolicy
    public var streaming: StreamingMode
    /// How tool calls are asked for: native `tools`, a schema-constrained answer, or found out (auto, what
    /// the command line uses unless told otherwise).
    public var toolCallMode: ToolCallMode = .native

    public static let defaultBaseURL = "https://api.openai.com/v1"

    public init(
        baseURL: String = OpenAIConfiguration.defaultBaseURL, model: String, apiKey: APIKey? = nil,
        extraHeaders: [HTTPHeader] = [], timeouts: HTTPTimeouts = HTTPTimeouts(connect: 10, idle: 300, total: 1800),
        retry: RetryPolicy = RetryPolicy(), streaming: StreamingMode = .auto
    ) {
        var url = baseURL.trimmingCharacters(in: .whitespacesAndNewlines)
        while url.hasSuffix("/") { url.removeLast() }
        self.baseURL = url
        self.model = model.trimmingCharacters(in: .whitespacesAndNewlines)
        self.apiKey = apiKey
        self.extraHeaders = extraHeaders
        self.timeouts = timeouts
        self.retry = retry
        self.streaming = streaming
    }

    /// The configuration from flags first, then the environment: `OPENAI_BASE_URL` (default
    /// api.openai.com), `OPENAI_MODEL`, `OPENAI_API_KEY` or else the file named by `apiKeyFile` /
    /// `OPENAI_API_KEY_FILE`.
    /// - Throws: `LLMError` with code `.configuration` when a named key file cannot be read.
    public static func resolve(
        baseURL: String? = nil, model: String? = nil, apiKeyFile: String? = nil,
        environment: [String: String]? = nil
    ) throws -> OpenAIConfiguration {
        let environment = environment ?? ProcessInfo.processInfo.environment
        func value(_ flag: String?, _ name: String) -> String? {
            if let flag, !flag.isEmpty { return flag }
            if let text = environment[name], !text.isEmpty { return text }
            return nil
        }
        var key = environment["OPENAI_API_KEY"].flatMap(APIKey.init)
        if let file = value(apiKeyFile, "OPENAI_API_KEY_FILE"), apiKeyFile != nil || key == nil {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                throw LLMError(
                    .configuration, "Cannot read the API key file \(file). Check the path and its permissions.")
            }
            guard let fileKey = APIKey(text) else {
                throw LLMError(
                    .configuration, "The API key file \(file) is empty. Put the key in it, or set OPENAI_API_KEY.")
            }
            key = fileKey
        }
        return OpenAIConfiguration(
            baseURL: value(baseURL, "OPENAI_BASE_URL") ?? defaultBaseURL, model: value(model, "OPENAI_MODEL") ?? "",
            apiKey: key)
    }

    /// The URL of an endpoint below the base URL, e.g. `"chat/completions"`.
    func url(_ path: String) -> String { baseURL + "/" + path }

    /// Headers of every request: JSON, the key as a bearer token, the extra headers.
    func headers(streaming: Bool) -> [HTTPHeader] {
        var headers = [
            HTTPHeader("Content-Type", "application/json"),
            HTTPHeader("Accept", streaming ? "text/event-stream" : "application/json"),
        ]
        if let apiKey { headers.append(HTTPHeader("Authorization", "Bearer \(apiKey.value)")) }
        return headers + extraHeaders
    }

    /// The base URL as it may be shown or recorded (a transcript header, a log): user info and
    /// secret-looking query parameters masked.
    public var redactedBaseURL: String { Redaction.url(baseURL) }

    /// Base URL, model and whether a key is set; never the key.
    public var description: String {
        "\(Redaction.url(baseURL)) model=\(model.isEmpty ? "(not set)" : model) key=\(apiKey == nil ? "not set" : "set")"
    }
}

extension OpenAIConfiguration: CustomDebugStringConvertible, CustomReflectable {
    public var debugDescription: String { description }
    /// `dump()` shows the description only: extra headers may hold secrets too.
    public var customMirror: Mirror { Mirror(self, children: ["configuration": description]) }
}
