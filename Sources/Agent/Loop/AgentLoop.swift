// The agent loop: send the conversation and the tool schemas to the model, stream its answer, run
// every tool call it asks for (one `tool` message per call id, whatever happens), and repeat until the
// model answers without tool calls or a limit is reached. Cancelling the calling task (Ctrl-C) ends the
// turn with the conversation still valid. Leaves out: rendering (observers) and tool logic (the registry).

import Foundation
public import LLMClient
public import Languages

/// Limits of one user turn, and of the whole session (tokens and time).
public struct LoopLimits: Sendable, Equatable {
    /// Model requests per user message.
    public var maxModelTurns = 40
    /// Tool calls in a row that may fail before the loop stops.
    public var maxConsecutiveToolErrors = 5
    /// Answers in a row that change nothing (only repeated failing calls, or the same text again).
    public var maxAnswersWithoutProgress = 3
    /// Tokens (prompt and answer, as the server counts them) the whole session may spend.
    public var sessionTokens: Int?
    /// Wall time the whole session may take, in seconds.
    public var sessionSeconds: Double?

    public init(
        maxModelTurns: Int = 40, maxConsecutiveToolErrors: Int = 5, maxAnswersWithoutProgress: Int = 3,
        sessionTokens: Int? = nil, sessionSeconds: Double? = nil
    ) {
        self.maxModelTurns = maxModelTurns
        self.maxConsecutiveToolErrors = maxConsecutiveToolErrors
        self.maxAnswersWithoutProgress = maxAnswersWithoutProgress
        self.sessionTokens = sessionTokens
        self.sessionSeconds = sessionSeconds
    }
}

/// How a user turn ended.
public enum TurnOutcome: Sendable, Equatable {
    /// The model answered without tool calls; its text.
    case answered(String)
    /// The loop stopped early; the message says why and what to do.
    case stopped(StopReason, String)
}

