// `mlexp run FILE --target COL`: a whole session with no person. The model (an LLM, or the Autopilot
// when none is configured) frames the problem, trains the baseline and the candidates, compares them,
// explains the best, logs every experiment and ends with a decision; the journey prints as it goes,
// with the explained model's top features as Unicode bars.
// Without --target the session clusters (`--reference COL` names a known label to compare with).
// `--resume [TRANSCRIPT]` continues the latest (or the named) unfinished session (SessionResume).

import Agent
import ArgumentParser
import Foundation
import Languages
import Tracking

struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract:
            "Run a whole experiment session on a CSV, with no person: frame, baseline, models, comparison, interpretation, decision.",
        discussion: """
            Without an LLM endpoint (--base-url, OPENAI_BASE_URL, OPENAI_API_KEY or .mlexp/config.json) the
            built-in Autopilot runs the session: a deterministic rule-based engine, not an LLM.
            Runs go to .mlexp/runs.sqlite and the log to EXPERIMENTS.md, in the current directory.
            The Autopilot spends --budget (default for its search: 2m): after the baseline and the first families it searches
            (tuning, random forest, target transforms, class weights, regularisation, an ensemble), stops
            early when the search stops paying, and keeps time to explain and decide.
            """)

    @Argument(help: "The CSV file, inside the current directory (with --resume: or the transcript to resume).")
    var file: String?
    @Option(help: "The column to predict. Leave it out to find groups (clustering).") var target: String?
    @Option(help: "Clustering only (no --target): a known label column to compare the clusters with; never a feature.")
    var reference: String?
    @Option(help: "The business goal, in a sentence.") var goal: String?
    @Option(help: "autopilot, or the model name of the endpoint.") var model: String?
    @Option(name: .customLong("base-url"), help: "OpenAI-compatible endpoint, e.g. http://127.0.0.1:8080/v1.")
    var baseURL: String?
    @Option(help: "Language of the session and the log: en or fr (default: fr when the locale is French, else en).")
    var lang: String?
    @Option(name: .customLong("max-turns"), help: "Model turns before the session stops.") var maxTurns: Int = 60
    @OptionGroup var llm: LLMSessionOptions
    @OptionGroup var budget: BudgetOptions
    @Flag(
        help:
            "Continue the latest unfinished session (of FILE and --target when given), or the transcript given as FILE, from its last complete step."
    )
    var resume = false
    @OptionGroup var transcript: TranscriptOptions
    @OptionGroup var mlflow: MLflowOptions
    @OptionGroup var wandb: WandbOptions

    func run() async throws {
        let workspace = Workspace.current()
        var resumed: SessionResume?
        if resume {
            resumed = try ResumeChoice.find(
                file: file, target: target, command: "run", workspace: workspace, folder: transcript.folder)
            if let r = resumed, r.isFinished {
                print("The session of \(r.url.path) already ended with an answer; nothing to resume.")
                return
            }
        }
        let header = resumed?.transcript.header
        let file = header?.data ?? file
        let target = header.map(\.target) ?? target
        let goal = header.map(\.goal) ?? goal
        guard let file else {
            throw ValidationError("Give the CSV file to run on, e.g. `mlexp run titanic.csv --target survived`.")
        }
        guard
            let language = header.flatMap({ Language(rawValue: $0.language) })
                ?? Language.choose(lang, environment: ProcessInfo.processInfo.environment)
        else {
            throw ValidationError("--lang must be en or fr, not '\(lang ?? "")'.")
        }
        let terminal = Terminal()
        do { _ = try workspace.resolve(file) } catch {
            throw ValidationError("\(error.messageForModel) Run mlexp from the folder that holds the data.")
        }
        if target != nil && reference != nil {
            throw ValidationError("--reference is for clustering, without --target; leave one of them out.")
        }
        // The Autopilot's search budget: --budget, else 2 minutes (the loop itself stops only at an explicit --budget).
        let seconds = try budget.seconds() ?? 120
        let brief = AutopilotBrief(
            path: file, target: target, goal: goal, language: language, reference: reference, budget: seconds)
        let choice: ModelChoice
        do {
            choice = try ModelChoice.resolve(
                model: model ?? header.flatMap { $0.model.hasPrefix("autopilot") ? "autopilot" : nil },
                baseURL: baseURL, workspace: workspace, brief: brief, language: language, toolCalls: llm.toolCalls,
                defaultToolCalls: .auto,
                // A resumed session's budget counts the time the interrupted one already spent.
                startedAt: Date().addingTimeInterval(-Double(resumed?.transcript.durationMS ?? 0) / 1000))
        } catch { throw ValidationError("\(error)") }
        terminal.line(terminal.styled(choice.banner, .bold))

        let prepared = await llm.prepare(choice, workspace: workspace, terminal: terminal, language: language)

        let renderer = SessionRenderer(terminal: terminal, language: language)
        let spinner = renderer.spinner
        let sessionID = try resumed.flatMap { $0.sessionID(store: try RunStore(workspace: workspace.root)) }
        // A resumed session keeps the default target its transcript recorded (none for older builds).
        let sessionTarget = resumed.map { $0.transcript.header.sessionTarget } ?? target
        let session = Session(language: language, goal: goal, id: sessionID, target: sessionTarget)
        let context = try ToolContext.open(workspace: workspace, session: session, progress: { spinner.note($0) })
        let registry = try StandardTools.registry(context)
        var recorder: TranscriptRecorder?
        if let resumed {
            for note in await resumed.restore(into: context, tools: registry) {
                terminal.line(terminal.styled("Resume: " + note + ".", .dim))
            }
            recorder = ResumeChoice.recorder(resumed, workspace: workspace, terminal: terminal)
            terminal.line(terminal.styled(ResumeChoice.banner(resumed, language: language), .bold))
        } else {
            recorder = transcript.recorder(
                command: "run", name: TranscriptOptions.name(for: file, fallback: "run"), choice: choice,
                workspace: workspace, language: language, data: file, target: target, goal: goal, session: session.id,
                terminal: terminal, toolCalls: prepared.toolCalls?.mode.rawValue,
                contextTokens: prepared.window?.tokens,
                sessionTarget: sessionTarget)
        }
        let steps = WorkflowSteps()
        // A small model sees only the arguments the workflow needs (SmallToolProfile).
        let tools: any ToolExecuting = prepared.smallPrompt ? SmallToolProfile(registry) : registry
        // The Autopilot plans its own steps inside the budget and closes with the explanation, the sealed
        // test and the decision; the loop's hard stop is only a safety net for it (a machine much slower
        // than measured must not cut a session before its decision). An LLM's session stops at the budget.
        let hardStop = try budget.seconds().map { choice.isAutopilot ? $0 * 2 + 60 : $0 }
        let loop = AgentLoop(
            model: choice.model, tools: tools, systemPrompt: Prompts.system(language, small: prepared.smallPrompt),
            limits: LoopLimits(maxModelTurns: maxTurns, sessionTokens: budget.tokenBudget, sessionSeconds: hardStop),
            observers: [renderer, ImportanceBars(terminal: terminal, language: language), steps]
                + (recorder.map { [$0] } ?? []),
            history: resumed?.history ?? [], language: language)
        await loop.setSampling(
            temperature: choice.temperature ?? (prepared.smallPrompt ? 0 : nil), stop: nil,
            maxTokens: choice.isAutopilot ? nil : llm.maxTokens)
        if let window = prepared.window {
            let overhead = ContextBudget.estimate(
                (prepared.toolCalls?.mode ?? .native).promptText(for: tools.definitions))
            await loop.setContextBudget(
                ContextBudget(
                    contextTokens: window.tokens, source: window.source, overheadTokens: overhead,
                    counter: prepared.counter),
                summary: { steps.progress(context).summary })
        }

        if !choice.isAutopilot, target != nil {
            // With no person to answer, every answer acts until the workflow is complete.
            await loop.requireToolCalls { !steps.progress(context).missing.isEmpty }
            if prepared.smallPrompt { await loop.setGuide { steps.progress(context).nextStep(target: target) } }
        }
        let interrupts = Interrupts(onIdle: {})
        interrupts.install()
        let pending = resumed.flatMap { $0.hasStarted ? $0.pending : nil }
        var outcome = await interrupts.run {
            if let pending { return await loop.resume(pending: pending) }
            return await loop.send(Self.request(brief))
        }
        // With no person to say "go on", the harness says what of the workflow is still missing when the
        // model stops early, as long as each answer moves the session forward.
        var nudges = 0
        var last = steps.progress(context)
        while case .answered = outcome, !choice.isAutopilot, target != nil, nudges < 4, !last.missing.isEmpty {
            nudges += 1
            let nudge = last.nudge(language)
            outcome = await interrupts.run { await loop.send(nudge) }
            let now = steps.progress(context)
            if now == last, case .answered = outcome { break }
            last = now
        }
        recorder?.close()
        renderer.endLine()
        await mlflow.finishSession(
            store: context.store, log: context.log, session: session.id,
            notice: { terminal.line(terminal.styled($0, .dim)) })
        wandb.finishSession(
            workspace: context.workspace.root, session: session.id, notice: { terminal.line(terminal.styled($0, .dim)) }
        )
        terminal.line()
        let final = steps.progress(context)
        if !final.didAnything {
            terminal.error(SessionMessage.didNothing.text(language))
            throw ExitCode(1)
        }
        terminal.line(terminal.styled(SessionMessage.logAt(context.log.markdownPath).text(language), .bold))
        if case .stopped = outcome { throw ExitCode(1) }
    }

    /// What the harness says when the model stopped before the workflow was complete.
    /// The user turn that starts the session.
    static func request(_ brief: AutopilotBrief) -> String {
        let goal = brief.goal.map { $0.hasSuffix(".") ? $0 : $0 + "." } ?? ""
        guard let target = brief.target else {
            let reference = brief.reference.map { SessionMessage.referenceLabel($0).text(brief.language) } ?? ""
            return SessionMessage.clusteringRequest(path: brief.path, goal: goal, reference: reference).text(
                brief.language)
        }
        return SessionMessage.request(path: brief.path, target: target, goal: goal).text(brief.language)
    }
}
