// How tool calls travel between the harness and the model: `native` (OpenAI `tools`, the server's chat
// template turns them into calls), `structured` (the tool catalogue in the prompt, every answer constrained
// by a JSON schema to one object holding what to say and the calls), or `auto`, which finds out on the
// first request whether native calls work with this server and model and falls back to structured.

/// The way tool calls are asked for and read back.
public enum ToolCallMode: String, Sendable, Equatable, CaseIterable, Codable {
    case native, structured, auto

    /// Parses a flag or config value ("native", "structured", "auto").
    public init?(flag: String) {
        self.init(rawValue: flag.trimmingCharacters(in: .whitespaces).lowercased())
    }
}
