// The notes a person sees beside a running tool (the spinner's text): MLCore's progress events in words,
// routed by the registry to the context's progress sink while the tool runs: rows read by load_data,
// fold k of n and the final fit by train_model. They go to the screen only, never into a tool's result.

import Agent
import Foundation
import LLMClient
import MLCore
import Synchronization
import Testing

@Suite struct ProgressNotesTests {
    @Test func eventsReadAsShortNotes() {
        #expect(ProgressText.text(.rowsRead(rows: 1_234_567, fraction: 0.249)) == "1,234,567 rows read (24 %)")
        #expect(ProgressText.text(.fold(2, of: 5, trainRows: 3_200_000)) == "fold 2 of 5 (3,200,000 training rows)")
        #expect(ProgressText.text(.finalFit(rows: 4_000)) == "final fit on all 4,000 training rows")
        #expect(ProgressText.text(.trial(3, of: 13, fold: 1, folds: 5)) == "trial 3 of 13, fold 1 of 5")
        #expect(ProgressText.grouped(-1_000) == "-1,000" && ProgressText.grouped(999) == "999")
    }

    @Test func toolsShowRowsReadAndFoldsOnScreenOnly() async throws {
        let root = try TempWorkspace.make()
        try FileManager.default.copyItem(
            at: AgentFixtures.dataset("titanic"), to: root.appendingPathComponent("titanic.csv"))
        let notes = Mutex<[String]>([])
        let context = try ToolContext.open(
            workspace: Workspace(root: root), session: Session(), progress: { n in notes.withLock { $0.append(n) } })
        let registry = try StandardTools.registry(context)
        let loaded = await registry.execute(
            ToolCall(id: "a", name: "load_data", arguments: #"{"path": "titanic.csv", "target": "survived"}"#))
        #expect(!loaded.isError)
        #expect(notes.withLock { $0 }.contains("1,313 rows read (100 %)"))
        let trained = await registry.execute(
            ToolCall(id: "b", name: "train_model", arguments: #"{"model": "baseline", "hypothesis": "the floor"}"#))
        #expect(!trained.isError)
        let seen = notes.withLock { $0 }
        let train = try #require(try JSONValue.parse(loaded.content)["train_rows"]?.intValue)
        for k in 1...5 { #expect(seen.contains { $0.hasPrefix("fold \(k) of 5 (") }) }
        #expect(seen.contains("final fit on all \(ProgressText.grouped(train)) training rows"))
        for content in [loaded.content, trained.content] {
            #expect(!content.contains("rows read") && !content.contains("fold 1 of 5"))
        }
    }
}
