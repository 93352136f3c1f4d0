// The loop driven by a scripted model: tool errors are fed back and corrected, unknown tools and
// malformed JSON are answered, the turn limit and the error limit stop the turn with a message,
// cancellation with a pending tool call leaves a valid conversation, a path escape is refused.

import Agent
import Foundation
import LLMClient
import Languages
import Synchronization
import Testing

@Suite struct AgentLoopTests {
    func loop(
        _ steps: [ScriptedModel.Step], limits: LoopLimits = LoopLimits(), log: EventLog = EventLog(),
        language: Language = .en
    )
        throws -> (AgentLoop, ScriptedModel)
    {
        let model = ScriptedModel(steps)
        let loop = AgentLoop(
            model: model, tools: try TestTools.registry(), systemPrompt: "sys", limits: limits, observers: [log],
            language: language)
        return (loop, model)
    }

    @Test func toolErrorIsFedBackAndTheModelCorrectsItself() async throws {
        let log = EventLog()
        let (loop, model) = try loop(
            [.toolCall("echo", #"{"text":"fail"}"#), .toolCall("echo", #"{"text":"ok"}"#), .text("All done.")], log: log
        )
        let outcome = await loop.send("go")
        #expect(outcome == .answered("All done."))
        #expect(log.streamedText == "All done.")
        let messages = await loop.messages
        #expect(messages.everyCallAnswered)
        let results = messages.toolResults()
        #expect(results[0]["error"]?.stringValue == "echo refuses 'fail'; send another text.")
        #expect(results[1] == ["echoed": "ok"])
        // The second request showed the model the error of the first call.
        #expect(model.requests[1].messages.last?.content?.contains("echo refuses") == true)
        #expect(model.requests[0].tools.map(\.name) == ["echo", "slow", "read"])
    }

    @Test func unknownToolGetsAnErrorNamingTheTools() async throws {
        let (loop, _) = try loop([.toolCall("ecko", #"{"text":"x"}"#), .text("ok")])
        _ = await loop.send("go")
        let error = try #require(await loop.messages.toolResults().first?["error"]?.stringValue)
        #expect(error.contains("unknown tool 'ecko'"))
        #expect(error.contains("Did you mean 'echo'?"))
    }

    @Test func malformedArgumentsAreAnswered() async throws {
        let (loop, _) = try loop([.toolCalls([("echo", #"{"text": "x""#), ("echo", "[1]")]), .text("ok")])
        let outcome = await loop.send("go")
        #expect(outcome == .answered("ok"))
        let messages = await loop.messages
        #expect(messages.everyCallAnswered)
        let errors = messages.toolResults().compactMap { $0["error"]?.stringValue }
        #expect(errors.count == 2)
        #expect(errors[0].contains("malformed"))
        #expect(errors[1].contains("must be a JSON object"))
    }

    @Test func schemaViolationIsExplained() async throws {
        let (loop, _) = try loop([.toolCall("echo", #"{"txt":"x"}"#), .text("ok")])
        _ = await loop.send("go")
        let error = try #require(await loop.messages.toolResults().first?["error"]?.stringValue)
        #expect(error.contains("missing required field 'text'"))
        #expect(error.contains("unknown field 'txt'. Did you mean 'text'?"))
    }

    @Test func turnLimitStopsWithAMessage() async throws {
        let log = EventLog()
        let steps = Array(repeating: ScriptedModel.Step.toolCall("echo", #"{"text":"again"}"#), count: 10)
        let (loop, model) = try loop(steps, limits: LoopLimits(maxModelTurns: 3), log: log)
        let outcome = await loop.send("go")
        guard case .stopped(.turnLimit, let message) = outcome else {
            Issue.record("expected the turn limit, got \(outcome)")
            return
        }
        #expect(message.contains("3 model turns"))
        #expect(model.requests.count == 3)
        #expect(log.stops == [.turnLimit])
        #expect(await loop.messages.everyCallAnswered)
    }

    @Test func consecutiveToolErrorsStopTheTurn() async throws {
        let steps = Array(repeating: ScriptedModel.Step.toolCall("echo", #"{"text":"fail"}"#), count: 10)
        let (loop, model) = try loop(steps, limits: LoopLimits(maxModelTurns: 20, maxConsecutiveToolErrors: 3))
        let outcome = await loop.send("go")
        guard case .stopped(.toolErrorLimit, let message) = outcome else {
            Issue.record("expected the error limit, got \(outcome)")
            return
        }
        #expect(message.contains("3 failed tool calls in a row"))
        #expect(model.requests.count == 3)
    }

    @Test func aFrenchSessionIsToldWhyInFrench() async throws {
        let steps = Array(repeating: ScriptedModel.Step.toolCall("echo", #"{"text":"fail"}"#), count: 10)
        let (errors, _) = try loop(
            steps, limits: LoopLimits(maxModelTurns: 20, maxConsecutiveToolErrors: 3), language: .fr)
        guard case .stopped(.toolErrorLimit, let message) = await errors.send("vas-y") else {
            Issue.record("expected the error limit")
            return
        }
        #expect(
            message
                == "Arrêté après 3 appels d'outils en échec d'affilée (dernier : echo). Lisez les erreurs ci-dessus, puis reformulez la demande ou corrigez les données."
        )
        let (turns, _) = try loop(
            Array(repeating: .toolCall("echo", #"{"text":"again"}"#), count: 10), limits: LoopLimits(maxModelTurns: 2),
            language: .fr)
        guard case .stopped(.turnLimit, let limit) = await turns.send("vas-y") else {
            Issue.record("expected the turn limit")
            return
        }
        #expect(limit.hasPrefix("Arrêté après 2 tours du modèle sans réponse finale."))
    }

    @Test func cancellationWithAPendingToolCallLeavesAValidConversation() async throws {
        let log = EventLog()
        let (loop, _) = try loop(
            [.toolCalls([("slow", "{}"), ("echo", #"{"text":"later"}"#)]), .text("after cancel")], log: log)
        let task = Task { await loop.send("go") }
        // Wait until the slow tool has started, then cancel as Ctrl-C does.
        for _ in 0..<5000 where !log.all.contains(where: { if case .toolStarted = $0 { true } else { false } }) {
            try await Task.sleep(nanoseconds: 2_000_000)
        }
        task.cancel()
        let outcome = await task.value
        guard case .stopped(.cancelled, _) = outcome else {
            Issue.record("expected a cancellation, got \(outcome)")
            return
        }
        let messages = await loop.messages
        #expect(messages.everyCallAnswered)
        let errors = messages.toolResults().compactMap { $0["error"]?.stringValue }
        #expect(errors.count == 2)
        #expect(errors[0].contains("cancelled"))
        #expect(errors[1].contains("not run"))
        // The conversation goes on: the next turn works.
        #expect(await loop.send("again") == .answered("after cancel"))
    }

    @Test func cancellationWhileWaitingForTheModel() async throws {
        let (loop, _) = try loop([.hang, .text("back")])
        let task = Task { await loop.send("go") }
        try await Task.sleep(nanoseconds: 30_000_000)
        task.cancel()
        guard case .stopped(.cancelled, _) = await task.value else {
            Issue.record("expected a cancellation")
            return
        }
        #expect(await loop.send("again") == .answered("back"))
    }

    @Test func modelFailureEndsTheTurnAndTheSessionGoesOn() async throws {
        let (loop, _) = try loop([.failure("HTTP 500"), .text("fine")])
        guard case .stopped(.modelError, let message) = await loop.send("go") else {
            Issue.record("expected a model error")
            return
        }
        #expect(message.contains("HTTP 500"))
        #expect(await loop.send("again") == .answered("fine"))
    }

    @Test func duplicateOrMissingCallIDsAreMadeUnique() async throws {
        let model = DuplicateIDModel()
        let loop = AgentLoop(model: model, tools: try TestTools.registry(), systemPrompt: nil)
        _ = await loop.send("go")
        #expect(await loop.messages.everyCallAnswered)
    }

    @Test func pathEscapesAreRefused() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("ws-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try "a,b\n1,2\n".write(to: root.appendingPathComponent("ok.csv"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(
            atPath: root.appendingPathComponent("link").path, withDestinationPath: "/etc")
        let model = ScriptedModel([
            .toolCalls([
                ("read", #"{"path":"../secret.csv"}"#), ("read", #"{"path":"/etc/passwd"}"#),
                ("read", #"{"path":"link/passwd"}"#), ("read", #"{"path":"ok.csv"}"#),
                ("read", #"{"path":"\#(root.path)/ok.csv"}"#),
            ]),
            .text("done"),
        ])
        let loop = AgentLoop(model: model, tools: try TestTools.registry(root: root), systemPrompt: nil)
        _ = await loop.send("go")
        let results = await loop.messages.toolResults()
        #expect(results.count == 5)
        #expect(results[0]["error"]?.stringValue?.contains("contains '..'") == true)
        #expect(results[1]["error"]?.stringValue?.contains("outside the workspace") == true)
        #expect(results[2]["error"]?.stringValue?.contains("outside") == true)
        #expect(results[3] == ["bytes": 8])
        #expect(results[4] == ["bytes": 8])
    }
}

/// Answers once with two calls sharing one id, then with text.
final class DuplicateIDModel: ChatModel {
    let displayName = "duplicate ids"
    let calls = Mutex(0)
    func complete(_ request: ChatRequest, onEvent: @escaping @Sendable (ChatStreamEvent) -> Void) async throws
        -> ChatResponse
    {
        let n = calls.withLock { c in
            c += 1
            return c
        }
        if n > 1 { return ChatResponse(message: .assistant("ok")) }
        return ChatResponse(
            message: .assistant(
                nil,
                toolCalls: [
                    ToolCall(id: "", name: "echo", arguments: #"{"text":"a"}"#),
                    ToolCall(id: "", name: "echo", arguments: #"{"text":"b"}"#),
                ]))
    }
}
