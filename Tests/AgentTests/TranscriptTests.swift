// Transcripts on disk: a recorded session is a header plus one valid JSON line per message, tool
// results carry their tool name and error flag, secrets never reach the file, a cut last line still
// reads as a valid prefix, and foreign or future files are refused naming the supported versions.

import Agent
import Foundation
import LLMClient
import Testing

@Suite struct TranscriptTests {
    @Test func recordsHeaderThenEveryMessageAsOneLineEach() async throws {
        let ws = try TranscriptFixture.folder()
        let url = try await TranscriptFixture.record(in: ws, tools: FakeCoreTools())
        #expect(url.path.hasPrefix(ws.appendingPathComponent("transcripts").path))
        #expect(url.lastPathComponent.hasSuffix("-test.jsonl"))
        let text = try String(contentsOf: url, encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
        for line in lines { #expect((try? JSONValue.parse(line)) != nil) }
        let t = try Transcript.read(url)
        #expect(t.header.version == TranscriptFormat.version)
        #expect(t.header.seeds == [42])
        // system, user, 4 assistant, 3 tool messages, then the end line.
        #expect(
            t.messages.map(\.message.role) == [
                .system, .user, .assistant, .tool, .assistant, .tool, .assistant, .tool, .assistant,
            ])
        #expect(t.notes.isEmpty)
        let tools = t.messages.filter { $0.message.role == .tool }
        #expect(tools.map(\.toolName) == ["train", "train", "score"])
        #expect(tools.allSatisfy { $0.isError == false })
        #expect(t.turns.count == 1 && t.turns[0].replies.count == 7)
        if case .end? = t.events.last {} else { Issue.record("no end line") }
    }

    @Test func endpointLosesUserInfoAndQuery() throws {
        let h = TranscriptFixture.header(workspace: URL(fileURLWithPath: "/tmp"))
        #expect(h.endpoint == "https://api.example.com/v1")
        #expect(!TranscriptEvent.header(h).line.contains("pw@"))
    }

    @Test func secretValuesAreRedactedFromEveryLine() async throws {
        let ws = try TranscriptFixture.folder()
        let secret = "sk-test-secret-98765"
        let steps: [ScriptedModel.Step] = [.text("Your key is \(secret), keep it safe.")]
        let url = try await TranscriptFixture.record(in: ws, tools: FakeCoreTools(), steps: steps, secrets: [secret])
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(!text.contains(secret))
        #expect(text.contains("[redacted]"))
    }

    @Test func secretsComeFromKeyAndTokenVariables() {
        let env = ["OPENAI_API_KEY": "sk-abcdef123", "HF_TOKEN": "hf_xyz12345", "HOME": "/root", "SHORT_KEY": "abc"]
        #expect(Set(TranscriptSecrets.fromEnvironment(env)) == ["sk-abcdef123", "hf_xyz12345"])
    }

    @Test func aCutLastLineLeavesAReadablePrefix() async throws {
        let ws = try TranscriptFixture.folder()
        let url = try await TranscriptFixture.record(in: ws, tools: FakeCoreTools())
        let text = try String(contentsOf: url, encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
        // As if the process died while writing the fourth line: no end line, half a message.
        let cut = lines.prefix(3).joined(separator: "\n") + "\n" + String(lines[3].prefix(25))
        let t = try Transcript.parse(cut)
        #expect(t.messages.count == 2)
        #expect(t.notes.contains { $0.contains("cut") })
        #expect(t.notes.contains { $0.contains("no end line") })
    }

    @Test func aBadLineInTheMiddleIsAnErrorWithItsNumber() throws {
        let h = TranscriptEvent.header(TranscriptFixture.header(workspace: URL(fileURLWithPath: "/tmp"))).line
        #expect(throws: TranscriptError.self) { try Transcript.parse(h + "\n{not json\n{\"type\":\"end\"}\n") }
        do {
            _ = try Transcript.parse(h + "\n{not json\n{\"type\":\"end\"}\n")
        } catch { #expect(error.description.contains("line 2")) }
    }

    @Test func unsupportedVersionNamesTheSupportedOnes() throws {
        var h = TranscriptFixture.header(workspace: URL(fileURLWithPath: "/tmp"))
        h.version = 99
        do {
            _ = try Transcript.parse(TranscriptEvent.header(h).line + "\n")
            Issue.record("version 99 was accepted")
        } catch {
            #expect(error.description.contains("version 99"))
            #expect(error.description.contains("versions 1"))
        }
        do {
            _ = try Transcript.parse("{\"hello\":1}\n")
            Issue.record("a foreign file was accepted")
        } catch { #expect(error.description.contains("not a transcript")) }
    }

    @Test func toolLinesPutTheResultBeforeTheirBookkeeping() async throws {
        // A reader (or a tamper check) meets the result's numbers before any timing of the line.
        let ws = try TranscriptFixture.folder()
        let url = try await TranscriptFixture.record(in: ws, tools: FakeCoreTools())
        let text = try String(contentsOf: url, encoding: .utf8)
        let toolLine = try #require(text.split(separator: "\n").first { $0.contains(#""role":"tool""#) })
        let content = try #require(toolLine.range(of: #""content""#))
        let duration = try #require(toolLine.range(of: #""duration_ms""#))
        #expect(content.lowerBound < duration.lowerBound)
        #expect(!toolLine.contains(#""elapsed_ms":0."#))
    }
}
