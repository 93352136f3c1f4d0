// The OpenAI chat-completions wire format, in one place: requests encoded to JSON, and responses,
// stream chunks, model lists and error bodies decoded from it — leniently, since servers differ
// (arguments as an object instead of a string, missing indexes, `reasoning` vs
// `reasoning_content`, usage in a chunk without choices). Assembling deltas into a message is
// StreamAssembler's job. Leaves out: the legacy completions API, images, audio, logprobs.
import Foundation

/// A part of an assistant turn as the server sent it: a whole message or one stream delta.
struct WireDelta: Sendable, Equatable {
    var content: String?
    var reasoning: String?
    var toolCalls: [WireToolCall] = []
    var finishReason: String?
}

/// A tool call or a piece of one. `argumentsAreWhole` when the server sent a JSON object (not text).
struct WireToolCall: Sendable, Equatable {
    var index: Int?
    var id: String?
    var name: String?
    var arguments: String?
    var argumentsAreWhole = false
}

/// One decoded chunk of a stream, or a whole response (one delta per choice; choice 0 is used).
struct WireChunk: Sendable, Equatable {
    var delta: WireDelta?
    var usage: TokenUsage?
    /// An error the server put inside the stream.
    var errorMessage: String?
}

/// An error body: `{"error": {"message", "type", "code"}}` or variants.
struct WireError: Sendable, Equatable {
    var message: String
    var type: String?
    var code: String?
}

enum OpenAIWire {
    // MARK: Requests

    /// The JSON body of a chat-completions request.
    /// - Throws: `LLMError(.configuration)` when a tool's parameters schema is not a JSON object.
    static func encode(_ request: ChatRequest, model: String, stream: Bool) throws -> [UInt8] {
        var body: [String: Any] = ["model": model, "messages": request.messages.map(encode(message:))]
        if !request.tools.isEmpty {
            body["tools"] = try request.tools.map { tool -> [String: Any] in
                guard let schema = parseObject(tool.parametersSchema) else {
                    throw LLMError(
                        .configuration,
                        "The parameters schema of tool '\(tool.name)' is not a JSON object. Fix its schema file.")
                }
                return [
                    "type": "function",
                    "function": ["name": tool.name, "description": tool.description, "parameters": schema],
                ]
            }
        }
        switch request.toolChoice {
        case nil: break
        case .auto?: body["tool_choice"] = "auto"
        case ToolChoice.none?: body["tool_choice"] = "none"
        case .required?: body["tool_choice"] = "required"
        case .function(let name)?: body["tool_choice"] = ["type": "function", "function": ["name": name]]
        }
        if let temperature = request.temperature { body["temperature"] = temperature }
        if let maxTokens = request.maxTokens { body["max_tokens"] = maxTokens }
        if let stop = request.stop, !stop.isEmpty { body["stop"] = stop }
        if let seed = request.seed { body["seed"] = seed }
        if let format = request.responseSchema {
            guard isJSONObject(format.schema) else {
                throw LLMError(.configuration, "The answer schema '\(format.name)' is not a JSON object.")
            }
            // Written as given, not re-sorted: grammar-based servers generate properties in schema order.
            body["response_format"] = [
                "type": "json_schema", "json_schema": ["name": format.name, "strict": true, "schema": schemaMarker],
            ]
        }
        if stream {
            body["stream"] = true
            body["stream_options"] = ["include_usage": true]
        }
        let data = try JSONSerialization.data(withJSONObject: body, options: [.sortedKeys, .withoutEscapingSlashes])
        guard let format = request.responseSchema else { return Array(data) }
        let text = String(decoding: data, as: UTF8.self)
        return Array(text.replacingOccurrences(of: "\"\(schemaMarker)\"", with: format.schema).utf8)
    }

    private static let schemaMarker = "@@mlexp-response-schema@@"

    private static func encode(message: ChatMessage) -> [String: Any] {
        var json: [String: Any] = ["role": message.role.rawValue]
        switch message.role {
        case .assistant:
            json["content"] = message.content ?? NSNull()
            if !message.toolCalls.isEmpty {
                json["tool_calls"] = message.toolCalls.map { call -> [String: Any] in
                    ["id": call.id, "type": "function", "function": ["name": call.name, "arguments": call.arguments]]
                }
            }
        case .tool:
            json["content"] = message.content ?? ""
            json["tool_call_id"] = message.toolCallID ?? ""
        case .system, .user:
            json["content"] = message.content ?? ""
        }
        return json
    }

    // MARK: Responses

