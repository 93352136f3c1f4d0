// The Autopilot: the built-in rule-based experimenter, a ChatModel that drives the same tools through
// the same loop as an LLM, deterministically. Each answer is one step of AutopilotPlan, chosen from the
// tool results in the conversation; it streams its explanation as text and asks for one tool call.
// It is not an LLM and says so (displayName, first sentence).

public import Foundation
public import LLMClient
public import Languages

/// What the Autopilot is asked to do: the file, the target, the goal, the language.
public struct AutopilotBrief: Sendable, Equatable {
    public var path: String
    public var target: String?
    public var goal: String?
    public var language: Language
    /// Where the log is written, for the closing message.
    public var logPath: String
    /// Without a target (clustering): a known label column to compare the clusters with, never a feature.
    public var reference: String?
    /// Seconds the session may spend (nil: no search after the first families).
    public var budget: Double?

    public init(
        path: String, target: String?, goal: String? = nil, language: Language = .en,
        logPath: String = "EXPERIMENTS.md",
        reference: String? = nil, budget: Double? = nil
    ) {
        self.budget = budget
        self.path = path
        self.target = target
        self.goal = goal
        self.language = language
        self.logPath = logPath
        self.reference = reference
    }

    /// Reads "titanic.csv target survived" (or "… --target survived", "… cible survived") from a user's text;
    /// "wine.csv reference target" (or "--reference", "référence") names a reference column for clustering.
    public static func parse(_ text: String, language: Language) -> AutopilotBrief? {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "," }).map(String.init)
        guard let file = words.first(where: { $0.lowercased().hasSuffix(".csv") || $0.lowercased().hasSuffix(".tsv") })
        else {
            return nil
        }
        func value(after keys: [String]) -> String? {
            var found: String?
            for (i, w) in words.enumerated() where keys.contains(w.lowercased()) && i + 1 < words.count {
                found = words[i + 1]
            }
            return found?.trimmingCharacters(in: CharacterSet.quotes)
        }
        return AutopilotBrief(
            path: file.trimmingCharacters(in: CharacterSet.quotes),
            target: value(after: ["target", "--target", "cible", "target:", "cible:"]),
            language: language,
            reference: value(after: ["reference", "--reference", "référence", "reference:", "référence:"]))
    }
}

extension CharacterSet {
    fileprivate static let quotes = CharacterSet(charactersIn: "\"'`")
}

/// The rule-based experimenter as a ChatModel.
public struct Autopilot: ChatModel {
    public let brief: AutopilotBrief?
    public let language: Language
    /// When the session started: the brief's budget counts from here.
    public let startedAt: Date
    /// The time now (the system clock; a test scripts it).
    let now: @Sendable () -> Date
    public var displayName: String { "autopilot (rule-based, no LLM)" }

    /// - Parameters:
    ///   - brief: the task; when nil, it is read from the user's message ("data.csv target y").
    ///   - startedAt: the start of the session's budget (now by default; earlier for a resumed session).
    ///   - now: the clock the budget is read from.
    public init(
        brief: AutopilotBrief?, language: Language = .en, startedAt: Date = Date(),
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.brief = brief
        self.language = brief?.language ?? language
        self.startedAt = startedAt
        self.now = now
    }

    public func complete(
        _ request: ChatRequest, onEvent: @escaping @Sendable (ChatStreamEvent) -> Void
    ) async throws -> ChatResponse {
        try Task.checkCancellation()
        let history = AutopilotHistory(messages: request.messages)
        guard let brief = brief ?? AutopilotBrief.parse(history.lastUserText, language: language) else {
            return Self.say(help, onEvent)
        }
        var plan = AutopilotPlan(brief: brief, history: history)
        plan.messages = request.messages
        plan.clock = brief.budget.map { AutopilotClock(budget: $0, elapsed: now().timeIntervalSince(startedAt)) }
        let available = Set(request.tools.map(\.name))
        plan.canFinalize = available.contains("finalize_model")
        if let framing = plan.framing, framing.isClustering {
            return Self.respond(
                AutopilotClustering(brief: brief, framing: framing, messages: request.messages).next(), available,
                onEvent)
        }
        guard let next = plan.next() else {
            if let change = AutopilotMetricChange(plan: plan, messages: request.messages) {
                guard let step = change.next() else { return Self.say(change.final(logPath: brief.logPath), onEvent) }
                if !step.text.isEmpty { onEvent(.textDelta(step.text)) }
                onEvent(.toolCallStarted(index: 0, name: step.name))
                let call = ToolCall(id: step.id, name: step.name, arguments: step.arguments.text)
                return ChatResponse(
                    message: .assistant(step.text.isEmpty ? nil : step.text, toolCalls: [call]),
                    finishReason: "tool_calls")
            }
            return Self.say(AutopilotText(language: brief.language, plan: plan).final(logPath: brief.logPath), onEvent)
        }
        return Self.respond(
            (id: next.id, name: Optional(next.name), arguments: next.arguments, text: next.text), available, onEvent)
    }

    /// One step as the answer (text, then its tool call), or the closing words when `step` has no tool.
    static func respond(
        _ step: (id: String, name: String?, arguments: JSONValue, text: String), _ available: Set<String>,
        _ onEvent: @Sendable (ChatStreamEvent) -> Void
    ) -> ChatResponse {
        guard let name = step.name else { return say(step.text, onEvent) }
        guard available.contains(name) else {
            return say("The Autopilot needs the tool \(name), which this session does not offer.", onEvent)
        }
        onEvent(.textDelta(step.text))
        onEvent(.toolCallStarted(index: 0, name: name))
        let call = ToolCall(id: step.id, name: name, arguments: step.arguments.text)
        return ChatResponse(message: .assistant(step.text, toolCalls: [call]), finishReason: "tool_calls")
    }

    static func say(_ text: String, _ onEvent: @Sendable (ChatStreamEvent) -> Void) -> ChatResponse {
        onEvent(.textDelta(text))
        return ChatResponse(message: .assistant(text), finishReason: "stop")
    }

    private var help: String { AutopilotMessage.help.text(language) }

    static func toolName(_ step: AutopilotStep) -> String {
        switch step {
        case .load: "load_data"
        case .search: "train_model"
        case .context, .logBaseline, .logLinear, .logGbdt, .logText, .logLeakCheck, .logExplain, .decision: "append_log"
        case .baseline, .linear, .gbdt, .text, .leakCheck: "train_model"
        case .compareLinear, .compareGbdt, .compareText, .compareLeakCheck, .test: "compute_metrics"
        case .explain: "explain_model"
        case .finalize: "finalize_model"
        }
    }
}
