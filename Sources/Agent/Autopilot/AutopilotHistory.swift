// What the Autopilot has done so far, read back from the conversation it is shown: each of its own
// tool calls (tagged with the plan step in the call id, "ap<step>", or "apc<step>" for the clustering
// plan) with the JSON result it got.
// Deriving state from the messages alone keeps the Autopilot deterministic and replayable.

public import LLMClient

/// The Autopilot's past steps, from the conversation.
public struct AutopilotHistory: Sendable {
    /// One completed step.
    public struct Done: Sendable {
        public var step: Int
        public var call: ToolCall
        public var result: JSONValue
        /// The error message when the tool failed.
        public var error: String? { result["error"]?.stringValue }
        public var ok: Bool { error == nil }
    }

    public private(set) var steps: [Int: Done] = [:]
    /// The text of the last user message.
    public private(set) var lastUserText = ""

    /// - Parameter prefix: the call-id prefix of the plan read ("ap": the main plan; "apc": clustering).
    public init(messages: [ChatMessage], prefix: String = "ap") {
        var results: [String: JSONValue] = [:]
        for m in messages where m.role == .tool {
            if let id = m.toolCallID {
                results[id] = (try? JSONValue.parse(m.content ?? "")) ?? ["error": .string(m.content ?? "no result")]
            }
        }
        for m in messages {
            if m.role == .user { lastUserText = m.content ?? "" }
            guard m.role == .assistant else { continue }
            for call in m.toolCalls {
                guard let step = Self.step(ofCallID: call.id, prefix: prefix), let result = results[call.id] else {
                    continue
                }
                steps[step] = Done(step: step, call: call, result: result)
            }
        }
    }

    /// The call id for a step.
    public static func callID(step: Int, prefix: String = "ap") -> String { "\(prefix)\(step)" }

    static func step(ofCallID id: String, prefix: String = "ap") -> Int? {
        guard id.hasPrefix(prefix) else { return nil }
        return Int(id.dropFirst(prefix.count))
    }

    /// The last step done (-1 when none).
    public var lastStep: Int { steps.keys.max() ?? -1 }

    public subscript(step: Int) -> Done? { steps[step] }
}
