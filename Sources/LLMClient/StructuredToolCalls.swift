// Structured tool calls: for models whose chat template does not turn tool definitions into calls (small
// local models often answer with a ```json block instead), the request carries no `tools`; the catalogue
// goes into the system prompt, and the answer is constrained by a JSON schema (`response_format`, which
// llama.cpp and vLLM enforce by grammar, Ollama by `format`, OpenAI by strict mode) to one object:
// {"say": what to tell the user, "calls": [{"tool": NAME, "arguments": {…that tool's schema…}}]}.
// Earlier turns are rewritten in the same shape (assistant turns as that object, tool results as user
// turns naming the tool), so any chat template can read them. The answer is parsed back into text and
// tool calls, so the loop, transcripts and replay see the same messages as in native mode.
// Leaves out: HTTP (OpenAIClient), the wire encoding of `response_format` (OpenAIWire).
import Foundation

/// The JSON schema an answer must follow.
public struct ResponseSchema: Sendable, Codable, Equatable {
    public var name: String
    /// The schema, as JSON text.
    public var schema: String

    public init(name: String, schema: String) {
        self.name = name
        self.schema = schema
    }
}

enum StructuredToolCalls {
    /// Bounds written into the schema, so that a runaway answer cannot be endless.
    struct Limits: Sendable, Equatable {
        /// Characters of `say`.
        var say = 300
        /// Calls in one answer.
        var calls = 2
        /// Characters of a string argument that declares no bound of its own.
        var argument = 400
    }

    /// `request` rewritten for structured mode: no `tools`, the catalogue in the system prompt, earlier
    /// turns in the answer's shape, the answer schema attached.
    /// - Throws: `LLMError(.configuration)` when a tool's parameters schema is not a JSON object.
    static func request(_ request: ChatRequest, limits: Limits = Limits()) throws -> ChatRequest {
        var out = request
        out.tools = []
        out.toolChoice = nil
        let required = request.toolChoice == .required
        out.responseSchema = ResponseSchema(
            name: "answer", schema: try schema(request.tools, limits: limits, atLeastOneCall: required))
        out.messages = messages(request.messages, catalogue: catalogue(request.tools, limits: limits))
        return out
    }

    /// The model's structured answer read back as text and tool calls. Text that is not the expected
    /// object (a server that ignores `response_format`, an answer cut by `max_tokens`) becomes plain text.
    static func response(_ response: ChatResponse) -> ChatResponse {
        var out = response
        let raw = response.message.content ?? ""
        guard let object = OpenAIWire.parseObject(unfenced(raw)) else {
            out.message = ChatMessage(role: .assistant, content: partialSay(raw) ?? raw)
            return out
        }
        let say = (object["say"] as? String) ?? ""
        var calls: [ToolCall] = []
        for (i, item) in ((object["calls"] as? [[String: Any]]) ?? []).enumerated() {
            guard let name = (item["tool"] as? String) ?? (item["name"] as? String) else { continue }
            let arguments = (item["arguments"] as? [String: Any]) ?? [:]
            calls.append(ToolCall(id: "call_\(i)", name: name, arguments: json(arguments)))
        }
        out.message = ChatMessage(
            role: .assistant, content: say.isEmpty && !calls.isEmpty ? nil : say, toolCalls: calls)
        return out
    }

    /// The answer's schema: `say` first (so the model explains before it acts), then the calls, each
    /// one of the tools with its own arguments schema.
    static func schema(_ tools: [ToolDefinition], limits: Limits, atLeastOneCall: Bool = false) throws -> String {
        let variants = try tools.map { tool -> String in
            guard var parameters = OpenAIWire.parseObject(tool.parametersSchema) else {
                throw LLMError(
                    .configuration,
                    "The parameters schema of tool '\(tool.name)' is not a JSON object. Fix its schema file.")
            }
            parameters = bounded(parameters, limit: limits.argument) as? [String: Any] ?? parameters
            return
                #"{"type":"object","properties":{"tool":{"type":"string","const":\#(string(tool.name))},"arguments":\#(json(parameters))},"required":["tool","arguments"],"additionalProperties":false}"#
        }
        return
            #"{"type":"object","properties":{"say":{"type":"string","maxLength":\#(limits.say)},"calls":{"type":"array",\#(atLeastOneCall ? #""minItems":1,"# : "")"maxItems":\#(limits.calls),"items":{"anyOf":[\#(variants.joined(separator: ","))]}}},"required":["say","calls"],"additionalProperties":false}"#
    }

