// Runs one scenario once: a fresh temporary workspace holding a copy of the dataset, the standard tools,
// the agent loop with the chosen model, the scripted user turns sent one by one; then the checks read
// the conversation, the run store and the experiment log. The session's transcript is kept when a
// folder is given. Leaves out: repeating and scoring (EvalHarness, Scorecard).

public import Foundation
public import LLMClient
import Languages
import Synchronization
import Tracking

/// What one scenario run produced and how it scored.
public struct ScenarioRun: Sendable {
    public var scenario: String
    public var attempt: Int
    public var checks: [CheckResult]
    /// The success metric's best validation value among the session's runs, when it was measured.
    public var metricValue: Double?
    public var turns: Int
    public var tokens: Int
    /// Mean model latency per request, in milliseconds.
    public var latencyMS: Double
    public var seconds: Double
    /// Why a user turn ended without an answer, when one did.
    public var stops: [String]
    public var transcript: URL?

    public var passed: Bool { checks.allSatisfy(\.passed) }

    public init(
        scenario: String, attempt: Int, checks: [CheckResult], metricValue: Double?, turns: Int, tokens: Int,
        latencyMS: Double, seconds: Double, stops: [String], transcript: URL? = nil
    ) {
        self.scenario = scenario
        self.attempt = attempt
        self.checks = checks
        self.metricValue = metricValue
        self.turns = turns
        self.tokens = tokens
        self.latencyMS = latencyMS
        self.seconds = seconds
        self.stops = stops
        self.transcript = transcript
    }
}

/// Collects model latency and token usage from the loop's events.
final class UsageCollector: AgentObserver {
    private let state = Mutex<(turns: Int, tokens: Int, latency: Double)>((0, 0, 0))
    func handle(_ event: AgentEvent) {
        guard case .message(let m, _, let latency, let usage) = event, m.role == .assistant else { return }
        state.withLock { s in
            s.turns += 1
            s.tokens += usage?.totalTokens ?? 0
            s.latency += latency ?? 0
        }
    }
    var totals: (turns: Int, tokens: Int, latency: Double) { state.withLock { $0 } }
}

/// Runs scenarios.
public enum EvalRunner {
    /// Runs `scenario` once with `model`.
    /// - Parameters:
    ///   - dataset: the dataset file (copied into the workspace under its own name).
    ///   - transcripts: a folder for the session's transcript, or nil for none.
    public static func run(
        _ scenario: EvalScenario, dataset: URL, attempt: Int, model: any ChatModel, transcripts: URL?,
        mlexpVersion: String = "unknown", setup: EvalSessionSetup = EvalSessionSetup()
    ) async throws(EvalError) -> ScenarioRun {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("mlexp-eval-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: root) }
        let file = dataset.lastPathComponent
        do {
            try fm.createDirectory(at: root, withIntermediateDirectories: true)
            try fm.copyItem(at: dataset, to: root.appendingPathComponent(file))
        } catch {
            throw EvalError("scenario \(scenario.name): cannot prepare its workspace: \(error.localizedDescription)")
        }
        let workspace = Workspace(root: root)
        let language = Language(rawValue: scenario.language ?? "en") ?? .en
        let session = Session(language: language, target: scenario.target)
        let context: ToolContext
        let tools: ToolRegistry
        do {
            context = try ToolContext.open(workspace: workspace, session: session)
            tools = try StandardTools.registry(context)
        } catch {
            throw EvalError("scenario \(scenario.name): cannot open its tools: \(error)")
        }
        let usage = UsageCollector()
        let steps = WorkflowSteps()
        var observers: [any AgentObserver] = [usage, steps]
        var recorder: TranscriptRecorder?
        if let transcripts {
            let url = transcripts.appendingPathComponent("\(scenario.name)-\(attempt).jsonl")
            try? fm.removeItem(at: url)
            if let writer = try? TranscriptWriter(url: url) {
                var header = TranscriptHeader(
                    mlexpVersion: mlexpVersion, command: "eval", name: scenario.name,
                    model: model.displayName, endpoint: nil, promptVersion: Prompts.version,
                    language: language.rawValue, seeds: [42], workspace: root.path, data: file,
                    target: scenario.target)
                header.sessionTarget = scenario.target
                let r = TranscriptRecorder(writer: writer, header: header, workspace: workspace)
                recorder = r
                observers.append(r)
            }
        }
        let maxTurns = scenario.budgets?.turns.map { $0 + 1 } ?? 80
        let shown: any ToolExecuting = setup.smallPrompt ? SmallToolProfile(tools) : tools
        let loop = AgentLoop(
            model: model, tools: shown, systemPrompt: Prompts.system(language, small: setup.smallPrompt),
            limits: LoopLimits(maxModelTurns: maxTurns), observers: observers)
        await loop.setSampling(temperature: setup.temperature, stop: nil, maxTokens: setup.maxTokens)
        if let window = setup.contextWindow {
            let overhead = ContextBudget.estimate(setup.toolCallMode.promptText(for: shown.definitions))
            await loop.setContextBudget(
                ContextBudget(
                    contextTokens: window.tokens, source: window.source, overheadTokens: overhead,
                    counter: setup.counter),
                summary: { steps.progress(context).summary })
        }
        if setup.unattended, let target = scenario.target {
            await loop.requireToolCalls { !steps.progress(context).missing.isEmpty }
            if setup.smallPrompt { await loop.setGuide { steps.progress(context).nextStep(target: target) } }
        }
        let start = Date()
        var stops: [String] = []
        for turn in scenario.turns {
            let text = turn.replacingOccurrences(of: "{file}", with: file)
                .replacingOccurrences(of: "{target}", with: scenario.target ?? "")
                .replacingOccurrences(of: "{reference}", with: scenario.reference ?? "")
            if case .stopped(let reason, let message) = await loop.send(text) {
                stops.append("\(reason.rawValue): \(message)")
            }
        }
        // Unattended, as `mlexp run`: a model that stops before the workflow is complete is told what is
        // missing, as long as each answer moves the session forward.
        var last = steps.progress(context)
        var nudges = 0
        while setup.unattended, scenario.target != nil, stops.isEmpty, nudges < 4, !last.missing.isEmpty {
            nudges += 1
            if case .stopped(let reason, let message) = await loop.send(last.nudge(language)) {
                stops.append("\(reason.rawValue): \(message)")
            }
            let now = steps.progress(context)
            if now == last { break }
            last = now
        }
        let seconds = Date().timeIntervalSince(start)
        recorder?.close()
        let messages = await loop.messages
        let totals = usage.totals
        let evidence = EvalEvidence(
            messages: messages, store: context.store, log: context.log, turns: totals.turns, tokens: totals.tokens,
            seconds: seconds, userTurns: scenario.turns)
        let (checks, metric) = EvalChecks.run(scenario.expect, budgets: scenario.budgets, evidence: evidence)
        return ScenarioRun(
            scenario: scenario.name, attempt: attempt, checks: checks, metricValue: metric, turns: totals.turns,
            tokens: totals.tokens, latencyMS: totals.turns > 0 ? totals.latency * 1000 / Double(totals.turns) : 0,
            seconds: seconds, stops: stops, transcript: recorder?.writer.url)
    }
}
