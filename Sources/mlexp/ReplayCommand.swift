// `mlexp replay FILE`: plays a saved session back as it looked, feeding the recorded assistant turns
// instead of a model and re-running every tool call on the local core in a fresh folder (a copy of the
// recording's datasets; the user's runs and log are not touched), then says which results differ.
// Exit 0: all match; 1: a divergence; 2: the file is unreadable or of an unsupported version.
// `--live` sends the recorded user turns to the configured model instead (nothing is compared).

import Agent
import ArgumentParser
import Foundation
import Languages

struct ReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract:
            "Replay a saved transcript, re-running every tool call and checking its results against the recording.",
        discussion: """
            Exit status: 0 when every tool result matches the recording, 1 on a divergence, 2 when the file
            cannot be read or its format version is not supported. Numbers match within --tolerance
            (|a − b| ≤ T·max(1, |a|, |b|)); ids, run ids, timings and paths are not compared.
            The replay runs in a temporary folder holding copies of the recording's datasets.
            """)

    @Argument(help: "The transcript (.jsonl).") var file: String
    @Option(help: "Play at the recorded pace times X (default: 1 on a terminal, at once otherwise).") var speed: Double?
    @Flag(help: "Play at once, without the recorded pauses.") var instant = false
    @Flag(help: "Send the recorded user turns to the configured model instead of replaying its answers.") var live =
        false
    @Option(help: "Relative tolerance for numbers.") var tolerance: Double = 1e-4
    @Option(help: "With --live: autopilot, or the model name of the endpoint.") var model: String?
    @Option(name: .customLong("base-url"), help: "With --live: OpenAI-compatible endpoint.") var baseURL: String?

    func run() async throws {
        let terminal = Terminal()
        let url = URL(fileURLWithPath: file)
        let transcript: Transcript
        do { transcript = try Transcript.read(url) } catch {
            terminal.error("mlexp replay: \(error.description)")
            throw ExitCode(2)
        }
        guard tolerance >= 0, tolerance.isFinite else { throw ValidationError("--tolerance must be a number ≥ 0.") }
        if let speed, !(speed > 0) { throw ValidationError("--speed must be greater than 0 (or use --instant).") }
        let h = transcript.header
        let calls = transcript.messages.filter { $0.message.role == .tool }.count
        terminal.line(
            terminal.styled(
                "Replaying \(url.lastPathComponent): \(h.command) session of \(h.createdAt) with \(h.model) "
                    + "(mlexp \(h.mlexpVersion), prompts \(h.promptVersion)); \(transcript.turns.count) user turn(s), \(calls) tool call(s).",
                .bold))
        for note in transcript.notes { terminal.line(terminal.styled("note: \(note)", .yellow)) }

        let root = FileManager.default.temporaryDirectory.appendingPathComponent("mlexp-replay-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let problems: [String]
        do { problems = try ReplayWorkspace.prepare(transcript, transcriptURL: url, into: root) } catch {
            terminal.error("mlexp replay: \(error.description)")
            throw ExitCode(2)
        }
        for p in problems { terminal.line(terminal.styled("≠ \(p)", .red)) }
        let workspace = Workspace(root: root)
        let language = Language(rawValue: h.language) ?? .en
        let session = Session(language: language, goal: h.goal, target: h.sessionTarget)
        let renderer = ReplayRenderer(terminal: terminal, language: language)
        let spinner = renderer.session.spinner
        let context = try ToolContext.open(workspace: workspace, session: session, progress: { spinner.note($0) })
        let tools = try StandardTools.registry(context)
        let pace = instant ? nil : (speed ?? (terminal.outputIsTerminal ? 1 : nil))

        let interrupts = Interrupts(onIdle: {})
        interrupts.install()
        if live {
            try await replayLive(
                transcript, tools: tools, workspace: workspace, language: language, renderer: renderer,
                interrupts: interrupts)
            return
        }
        let options = ReplayOptions(rules: ComparisonRules(tolerance: tolerance), speed: pace)
        let report = await interrupts.run {
            await Replay.run(
                transcript, tools: tools, replayRoot: workspace.root.path, options: options, observers: [renderer],
                problems: problems, onCheck: { renderer.record($0) })
        }
        renderer.session.endLine()
        terminal.line()
        ReplaySummary.print(report, tolerance: tolerance, terminal: terminal)
        if !report.matches { throw ExitCode(1) }
    }

    /// Sends the recorded user turns to a live model with fresh tools; nothing is compared.
    private func replayLive(
        _ transcript: Transcript, tools: ToolRegistry, workspace: Workspace, language: Language,
        renderer: ReplayRenderer, interrupts: Interrupts
    ) async throws {
        let h = transcript.header
        let brief = h.data.map { AutopilotBrief(path: $0, target: h.target, goal: h.goal, language: language) }
        let choice: ModelChoice
        do {
            choice = try ModelChoice.resolve(
                model: model, baseURL: baseURL, workspace: workspace, brief: brief, language: language)
        } catch { throw ValidationError("\(error)") }
        let terminal = renderer.terminal
        terminal.line(
            terminal.styled(
                "Live: the recorded user turns go to \(choice.model.displayName); results are not compared.", .bold))
        let loop = AgentLoop(
            model: choice.model, tools: tools, systemPrompt: Prompts.system(language), observers: [renderer])
        await loop.setSampling(temperature: choice.temperature, stop: nil)
        for turn in transcript.turns {
            _ = await interrupts.run { await loop.send(turn.user.message.content ?? "") }
            renderer.session.endLine()
        }
    }
}

/// The verdict at the end of a replay.
enum ReplaySummary {
    static func print(_ report: ReplayReport, tolerance: Double, terminal: Terminal) {
        let timing = String(
            format: "Replay took %.2f s; the recorded session took %.2f s (its tools %.2f s).",
            report.seconds, report.recordedSeconds, report.recordedToolSeconds)
        if report.matches {
            terminal.line(
                terminal.styled(
                    "✓ All \(report.checks.count) tool call(s) re-run match the recording (tolerance \(tolerance)).",
                    .green))
            terminal.line(timing)
            return
        }
        let differing = report.differing
        terminal.line(
            terminal.styled(
                "✗ The replay diverges from the recording: \(differing.count) of \(report.checks.count) tool call(s) differ"
                    + (report.problems.isEmpty ? "." : ", and \(report.problems.count) other problem(s)."), .red))
        for p in report.problems { terminal.line("  - \(p)") }
        for c in differing {
            terminal.line("  \(c.label):")
            for d in c.differences { terminal.line("      \(d)") }
        }
        terminal.line(timing)
    }
}
