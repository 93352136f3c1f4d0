// The vocabulary of a conversation with a chat model, independent of any wire format:
// messages (a role plus text, tool calls or a tool result), tool definitions, requests,
// streamed events and the final response. Wire conversion lives in one file of its own.

/// Who wrote a message.
public enum ChatRole: String, Sendable, Codable, Equatable {
    case system, user, assistant, tool
}

/// A function call the model asked for. `arguments` is the JSON text of the arguments object.
public struct ToolCall: Sendable, Codable, Equatable {
    public var id: String
    public var name: String
    public var arguments: String

    public init(id: String, name: String, arguments: String) {
        self.id = id
        self.name = name
        self.arguments = arguments
    }
}

/// One message of a conversation.
public struct ChatMessage: Sendable, Codable, Equatable {
    public var role: ChatRole
    /// The text; nil for an assistant turn made only of tool calls.
    public var content: String?
    /// Tool calls of an assistant turn.
    public var toolCalls: [ToolCall]
    /// For a `tool` message: the id of the call it answers.
    public var toolCallID: String?
    /// Reasoning text some servers stream apart from the answer; never sent back.
    public var reasoning: String?

    public init(
        role: ChatRole, content: String?, toolCalls: [ToolCall] = [], toolCallID: String? = nil,
        reasoning: String? = nil
    ) {
        self.role = role
        self.content = content
        self.toolCalls = toolCalls
        self.toolCallID = toolCallID
        self.reasoning = reasoning
    }

    public static func system(_ text: String) -> ChatMessage { ChatMessage(role: .system, content: text) }
    public static func user(_ text: String) -> ChatMessage { ChatMessage(role: .user, content: text) }
    public static func assistant(_ text: String?, toolCalls: [ToolCall] = []) -> ChatMessage {
        ChatMessage(role: .assistant, content: text, toolCalls: toolCalls)
    }
    public static func tool(callID: String, content: String) -> ChatMessage {
        ChatMessage(role: .tool, content: content, toolCallID: callID)
    }
}

/// A tool the model may call: name, description and the JSON Schema of its arguments (as JSON text).
public struct ToolDefinition: Sendable, Codable, Equatable {
    public var name: String
    public var description: String
    public var parametersSchema: String

    public init(name: String, description: String, parametersSchema: String) {
        self.name = name
        self.description = description
        self.parametersSchema = parametersSchema
    }
}

/// Whether and which tool the model must call.
public enum ToolChoice: Sendable, Codable, Equatable {
    case auto, none, required
    case function(String)
}

/// Everything sent to the model for one completion.
public struct ChatRequest: Sendable, Codable, Equatable {
    public var messages: [ChatMessage]
    public var tools: [ToolDefinition]
    public var toolChoice: ToolChoice?
    public var temperature: Double?
    public var maxTokens: Int?
    public var stop: [String]?
    public var seed: Int?
    /// A JSON schema the answer must follow (`response_format`); set by structured tool-call mode.
    public var responseSchema: ResponseSchema?

    public init(
        messages: [ChatMessage], tools: [ToolDefinition] = [], toolChoice: ToolChoice? = nil,
        temperature: Double? = nil, maxTokens: Int? = nil, stop: [String]? = nil, seed: Int? = nil,
        responseSchema: ResponseSchema? = nil
    ) {
        self.responseSchema = responseSchema
        self.messages = messages
        self.tools = tools
        self.toolChoice = toolChoice
        self.temperature = temperature
        self.maxTokens = maxTokens
        self.stop = stop
        self.seed = seed
    }
}

/// Tokens counted by the server.
public struct TokenUsage: Sendable, Codable, Equatable {
    public var promptTokens: Int
    public var completionTokens: Int
    public var totalTokens: Int { promptTokens + completionTokens }

    public init(promptTokens: Int, completionTokens: Int) {
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
    }
}

/// Something the model produced while streaming, delivered as it arrives.
public enum ChatStreamEvent: Sendable, Equatable {
    case textDelta(String)
    case reasoningDelta(String)
    /// A tool call's name became known (its arguments are still arriving).
    case toolCallStarted(index: Int, name: String)
}

/// The model's complete answer to one request.
public struct ChatResponse: Sendable, Codable, Equatable {
    /// The assistant message: text and/or tool calls.
    public var message: ChatMessage
    public var finishReason: String?
    public var usage: TokenUsage?

    public init(message: ChatMessage, finishReason: String? = nil, usage: TokenUsage? = nil) {
        self.message = message
        self.finishReason = finishReason
        self.usage = usage
    }
}

/// Anything that answers a conversation: the OpenAI-compatible client, a transcript player, the Autopilot,
/// a scripted model in tests. Cancelling the calling task cancels the request promptly.
public protocol ChatModel: Sendable {
    /// A name to show and record (e.g. "gpt-4o-mini @ api.openai.com", "autopilot (rule-based, no LLM)").
    var displayName: String { get }
    func complete(
        _ request: ChatRequest, onEvent: @escaping @Sendable (ChatStreamEvent) -> Void
    ) async throws -> ChatResponse
}
