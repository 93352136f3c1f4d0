// The LLM client's one error type: a code to switch on and a message a person (or the agent's
// model) can act on — what failed, why, and what to do. Messages never contain the API key.

/// A failure to get an answer from the chat endpoint.
public struct LLMError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of failure; new cases may be added.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        fileprivate let name: String
        /// Nothing accepts connections at the base URL.
        public static let notListening = Code(name: "notListening")
        /// The server rejected the API key (401/403), or wants one.
        public static let unauthorized = Code(name: "unauthorized")
        /// The configured model is not offered by the server (`availableModels` lists what is).
        public static let modelNotFound = Code(name: "modelNotFound")
        /// The server refused the tool definitions (server flags missing, or the model has no tool support).
        public static let toolsRejected = Code(name: "toolsRejected")
        /// The conversation does not fit in the model's context window.
        public static let contextLengthExceeded = Code(name: "contextLengthExceeded")
        /// Still rate limited (429) after the allowed retries.
        public static let rateLimited = Code(name: "rateLimited")
        /// A 5xx status after the allowed retries (llama.cpp: 503 while the model loads).
        public static let serverError = Code(name: "serverError")
        /// Another 4xx: the server's message says what it disliked.
        public static let badRequest = Code(name: "badRequest")
        /// No byte for longer than the idle timeout, or the total timeout passed.
        public static let timeout = Code(name: "timeout")
        /// The connection broke, or the stream ended before the answer was complete.
        public static let streamInterrupted = Code(name: "streamInterrupted")
        /// The server sent something that is not the OpenAI format (a malformed JSON event, say).
        public static let malformedResponse = Code(name: "malformedResponse")
        /// A tool call's arguments are not a JSON object; they are not passed on.
        public static let invalidToolCall = Code(name: "invalidToolCall")
        /// The answer was cut by `max_tokens` in the middle of a tool call.
        public static let truncatedToolCall = Code(name: "truncatedToolCall")
        /// The client is not configured well enough to send a request (no model, bad URL, bad schema).
        public static let configuration = Code(name: "configuration")
        public var description: String { name }
    }

    public let code: Code
    /// What failed, why, and what to do next.
    public let message: String
    /// The HTTP status when one came back.
    public let status: Int?
    /// For `.modelNotFound`: the models the server does offer.
    public let availableModels: [String]

    public init(_ code: Code, _ message: String, status: Int? = nil, availableModels: [String] = []) {
        self.code = code
        self.message = message
        self.status = status
        self.availableModels = availableModels
    }

    public var description: String { message }
}
