// Replay: a recorded session re-run on the same tools matches (timings and run ids differ and are
// ignored; recorded run ids in later calls are mapped to the fresh ones); a changed number in a recorded
// result, or a core whose numbers drifted, is reported with the call it came from; numbers inside
// texts are compared too; tolerances hold.

import Agent
import Foundation
import LLMClient
import Testing

@Suite struct ReplayTests {
    func replay(_ url: URL, tools: any ToolExecuting, tolerance: Double = 1e-4) async throws -> ReplayReport {
        let t = try Transcript.read(url)
        return await Replay.run(
            t, tools: tools, replayRoot: "/nonexistent",
            options: ReplayOptions(rules: ComparisonRules(tolerance: tolerance)))
    }

    @Test func sameCoreMatchesDespiteNewRunIDsAndTimings() async throws {
        let ws = try TranscriptFixture.folder()
        let url = try await TranscriptFixture.record(in: ws, tools: FakeCoreTools(firstRun: 1))
        // A store that already holds runs gives other ids; "score r0002" must reach the replay's second run.
        let report = try await replay(url, tools: FakeCoreTools(firstRun: 7))
        #expect(report.checks.count == 3)
        #expect(report.matches, "\(report.differing.map(\.differences))")
        #expect(report.checks[2].arguments.contains("r0008"))
    }

    @Test func aTamperedDigitInAResultIsReportedWithItsCall() async throws {
        let ws = try TranscriptFixture.folder()
        let url = try await TranscriptFixture.record(in: ws, tools: FakeCoreTools())
        let text = try String(contentsOf: url, encoding: .utf8)
        // The first train's mean is 0.8491; change one digit, as the acceptance check does.
        let tampered = text.replacingOccurrences(of: "0.8491", with: "0.3491")
        #expect(tampered != text)
        let bad = ws.appendingPathComponent("tampered.jsonl")
        try tampered.write(to: bad, atomically: true, encoding: .utf8)
        let report = try await replay(bad, tools: FakeCoreTools())
        #expect(!report.matches)
        let diff = try #require(report.differing.first)
        #expect(diff.index == 1 && diff.tool == "train")
        #expect(diff.differences.contains { $0.path == "metrics.roc_auc.mean" && $0.recorded == "0.3491" })
        // The same number inside the note's text is caught as well.
        #expect(diff.differences.contains { $0.path == "note" })
    }

    @Test func driftedCoreNumbersAreDivergences() async throws {
        let ws = try TranscriptFixture.folder()
        let url = try await TranscriptFixture.record(in: ws, tools: FakeCoreTools())
        let report = try await replay(url, tools: FakeCoreTools(drift: 0.01))
        #expect(report.differing.map(\.index) == [1, 2])
        #expect(report.checks[2].matches)
        // Within a wide tolerance they match.
        #expect(try await replay(url, tools: FakeCoreTools(drift: 0.01), tolerance: 0.05).matches)
    }

    @Test func aMissingToolResultIsAProblem() async throws {
        let ws = try TranscriptFixture.folder()
        let url = try await TranscriptFixture.record(in: ws, tools: FakeCoreTools())
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
        // Drop the last assistant turns: the recording has 3 results, the replay can run only 2 calls.
        let cut = lines.filter { !$0.contains(#""score""#) && !$0.contains("The deeper model") }
        let file = ws.appendingPathComponent("cut.jsonl")
        try (cut.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        let report = try await replay(file, tools: FakeCoreTools())
        #expect(report.checks.count == 2)
        #expect(report.matches)
    }

    @Test func comparisonIgnoresIdsTimingsAndPathsButNotMetrics() {
        let a: JSONValue = ["run_id": "r0001", "fit_seconds": 0.5, "path": "/a/x.csv", "auc": 0.81234, "rows": 891]
        let b: JSONValue = ["run_id": "r0009", "fit_seconds": 0.9, "path": "/b/x.csv", "auc": 0.81235, "rows": 891]
        #expect(ResultComparison.differences(recorded: a, replayed: b, rules: ComparisonRules()).isEmpty)
        let c: JSONValue = ["run_id": "r0001", "auc": 0.31234, "rows": 890]
        let d = ResultComparison.differences(recorded: a, replayed: c, rules: ComparisonRules())
        #expect(d.map(\.path) == ["auc", "rows"])
    }

    @Test func arraysAndTextsAreComparedItemByItem() {
        let rules = ComparisonRules(tolerance: 1e-3)
        let a: JSONValue = ["top": [["feature": "sex", "importance": 0.21], ["feature": "age", "importance": 0.08]]]
        let b: JSONValue = ["top": [["feature": "age", "importance": 0.21], ["feature": "sex", "importance": 0.08]]]
        #expect(
            ResultComparison.differences(recorded: a, replayed: b, rules: rules).map(\.path) == [
                "top[0].feature", "top[1].feature",
            ])
        #expect(
            ResultComparison.differences(
                recorded: ["s": "auc 0.8461 (r0001)"], replayed: ["s": "auc 0.8462 (r0001)"], rules: rules
            ).isEmpty)
        #expect(
            !ResultComparison.differences(recorded: ["s": "auc 0.8461"], replayed: ["s": "auc 0.9461"], rules: rules)
                .isEmpty)
        #expect(
            !ResultComparison.differences(recorded: ["l": [1, 2]], replayed: ["l": [1, 2, 3]], rules: rules).isEmpty)
    }

    @Test func runIDMapRewritesOnlyKnownIds() {
        let map = RunIDMap()
        map.learn(recorded: ["run_id": "r0003", "x": ["r0004"]], replayed: ["run_id": "r0011", "x": ["r0012"]])
        #expect(
            map.apply(#"{"run_id":"r0003","compare_to":"r0004","other":"r0005"}"#)
                == #"{"run_id":"r0011","compare_to":"r0012","other":"r0005"}"#)
    }
}
