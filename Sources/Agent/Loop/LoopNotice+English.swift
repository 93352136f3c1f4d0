// LoopNotice in English.

import LLMClient

extension LoopNotice {
    var english: String {
        switch self {
        case .usage(let usage, let session, let budget, let seconds, let secondsBudget):
            Self.englishUsage(
                usage, Self.spent(session: session, budget: budget, seconds: seconds, secondsBudget: secondsBudget))
        case .summarized(let count, let prompt, let context):
            "context: \(count) older messages replaced by a summary from the run store (request ≈ \(prompt)/\(context) tokens)"
        case .repeatedCall(let tool):
            "\(tool): the same call already failed; the earlier error was sent back to the model instead of running it again"
        case .repairedCall(let tool):
            "\(tool): the refused call was sent again unchanged; run once with what the refusal named left out (see \"repaired\")"
        case .next(let step): "guide: " + step
        case .unfinished(let steps):
            "The session is not finished. Still to do: \(steps). Continue with the next step, as a tool call."
        }
    }

    private static func englishUsage(_ usage: TokenUsage, _ spent: (tokens: String, time: String)) -> String {
        "answer: \(usage.completionTokens) tokens (prompt \(usage.promptTokens)) · session: \(spent.tokens) tokens, \(spent.time)"
    }
}
