// The checks of a scenario run, each a pass/fail with a detail that says what was seen: tools called,
// baseline first, test split untouched until the decision, success metric reached, log complete and
// backed by the store, no unanswered tool call, no number claimed that no tool returned, budgets, and
// the optional ones (columns left out, models trained, language, the log's metric).
// Leaves out: running the session (EvalRunner) and the number matching (NumberClaims).

import Foundation
public import LLMClient
public import Tracking

/// The outcome of one check.
public struct CheckResult: Sendable, Equatable {
    public var name: String
    public var passed: Bool
    public var detail: String

    public init(name: String, passed: Bool, detail: String) {
        self.name = name
        self.passed = passed
        self.detail = detail
    }
}

/// What a run left to check.
public struct EvalEvidence: Sendable {
    public var messages: [ChatMessage]
    public var store: RunStore
    public var log: ExperimentLog
    public var turns: Int
    public var tokens: Int
    public var seconds: Double
    public var userTurns: [String]

    public init(
        messages: [ChatMessage], store: RunStore, log: ExperimentLog, turns: Int, tokens: Int, seconds: Double,
        userTurns: [String]
    ) {
        self.messages = messages
        self.store = store
        self.log = log
        self.turns = turns
        self.tokens = tokens
        self.seconds = seconds
        self.userTurns = userTurns
    }

    /// Each tool call with its parsed result, in order.
    var calls: [(call: ToolCall, arguments: JSONValue, result: JSONValue, ok: Bool)] {
        var results: [String: String] = [:]
        for m in messages where m.role == .tool { if let id = m.toolCallID { results[id] = m.content ?? "" } }
        return messages.flatMap(\.toolCalls).map(ToolRegistry.resolvingAlias).map { call in
            let args = (try? JSONValue.parse(call.arguments)) ?? .object([:])
            let text = results[call.id]
            let result = text.flatMap { try? JSONValue.parse($0) } ?? .string(text ?? "")
            let ok = text != nil && result["error"] == nil && result.objectValue != nil
            return (call, args, result, ok)
        }
    }
}

/// The standard and optional checks.
public enum EvalChecks {
    /// Metrics where lower is better.
    static let lowerIsBetter: Set<String> = [
        "rmse", "mae", "mape", "median_ae", "rmsle", "log_loss", "brier", "inertia",
    ]

