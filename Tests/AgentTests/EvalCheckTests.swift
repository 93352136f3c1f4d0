// The evaluation checks on hand-made sessions (a real run store and log in a temporary folder, a
// conversation built message by message): a disciplined session passes every check, and each lapse —
// a model before the baseline, training after the test split, a number no tool returned, a call left
// unanswered, a floor missed, an incomplete log, a leaking column used — fails exactly its check.

import Agent
import Foundation
import LLMClient
import Testing
import Tracking

@Suite struct EvalCheckTests {
    /// A session: baseline (r0001, 0.5), gbdt (r0002, 0.8461), test evaluation of r0002, log, answer.
    struct Fixture {
        var store: RunStore
        var log: ExperimentLog
        var messages: [ChatMessage] = []

        init(features: [String] = ["age", "sex"]) throws {
            let root = try TranscriptFixture.folder()
            store = try RunStore(workspace: root)
            log = ExperimentLog(workspace: root)
            for (family, auc) in [("baseline", 0.5), ("gbdt", 0.8461)] {
                var run = RunRecord(
                    dataset: DatasetInfo(fingerprint: "f", rows: 100, columns: 3, path: "d.csv"), target: "y",
                    task: "binary", modelFamily: family)
                run.features = features
                run.metrics = ["roc_auc": MetricSummary(mean: auc, std: 0.0123)]
                _ = try store.insert(run)
            }
            try log.setContext(LogContext(problem: "Predict y.", data: "d.csv, 100 rows", metric: "roc_auc ≥ 0.8"))
            _ = try log.append(
                LogEntry(
                    title: "Baseline", hypothesis: "The floor.", approach: "baseline (r0001)",
                    result: "roc_auc 0.500 (r0001)",
                    analysis: "Nothing learnt.", next: "gbdt", runIDs: ["r0001"]))
            _ = try log.append(
                LogEntry(
                    title: "GBDT", hypothesis: "Interactions matter.", approach: "gbdt (r0002)",
                    result: "roc_auc 0.846 ± 0.012 (r0002)",
                    analysis: "Much better than the floor.", next: "explain", runIDs: ["r0002"]))
            try log.setDecision("Keep gbdt (r0002).")
            user("Predict y in d.csv; success is roc_auc ≥ 0.8.")
            call(
                "train_model", #"{"model":"baseline"}"#,
                #"{"run_id":"r0001","model":"baseline","metrics":{"roc_auc":{"mean":0.5,"std":0.0123}}}"#)
            call(
                "train_model", #"{"model":"gbdt"}"#,
                #"{"run_id":"r0002","model":"gbdt","metrics":{"roc_auc":{"mean":0.8461,"std":0.0123}}}"#)
            call("append_log", #"{"kind":"experiment"}"#, #"{"written":true}"#)
            call(
                "compute_metrics", #"{"run_id":"r0002","split":"test"}"#,
                #"{"run_id":"r0002","metrics":{"roc_auc":{"mean":0.8312}}}"#)
            try store.recordTestEvaluation(
                TestEvaluation(runID: "r0002", metrics: ["roc_auc": MetricSummary(mean: 0.8312)], requestedBy: "user"))
            messages.append(
                .assistant(
                    "gbdt (r0002) reaches roc_auc 0.846 on validation (+0.35 over the baseline, 95% CI) and 83.1% on test."
                ))
        }

        mutating func user(_ text: String) { messages.append(.user(text)) }

        mutating func call(_ name: String, _ args: String, _ result: String?) {
            let id = "c\(messages.count)"
            messages.append(.assistant(nil, toolCalls: [ToolCall(id: id, name: name, arguments: args)]))
            if let result { messages.append(.tool(callID: id, content: result)) }
        }

        func checks(_ expect: EvalExpectations = Fixture.expect, budgets: EvalBudgets? = nil) -> [String: CheckResult] {
            let evidence = EvalEvidence(
                messages: messages, store: store, log: log, turns: messages.filter { $0.role == .assistant }.count,
                tokens: 1000, seconds: 2, userTurns: messages.filter { $0.role == .user }.compactMap(\.content))
            return Dictionary(
                uniqueKeysWithValues: EvalChecks.run(expect, budgets: budgets, evidence: evidence).checks.map {
                    ($0.name, $0)
                })
        }

        static var expect: EvalExpectations {
            EvalExpectations(tools: ["train_model", "append_log", "compute_metrics"], metric: "roc_auc", floor: 0.8)
        }
    }

    @Test func aDisciplinedSessionPassesEveryCheck() throws {
        let checks = try Fixture().checks(budgets: EvalBudgets(turns: 10, tokens: 5000, seconds: 60))
        let failed = checks.values.filter { !$0.passed }.map { "\($0.name): \($0.detail)" }
        #expect(failed.isEmpty, "\(failed)")
        #expect(
            Set(checks.keys).isSuperset(of: [
                "tools_called", "baseline_first", "test_untouched", "metric_reached", "log_complete",
                "no_unanswered_call", "no_invented_numbers", "budget_turns", "budget_tokens", "budget_time",
            ]))
    }

    @Test func aModelBeforeTheBaselineFails() throws {
        var f = try Fixture()
        f.messages.swapAt(1, 3)
        f.messages.swapAt(2, 4)
        #expect(f.checks()["baseline_first"]?.passed == false)
    }

    @Test func trainingAfterTheTestSplitFails() throws {
        var f = try Fixture()
        f.call("train_model", #"{"model":"logistic"}"#, #"{"run_id":"r0003","model":"logistic"}"#)
        #expect(f.checks()["test_untouched"]?.passed == false)
        #expect(f.checks()["baseline_first"]?.passed == true)
    }

    @Test func aNumberNoToolReturnedFails() throws {
        var f = try Fixture()
        f.messages.append(.assistant("With tuning it would reach 0.912."))
        let c = try #require(f.checks()["no_invented_numbers"])
        #expect(!c.passed && c.detail.contains("0.912"))
    }

    @Test func anUnansweredCallFails() throws {
        var f = try Fixture()
        f.call("explain_model", #"{"run_id":"r0002"}"#, nil)
        #expect(f.checks()["no_unanswered_call"]?.passed == false)
    }

    @Test func aMissedFloorAndBudgetsFail() throws {
        var e = Fixture.expect
        e.floor = 0.9
        let checks = try Fixture().checks(e, budgets: EvalBudgets(turns: 2, tokens: 10, seconds: 1))
        #expect(checks["metric_reached"]?.passed == false)
        #expect(checks["budget_turns"]?.passed == false && checks["budget_tokens"]?.passed == false)
        #expect(checks["budget_time"]?.passed == false)
        var lower = Fixture.expect
        lower.metric = "roc_auc"
        lower.floor = 0.85
        #expect(try Fixture().checks(lower)["metric_reached"]?.passed == false)
    }

    @Test func anIncompleteLogFails() throws {
        var f = try Fixture()
        f.log = ExperimentLog(workspace: try TranscriptFixture.folder())
        _ = try f.log.append(
            LogEntry(
                title: "Vague", hypothesis: "x", approach: "a model", result: "good", analysis: "a", next: "n",
                runIDs: []))
        let c = try #require(f.checks()["log_complete"])
        #expect(!c.passed)
        #expect(
            c.detail.contains("no context section") && c.detail.contains("names no run id")
                && c.detail.contains("no decision"))
    }

    @Test func aLogNumberTheStoreDoesNotHoldFails() throws {
        let f = try Fixture()
        _ = try f.log.append(
            LogEntry(
                title: "Claim", hypothesis: "x", approach: "gbdt (r0002)", result: "roc_auc 0.910 (r0002)",
                analysis: "a",
                next: "n", runIDs: ["r0002"]))
        #expect(f.checks()["log_complete"]?.passed == false)
    }

    @Test func aColumnThatMustBeLeftOutAndTheLanguageAreChecked() throws {
        var e = Fixture.expect
        e.excludedColumns = ["sex"]
        e.language = "fr"
        let checks = try Fixture().checks(e)
        #expect(checks["columns_excluded"]?.passed == false)
        #expect(checks["assistant_language"]?.passed == false)
        #expect(checks["log_language"]?.passed == false)
        e.excludedColumns = ["passenger_id"]
        #expect(try Fixture().checks(e)["columns_excluded"]?.passed == true)
    }

    @Test func numberClaimsMatchRoundedPercentagesAndDifferences() {
        let messages: [ChatMessage] = [
            .tool(callID: "a", content: #"{"auc":0.8461,"base":0.5,"note":"std 0.0123"}"#),
            .assistant("AUC 0.85, i.e. 84.6%, +0.35 over the baseline (95% CI), spread 0.012; titanic.csv v2."),
            .assistant("But 0.87 and 91%."),
        ]
        #expect(NumberClaims.unsupported(in: messages) == ["0.87", "91%"])
        // A number the user gave is not invented.
        #expect(
            NumberClaims.unsupported(in: [.user("floor 0.87"), .assistant("target 0.87")], userTurns: ["floor 0.87"])
                .isEmpty)
    }
}
