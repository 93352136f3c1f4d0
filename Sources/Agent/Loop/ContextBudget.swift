// Keeps every request inside the model's context window. The window comes from the server (llama.cpp
// /props, Ollama /api/show), the workspace config or --context; tokens are counted by the server's
// tokenizer where it has one, else estimated at one token per three bytes of UTF-8 (an over-estimate for
// English prose and JSON), and the estimate of what the messages do not show (tool schemas or catalogue,
// chat template) is corrected by the prompt tokens the server reports after each answer.
// What the model reads is fitted in steps: tool results compacted; then older turns replaced by a
// summary the harness writes from the run store; then tighter results; at worst a shorter answer.
// A request is never refused for size. Leaves out: the summary's text (SessionSummary).

import Foundation
import LLMClient
import Synchronization

/// The context window of a session's model and how to count against it.
public struct ContextBudget: Sendable {
    /// Tokens the model can hold (prompt and answer).
    public var contextTokens: Int
    /// Where the figure came from ("llama.cpp /props", "--context", ".mlexp/config.json").
    public var source: String
    /// The server's tokenizer, when it has one (nil: estimated).
    public var counter: (@Sendable (String) async -> Int?)?
    /// Tokens of what the messages do not show (tool schemas or catalogue, template), first estimated.
    public var overheadTokens: Int

    public init(
        contextTokens: Int, source: String, overheadTokens: Int = 0,
        counter: (@Sendable (String) async -> Int?)? = nil
    ) {
        self.contextTokens = contextTokens
        self.source = source
        self.overheadTokens = overheadTokens
        self.counter = counter
    }

    /// The stated estimate: one token per three bytes of UTF-8.
    public static func estimate(_ text: String) -> Int { (text.utf8.count + 2) / 3 }

    /// Tokens per message beyond its text (role markers of the template).
    static let perMessage = 6
}

/// The messages of one request once fitted, and what was done to fit them.
struct FittedRequest {
    var messages: [ChatMessage]
    var maxTokens: Int?
    /// Turns replaced by the summary (0: none).
    var summarizedMessages: Int
    var promptTokens: Int
    /// Whether this request made a new cut (rather than keeping the one held from earlier requests).
    var newCut = false
}

/// Counts and fits requests for one loop; remembers counts of messages already seen.
final class ContextFitter: Sendable {
    private struct State {
        var budget: ContextBudget
        var counts: [String: Int] = [:]
        /// The last cut (index of the first message kept after the head) and the summary that replaced
        /// what came before it.
        var held: (cut: Int, text: String)?
    }
    private let state: Mutex<State>

    init(_ budget: ContextBudget) { state = Mutex(State(budget: budget)) }

    /// The budget, with the overhead corrected by the server's counts so far.
    var budget: ContextBudget { state.withLock { $0.budget } }

    func count(_ message: ChatMessage) async -> Int {
        var text = message.content ?? ""
        for call in message.toolCalls { text += call.name + call.arguments }
        if let known = state.withLock({ $0.counts[text] }) { return known }
        let n = (await budget.counter?(text) ?? ContextBudget.estimate(text)) + ContextBudget.perMessage
        state.withLock { $0.counts[text] = n }
        return n
    }

    func count(_ messages: [ChatMessage]) async -> Int {
        var total = budget.overheadTokens
        for m in messages { total += await count(m) }
        return total
    }

    /// Corrects the overhead once the server has said how many tokens a request held.
    func calibrate(sent messages: [ChatMessage], promptTokens: Int) async {
        var shown = 0
        for m in messages { shown += await count(m) }
        let overhead = max(0, promptTokens - shown)
        state.withLock { $0.budget.overheadTokens = overhead }
    }

    /// Fits `messages` (system first) with room for an answer of `maxTokens`.
    /// - Parameter summary: writes the summary of the turns it replaces.
    func fit(
        _ messages: [ChatMessage], maxTokens: Int?, summary: @Sendable () async -> String
    ) async -> FittedRequest {
        let answer = maxTokens ?? min(1024, budget.contextTokens / 4)
        let room = budget.contextTokens - answer
        var out = messages.map { m -> ChatMessage in
            guard m.role == .tool, let c = m.content else { return m }
            var copy = m
            copy.content = ToolResultCompactor.compact(c)
            return copy
        }
        var total = await count(out)
        if total <= room {
            return FittedRequest(messages: out, maxTokens: maxTokens, summarizedMessages: 0, promptTokens: total)
        }

        // Older turns → a summary written by the harness. Kept: the system prompt, the first user turn
        // (the task) and a tail that starts at an assistant turn, so every tool result keeps its call.
        // The cut and its summary are held while later requests still fit, and a new cut goes down to
        // half of the room the conversation can use: the request's beginning stays the same from one request to the next, so
        // the server reuses its cache of it instead of reading the whole prompt again each time.
        let head =
            out.prefix { $0.role == .system }.count
            + (out.dropFirst(out.prefix { $0.role == .system }.count).first?.role == .user ? 1 : 0)
        func summarized(_ text: String, from cut: Int) -> [ChatMessage] {
            var candidate = Array(out.prefix(head))
            if head > 0, candidate[head - 1].role == .user {
                candidate[head - 1].content = (candidate[head - 1].content ?? "") + "\n\n" + text
            } else {
                candidate.append(.user(text))
            }
            return candidate + out[cut...]
        }
        var summarizedCount = 0
        if let held = state.withLock({ $0.held }), held.cut < out.count {
            let candidate = summarized(held.text, from: held.cut)
            let n = await count(candidate)
            if n <= room {
                return FittedRequest(
                    messages: candidate, maxTokens: maxTokens, summarizedMessages: held.cut - head, promptTokens: n,
                    newCut: false)
            }
        }
        let text = await summary()
        var cut = max(head, state.withLock { $0.held?.cut } ?? head)
        // The smallest the request can get (only the last turn kept); a new cut leaves half of the room
        // above that free for the turns to come.
        var last = cut
        while let next = nextCut(out, after: last) { last = next }
        let smallest = await count(summarized(text, from: last))
        let goal = smallest + max(0, room - smallest) / 2
        while total > goal, let next = nextCut(out, after: cut) {
            cut = next
            let candidate = summarized(text, from: cut)
            summarizedCount = cut - head
            total = await count(candidate)
            if total <= goal || nextCut(out, after: cut) == nil {
                out = candidate
                state.withLock { $0.held = (cut, text) }
                break
            }
        }
        let summarizedMessages = summarizedCount
        if total > room {
            out = out.map { m in
                guard m.role == .tool, let c = m.content else { return m }
                var copy = m
                copy.content = ToolResultCompactor.compact(c, level: .tight)
                return copy
            }
            total = await count(out)
        }
        // At worst, a shorter answer than asked (never below 128 tokens): the request is still sent.
        let left = budget.contextTokens - total
        let cap = total > room ? max(128, left) : maxTokens
        return FittedRequest(
            messages: out, maxTokens: cap, summarizedMessages: summarizedMessages, promptTokens: total,
            newCut: summarizedMessages > 0)
    }

    /// The next index after `index` where an assistant turn starts, leaving at least the last turn.
    private func nextCut(_ messages: [ChatMessage], after index: Int) -> Int? {
        var i = index + 1
        while i < messages.count {
            if messages[i].role == .assistant { return i }
            i += 1
        }
        return nil
    }
}