    /// The tool catalogue for the system prompt: how to answer, then one line per tool with its arguments
    /// (required ones marked), short enough for a small context.
    static func catalogue(_ tools: [ToolDefinition], limits: Limits) -> String {
        var lines = [
            "# Tools",
            "Answer with one JSON object: {\"say\": \"one or two sentences for the user\", \"calls\": [{\"tool\": NAME, \"arguments\": {…}}]}. "
                + "Put at most \(limits.calls) calls in \"calls\"; leave it empty ([]) only when the work is finished. "
                + "Each result comes back in the next user message as \"Result of NAME: …\".",
        ]
        for tool in tools {
            let schema = OpenAIWire.parseObject(tool.parametersSchema) ?? [:]
            let required = Set((schema["required"] as? [String]) ?? [])
            let properties = (schema["properties"] as? [String: Any]) ?? [:]
            let arguments = properties.keys.sorted { a, b in
                required.contains(a) != required.contains(b) ? required.contains(a) : a < b
            }.map { name -> String in
                let property = properties[name] as? [String: Any] ?? [:]
                var type = (property["type"] as? String) ?? "value"
                if let choices = property["enum"] as? [String] { type = choices.joined(separator: "|") }
                return "\(name)\(required.contains(name) ? "" : "?"): \(type)"
            }
            lines.append("- \(tool.name)(\(arguments.joined(separator: ", "))): \(firstSentence(tool.description))")
        }
        return lines.joined(separator: "\n")
    }

    // MARK: - Conversation rewriting

    static func messages(_ messages: [ChatMessage], catalogue: String) -> [ChatMessage] {
        var names: [String: String] = [:]
        var out: [ChatMessage] = []
        func add(_ role: ChatRole, _ text: String) {
            if let last = out.last, last.role == role, role == .user {
                out[out.count - 1].content = (last.content ?? "") + "\n\n" + text
            } else {
                out.append(ChatMessage(role: role, content: text))
            }
        }
        if messages.first?.role != .system { out.append(.system(catalogue)) }
        for message in messages {
            switch message.role {
            case .system:
                add(.system, (message.content ?? "") + "\n\n" + catalogue)
            case .user:
                add(.user, message.content ?? "")
            case .assistant:
                for call in message.toolCalls { names[call.id] = call.name }
                add(.assistant, answer(say: message.content ?? "", calls: message.toolCalls))
            case .tool:
                let name = message.toolCallID.flatMap { names[$0] } ?? "the tool"
                add(.user, "Result of \(name): \(message.content ?? "")")
            }
        }
        return out
    }

    /// An assistant turn written as the object the schema asks for.
    static func answer(say: String, calls: [ToolCall]) -> String {
        let items = calls.map { call -> String in
            let arguments = OpenAIWire.isJSONObject(call.arguments) ? call.arguments : "{}"
            return #"{"tool":\#(string(call.name)),"arguments":\#(arguments)}"#
        }
        return #"{"say":\#(string(say)),"calls":[\#(items.joined(separator: ","))]}"#
    }

    // MARK: - Helpers

    /// Adds `maxLength` to every string schema without a bound, enum or const.
    private static func bounded(_ value: Any, limit: Int) -> Any {
        if var object = value as? [String: Any] {
            for (key, child) in object { object[key] = bounded(child, limit: limit) }
            if object["type"] as? String == "string", object["maxLength"] == nil, object["enum"] == nil,
                object["const"] == nil
            {
                object["maxLength"] = limit
            }
            return object
        }
        if let array = value as? [Any] { return array.map { bounded($0, limit: limit) } }
        return value
    }

    /// The text inside a ```json fence, or the text itself.
    private static func unfenced(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.hasPrefix("```"), let start = trimmed.firstIndex(of: "\n") else { return trimmed }
        var body = trimmed[trimmed.index(after: start)...]
        if let end = body.range(of: "```", options: .backwards) { body = body[..<end.lowerBound] }
        return String(body)
    }

    /// What a cut answer had said so far (`{"say": "…` with no end).
    private static func partialSay(_ text: String) -> String? {
        guard let range = text.range(of: #""say"\s*:\s*""#, options: .regularExpression) else { return nil }
        var out = ""
        var escaped = false
        for c in text[range.upperBound...] {
            if escaped {
                out.append(c == "n" ? "\n" : c)
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else if c == "\"" {
                break
            } else {
                out.append(c)
            }
        }
        return out
    }

    private static func firstSentence(_ text: String) -> String {
        guard let end = text.range(of: ". ") else { return text }
        return String(text[..<end.lowerBound]) + "."
    }

    static func string(_ text: String) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: [text], options: [.withoutEscapingSlashes])) ?? Data()
        let array = String(decoding: data, as: UTF8.self)
        return array.count >= 2 ? String(array.dropFirst().dropLast()) : "\"\""
    }

    static func json(_ object: Any) -> String {
        guard JSONSerialization.isValidJSONObject(object),
            let data = try? JSONSerialization.data(
                withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}

extension ToolCallMode {
    /// The text the tool definitions add to every request in this mode (the catalogue in structured mode,
    /// the definitions otherwise): what a context budget must leave room for.
    public func promptText(for tools: [ToolDefinition]) -> String {
        switch self {
        case .structured: return StructuredToolCalls.catalogue(tools, limits: StructuredToolCalls.Limits())
        case .native, .auto: return tools.map { $0.name + $0.description + $0.parametersSchema }.joined()
        }
    }
}
