// `mlexp eval SUITE [--model NAME] [--repeat N] [--out DIR] [--scenario NAME]… [LLM options]`: runs every scenario of a suite file in a
// fresh temporary workspace and writes a scorecard (Markdown and JSON) with each session's transcript;
// exit 0 when every check of every run passed. `mlexp eval compare A.json B.json` shows two scorecards
// side by side.

import Agent
import ArgumentParser
import Foundation
import Languages
import MLCore

struct EvalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate the assistant on a suite of scripted scenarios and write a scorecard.",
        subcommands: [EvalRunCommand.self, EvalCompareCommand.self],
        defaultSubcommand: EvalRunCommand.self)
}

struct EvalRunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a suite (the default: `mlexp eval SUITE`).",
        discussion:
            "Exit status 0 when every check of every scenario passed, 1 otherwise, 2 for a suite that cannot be read.")

    @Argument(help: "The suite file (JSON), e.g. evals/core.json.") var suite: String
    @Option(help: "autopilot, or the model name of the endpoint (default: as `mlexp run` chooses).") var model: String?
    @Option(name: .customLong("base-url"), help: "OpenAI-compatible endpoint, e.g. http://127.0.0.1:8080/v1.")
    var baseURL: String?
    @Option(name: .customLong("repeat"), help: "Runs per scenario (more than 1 for a model that is not deterministic).")
    var repeats: Int = 1
    @Option(help: "Folder for scorecard.json, scorecard.md and the transcripts (default: eval-results/<suite>-<time>).")
    var out: String?
    @Option(name: .customLong("scenario"), help: "Run only this scenario (repeat the flag for several).")
    var scenarios: [String] = []
    @OptionGroup var llm: LLMSessionOptions

    func run() async throws {
        let terminal = Terminal()
        guard repeats >= 1 else { throw ValidationError("--repeat must be 1 or more.") }
        let suiteURL = URL(fileURLWithPath: suite)
        var loaded: EvalSuite
        do { loaded = try EvalSuite.load(suiteURL) } catch {
            terminal.error("mlexp eval: \(error.description)")
            throw ExitCode(2)
        }
        if !scenarios.isEmpty {
            let names = loaded.scenarios.map(\.name)
            if let unknown = scenarios.first(where: { !names.contains($0) }) {
                terminal.error(
                    "mlexp eval: no scenario '\(unknown)' in \(suite).\(NameSuggestion.didYouMean(unknown, among: names)) Scenarios: \(names.joined(separator: ", "))."
                )
                throw ExitCode(2)
            }
            loaded.scenarios = loaded.scenarios.filter { scenarios.contains($0.name) }
        }
        let stamp: String = {
            let f = DateFormatter()
            f.locale = Locale(identifier: "en_US_POSIX")
            f.timeZone = TimeZone(identifier: "UTC")
            f.dateFormat = "yyyyMMdd-HHmmss"
            return f.string(from: Date())
        }()
        let outURL = URL(fileURLWithPath: out ?? "eval-results/\(loaded.name)-\(stamp)")
        let (flagModel, flagURL) = (model, baseURL)
        // The model's tool-call mode, context and prompt are found out once, as `mlexp run` would, and every
        // scenario's session is set up the same way (each gets a fresh client in the found mode).
        var setup = EvalSessionSetup()
        var toolCalls = llm.toolCalls
        if let first = loaded.scenarios.first {
            let language = Language(rawValue: first.language ?? "en") ?? .en
            let probe: ModelChoice
            do {
                probe = try ModelChoice.resolve(
                    model: flagModel, baseURL: flagURL, workspace: Workspace.current(), brief: nil, language: language,
                    toolCalls: toolCalls, defaultToolCalls: .auto)
            } catch { throw ValidationError("\(error)") }
            if !probe.isAutopilot {
                let prepared = await llm.prepare(
                    probe, workspace: Workspace.current(), terminal: terminal, language: language)
                toolCalls = prepared.toolCalls?.mode.rawValue ?? toolCalls
                setup = EvalSessionSetup(
                    smallPrompt: prepared.smallPrompt, maxTokens: llm.maxTokens,
                    temperature: probe.temperature ?? (prepared.smallPrompt ? 0 : nil), contextWindow: prepared.window,
                    toolCallMode: prepared.toolCalls?.mode ?? .native, counter: prepared.counter, unattended: true)
            }
        }
        let modeFlag = toolCalls
        let factory: EvalHarness.ModelFactory = { scenario, file, language in
            let brief = AutopilotBrief(
                path: file, target: scenario.target, language: language, reference: scenario.reference)
            return try ModelChoice.resolve(
                model: flagModel, baseURL: flagURL, workspace: Workspace.current(), brief: brief, language: language,
                toolCalls: modeFlag, defaultToolCalls: .auto
            ).model
        }
        terminal.line(
            terminal.styled("Evaluating \(loaded.name): \(loaded.scenarios.count) scenario(s) × \(repeats)", .bold))
        let card: Scorecard
        do {
            card = try await EvalHarness.run(
                loaded, repeats: repeats, makeModel: factory, out: outURL,
                mlexpVersion: MLExp.configuration.version, setup: setup,
                progress: { run in
                    let mark = run.passed ? terminal.styled("✓", .green) : terminal.styled("✗", .red)
                    let failed = run.checks.filter { !$0.passed }.map(\.name)
                    terminal.line(
                        "  \(mark) \(run.scenario) #\(run.attempt): \(run.checks.count - failed.count)/\(run.checks.count) checks, "
                            + String(format: "%d turns, %d tokens, %.1f s", run.turns, run.tokens, run.seconds)
                            + (failed.isEmpty ? "" : " — failed: \(failed.joined(separator: ", "))"))
                })
        } catch {
            terminal.error("mlexp eval: \(error.description)")
            throw ExitCode(2)
        }
        terminal.line()
        terminal.write(card.markdown)
        terminal.line()
        terminal.line("Scorecard: \(outURL.appendingPathComponent("scorecard.md").path) and scorecard.json")
        if !card.allPassed { throw ExitCode(1) }
    }
}

struct EvalCompareCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare", abstract: "Show two scorecards (scorecard.json) side by side.")

    @Argument(help: "The first scorecard.json.") var a: String
    @Argument(help: "The second scorecard.json.") var b: String

    func run() async throws {
        let terminal = Terminal()
        do {
            let x = try Scorecard.read(URL(fileURLWithPath: a)), y = try Scorecard.read(URL(fileURLWithPath: b))
            terminal.write(Scorecard.comparison(x, y, names: (a, b)))
        } catch {
            terminal.error("mlexp eval compare: \(error.description)")
            throw ExitCode(2)
        }
    }
}
