// The shipped transcripts (transcripts/*.jsonl: an Autopilot session per shipped dataset, a clustering
// session on wine with no target, and a chat with the real llama.cpp server) replay against today's
// core with every tool result matching: a change in a tool's numbers fails here until the transcripts
// are re-recorded with scripts/record-transcripts.sh.
// Also: an Autopilot session recorded with an API key in the environment leaves the key nowhere.

import Agent
import Foundation
import LLMClient
import Languages
import Testing

@Suite(.serialized) struct ShippedTranscriptTests {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static var shipped: [URL] {
        let folder = repo.appendingPathComponent("transcripts")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".jsonl") }.sorted().map { folder.appendingPathComponent($0) }
    }

    /// Replays `url` in a fresh folder with the standard tools.
    static func replay(_ url: URL) async throws -> ReplayReport {
        let t = try Transcript.read(url)
        let root = try TranscriptFixture.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let problems = try ReplayWorkspace.prepare(t, transcriptURL: url, into: root)
        let session = Session(
            language: Language(rawValue: t.header.language) ?? .en, target: t.header.sessionTarget)
        let context = try ToolContext.open(workspace: Workspace(root: root), session: session)
        return await Replay.run(
            t, tools: try StandardTools.registry(context), replayRoot: Workspace(root: root).root.path,
            options: ReplayOptions(), problems: problems)
    }

    @Test func everyShippedDatasetHasAnAutopilotTranscriptAndTheLLMChatIsThere() throws {
        let names = Set(Self.shipped.map { $0.deletingPathExtension().lastPathComponent })
        for d in ["titanic", "penguins", "mpg", "wine", "wine-clustering"] {
            #expect(names.contains("autopilot-\(d)"), "autopilot-\(d).jsonl")
        }
        let clustering = try Transcript.read(
            Self.repo.appendingPathComponent("transcripts/autopilot-wine-clustering.jsonl"))
        #expect(clustering.header.target == nil)
        #expect(
            clustering.messages.contains {
                $0.message.toolCalls.contains {
                    $0.name == "train_model" && $0.arguments.contains(#""reference":"target""#)
                }
            })
        #expect(names.contains("llama-chat-titanic"))
        let chat = try Transcript.read(Self.repo.appendingPathComponent("transcripts/llama-chat-titanic.jsonl"))
        #expect(chat.header.command == "chat" && chat.header.model.contains("gemma"))
        #expect(chat.messages.contains { $0.message.role == .tool })
    }

    @Test func aSmallLocalModelDroveAWholeSession() throws {
        // Recorded with Qwen2.5-Coder-1.5B-Instruct (Q4_K_M) on llama.cpp at a 4,096-token context, structured
        // tool calls, the small prompt and tool profile (benchmarks/llm_sessions.sh, checks/small-llm).
        let t = try Transcript.read(Self.repo.appendingPathComponent("transcripts/qwen-run-titanic.jsonl"))
        #expect(t.header.model.contains("qwen2.5-coder-1.5b"))
        #expect(t.header.toolCalls == "structured" && t.header.contextTokens == 4096)
        var failed = Set<String>()
        for m in t.messages where m.message.role == .tool {
            if (try? JSONValue.parse(m.message.content ?? ""))?["error"] != nil {
                failed.insert(m.message.toolCallID ?? "")
            }
        }
        let calls = t.messages.flatMap(\.message.toolCalls).map(ToolRegistry.resolvingAlias).filter {
            !failed.contains($0.id)
        }
        let trained = calls.filter { $0.name == "train_model" }.compactMap {
            (try? JSONValue.parse($0.arguments))?["model"]?.stringValue
        }
        let kinds = calls.filter { $0.name == "append_log" }.compactMap {
            (try? JSONValue.parse($0.arguments))?["kind"]?.stringValue
        }
        // The workflow in order (calls that succeeded): the baseline first, two more families, a comparison, an explanation, an
        // experiment entry per run, the decision last.
        #expect(trained.first == "baseline")
        #expect(Set(trained).subtracting(["baseline"]).count >= 2)
        #expect(calls.contains { $0.name == "compare_runs" } && calls.contains { $0.name == "explain_model" })
        #expect(kinds.first == "context" && kinds.last == "decision" && kinds.filter { $0 == "experiment" }.count >= 3)
    }

    @Test func shippedTranscriptsReplayWithEveryResultMatching() async throws {
        for url in Self.shipped {
            let report = try await Self.replay(url)
            let t = try Transcript.read(url)
            #expect(
                report.checks.count == t.messages.filter { $0.message.role == .tool }.count, "\(url.lastPathComponent)")
            let diffs = report.differing.map { "\($0.label): \($0.differences.prefix(3).map(\.description))" }
            #expect(report.matches, "\(url.lastPathComponent) diverges: \(report.problems) \(diffs)")
        }
    }

    @Test func aTamperedShippedTranscriptDiverges() async throws {
        let url = try #require(Self.shipped.first { $0.lastPathComponent == "autopilot-titanic.jsonl" })
        var lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
        // The acceptance check's tampering: the first tool line holding "0.ddd" gets another first digit.
        let i = try #require(lines.firstIndex { $0.contains(#""tool""#) && $0.contains(/0\.\d{3,}/) })
        let m = try #require(lines[i].firstMatch(of: /0\.(\d)(\d{2,})/))
        let digit = ((Int(String(m.output.1)) ?? 0) + 5) % 10
        lines[i].replaceSubrange(m.range, with: "0.\(digit)\(m.output.2)")
        let root = try TranscriptFixture.folder()
        let tampered = root.appendingPathComponent("transcripts/tampered.jsonl")
        try FileManager.default.createDirectory(
            at: tampered.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: Self.repo.appendingPathComponent("datasets/titanic.csv"), to: root.appendingPathComponent("titanic.csv")
        )
        try (lines.joined(separator: "\n") + "\n").write(to: tampered, atomically: true, encoding: .utf8)
        let report = try await Self.replay(tampered)
        #expect(!report.matches)
    }

    @Test func anAutopilotSessionLeavesNoAPIKeyAnywhere() async throws {
        let secret = "sk-agenttests-secret-4821"
        setenv("OPENAI_API_KEY", secret, 1)
        defer { unsetenv("OPENAI_API_KEY") }
        let root = try TranscriptFixture.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.copyItem(
            at: Self.repo.appendingPathComponent("datasets/titanic.csv"), to: root.appendingPathComponent("titanic.csv")
        )
        let workspace = Workspace(root: root)
        let context = try ToolContext.open(workspace: workspace, session: Session())
        let url = TranscriptRecorder.fileURL(folder: root.appendingPathComponent("transcripts"), name: "titanic")
        let recorder = TranscriptRecorder(
            writer: try TranscriptWriter(url: url),
            header: TranscriptHeader(
                mlexpVersion: "test", command: "run", name: "titanic", model: "autopilot",
                endpoint: "https://x:\(secret)@api.example.com/v1?key=\(secret)", promptVersion: Prompts.version,
                language: "en", seeds: [42], workspace: root.path, data: "titanic.csv", target: "survived"),
            workspace: workspace)
        let loop = AgentLoop(
            model: Autopilot(brief: AutopilotBrief(path: "titanic.csv", target: "survived")),
            tools: try StandardTools.registry(context), systemPrompt: Prompts.system(.en), observers: [recorder])
        _ = await loop.send("Run a session on titanic.csv target survived. (My key is \(secret), do not repeat it.)")
        recorder.close()
        var leaked: [String] = []
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        while let f = files?.nextObject() as? URL {
            if let data = try? Data(contentsOf: f), data.range(of: Data(secret.utf8)) != nil {
                leaked.append(f.lastPathComponent)
            }
        }
        #expect(leaked.isEmpty, "the key is in \(leaked)")
        let t = try Transcript.read(url)
        #expect(t.messages.filter { $0.message.role == .tool }.count > 5)
    }
}
