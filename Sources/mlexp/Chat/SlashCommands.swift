// The chat's slash commands: /help, /runs (the recorded runs, best first), /log (EXPERIMENTS.md),
// /model (what answers, and whether it is an LLM), /exit.

import Agent
import Foundation
import Tracking

struct SlashCommands {
    enum Result { case handled, exit }

    let terminal: Terminal
    let context: ToolContext
    let choice: ModelChoice

    func handle(_ text: String, loop: AgentLoop) async -> Result {
        let command = text.split(separator: " ").first.map(String.init) ?? text
        switch command {
        case "/exit", "/quit": return .exit
        case "/help":
            terminal.line(
                """
                /help    this help
                /runs    the recorded runs, best first
                /log     the experiment log (EXPERIMENTS.md)
                /model   the model answering (LLM or Autopilot)
                /exit    leave (or Ctrl-D)
                Anything else is sent to the assistant. Ctrl-C cancels an answer or a running tool.
                """)
        case "/runs":
            let outcome = await ListRunsTool().runOutcome(in: context)
            guard let runs = outcome["runs"]?.arrayValue, !runs.isEmpty else {
                terminal.line(outcome["error"]?.stringValue ?? "No run recorded yet.")
                return .handled
            }
            for r in runs {
                let metric = r["main_metric"]?.stringValue ?? ""
                let m = r["metrics"]?[metric]
                terminal.line(
                    "\(r["run_id"]?.stringValue ?? "?")  \(r["model"]?.stringValue ?? "?")  \(metric) \(ToolLine.f3(m?["mean"])) ± \(ToolLine.f3(m?["std"]))  \(r["hypothesis"]?.stringValue ?? "")"
                )
            }
        case "/log":
            if let text = try? String(contentsOfFile: context.log.markdownPath, encoding: .utf8) {
                terminal.write(text)
            } else {
                terminal.line("No log yet (\(context.log.markdownPath)).")
            }
        case "/model":
            terminal.line(choice.banner)
            let turns = await loop.messages.count
            terminal.line(
                terminal.styled("\(turns) messages in this conversation; prompt version \(Prompts.version).", .dim))
        default:
            terminal.line("Unknown command \(command). /help lists the commands.")
        }
        return .handled
    }
}

extension AgentTool {
    /// Runs the tool outside the loop (slash commands); an error comes back as {"error": …}.
    func runOutcome(_ arguments: JSONValue = [:], in context: ToolContext) async -> JSONValue {
        do { return try await run(arguments, in: context) } catch { return ["error": .string(error.messageForModel)] }
    }
}