    /// Runs every check that applies. Returns the results and the success metric's value.
    public static func run(
        _ expect: EvalExpectations, budgets: EvalBudgets?, evidence e: EvalEvidence
    ) -> (checks: [CheckResult], metric: Double?) {
        let calls = e.calls
        var out: [CheckResult] = []
        func check(_ name: String, _ passed: Bool, _ detail: String) {
            out.append(CheckResult(name: name, passed: passed, detail: detail))
        }
        let succeeded = calls.filter(\.ok)
        let trained = succeeded.filter { $0.call.name == "train_model" }
        let runs = (try? e.store.list()) ?? []

        let used = Set(succeeded.map(\.call.name))
        let missing = (expect.tools ?? ["load_data", "train_model", "append_log"]).filter { !used.contains($0) }
        check(
            "tools_called", missing.isEmpty,
            missing.isEmpty
                ? "called \(used.sorted().joined(separator: ", "))"
                : "never ran successfully: \(missing.joined(separator: ", "))")

        if expect.baselineFirst ?? true {
            let first = trained.first.map {
                $0.result["model"]?.stringValue ?? $0.arguments["model"]?.stringValue ?? "?"
            }
            check(
                "baseline_first", first == "baseline",
                first.map { "first model trained: \($0)" } ?? "no model was trained")
        }

        // The sealed test split: evaluated at most N times, only after the last training, and every
        // evaluation the store holds was asked for in the conversation.
        let testIndices = calls.indices.filter {
            calls[$0].call.name == "compute_metrics" && calls[$0].arguments["split"]?.stringValue == "test"
                && calls[$0].ok
        }
        let lastTraining = calls.indices.last {
            ["train_model", "tune_model"].contains(calls[$0].call.name) && calls[$0].ok
        }
        let storeTests = (try? e.store.testEvaluations().count) ?? 0
        let maxTests = expect.maxTestEvaluations ?? 1
        var testProblems: [String] = []
        if testIndices.count > maxTests {
            testProblems.append("test split evaluated \(testIndices.count) times (at most \(maxTests))")
        }
        if let first = testIndices.first, let last = lastTraining, last > first {
            testProblems.append("a model was trained after the test split was evaluated")
        }
        if storeTests != testIndices.count {
            testProblems.append(
                "the store holds \(storeTests) test evaluations, the conversation asked for \(testIndices.count)")
        }
        check(
            "test_untouched", testProblems.isEmpty,
            testProblems.isEmpty
                ? "test split evaluated \(testIndices.count) time(s), after all training"
                : testProblems.joined(separator: "; "))

        var metricValue: Double?
        if let metric = expect.metric {
            let lower = lowerIsBetter.contains(metric)
            let values = runs.compactMap { $0.metrics[metric]?.mean }
            metricValue = lower ? values.min() : values.max()
            if let floor = expect.floor {
                let reached = metricValue.map { lower ? $0 <= floor : $0 >= floor } ?? false
                check(
                    "metric_reached", reached,
                    "\(metric) best \(metricValue.map { String(format: "%.4f", $0) } ?? "not measured") vs \(lower ? "ceiling" : "floor") \(floor)"
                )
            }
        }

        out += LogCheck.run(e.log, store: e.store, expectLanguage: expect.language, logMetric: expect.logMetric)

        let answered = Set(e.messages.filter { $0.role == .tool }.compactMap(\.toolCallID))
        let unanswered = calls.map(\.call.id).filter { !answered.contains($0) }
        check(
            "no_unanswered_call", unanswered.isEmpty,
            unanswered.isEmpty
                ? "\(calls.count) calls, each answered" : "unanswered: \(unanswered.joined(separator: ", "))")

        let claims = NumberClaims.unsupported(in: e.messages, userTurns: e.userTurns)
        check(
            "no_invented_numbers", claims.isEmpty,
            claims.isEmpty
                ? "every number in the assistant's text comes from a tool or the user"
                : "not returned by any tool: \(claims.prefix(5).joined(separator: ", "))")

        let b = budgets ?? EvalBudgets()
        if let t = b.turns { check("budget_turns", e.turns <= t, "\(e.turns) model turns (budget \(t))") }
        if let t = b.tokens { check("budget_tokens", e.tokens <= t, "\(e.tokens) tokens (budget \(t))") }
        if let t = b.seconds {
            check("budget_time", e.seconds <= t, String(format: "%.1f s (budget %.0f s)", e.seconds, t))
        }

        if let columns = expect.excludedColumns {
            let offending = runs.filter { r in columns.contains { r.features.contains($0) } }
            check(
                "columns_excluded", offending.isEmpty && !runs.isEmpty,
                runs.isEmpty
                    ? "no run to check"
                    : offending.isEmpty
                        ? "no run used \(columns.joined(separator: ", "))"
                        : "used by \(offending.map(\.id).joined(separator: ", ")): \(columns.filter { c in offending.contains { $0.features.contains(c) } }.joined(separator: ", "))"
            )
        }
        if let columns = expect.usedColumns {
            let unused = columns.filter { c in !runs.contains { $0.features.contains(c) } }
            check(
                "columns_used", unused.isEmpty,
                unused.isEmpty
                    ? "\(columns.joined(separator: ", ")) used by a trained model"
                    : "no model used \(unused.joined(separator: ", "))")
        }
        if let models = expect.models {
            let families = Set(runs.map(\.modelFamily)).union(trained.compactMap { $0.result["model"]?.stringValue })
            let absent = models.filter { !families.contains($0) }
            check(
                "models_trained", absent.isEmpty,
                absent.isEmpty
                    ? "trained \(families.sorted().joined(separator: ", "))"
                    : "never trained: \(absent.joined(separator: ", "))")
        }
        out += leakage(expect, evidence: e, runs: runs)
        if let language = expect.language {
            let text = e.messages.filter { $0.role == .assistant }.compactMap(\.content).joined(separator: " ")
            let detected = LanguageGuess.of(text)
            check(
                "assistant_language", detected == language, "the assistant wrote in \(detected) (expected \(language))")
        }
        return (out, metricValue)
    }
}

/// A rough guess between English and French from common words.
enum LanguageGuess {
    static let french: Set<String> = [
        "le", "la", "les", "des", "du", "une", "est", "et", "pour", "avec", "sur", "que", "qui", "pas", "modèle", "je",
    ]
    static let english: Set<String> = [
        "the", "a", "is", "and", "for", "with", "on", "that", "which", "not", "model", "i", "of", "to",
    ]

    static func of(_ text: String) -> String {
        let words = text.lowercased().split { !$0.isLetter }.map(String.init)
        let fr = words.filter(french.contains).count, en = words.filter(english.contains).count
        return fr > en ? "fr" : "en"
    }
}
