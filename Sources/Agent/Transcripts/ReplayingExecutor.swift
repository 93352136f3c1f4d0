// Runs each tool call of a replay again on the local core and compares its result with the one
// recorded for the same call id: errors with errors, JSON results structurally (ResultComparison),
// after learning which fresh run ids stand for the recorded ones; a call whose work depends on the clock
// runs pinned to the recorded work (ReplayPinning). Each call's verdict is kept, in order, for the report.
// Leaves out: choosing the calls (the recorded assistant turns do).

import Foundation
public import LLMClient
import Synchronization

/// The verdict on one replayed tool call.
public struct CallCheck: Sendable, Equatable {
    /// 1-based position among the session's tool calls.
    public var index: Int
    public var callID: String
    public var tool: String
    /// The arguments as replayed (abridged).
    public var arguments: String
    public var differences: [ResultDifference]
    /// Why the call was not compared, when it was not.
    public var skipped: String?

    public var matches: Bool { differences.isEmpty }

    /// "train_model {"model":"gbdt"} (call ap7, #5)".
    public var label: String {
        let args = arguments.count > 100 ? String(arguments.prefix(97)) + "…" : arguments
        return "#\(index) \(tool) \(args) (call \(callID))"
    }
}

/// A ToolExecuting that runs calls on `inner` and checks them against the recording.
public final class ReplayingExecutor: ToolExecuting {
    private let inner: any ToolExecuting
    private let recorded: [String: RecordedMessage]
    private let rules: ComparisonRules
    private let ids: RunIDMap
    private let pacer: ReplayPacer
    private let recordedRoot: String
    private let replayRoot: String
    private let state = Mutex<[CallCheck]>([])
    /// Called with each verdict as soon as it is known (the CLI prints differences as they happen).
    private let onCheck: @Sendable (CallCheck) -> Void

    public init(
        inner: any ToolExecuting, transcript: Transcript, rules: ComparisonRules, ids: RunIDMap,
        replayRoot: String, pacer: ReplayPacer = ReplayPacer(speed: nil),
        onCheck: @escaping @Sendable (CallCheck) -> Void = { _ in }
    ) {
        self.inner = inner
        var byID: [String: RecordedMessage] = [:]
        for m in transcript.messages where m.message.role == .tool {
            if let id = m.message.toolCallID, byID[id] == nil { byID[id] = m }
        }
        self.recorded = byID
        self.rules = rules
        self.ids = ids
        self.pacer = pacer
        self.recordedRoot = transcript.header.workspace
        self.replayRoot = replayRoot
        self.onCheck = onCheck
    }

    public var definitions: [ToolDefinition] { inner.definitions }

    /// The verdicts so far, in call order.
    public var checks: [CallCheck] { state.withLock { $0 } }

    public func execute(_ call: ToolCall) async -> ToolOutcome {
        await checked(call, await inner.execute(ReplayPinning.pinned(call, recorded: recorded[call.id])))
    }

    public func executeRepaired(_ call: ToolCall) async -> ToolOutcome? {
        guard let fresh = await inner.executeRepaired(ReplayPinning.pinned(call, recorded: recorded[call.id])) else {
            return nil
        }
        return await checked(call, fresh)
    }

    /// `fresh`, the result of `call` run again, compared with the recording; the verdict kept.
    private func checked(_ call: ToolCall, _ fresh: ToolOutcome) async -> ToolOutcome {
        let index = state.withLock { $0.count } + 1
        var check = CallCheck(
            index: index, callID: call.id, tool: call.name, arguments: call.arguments, differences: [], skipped: nil)
        if let old = recorded[call.id] {
            compare(old, fresh, into: &check)
            await pacer.wait(untilRecorded: old.elapsedMS)
        } else {
            check.differences = [
                ResultDifference(
                    path: "", recorded: "(no result recorded for this call)", replayed: abridged(fresh.content))
            ]
        }
        let done = check
        state.withLock { $0.append(done) }
        onCheck(done)
        return fresh
    }

    private func compare(_ old: RecordedMessage, _ fresh: ToolOutcome, into check: inout CallCheck) {
        let oldText = old.message.content ?? ""
        let oldJSON = try? JSONValue.parseFast(oldText)
        let oldIsError = old.isError ?? (oldJSON?["error"] != nil && oldJSON?.objectValue?.count == 1)
        if oldIsError, oldJSON?["error"]?.stringValue?.hasPrefix("not run:") == true {
            check.skipped = "not run in the recording (the turn was stopped before it)"
            return
        }
        if oldIsError != fresh.isError {
            check.differences = [
                ResultDifference(
                    path: "", recorded: oldIsError ? "error \(abridged(oldText))" : "success",
                    replayed: fresh.isError ? "error \(abridged(fresh.content))" : "success")
            ]
            return
        }
        let newJSON = try? JSONValue.parseFast(fresh.content)
        if let oldJSON, let newJSON { ids.learn(recorded: oldJSON, replayed: newJSON) }
        let (from, to) = (recordedRoot, replayRoot)
        let normalize = ResultComparison.Normalizers(
            recorded: { [ids] s in
                let t = ids.apply(s)
                return from.isEmpty ? t : t.replacingOccurrences(of: from, with: "<workspace>")
            },
            replayed: { s in to.isEmpty ? s : s.replacingOccurrences(of: to, with: "<workspace>") })
        check.differences = ResultComparison.differences(
            recorded: oldJSON ?? .string(oldText), replayed: newJSON ?? .string(fresh.content), rules: rules,
            normalize: normalize)
    }

    private func abridged(_ s: String) -> String { s.count > 120 ? String(s.prefix(117)) + "…" : s }
}
