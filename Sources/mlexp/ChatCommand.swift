// `mlexp chat [--data FILE] [--target COL]`: the interactive session. Line editing and history on a
// terminal, plain lines in a pipe (no prompt, no colours); answers stream; each tool call shows as one
// line with its outcome; Ctrl-C cancels the running answer or tool (the session goes on) or, at the prompt,
// discards the line as a shell does; Ctrl-D on an empty line or /exit leaves.

import Agent
import ArgumentParser
import Foundation

struct ChatCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chat",
        abstract: "Chat with the assistant; it runs the experiments as you ask.",
        discussion: "Slash commands: /help /runs /log /model /exit. Ctrl-C cancels the current answer, Ctrl-D leaves.")

    @Option(help: "A CSV file to start with (inside the current directory).") var data: String?
    @Option(help: "The column to predict in --data.") var target: String?
    @Option(help: "autopilot, or the model name of the endpoint.") var model: String?
    @Option(name: .customLong("base-url"), help: "OpenAI-compatible endpoint, e.g. http://127.0.0.1:8080/v1.")
    var baseURL: String?
    @Option(help: "Language of the session and the log: en or fr (default: fr when the locale is French, else en).")
    var lang: String?
    @Option(name: .customLong("max-turns"), help: "Model turns per message before the answer stops.") var maxTurns:
        Int = 40
    @Option(name: .customLong("max-tokens"), help: "Most tokens per model answer (default: the server's).")
    var maxTokens: Int?
    @OptionGroup var transcript: TranscriptOptions
    @OptionGroup var mlflow: MLflowOptions
    @OptionGroup var wandb: WandbOptions

    func run() async throws {
        guard let language = SessionLanguage.choose(lang, environment: ProcessInfo.processInfo.environment) else {
            throw ValidationError("--lang must be en or fr, not '\(lang ?? "")'.")
        }
        if target != nil && data == nil { throw ValidationError("--target needs --data FILE.") }
        let terminal = Terminal()
        let workspace = Workspace.current()
        if let data {
            do { _ = try workspace.resolve(data) } catch { throw ValidationError(error.messageForModel) }
        }
        let brief = data.map { AutopilotBrief(path: $0, target: target, language: language) }
        let choice: ModelChoice
        do {
            choice = try ModelChoice.resolve(
                model: model, baseURL: baseURL, workspace: workspace, brief: brief, language: language)
        } catch { throw ValidationError("\(error)") }

        let renderer = SessionRenderer(terminal: terminal, language: language)
        let spinner = renderer.spinner
        let session = Session(language: language)
        let context = try ToolContext.open(workspace: workspace, session: session, progress: { spinner.note($0) })
        let recorder = transcript.recorder(
            command: "chat", name: TranscriptOptions.name(for: data, fallback: "chat"), choice: choice,
            workspace: workspace, language: language, data: data, target: target, goal: nil, terminal: terminal)
        defer { recorder?.close() }
        let loop = AgentLoop(
            model: choice.model, tools: try StandardTools.registry(context), systemPrompt: Prompts.system(language),
            limits: LoopLimits(maxModelTurns: maxTurns), observers: [renderer] + (recorder.map { [$0] } ?? []),
            language: language)
        await loop.setSampling(temperature: choice.temperature, stop: nil, maxTokens: maxTokens)

        let interactive = terminal.inputIsTerminal
        terminal.line(terminal.styled(choice.banner, .bold))
        if interactive {
            terminal.line(
                terminal.styled(
                    language == .fr
                        ? "/help pour les commandes, Ctrl-C annule une réponse, Ctrl-D pour quitter."
                        : "/help for commands, Ctrl-C cancels an answer, Ctrl-D leaves.", .dim))
        }
        // The prompt itself takes Ctrl-C as a key (LineReader); a SIGINT between turns ends a piped session
        // as it would any command in a pipeline, and only reminds how to leave on a terminal.
        let interrupts = Interrupts(onIdle: {
            guard interactive else { Foundation.exit(130) }
            terminal.line(
                terminal.styled(
                    language == .fr ? "\n(Ctrl-D ou /exit pour quitter)" : "\n(Ctrl-D or /exit to leave)", .dim))
        })
        interrupts.install()
        let slash = SlashCommands(terminal: terminal, context: context, choice: choice)

        if let data {
            let first =
                language == .fr
                ? "Charge \(data)\(target.map { " avec la cible '\($0)'" } ?? "") et cadre le problème."
                : "Load \(data)\(target.map { " with target '\($0)'" } ?? "") and frame the problem."
            if !interactive { terminal.line("> " + first) }
            _ = await interrupts.run { await loop.send(first) }
            renderer.endLine()
        }
        let reader = LineReader(interactive: interactive)
        let prompt = terminal.colors ? "\u{1B}[1mmlexp>\u{1B}[0m " : "mlexp> "
        reading: while true {
            let line: String
            switch reader.next(prompt: interactive ? prompt : "") {
            case .end: break reading
            case .interrupted(let hadText):
                // As a shell: the line is dropped and a new prompt follows; an empty one also says how to leave.
                terminal.line(
                    "^C"
                        + (hadText
                            ? ""
                            : terminal.styled(
                                language == .fr ? "  (Ctrl-D ou /exit pour quitter)" : "  (Ctrl-D or /exit to leave)",
                                .dim)))
                continue
            case .line(let l): line = l
            }
            let text = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if text.isEmpty { continue }
            if text.hasPrefix("/") {
                if await slash.handle(text, loop: loop) == .exit { break }
                continue
            }
            _ = await interrupts.run { await loop.send(text) }
            renderer.endLine()
        }
        if interactive { terminal.line() }
        await mlflow.finishSession(
            store: context.store, log: context.log, session: session.id,
            notice: { terminal.line(terminal.styled($0, .dim)) })
        wandb.finishSession(
            workspace: context.workspace.root, session: session.id, notice: { terminal.line(terminal.styled($0, .dim)) }
        )
    }
}