    /// A whole (non-streamed) response, or one `data:` event of a stream: both carry `choices`,
    /// with `message` in the first and `delta` in the second.
    /// - Throws: `LLMError(.malformedResponse)` when the text is not a JSON object.
    static func decodeChunk(_ text: String) throws -> WireChunk {
        guard let object = parseObject(text) else {
            let shown = text.count > 200 ? String(text.prefix(200)) + "…" : text
            throw LLMError(.malformedResponse, "The server sent an event that is not JSON: \(shown)")
        }
        var chunk = WireChunk()
        if let error = object["error"] {
            chunk.errorMessage = decodeError(any: error)?.message ?? "\(error)"
            return chunk
        }
        if let usage = object["usage"] as? [String: Any] {
            chunk.usage = TokenUsage(
                promptTokens: int(usage["prompt_tokens"]) ?? 0, completionTokens: int(usage["completion_tokens"]) ?? 0)
        }
        guard let choices = object["choices"] as? [[String: Any]], let choice = choices.first else { return chunk }
        let part = (choice["delta"] as? [String: Any]) ?? (choice["message"] as? [String: Any]) ?? [:]
        var delta = WireDelta()
        delta.content = part["content"] as? String
        delta.reasoning = (part["reasoning_content"] as? String) ?? (part["reasoning"] as? String)
        delta.finishReason = choice["finish_reason"] as? String
        if let calls = part["tool_calls"] as? [[String: Any]] {
            delta.toolCalls = calls.map(decodeToolCall)
        } else if let call = part["function_call"] as? [String: Any] {  // the legacy single-call form
            delta.toolCalls = [decodeToolCall(["function": call])]
        }
        chunk.delta = delta
        return chunk
    }

    private static func decodeToolCall(_ json: [String: Any]) -> WireToolCall {
        let function = (json["function"] as? [String: Any]) ?? json
        var call = WireToolCall(index: int(json["index"]), id: json["id"] as? String, name: function["name"] as? String)
        switch function["arguments"] {
        case let text as String:
            call.arguments = text
        case let object? where !(object is NSNull):
            call.arguments = serialize(object)
            call.argumentsAreWhole = true
        default:
            break
        }
        return call
    }

    /// The ids of `GET /models`: `{"data": [{"id": …}]}` (llama.cpp adds `models`, Ollama's are alike).
    static func decodeModels(_ body: [UInt8]) throws -> [String] {
        guard let object = parseObject(String(decoding: body, as: UTF8.self)),
            let data = object["data"] as? [[String: Any]]
        else {
            throw LLMError(
                .malformedResponse, "The model list is not in the OpenAI format ({\"data\": [{\"id\": …}]}).")
        }
        return data.compactMap { $0["id"] as? String }
    }

    /// The message of an error body, whatever its shape; nil when the body holds none.
    static func decodeError(_ body: [UInt8]) -> WireError? {
        let text = String(decoding: body, as: UTF8.self)
        guard let object = parseObject(text) else {
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            return trimmed.isEmpty ? nil : WireError(message: String(trimmed.prefix(300)))
        }
        return decodeError(any: object["error"] ?? object)
    }

    private static func decodeError(any value: Any) -> WireError? {
        if let text = value as? String { return WireError(message: text) }
        guard let object = value as? [String: Any] else { return nil }
        let message = (object["message"] as? String) ?? (object["detail"] as? String) ?? (object["error"] as? String)
        guard let message else { return nil }
        let code = (object["code"] as? String) ?? int(object["code"]).map(String.init)
        return WireError(message: message, type: object["type"] as? String, code: code)
    }

    // MARK: JSON helpers

    static func parseObject(_ text: String) -> [String: Any]? {
        guard let data = text.data(using: .utf8) else { return nil }
        return (try? JSONSerialization.jsonObject(with: data, options: [])) as? [String: Any]
    }

    /// Whether `text` is a JSON object (what tool arguments must be).
    static func isJSONObject(_ text: String) -> Bool { parseObject(text) != nil }

    private static func serialize(_ object: Any) -> String {
        guard JSONSerialization.isValidJSONObject(object),
            let data = try? JSONSerialization.data(
                withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        else { return "\(object)" }
        return String(decoding: data, as: UTF8.self)
    }

    private static func int(_ value: Any?) -> Int? {
        switch value {
        case let number as Int: return number
        case let number as Double: return Int(exactly: number.rounded())
        case let number as NSNumber: return number.intValue
        case let text as String: return Int(text)
        default: return nil
        }
    }
}
