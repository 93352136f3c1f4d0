// The Autopilot's decision policy, driven through the real loop against canned tool results (no ML
// core): baseline first, flagged columns dropped, each model compared with the best so far, the
// simpler model kept when the difference is within one standard error (the one-standard-error rule), the test split touched once after the
// decision, every experiment logged, and a closing decision.

import Agent
import Foundation
import LLMClient
import Synchronization
import Testing

/// Answers tool calls with canned results and records the calls.
final class CannedTools: ToolExecuting {
    let calls = Mutex<[ToolCall]>([])
    let significantGbdt: Bool
    let textColumns: [String]
    var definitions: [ToolDefinition] {
        ["load_data", "train_model", "compute_metrics", "explain_model", "append_log"].map {
            ToolDefinition(name: $0, description: "", parametersSchema: "{}")
        }
    }

    init(significantGbdt: Bool, textColumns: [String] = []) {
        self.significantGbdt = significantGbdt
        self.textColumns = textColumns
    }

    func execute(_ call: ToolCall) async -> ToolOutcome {
        calls.withLock { $0.append(call) }
        let a = (try? JSONValue.parse(call.arguments)) ?? [:]
        let result: JSONValue
        switch call.name {
        case "load_data":
            result = [
                "dataset_id": "t", "task": "binary", "metric": "roc_auc", "greater_is_better": true,
                "validation": "stratified 5-fold CV", "rows": 100, "train_rows": 80, "test_rows": 20, "column_count": 4,
                "target": ["name": "y"], "text_columns": .strings(textColumns),
                "warnings": [
                    [
                        "kind": "id_like", "column": "name", "action": "drop_column",
                        "message": "name is unique per row",
                    ],
                    ["kind": "imbalanced_target", "action": "review", "message": "class 1 is rare"],
                ],
            ]
        case "train_model":
            let model = a["model"]?.stringValue ?? ""
            let n = calls.withLock { $0.filter { $0.name == "train_model" }.count }
            let mean: Double =
                a["features"] != nil ? 0.6 : (["baseline": 0.5, "logistic": 0.80, "gbdt": 0.82][model] ?? 0.5)
            result = [
                "run_id": .string("r000\(n)"), "model": .string(model), "main_metric": "roc_auc",
                // A wide fold spread when the gain is noise: logistic's 0.80 is then within one standard error
                // (0.05 / √5) of gradient boosting's 0.82, and the one-standard-error rule keeps it.
                "metrics": ["roc_auc": ["mean": .number(mean), "std": .number(significantGbdt ? 0.01 : 0.05)]],
            ]
        case "compute_metrics":
            let run = a["run_id"]?.stringValue ?? "", other = a["compare_to"]?.stringValue ?? ""
            let significant = run == "r0003" ? significantGbdt : true
            result = [
                "run_id": .string(run), "split": a["split"] ?? "validation", "main_metric": "roc_auc",
                "metrics": ["roc_auc": ["value": 0.81, "ci_low": 0.78, "ci_high": 0.84]],
                "comparison": a["compare_to"] == nil
                    ? .null
                    : [
                        "other_run": .string(other), "delta": 0.02, "ci_low": -0.01, "ci_high": 0.05,
                        "significant": .bool(significant), "better_run": .string(significant ? run : "neither"),
                    ],
            ]
        case "explain_model":
            result = [
                "importance": [["feature": "sex", "importance": 0.2], ["feature": "age", "importance": 0.05]],
                "effects": [["feature": "age", "direction": "decreasing"]],
                "error_slices": [["slice": "class=3rd"]], "limits": ["Trained on 80 rows."],
            ]
        default:
            result = ["written": "ok"]
        }
        return ToolOutcome(content: result.text, isError: false)
    }
}

@Suite struct AutopilotPolicyTests {
    func session(significantGbdt: Bool, text: [String] = []) async -> (TurnOutcome, [ToolCall]) {
        let tools = CannedTools(significantGbdt: significantGbdt, textColumns: text)
        let model = Autopilot(brief: AutopilotBrief(path: "t.csv", target: "y"))
        let loop = AgentLoop(model: model, tools: tools, systemPrompt: "sys")
        let outcome = await loop.send("go")
        return (outcome, tools.calls.withLock { $0 })
    }

    func args(_ call: ToolCall) -> JSONValue { (try? JSONValue.parse(call.arguments)) ?? [:] }

    @Test func followsThePlanInOrder() async {
        let (outcome, calls) = await session(significantGbdt: true)
        #expect(
            calls.map(\.name) == [
                "load_data", "append_log", "train_model", "append_log", "train_model", "compute_metrics", "append_log",
                "train_model", "compute_metrics", "append_log", "explain_model", "append_log", "compute_metrics",
                "append_log",
            ])
        let trained = calls.filter { $0.name == "train_model" }.map { args($0)["model"]?.stringValue }
        #expect(trained == ["baseline", "logistic", "gbdt"])
        // Flagged ID-like column dropped in every model.
        for call in calls where call.name == "train_model" { #expect(args(call)["drop"] == ["name"]) }
        // gbdt compared with the best so far (logistic, r0002).
        let compare = calls.filter { $0.name == "compute_metrics" }
        #expect(args(compare[1])["compare_to"] == "r0002")
        // The test split is touched once, after everything else but the decision.
        let testCalls = compare.filter { args($0)["split"] == "test" }
        #expect(testCalls.count == 1)
        #expect(args(testCalls[0])["run_id"] == "r0003")
        guard case .answered(let text) = outcome else {
            Issue.record("no final answer")
            return
        }
        #expect(text.contains("Decision: keep gbdt"))
        #expect(text.contains("EXPERIMENTS.md"))
        let logKinds = calls.filter { $0.name == "append_log" }.map { args($0)["kind"]?.stringValue }
        #expect(logKinds == ["context", "experiment", "experiment", "experiment", "experiment", "decision"])
    }

    @Test func keepsTheSimplerModelWhenTheGainIsNoise() async {
        let (outcome, calls) = await session(significantGbdt: false)
        let explain = calls.first { $0.name == "explain_model" }
        #expect(explain.map { args($0)["run_id"] } == "r0002")
        guard case .answered(let text) = outcome else { return }
        #expect(text.contains("keep logistic"))
    }

    @Test func addsATextModelWhenThereIsText() async {
        let (_, calls) = await session(significantGbdt: true, text: ["review"])
        let text = calls.filter { $0.name == "train_model" }.last
        #expect(text.map { args($0)["model"] } == "logistic")
        #expect(text.map { args($0)["features"] } == ["review"])
    }

    @Test func saysItIsNotAnLLM() async {
        let model = Autopilot(brief: nil)
        #expect(model.displayName.contains("no LLM"))
        let loop = AgentLoop(model: model, tools: CannedTools(significantGbdt: true), systemPrompt: nil)
        guard case .answered(let text) = await loop.send("hello") else { return }
        #expect(text.contains("not an LLM"))
        let brief = AutopilotBrief.parse("please study titanic.csv target survived", language: .en)
        #expect(brief?.path == "titanic.csv")
        #expect(brief?.target == "survived")
    }
}
