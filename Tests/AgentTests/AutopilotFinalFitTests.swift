// The Autopilot's final fit (finalize_model): the chosen run refitted on every labelled row when the table is
// small enough for a quarter more rows to matter (up to 200,000 training rows) and what is left of the budget
// holds one more fit of it; never without its sealed test evaluation (the end-to-end tests check the order).

import Foundation
import LLMClient
import Testing

@testable import Agent

@Suite struct AutopilotFinalFitTests {
    /// A plan whose load_data answered with `trainRows` training rows, at `elapsed` seconds of a 60 s budget.
    func plan(trainRows: Int, elapsed: Double) -> AutopilotPlan {
        let id = AutopilotHistory.callID(step: AutopilotStep.load.rawValue)
        let load: JSONValue = [
            "dataset_id": "d1", "task": "binary", "metric": "roc_auc", "target": ["name": "y"],
            "validation_scheme": ["scheme": "stratified_kfold", "folds": 5], "rows": .int(trainRows * 5 / 4),
            "train_rows": .int(trainRows), "test_rows": .int(trainRows / 4), "column_count": 5,
        ]
        let messages: [ChatMessage] = [
            .assistant(nil, toolCalls: [ToolCall(id: id, name: "load_data", arguments: "{}")]),
            .tool(callID: id, content: load.text),
        ]
        var plan = AutopilotPlan(
            brief: AutopilotBrief(path: "t.csv", target: "y"), history: AutopilotHistory(messages: messages))
        plan.clock = AutopilotClock(budget: 60, elapsed: elapsed)
        return plan
    }

    let chosen = Candidate(step: .gbdt, runID: "r0003", model: "gbdt", mean: 0.8, std: 0.01)

    @Test func aSmallTableIsRefittedWhenTheBudgetHoldsTheFit() {
        #expect(plan(trainRows: 1_000, elapsed: 10).finalFitFits(chosen))
        #expect(plan(trainRows: 200_000, elapsed: 10).finalFitFits(chosen))
        // Above 200,000 training rows a quarter more rows moves nothing measurable: no final fit.
        #expect(!plan(trainRows: 200_001, elapsed: 10).finalFitFits(chosen))
        // 60 s less the unplanned tenth leaves 0.5 s at 53.5 s: not the second the fit needs.
        #expect(!plan(trainRows: 1_000, elapsed: 53.5).finalFitFits(chosen))
    }
}
