// Builds one assistant message from the deltas of a stream (or from a whole response, fed as a
// single delta), whatever the server's dialect: tool calls are matched by `index`, and when
// servers give every call index 0 or none, by `id` and then by order; a name repeated in every
// delta is set, not appended; arguments sent as a JSON object replace what came before; reasoning
// is kept apart from the answer. At the end each call's arguments must be a JSON object, or the
// message is refused with the reason (cut by max_tokens, or malformed). Leaves out: choices other
// than the first (n > 1).
import Foundation

struct StreamAssembler {
    private struct Slot {
        var wireIndex: Int?
        var id: String?
        var name = ""
        var arguments = ""
        var announced = false
    }

    private var text = ""
    private var reasoning = ""
    private var slots: [Slot] = []
    private(set) var finishReason: String?
    private(set) var usage: TokenUsage?
    /// Whether anything at all was received (a delta or usage).
    private(set) var receivedAnything = false

    /// Applies one delta and returns the events to show for it, in order.
    mutating func apply(_ delta: WireDelta) -> [ChatStreamEvent] {
        receivedAnything = true
        var events: [ChatStreamEvent] = []
        if let reasoningPart = delta.reasoning, !reasoningPart.isEmpty {
            reasoning += reasoningPart
            events.append(.reasoningDelta(reasoningPart))
        }
        if let content = delta.content, !content.isEmpty {
            text += content
            events.append(.textDelta(content))
        }
        for call in delta.toolCalls {
            let position = slotPosition(for: call)
            if let id = call.id, !id.isEmpty { slots[position].id = id }
            if let index = call.index { slots[position].wireIndex = index }
            if let name = call.name, !name.isEmpty { slots[position].name = name }  // set, never append
            if let arguments = call.arguments {
                if call.argumentsAreWhole {
                    slots[position].arguments = arguments
                } else {
                    slots[position].arguments += arguments
                }
            }
            if !slots[position].announced, !slots[position].name.isEmpty {
                slots[position].announced = true
                events.append(.toolCallStarted(index: position, name: slots[position].name))
            }
        }
        if let reason = delta.finishReason, !reason.isEmpty { finishReason = reason }
        return events
    }

    mutating func apply(usage: TokenUsage) {
        receivedAnything = true
        self.usage = usage
    }

    /// Which slot a piece belongs to: a known id wins; a new id starts a call (even with a reused
    /// index); without an id, the latest call with the same index, or the latest call of all.
    private mutating func slotPosition(for call: WireToolCall) -> Int {
        if let id = call.id, !id.isEmpty {
            if let known = slots.lastIndex(where: { $0.id == id }) { return known }
            if let index = call.index, let same = slots.lastIndex(where: { $0.wireIndex == index && $0.id == nil }) {
                return same
            }
            slots.append(Slot(wireIndex: call.index, id: id))
            return slots.count - 1
        }
        if let index = call.index {
            if let same = slots.lastIndex(where: { $0.wireIndex == index }), !startsAnother(slots[same], call) {
                return same
            }
        } else if let last = slots.indices.last, !startsAnother(slots[last], call) {
            return last
        }
        slots.append(Slot(wireIndex: call.index))
        return slots.count - 1
    }

    /// Whether a piece without a known id begins a new call although it lands on an existing one:
    /// it brings whole arguments, or a name while the slot's arguments have started and either
    /// belong to another function or are already a complete object.
    private func startsAnother(_ slot: Slot, _ call: WireToolCall) -> Bool {
        if slot.arguments.isEmpty { return false }
        if call.argumentsAreWhole { return true }
        guard let name = call.name, !name.isEmpty else { return false }
        return name != slot.name || OpenAIWire.isJSONObject(slot.arguments)
    }

    /// The finished message.
    /// - Throws: `LLMError(.truncatedToolCall)` when max_tokens cut a call's arguments;
    ///   `LLMError(.invalidToolCall)` when a call has no name or its arguments are not a JSON object.
    func response() throws -> ChatResponse {
        var calls: [ToolCall] = []
        for (position, slot) in slots.enumerated() {
            let arguments = slot.arguments.trimmingCharacters(in: .whitespacesAndNewlines)
            let normalized = arguments.isEmpty ? "{}" : arguments
            let shown = normalized.count > 200 ? String(normalized.prefix(200)) + "…" : normalized
            if !OpenAIWire.isJSONObject(normalized) {
                if finishReason == "length" {
                    throw LLMError(
                        .truncatedToolCall,
                        "The answer was cut by max_tokens in the middle of a call to '\(slot.name)': its arguments are incomplete JSON (\(shown)). Raise max_tokens and ask again."
                    )
                }
                throw LLMError(
                    .invalidToolCall,
                    "The model called '\(slot.name.isEmpty ? "?" : slot.name)' with arguments that are not a JSON object: \(shown)"
                )
            }
            guard !slot.name.isEmpty else {
                throw LLMError(
                    .invalidToolCall, "The model sent a tool call without a function name (arguments \(shown)).")
            }
            calls.append(ToolCall(id: slot.id ?? "call_\(position)", name: slot.name, arguments: normalized))
        }
        var reason = finishReason
        if !calls.isEmpty && (reason == nil || reason == "stop") { reason = "tool_calls" }
        let message = ChatMessage(
            role: .assistant, content: text.isEmpty && !calls.isEmpty ? nil : text, toolCalls: calls,
            reasoning: reasoning.isEmpty ? nil : reasoning)
        return ChatResponse(message: message, finishReason: reason, usage: usage)
    }
}
