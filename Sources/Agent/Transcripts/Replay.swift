// Replays a transcript: the recorded user turns are sent again through the agent loop, the transcript
// player answers with the recorded assistant turns, and every tool call runs again on the local core
// (ReplayingExecutor) in a fresh workspace; the report lists each call's verdict. Leaves out: building
// the tools (the caller passes them, rooted at the replay workspace) and rendering (observers).

import Foundation
import LLMClient

/// How a replay compares and paces.
public struct ReplayOptions: Sendable {
    public var rules = ComparisonRules()
    /// Recorded pace × speed; nil replays at once.
    public var speed: Double?

    public init(rules: ComparisonRules = ComparisonRules(), speed: Double? = nil) {
        self.rules = rules
        self.speed = speed
    }
}

/// What a replay found.
public struct ReplayReport: Sendable {
    public var checks: [CallCheck]
    /// Problems beyond single calls: changed datasets, recorded calls that were never replayed.
    public var problems: [String]
    public var notes: [String]
    /// Wall time of the replay and of the recorded session, in seconds.
    public var seconds: Double
    public var recordedSeconds: Double
    /// Time the recorded tools ran, in seconds.
    public var recordedToolSeconds: Double

    /// True when every call matched and nothing else diverged.
    public var matches: Bool { problems.isEmpty && checks.allSatisfy(\.matches) }
    public var differing: [CallCheck] { checks.filter { !$0.matches } }
}

/// Plays a transcript back against fresh tools.
public enum Replay {
    /// - Parameters:
    ///   - tools: the session's tools, rooted at `replayRoot` (prepared by `ReplayWorkspace.prepare`).
    ///   - problems: divergences found before playing (changed datasets).
    ///   - onCheck: called with each call's verdict as soon as it is known.
    public static func run(
        _ transcript: Transcript, tools: any ToolExecuting, replayRoot: String, options: ReplayOptions,
        observers: [any AgentObserver] = [], problems: [String] = [],
        onCheck: @escaping @Sendable (CallCheck) -> Void = { _ in }
    ) async -> ReplayReport {
        let start = Date()
        let ids = RunIDMap()
        let pacer = ReplayPacer(speed: options.speed, start: start)
        let player = TranscriptPlayer(transcript, ids: ids, pacer: pacer)
        let executor = ReplayingExecutor(
            inner: tools, transcript: transcript, rules: options.rules, ids: ids, replayRoot: replayRoot, pacer: pacer,
            onCheck: onCheck)
        let loop = AgentLoop(
            model: player, tools: executor, systemPrompt: transcript.systemPrompt,
            limits: LoopLimits(maxModelTurns: player.longestTurn + 1, maxConsecutiveToolErrors: Int.max),
            observers: observers)
        for (i, turn) in transcript.turns.enumerated() {
            if Task.isCancelled { break }
            await pacer.wait(untilRecorded: turn.user.elapsedMS)
            player.beginTurn(i)
            _ = await loop.send(turn.user.message.content ?? "")
        }
        var report = ReplayReport(
            checks: executor.checks, problems: problems, notes: transcript.notes,
            seconds: Date().timeIntervalSince(start), recordedSeconds: Double(transcript.durationMS) / 1000,
            recordedToolSeconds: Double(transcript.toolMS) / 1000)
        let recordedCalls = transcript.messages.filter { $0.message.role == .tool }.count
        if report.checks.count < recordedCalls {
            report.problems.append(
                "the recording has \(recordedCalls) tool results but the replay ran \(report.checks.count) calls"
                    + (Task.isCancelled ? " (interrupted)" : ""))
        }
        return report
    }
}
