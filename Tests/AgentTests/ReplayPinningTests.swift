// Replay of a tune_model search whose time budget stopped it: the replay re-runs exactly the trials the
// recording ran (max_trials pinned from the recorded result, the clock lifted), so a faster or slower
// machine does not turn it into a false divergence. The recording is made with max_trials 3 and the cap is
// then removed from its call, which is what a search the clock stopped after 3 trials looks like.

import Agent
import Foundation
import LLMClient
import Testing

@Suite struct ReplayPinningTests {
    static let search =
        #""model":"knn","space":{"n_neighbors":[2,4,8,16,32,48]},"strategy":"random","candidates":6,"time_budget_seconds":5,"hypothesis":"k matters""#

    /// The recorded result of a call "c" of `tool`.
    static func recorded(_ content: String, tool: String = "tune_model", error: Bool = false) -> RecordedMessage {
        RecordedMessage(
            message: ChatMessage(role: .tool, content: content, toolCallID: "c"), elapsedMS: 0, time: "",
            toolName: tool, isError: error)
    }

    /// A registry of the standard tools in a fresh workspace holding mpg.csv, and that workspace.
    func registry() throws -> (ToolRegistry, URL) {
        let root = try TempWorkspace.make()
        try FileManager.default.copyItem(at: AgentFixtures.dataset("mpg"), to: root.appendingPathComponent("mpg.csv"))
        return (
            try StandardTools.registry(try ToolContext.open(workspace: Workspace(root: root), session: Session())), root
        )
    }

    @Test func aSearchTheClockStoppedReplaysTheSameTrials() async throws {
        let (recording, root) = try registry()
        let steps: [ScriptedModel.Step] = [
            .toolCall("load_data", #"{"path":"mpg.csv","target":"hwy"}"#),
            .toolCall("train_model", #"{"model":"baseline","hypothesis":"the floor"}"#),
            .toolCall("tune_model", "{\"max_trials\":3," + Self.search + "}"),
            .text("Three trials ran."),
        ]
        let url = try await TranscriptFixture.record(in: root, tools: recording, steps: steps)
        let text = try String(contentsOf: url, encoding: .utf8)
        let stripped = text.replacingOccurrences(of: #"\"max_trials\":3,"#, with: "")
        #expect(
            stripped != text && stripped.contains(#"\"evaluated\":3"#)
                && stripped.contains(#"\"stopped_by_budget\":true"#))
        let file = root.appendingPathComponent("clock-stopped.jsonl")
        try stripped.write(to: file, atomically: true, encoding: .utf8)

        // Unpinned, the same call runs all six candidates: the replay has something to pin.
        let (fresh, _) = try registry()
        _ = try await ToolsTests().call(fresh, "load_data", #"{"path":"mpg.csv","target":"hwy"}"#)
        _ = try await ToolsTests().call(fresh, "train_model", #"{"model":"baseline","hypothesis":"the floor"}"#)
        #expect(try await ToolsTests().call(fresh, "tune_model", "{" + Self.search + "}")["evaluated"] == 6)

        let (replaying, replayRoot) = try registry()
        let report = await Replay.run(
            try Transcript.read(file), tools: replaying, replayRoot: replayRoot.path,
            options: ReplayOptions(rules: ComparisonRules()))
        #expect(report.checks.count == 3)
        #expect(report.matches, "\(report.differing.map(\.differences))")
        #expect(report.checks[2].arguments.contains("max_trials") == false, "the report shows the recorded call")
    }

    @Test func onlyASuccessfulSearchIsPinned() throws {
        let call = ToolCall(id: "c", name: "tune_model", arguments: "{" + Self.search + "}")
        let finished = ReplayPinning.pinned(
            call, recorded: Self.recorded(#"{"evaluated":6,"stopped_by_budget":false}"#))
        let args = try JSONValue.parse(finished.arguments)
        #expect(args["time_budget_seconds"] == 1800 && args["max_trials"] == nil)
        let stopped = try JSONValue.parse(
            ReplayPinning.pinned(call, recorded: Self.recorded(#"{"evaluated":2,"stopped_by_budget":true}"#)).arguments)
        #expect(stopped["max_trials"] == 2 && stopped["model"] == "knn")
        #expect(ReplayPinning.pinned(call, recorded: Self.recorded(#"{"error":"no dataset"}"#, error: true)) == call)
        #expect(ReplayPinning.pinned(call, recorded: nil) == call)
        let train = ToolCall(id: "c", name: "train_model", arguments: #"{"model":"gbdt"}"#)
        #expect(
            ReplayPinning.pinned(train, recorded: Self.recorded(#"{"evaluated":2,"stopped_by_budget":true}"#)) == train)
    }

    /// A gradient boosting fit whose max_seconds stopped it after n iterations replays with max_iter n and no
    /// clock; one the limit did not cut replays without the limit (the same full fit).
    @Test func aFitTheClockStoppedReplaysTheSameIterations() throws {
        let call = ToolCall(
            id: "c", name: "train_model", arguments: #"{"model":"gbdt","params":{"max_seconds":4,"learning_rate":0.1}}"#
        )
        let cut = try JSONValue.parse(
            ReplayPinning.pinned(
                call, recorded: Self.recorded(#"{"run_id":"r0003","time_limited_iterations":17}"#, tool: "train_model")
            )
            .arguments)
        #expect(cut["params"] == ["max_iter": 17, "learning_rate": 0.1] && cut["model"] == "gbdt")
        let uncut = try JSONValue.parse(
            ReplayPinning.pinned(call, recorded: Self.recorded(#"{"run_id":"r0003"}"#, tool: "train_model")).arguments)
        #expect(uncut["params"] == ["learning_rate": 0.1])
        let plain = ToolCall(id: "c", name: "train_model", arguments: #"{"model":"gbdt","params":{"max_iter":50}}"#)
        #expect(
            ReplayPinning.pinned(plain, recorded: Self.recorded(#"{"run_id":"r0003"}"#, tool: "train_model")) == plain)
    }

    @Test func anExplanationTheBudgetCutNothingReplaysWithoutTheBudget() throws {
        // A loaded machine trains slower: under the same budget, its replay would leave out the learning curve
        // that the recording computed (seen under load on the shipped Autopilot transcript).
        let call = ToolCall(
            id: "c", name: "explain_model",
            arguments: #"{"run_id":"r0002","learning_curve":true,"time_budget_seconds":23}"#)
        let whole = try JSONValue.parse(
            ReplayPinning.pinned(
                call, recorded: Self.recorded(#"{"learning_curve":{"metric":"roc_auc"}}"#, tool: "explain_model")
            ).arguments)
        #expect(whole["time_budget_seconds"] == nil && whole["learning_curve"] == true && whole["run_id"] == "r0002")
        // A recording the budget did cut keeps its budget (its sample was sized from timings).
        let cut = Self.recorded(
            #"{"time_budget":"a sample of 5000 rows, the most the 23 s time budget holds"}"#, tool: "explain_model")
        #expect(ReplayPinning.pinned(call, recorded: cut) == call)
        #expect(ReplayPinning.pinned(call, recorded: nil) == call)
    }
}
