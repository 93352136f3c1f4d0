// `mlexp chat [--data FILE] [--target COL]`: the interactive session. Line editing and history on a
// terminal, plain lines in a pipe (no prompt, no colours); answers stream; each tool call shows as one
// line with its outcome; Ctrl-C cancels the running answer or tool (the session goes on) or, at the prompt,
// discards the line as a shell does; Ctrl-D on an empty line or /exit leaves.
// `--resume [TRANSCRIPT]` continues the latest (or the named) unfinished chat: its conversation is
// rebuilt, an unanswered turn goes on, then the prompt comes back.

import Agent
import ArgumentParser
import Foundation
import Languages
import Tracking

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
    @Flag(help: "Continue the latest unfinished chat (or the transcript given after it) from its last complete step.")
    var resume = false
    @Argument(help: "With --resume: the transcript (.jsonl) to continue.") var resumeFrom: String?
    @OptionGroup var transcript: TranscriptOptions
    @OptionGroup var mlflow: MLflowOptions
    @OptionGroup var wandb: WandbOptions

    func run() async throws {
        let workspace = Workspace.current()
        if resumeFrom != nil && !resume { throw ValidationError("A transcript argument goes with --resume.") }
        let resumed =
            resume
            ? try ResumeChoice.find(
                file: resumeFrom, target: nil, command: "chat", workspace: workspace, folder: transcript.folder)
            : nil
        let header = resumed?.transcript.header
        let data = header.map(\.data) ?? data
        let target = header.map(\.target) ?? target
        guard
            let language = header.flatMap({ Language(rawValue: $0.language) })
                ?? Language.choose(lang, environment: ProcessInfo.processInfo.environment)
        else {
            throw ValidationError("--lang must be en or fr, not '\(lang ?? "")'.")
        }
        if target != nil && data == nil { throw ValidationError("--target needs --data FILE.") }
        let terminal = Terminal()
        if let data {
            do { _ = try workspace.resolve(data) } catch { throw ValidationError(error.messageForModel) }
        }
        let brief = data.map { AutopilotBrief(path: $0, target: target, language: language) }
        let choice: ModelChoice
        do {
            choice = try ModelChoice.resolve(
                model: model ?? header.flatMap { $0.model.hasPrefix("autopilot") ? "autopilot" : nil },
                baseURL: baseURL, workspace: workspace, brief: brief, language: language)
        } catch { throw ValidationError("\(error)") }

        let renderer = SessionRenderer(terminal: terminal, language: language)
        let spinner = renderer.spinner
        let sessionID = try resumed.flatMap { $0.sessionID(store: try RunStore(workspace: workspace.root)) }
        let session = Session(language: language, id: sessionID)
        let context = try ToolContext.open(workspace: workspace, session: session, progress: { spinner.note($0) })
        let tools = try StandardTools.registry(context)
        var recorder: TranscriptRecorder?
        if let resumed {
            for note in await resumed.restore(into: context, tools: tools) {
                terminal.line(terminal.styled("Resume: " + note + ".", .dim))
            }
            recorder = ResumeChoice.recorder(resumed, workspace: workspace, terminal: terminal)
            terminal.line(terminal.styled(ResumeChoice.banner(resumed, language: language), .bold))
        } else {
            recorder = transcript.recorder(
                command: "chat", name: TranscriptOptions.name(for: data, fallback: "chat"), choice: choice,
                workspace: workspace, language: language, data: data, target: target, goal: nil, session: session.id,
                terminal: terminal)
        }
        defer { recorder?.close() }
        let loop = AgentLoop(
            model: choice.model, tools: tools, systemPrompt: Prompts.system(language),
            limits: LoopLimits(maxModelTurns: maxTurns), observers: [renderer] + (recorder.map { [$0] } ?? []),
            history: resumed?.history ?? [], language: language)
        await loop.setSampling(temperature: choice.temperature, stop: nil, maxTokens: maxTokens)

        let interactive = terminal.inputIsTerminal
        terminal.line(terminal.styled(choice.banner, .bold))
        if interactive {
            terminal.line(
                terminal.styled(SessionMessage.chatHelp.text(language), .dim))
        }
        // The prompt itself takes Ctrl-C as a key (LineReader); a SIGINT between turns ends a piped session
        // as it would any command in a pipeline, and only reminds how to leave on a terminal.
        let interrupts = Interrupts(onIdle: {
            guard interactive else { Foundation.exit(130) }
            terminal.line(
                terminal.styled("\n" + SessionMessage.howToLeave.text(language), .dim))
        })
        interrupts.install()
        let slash = SlashCommands(terminal: terminal, context: context, choice: choice)

        if let resumed {
            if resumed.hasStarted && !resumed.isFinished {
                let pending = resumed.pending
                _ = await interrupts.run { await loop.resume(pending: pending) }
                renderer.endLine()
            }
        } else if let data {
            let first = SessionMessage.chatFirst(data: data, target: target).text(language)
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
                            : terminal.styled("  " + SessionMessage.howToLeave.text(language), .dim)))
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
