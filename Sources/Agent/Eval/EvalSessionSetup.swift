// How an evaluated session talks to its model, as `mlexp run` would set it up for that model: the
// system prompt (small for a small context), the tools a small model sees, the answer cap, the
// sampling temperature and the context budget with its harness-written summary. The default is the
// full prompt and every tool, as for a large hosted model or the Autopilot.
// Leaves out: finding these out from the server (the CLI's LLMSessionOptions).

public import LLMClient

/// The model-facing settings of an evaluated session.
public struct EvalSessionSetup: Sendable {
    /// The short system prompt and the small tool profile.
    public var smallPrompt: Bool
    /// Tokens per answer (nil: the server's default).
    public var maxTokens: Int?
    public var temperature: Double?
    /// The model's context window, with the tool catalogue's overhead still to add (nil: no budget).
    public var contextWindow: ContextWindow?
    /// The tool-call mode, for the overhead of the catalogue in the prompt.
    public var toolCallMode: ToolCallMode
    public var counter: (@Sendable (String) async -> Int?)?
    /// No person answers between the scenario's turns (an LLM session, as `mlexp run`): while the workflow
    /// is incomplete every answer must call a tool, and a small model gets the guide's next step.
    public var unattended: Bool

    public init(
        smallPrompt: Bool = false, maxTokens: Int? = nil, temperature: Double? = nil,
        contextWindow: ContextWindow? = nil, toolCallMode: ToolCallMode = .native,
        counter: (@Sendable (String) async -> Int?)? = nil, unattended: Bool = false
    ) {
        self.smallPrompt = smallPrompt
        self.maxTokens = maxTokens
        self.temperature = temperature
        self.contextWindow = contextWindow
        self.toolCallMode = toolCallMode
        self.counter = counter
        self.unattended = unattended
    }
}