/// One conversation with a model and its tools.
public actor AgentLoop {
    public private(set) var messages: [ChatMessage]
    public let model: any ChatModel
    public let tools: any ToolExecuting
    public let limits: LoopLimits
    /// Sampling settings sent with every request.
    public var temperature: Double?
    public var stop: [String]?
    public var maxTokens: Int?
    private var observers: [any AgentObserver]
    /// The language of the loop's own messages (why a turn stopped).
    public let language: Language
    /// Keeps requests inside the model's context window (nil: no window known, messages sent whole).
    private var fitter: ContextFitter?
    /// Writes the summary that replaces older turns (from the run store).
    private var summary: @Sendable () async -> String = { "" }
    /// Tokens spent by the session so far (prompt + answer, as the server reported them).
    public private(set) var tokensUsed = 0
    /// When the first request was sent.
    private var sessionStart: Date?
    /// Failed calls by name and arguments, with their error: a repeat is answered from here.
    private var failedCalls: [String: String] = [:]
    /// Refused calls already run once with their tool's repair (tried once each).
    private var repairTried: Set<String> = []
    /// Calls that succeeded, by name and arguments: making one again is no progress.
    private var succeededCalls: Set<String> = []
    /// Says the next step of the workflow after each tool result (nil: no guide, or nothing to say).
    private var guide: @Sendable () async -> String? = { nil }
    /// Every call id of the session so far.
    private var callIDs: Set<String> = []
    /// The last answer's text and calls, to spot an answer given twice.
    private var lastAnswerKey: String?
    /// Whether the next answer must hold a tool call (a session with no person, work still to do).
    private var mustCallTools: @Sendable () -> Bool = { false }

    /// - Parameter history: messages after the system prompt to start from (an example turn for a small
    ///   model, or a conversation to resume); every tool call in it must already be answered.
    public init(
        model: any ChatModel, tools: any ToolExecuting, systemPrompt: String?, limits: LoopLimits = LoopLimits(),
        observers: [any AgentObserver] = [], history: [ChatMessage] = [], language: Language = .en
    ) {
        self.language = language
        self.model = model
        self.tools = tools
        self.limits = limits
        self.observers = observers
        self.messages = (systemPrompt.map { [.system($0)] } ?? []) + history
        self.callIDs = Set(history.flatMap(\.toolCalls).map(\.id))
        self.announced = 0
    }

    /// How many messages observers have been told about (the system prompt is announced on the first turn,
    /// once observers are attached).
    private var announced: Int

    public func addObserver(_ observer: any AgentObserver) { observers.append(observer) }

    /// Keeps every request inside `budget`; `summary` writes what replaces older turns when they must go.
    public func setContextBudget(_ budget: ContextBudget, summary: @escaping @Sendable () async -> String) {
        fitter = ContextFitter(budget)
        self.summary = summary
    }

    /// After tool results, ends each request with `next`'s line (the next step of the workflow, said by
    /// the harness): a small model follows a plan it is handed far better than one it must keep in mind.
    /// The line is sent, shown as a notice, and never stored in the conversation or the transcript.
    public func setGuide(_ next: @escaping @Sendable () async -> String?) { guide = next }

    /// Asks for at least one tool call in every answer while `condition` holds (tool_choice "required").
    public func requireToolCalls(while condition: @escaping @Sendable () -> Bool) { mustCallTools = condition }

    /// The context budget in use, with its overhead as last calibrated.
    public var contextBudget: ContextBudget? { fitter?.budget }

    /// Seconds since the first request of the session.
    public var elapsedSeconds: Double { sessionStart.map { Date().timeIntervalSince($0) } ?? 0 }

    public func setSampling(temperature: Double?, stop: [String]?, maxTokens: Int? = nil) {
        self.temperature = temperature
        self.stop = stop
        self.maxTokens = maxTokens
    }

    /// Sends one user message and runs the model and its tool calls until it answers or a limit is reached.
    public func send(_ userText: String) async -> TurnOutcome {
        while announced < messages.count {
            emit(.message(messages[announced], at: Date(), latency: nil, usage: nil))
            announced += 1
        }
        append(.user(userText))
        return await proceed(pending: [])
    }

    /// Goes on with a conversation rebuilt from a transcript (the `history` given at init, already
    /// recorded, so not announced again): runs `pending`, the last answer's calls whose results were
    /// never recorded, then the model, as after a user's message.
    public func resume(pending: [ToolCall]) async -> TurnOutcome {
        announced = messages.count
        return await proceed(pending: pending)
    }

    /// Runs `pending` calls, then model turns and their calls until an answer or a limit.
    private func proceed(pending: [ToolCall]) async -> TurnOutcome {
        if sessionStart == nil { sessionStart = Date() }
        var consecutiveErrors = 0
        var withoutProgress = 0
        var progressed = false
        if let stop = await run(pending, consecutiveErrors: &consecutiveErrors, progressed: &progressed) {
            return stop
        }
        for _ in 0..<limits.maxModelTurns {
            if Task.isCancelled { return stopped(.cancelled, .cancelled) }
            if let spent = budgetSpent() { return stopped(.budget, .budget(spent)) }
            var sent = messages
            if messages.last?.role == .tool, let next = await guide() {
                emit(.notice(LoopNotice.next(next).text(language)))
                sent.append(.user(next))
            }
            var answerCap = maxTokens
            if let fitter {
                let fitted = await fitter.fit(sent, maxTokens: maxTokens, summary: summary)
                sent = fitted.messages
                answerCap = fitted.maxTokens
                if fitted.newCut {
                    emit(
                        .notice(
                            LoopNotice.summarized(
                                count: fitted.summarizedMessages, prompt: fitted.promptTokens,
                                context: fitter.budget.contextTokens
                            ).text(language)))
                }
            }
            let request = ChatRequest(
                messages: sent, tools: tools.definitions, toolChoice: mustCallTools() ? .required : nil,
                temperature: temperature, maxTokens: answerCap,
                stop: stop,
                seed: temperature == 0 ? 42 : nil)
            let started = Date()
            let response: ChatResponse
            do {
                let sinks = observers
                response = try await model.complete(request) { event in
                    for o in sinks { o.handle(.stream(event)) }
                }
            } catch {
                if Task.isCancelled || error is CancellationError {
                    return stopped(.cancelled, .cancelledWaitingForModel)
                }
                return stopped(.modelError, .modelFailed(error: error.messageForModel))
            }
            if let usage = response.usage {
                tokensUsed += usage.totalTokens
                if let fitter, usage.promptTokens > 0 {
                    await fitter.calibrate(sent: sent, promptTokens: usage.promptTokens)
                }
            }
            var answer = response.message
            answer.role = .assistant
            answer.reasoning = nil
            answer.toolCalls = Self.withUniqueIDs(answer.toolCalls, seen: &callIDs, turn: messages.count)
            append(answer, latency: Date().timeIntervalSince(started), usage: response.usage)
            if let usage = response.usage {
                emit(
                    .notice(
                        LoopNotice.usage(
                            usage, session: tokensUsed, budget: limits.sessionTokens, seconds: elapsedSeconds,
                            secondsBudget: limits.sessionSeconds
                        ).text(language)))
            }
            if answer.toolCalls.isEmpty { return .answered(answer.content ?? "") }

            let key = (answer.content ?? "") + answer.toolCalls.map { $0.name + Self.canonical($0.arguments) }.joined()
            progressed = key != lastAnswerKey
            lastAnswerKey = key
            if let stop = await run(answer.toolCalls, consecutiveErrors: &consecutiveErrors, progressed: &progressed) {
                return stop
            }
            withoutProgress = progressed ? 0 : withoutProgress + 1
            if withoutProgress >= limits.maxAnswersWithoutProgress {
                return stopped(.noProgress, .noProgress(answers: withoutProgress))
            }
        }
        return stopped(.turnLimit, .turnLimit(turns: limits.maxModelTurns))
    }

    /// Runs one answer's calls in order; the outcome when the turn must stop, else nil.
    private func run(_ calls: [ToolCall], consecutiveErrors: inout Int, progressed: inout Bool) async -> TurnOutcome? {
        for (index, call) in calls.enumerated() {
            if Task.isCancelled {
                answerUnrun(calls[index...])
                return stopped(.cancelled, .cancelledBeforeTools)
            }
            let signature = call.name + " " + Self.canonical(call.arguments)
            let outcome: ToolOutcome
            if let earlier = failedCalls[signature], repairTried.insert(signature).inserted,
                let repaired = await tools.executeRepaired(call)
            {
                // The same refused call again: the model cannot correct it, so it runs once with what the
                // refusal named left out (the tool's own repair, noted in the result).
                emit(.toolStarted(call))
                outcome = repaired
                emit(.toolFinished(call, outcome))
                emit(.notice(LoopNotice.repairedCall(tool: call.name).text(language)))
                if outcome.isError {
                    failedCalls[signature] = earlier
                } else {
                    // Something else ran than the call asked for: the same call may now run as asked.
                    progressed = true
                    failedCalls.removeAll()
                }
            } else if let earlier = failedCalls[signature] {
                // The same failing call again: its earlier error and a hint, without running it.
                outcome = .error(LoopNotice.repeatedFailure(earlier, tool: call.name))
                emit(.toolFinished(call, outcome))
                emit(.notice(LoopNotice.repeatedCall(tool: call.name).text(language)))
            } else {
                emit(.toolStarted(call))
                outcome = await tools.execute(call)
                emit(.toolFinished(call, outcome))
                if outcome.isError {
                    failedCalls[signature] = outcome.content
                } else if succeededCalls.insert(signature).inserted {
                    progressed = true
                    // Something changed (a baseline now exists, data is loaded): a call that failed before
                    // may succeed now, so it runs again rather than being answered from memory.
                    failedCalls.removeAll()
                }
            }
            append(.tool(callID: call.id, content: outcome.content))
            if Task.isCancelled {
                answerUnrun(calls[(index + 1)...])
                return stopped(.cancelled, .cancelledDuringTool(name: call.name))
            }
            consecutiveErrors = outcome.isError ? consecutiveErrors + 1 : 0
            if consecutiveErrors >= limits.maxConsecutiveToolErrors {
                answerUnrun(calls[(index + 1)...])
                return stopped(.toolErrorLimit, .toolErrors(count: consecutiveErrors, last: call.name))
            }
        }
        return nil
    }

    /// What of the session budget is spent, if any.
    private func budgetSpent() -> String? {
        if let cap = limits.sessionTokens, tokensUsed >= cap { return "\(tokensUsed) of \(cap) tokens" }
        if let cap = limits.sessionSeconds, elapsedSeconds >= cap {
            return "\(Int(elapsedSeconds)) of \(Int(cap)) seconds"
        }
        return nil
    }

    /// Arguments with sorted keys and no spacing, so that the same call compares equal however written.
    static func canonical(_ arguments: String) -> String {
        (try? JSONValue.parse(arguments))?.text ?? arguments.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Answers calls that will not run, so every call id has its `tool` message.
    private func answerUnrun(_ calls: ArraySlice<ToolCall>) {
        for call in calls {
            let outcome = ToolOutcome.error("not run: the turn was stopped before this call.")
            emit(.toolFinished(call, outcome))
            append(.tool(callID: call.id, content: outcome.content))
        }
    }

    private func stopped(_ reason: StopReason, _ why: StopMessage) -> TurnOutcome {
        let message = why.text(language)
        emit(.stopped(reason, message: message))
        return .stopped(reason, message)
    }

    private func append(_ message: ChatMessage, latency: Double? = nil, usage: TokenUsage? = nil) {
        messages.append(message)
        announced = messages.count
        emit(.message(message, at: Date(), latency: latency, usage: usage))
    }

    private func emit(_ event: AgentEvent) {
        for o in observers { o.handle(event) }
    }

    /// Gives every call an id unique within the session (some servers send none, number them from 0 in
    /// each answer, or repeat them): a transcript's tool results are matched to their calls by id.
    static func withUniqueIDs(_ calls: [ToolCall], seen: inout Set<String>, turn: Int) -> [ToolCall] {
        calls.enumerated().map { i, call in
            var c = call
            if c.id.isEmpty || seen.contains(c.id) { c.id = "call_\(turn)_\(i)_\(c.name)" }
            seen.insert(c.id)
            return c
        }
    }
}
