// The flags of an LLM-driven session that small local models need: how tool calls travel
// (--tool-calls), the answer cap (--max-tokens), the context window (--context, else the server's
// /props or /api/show, else `context_tokens` in .mlexp/config.json) and the system prompt (--prompt
// small|full, else small for a context of 16,384 tokens or less). `prepare` finds all of it out before
// the session starts and says it on screen; with the Autopilot there is nothing to find.

import Agent
import ArgumentParser
import Foundation
import LLMClient
import Languages

struct LLMSessionOptions: ParsableArguments {
    @Option(
        name: .customLong("tool-calls"),
        help: "How tool calls travel: native (OpenAI tools), structured (schema-constrained JSON answers) or auto.")
    var toolCalls: String?
    @Option(name: .customLong("max-tokens"), help: "Tokens per model answer (default 1024).") var maxTokens: Int = 1024
    @Option(help: "The model's context window in tokens, when the server does not say it.") var context: Int?
    @Option(help: "System prompt: full, or small (short, for small models; the default for ≤ 16,384-token contexts).")
    var prompt: String?

    func validate() throws {
        if maxTokens < 16 { throw ValidationError("--max-tokens must be at least 16.") }
        if let context, context < 512 { throw ValidationError("--context must be at least 512 tokens.") }
        if let prompt, !["small", "full"].contains(prompt.lowercased()) {
            throw ValidationError("--prompt must be small or full, not '\(prompt)'.")
        }
        if let toolCalls, ToolCallMode(flag: toolCalls) == nil {
            throw ValidationError("--tool-calls must be native, structured or auto, not '\(toolCalls)'.")
        }
    }

    /// What was found out about the model before the session.
    struct Prepared {
        var toolCalls: ToolCallResolution?
        var window: ContextWindow?
        var smallPrompt: Bool
        var counter: (@Sendable (String) async -> Int?)?
    }

    /// Finds the tool-call mode and the context window of `choice`, says them, and picks the prompt.
    func prepare(_ choice: ModelChoice, workspace: Workspace, terminal: Terminal, language: Language) async
        -> Prepared
    {
        var prepared = Prepared(toolCalls: nil, window: nil, smallPrompt: prompt?.lowercased() == "small")
        guard let client = choice.model as? OpenAIClient else { return prepared }
        if let context {
            prepared.window = ContextWindow(tokens: context, source: "--context")
        } else if let window = await client.contextWindow() {
            prepared.window = window
        } else if let tokens = (try? ModelChoice.configFile(workspace))??.contextTokens {
            prepared.window = ContextWindow(tokens: tokens, source: ".mlexp/config.json context_tokens")
        }
        if prepared.window?.source == "llama.cpp /props" {
            prepared.counter = { text in await client.tokenCount(text) }
        }
        if prompt == nil { prepared.smallPrompt = Prompts.prefersSmall(contextTokens: prepared.window?.tokens) }
        terminal.line(terminal.styled(SessionMessage.checkingToolCalls.text(language), .dim))
        let resolution = await client.toolCallMode()
        prepared.toolCalls = resolution
        let window =
            prepared.window.map { "\($0.tokens) tokens (\($0.source))" }
            ?? SessionMessage.unknownWindow.text(language)
        terminal.line(
            terminal.styled(
                SessionMessage.toolCalls(
                    mode: resolution.mode.rawValue, reason: resolution.reason, window: window,
                    small: prepared.smallPrompt, maxTokens: maxTokens
                ).text(language),
                .dim))
        return prepared
    }
}
