// The loop's guardrails for small models, with a scripted model: a failing call made again is answered
// with the earlier error and a hint instead of running again;
// answers that make no progress stop the turn; the session's token budget stops it; a long session
// in a small context is compacted (older turns replaced by the harness's summary), never stopped; every
// answer must call a tool while the harness asks for it.

import Agent
import Foundation
import LLMClient
import Testing

@Suite struct LoopGuardrailTests {
    func loop(_ model: ScriptedModel, limits: LoopLimits = LoopLimits(), log: EventLog = EventLog()) throws -> AgentLoop
    {
        AgentLoop(model: model, tools: try TestTools.registry(), systemPrompt: "sys", limits: limits, observers: [log])
    }

    func notices(_ log: EventLog) -> [String] { log.all.compactMap { if case .notice(let t) = $0 { t } else { nil } } }

    @Test func aRepeatedFailingCallIsAnsweredFromMemory() async throws {
        let log = EventLog()
        let model = ScriptedModel([
            .toolCall("echo", #"{"text":"fail"}"#), .toolCall("echo", #"{ "text" : "fail" }"#),
            .toolCall("echo", #"{"text":"ok"}"#), .text("Done."),
        ])
        let outcome = try await loop(model, log: log).send("go")
        #expect(outcome == .answered("Done."))
        // The tool ran twice (the first failure and "ok"), not three times.
        let started = log.all.filter { if case .toolStarted = $0 { true } else { false } }
        #expect(started.count == 2)
        let second = try #require(model.requests[2].messages.last?.content)
        #expect(second.contains("this exact echo call already failed and was not run again"))
        #expect(second.contains("Earlier error: echo refuses 'fail'; send another text."))
        #expect(notices(log).contains { $0.contains("the same call already failed") })
    }

    @Test func answersThatMakeNoProgressStopTheTurn() async throws {
        let same = ScriptedModel.Step.toolCall("echo", #"{"text":"fail"}"#)
        let model = ScriptedModel(Array(repeating: same, count: 10))
        let limits = LoopLimits(maxConsecutiveToolErrors: 50, maxAnswersWithoutProgress: 3)
        let outcome = try await loop(model, limits: limits).send("go")
        guard case .stopped(.noProgress, let message) = outcome else {
            Issue.record("expected a no-progress stop, got \(outcome)")
            return
        }
        #expect(message.contains("3 answers in a row made no progress"))
        #expect(model.requests.count == 4)
    }

    @Test func theTokenBudgetStopsTheSessionAndIsShown() async throws {
        let log = EventLog()
        let model = ScriptedModel(
            (0..<10).map { .toolCall("echo", #"{"text":"n\#($0)"}"#) },
            usage: TokenUsage(promptTokens: 300, completionTokens: 50))
        let outcome = try await loop(model, limits: LoopLimits(sessionTokens: 1000), log: log).send("go")
        guard case .stopped(.budget, let message) = outcome else {
            Issue.record("expected a budget stop, got \(outcome)")
            return
        }
        #expect(message.contains("1050 of 1000 tokens"))
        #expect(model.requests.count == 3)
        #expect(notices(log).contains("answer: 50 tokens (prompt 300) · session: 350/1000 tokens, 0 s"))
    }

    @Test func aLongSessionInASmallContextIsCompactedNotStopped() async throws {
        let log = EventLog()
        let long = String(repeating: "word ", count: 120)
        var steps: [ScriptedModel.Step] = (0..<14).map { .toolCall("echo", #"{"text":"\#(long)\#($0)"}"#) }
        steps.append(.text("Finished."))
        let model = ScriptedModel(steps)
        let loop = try loop(model, log: log)
        await loop.setSampling(temperature: nil, stop: nil, maxTokens: 256)
        await loop.setContextBudget(
            ContextBudget(contextTokens: 1_500, source: "test", overheadTokens: 100),
            summary: { "SUMMARY: runs so far r0001 baseline" })
        let outcome = await loop.send("go")
        #expect(outcome == .answered("Finished."))
        // Every request fitted in the window, with room for the answer.
        for request in model.requests {
            let tokens = request.messages.reduce(100) {
                $0 + ContextBudget.estimate(($1.content ?? "") + $1.toolCalls.map(\.arguments).joined()) + 6
            }
            #expect(tokens <= 1_500 - 256)
        }
        let last = try #require(model.requests.last)
        #expect(last.messages[0].content == "sys")
        #expect(last.messages[1].content?.hasPrefix("go\n\nSUMMARY: runs so far r0001 baseline") == true)
        #expect(last.messages[2].role == .assistant)
        #expect(notices(log).contains { $0.contains("older messages replaced by a summary from the run store") })
        // The conversation itself (transcript) keeps everything.
        #expect(await loop.messages.count == 2 + 14 * 2 + 1)
    }

    @Test func aCutIsHeldWhileRequestsFitSoTheirBeginningStaysTheSame() async throws {
        let long = String(repeating: "word ", count: 30)
        var steps: [ScriptedModel.Step] = (0..<30).map { .toolCall("echo", #"{"text":"\#(long)\#($0)"}"#) }
        steps.append(.text("Finished."))
        let model = ScriptedModel(steps)
        let loop = try loop(model)
        await loop.setSampling(temperature: nil, stop: nil, maxTokens: 256)
        let written = Remaining()
        written.count = 0
        await loop.setContextBudget(
            ContextBudget(contextTokens: 1_500, source: "test", overheadTokens: 100),
            summary: {
                written.count += 1
                return "SUMMARY \(written.count)"
            })
        #expect(await loop.send("go") == .answered("Finished."))
        let summarized = model.requests.filter { $0.messages[1].content?.contains("SUMMARY") == true }
        #expect(summarized.count >= 10)
        // A summary is written only when a request no longer fits; the requests in between start alike.
        #expect(written.count * 2 <= summarized.count)
        let alike = zip(summarized, summarized.dropFirst()).filter { a, b in
            a.messages[1].content == b.messages[1].content && a.messages[2] == b.messages[2]
        }
        #expect(alike.count >= summarized.count / 2)
    }

    @Test func toolCallsAreRequiredWhileTheHarnessSaysWorkRemains() async throws {
        let model = ScriptedModel([.toolCall("echo", #"{"text":"a"}"#), .text("Done.")])
        let loop = try loop(model)
        let remaining = Remaining()
        await loop.requireToolCalls { remaining.value }
        _ = await loop.send("go")
        #expect(model.requests.map(\.toolChoice) == [.required, .required])
        remaining.value = false
        _ = await loop.send("again")
        #expect(model.requests.last?.toolChoice == nil)
    }
}

final class Remaining: @unchecked Sendable {
    var value = true
    var count = 0
}
