// The loop's and the tools' message tables: every id renders in every language, translated; English as
// the loop and the tools wrote it before the tables (commit 6ce57f4).

import LLMClient
import Languages
import Testing

@testable import Agent

@Suite struct LoopAndToolMessageTests {
    @Test func everyLoopMessageIsTranslated() {
        let usage = TokenUsage(promptTokens: 900, completionTokens: 120)
        let notices: [LoopNotice] = [
            .usage(usage, session: 1020, budget: 5000, seconds: 65, secondsBudget: 600),
            .usage(usage, session: 1020, budget: nil, seconds: 5, secondsBudget: nil),
            .summarized(count: 12, prompt: 3000, context: 4096), .repeatedCall(tool: "train_model"),
            .repairedCall(tool: "append_log"), .next("train the baseline"), .unfinished(steps: "log the decision"),
        ]
        let stops: [StopMessage] = [
            .cancelled, .cancelledWaitingForModel, .modelFailed(error: "timeout."), .cancelledBeforeTools,
            .cancelledDuringTool(name: "train_model"), .toolErrors(count: 3, last: "train_model"),
            .turnLimit(turns: 40), .noProgress(answers: 3), .budget("5000 tokens"),
        ]
        expectEveryLanguage(notices + stops)
        #expect(
            LoopNotice.usage(usage, session: 1020, budget: 5000, seconds: 65, secondsBudget: 600).english
                == "answer: 120 tokens (prompt 900) · session: 1020/5000 tokens, 1 min 05 s/10 min 00 s")
        #expect(
            StopMessage.turnLimit(turns: 40).english
                == "Stopped after 40 model turns without a final answer. Say 'continue' to go on, or narrow the request."
        )
    }

    @Test func everyToolMessageIsTranslated() {
        let messages: [ToolMessage] = [
            .onTestSplit, .rawScoreOfLastClass, .rawScoreLogOdds, .predicted(target: "price"),
            .output(label: nil, target: "survived", className: "1"), .importanceDrop(metric: "auc"),
            .importance(method: "gain"), .leftOutField, .entryRepaired(numbers: "0.91"), .baselineHypothesis,
            .baselineFirst(model: "gbdt"),
        ]
        expectEveryLanguage(messages)
        #expect(
            ToolMessage.output(label: nil, target: "survived", className: "1").english == "predicted survived (p(1))")
        // MLCore's English label, when there is one, is quoted in English only.
        #expect(
            ToolMessage.output(label: "P(survived = 1)", target: "survived", className: "1").english
                == "P(survived = 1)")
    }
}
