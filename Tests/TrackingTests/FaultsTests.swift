// Faults as tests: a full disk while writing the log or the store (a clear error, the earlier log and
// runs intact, both still usable), and the LLM server dying mid-stream and coming back (the turn fails
// with a message, `mlexp run --resume` goes on from the recorded conversation without re-running a tool).
import Foundation
import MockHTTPServer
import Synchronization
import TestSupport
import Testing

@testable import Tracking

@Suite(.serialized) struct FaultsTests {
    @Test func aFullDiskFailsTheWriteWithAClearErrorAndKeepsWhatWasWritten() throws {
        let workspace = try scratchFolder("disk-full")
        let child = try StressChild(["full", workspace.path, "200000", "full"])
        #expect(child.finish() == 0)
        let lines = child.lines
        let before = try #require(lines.first { $0.hasPrefix("before ") }?.split(separator: " ").last.map(String.init))
        let logError = try #require(lines.first { $0.hasPrefix("log-error ") }, "\(lines)")
        #expect(logError.contains("Cannot write") && logError.contains("disk has space"), "\(logError)")
        #expect(lines.contains { $0.hasPrefix("store-error ") }, "\(lines)")
        // The log holds the entry written before, and the Markdown is its rendering; no temporary file is left.
        let log = ExperimentLog(workspace: workspace)
        let document = try log.read()
        #expect(document.entries.map(\.analysis) == ["fits"])
        #expect(try String(contentsOfFile: log.markdownPath, encoding: .utf8) == LogRenderer.markdown(document))
        let hidden = try FileManager.default.contentsOfDirectory(
            atPath: workspace.appendingPathComponent(".mlexp").path)
        #expect(hidden.filter { $0.hasSuffix(".tmp") }.isEmpty)
        // The store is sound, keeps the run written before, and takes new ones once there is room.
        let store = try RunStore(workspace: workspace)
        #expect(try store.integrityCheck() == "ok")
        #expect(try store.list().map(\.id) == [before])
        #expect(try store.insert(sampleRun()).id == "r0002")
        #expect(
            try log.append(
                LogEntry(
                    title: "t", hypothesis: "h", approach: "a", result: "r", analysis: "later", next: "n", runIDs: [])
            ).number == 2)
    }

    /// A streamed answer: a tool call, or text.
    static func answer(tool: (id: String, name: String, arguments: String)?, text: String = "") -> [MockAction] {
        func event(_ delta: String, _ finish: String?) -> String {
            let reason = finish.map { "\"\($0)\"" } ?? "null"
            return "data: {\"choices\":[{\"index\":0,\"delta\":\(delta),\"finish_reason\":\(reason)}]}\n\n"
        }
        let body: String
        if let tool {
            let arguments =
                "\""
                + tool.arguments.replacingOccurrences(of: "\\", with: "\\\\")
                .replacingOccurrences(of: "\"", with: "\\\"") + "\""
            body =
                event(
                    #"{"tool_calls":[{"index":0,"id":"\#(tool.id)","type":"function","function":{"name":"\#(tool.name)","arguments":\#(arguments)}}]}"#,
                    nil) + event("{}", "tool_calls")
        } else {
            body = event(#"{"content":"\#(text)"}"#, nil) + event("{}", "stop")
        }
        return [MockAction.sseHead(), .text(body + "data: [DONE]\n\n"), .close]
    }

    @Test func aServerDyingMidStreamFailsTheTurnAndResumeGoesOn() throws {
        let serverUp = Mutex(true)
        let loadAnswered = Mutex(false)
        let server = try MockHTTPServer { request in
            // The first chat request (after the context-size probes) is answered with the load_data call.
            let isChat = request.bodyText.contains("\"messages\"")
            if isChat
                && !loadAnswered.withLock({ answered in
                    defer { answered = true }; return answered
                })
            {
                return Self.answer(tool: ("call_load", "load_data", #"{"path": "titanic.csv", "target": "survived"}"#))
            }
            guard serverUp.withLock({ $0 }) else {
                return Self.answer(tool: nil, text: "Back again: the data is loaded, nothing more to do.")
            }
            // The server dies in the middle of its answer: half an event, then the connection drops.
            return [
                MockAction.sseHead(), .text("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Let me"), .close,
            ]
        }
        defer { server.stop() }
        let ws = try scratchFolder("server-dies")
        try FileManager.default.copyItem(
            at: ChartExportTests.ReproductionPythonTests.datasets.appendingPathComponent("titanic.csv"),
            to: ws.appendingPathComponent("titanic.csv"))
        // Native tool calls: no probe request, so the scripted answers meet the requests they were written for.
        let run = [
            "run", "titanic.csv", "--target", "survived", "--model", "m", "--base-url", server.baseURL + "/v1",
            "--tool-calls", "native",
        ]
        let first = try runMLExp(run, in: ws)
        #expect(first.status != 0)
        #expect((first.out + first.err).contains("The model request failed"), "\(first.out)\(first.err)")
        #expect(try runMLExp(["runs", "--sessions"], in: ws).out.contains("stopped"))

        serverUp.withLock { $0 = false }
        let loads = server.requests.count
        let resumed = try runMLExp(run + ["--resume"], in: ws)
        // The model now only talks: `run` asks it again for the missing steps, then stops; what matters here is
        // that the session went on from its recorded step.
        #expect(resumed.out.contains("Back again"), "\(resumed.out)\(resumed.err)")
        #expect(!resumed.out.contains("load_data"), "the recorded load_data call is not run again")
        #expect(server.requests.count > loads)
        // The first resumed chat request (after the context-size probes) carries the recorded conversation: the
        // load_data call and its result.
        let chats = server.requests.dropFirst(loads).filter { $0.bodyText.contains("\"messages\"") }
        let body = try #require(chats.first?.bodyText)
        #expect(body.contains("call_load") && body.contains("1313"))
    }
}
