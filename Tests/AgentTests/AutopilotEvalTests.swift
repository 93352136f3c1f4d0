// The shipped evaluation suite (evals/*.json) read and run with the Autopilot: its scorecard must pass
// every check of every scenario (the Autopilot is the reference an LLM must beat). Also: the suite files
// parse, name datasets that exist, and a scorecard survives its JSON round trip and compares.

import Agent
import Foundation
import LLMClient
import Testing

@Suite(.serialized) struct AutopilotEvalTests {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static var suites: [URL] {
        let folder = repo.appendingPathComponent("evals")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted().map { folder.appendingPathComponent($0) }
    }

    static let autopilot: EvalHarness.ModelFactory = { scenario, file, language in
        Autopilot(
            brief: AutopilotBrief(
                path: file, target: scenario.target, language: language, reference: scenario.reference),
            language: language)
    }

    @Test func shippedSuitesParseAndTheirDatasetsExist() throws {
        #expect(!Self.suites.isEmpty)
        for url in Self.suites {
            let suite = try EvalSuite.load(url)
            for s in suite.scenarios { _ = try suite.datasetURL(s, cwd: Self.repo) }
        }
        let core = try EvalSuite.load(Self.repo.appendingPathComponent("evals/core.json"))
        let kinds = Set(core.scenarios.map(\.name))
        for k in [
            "binary", "multiclass", "regression", "text", "clustering", "leakage", "id-column", "french",
            "metric-change",
        ] {
            #expect(kinds.contains { $0.hasPrefix(k) }, "no \(k) scenario")
        }
        // Clustering without a target: on unlabelled data, and with a label column named only as a reference.
        let clustering = core.scenarios.filter { $0.name.hasPrefix("clustering") }
        #expect(clustering.allSatisfy { $0.target == nil })
        #expect(
            try clustering.map { try core.datasetURL($0, cwd: Self.repo).lastPathComponent }.contains(
                "wine_unlabelled.csv"))
        #expect(clustering.contains { $0.reference == "target" && $0.expect.excludedColumns == ["target"] })
    }

    @Test func autopilotPassesEveryCheckOfTheShippedSuites() async throws {
        for url in Self.suites {
            let suite = try EvalSuite.load(url)
            let out = try TranscriptFixture.folder()
            let card = try await EvalHarness.run(suite, repeats: 1, makeModel: Self.autopilot, out: out, cwd: Self.repo)
            let failures = card.scenarios.flatMap { s in s.failures.map { "\(s.name): \($0)" } }
            #expect(card.allPassed, "\(url.lastPathComponent): \(failures)")
            #expect(card.scenarios.count == suite.scenarios.count)
            // The scorecard is written and reads back the same.
            let back = try Scorecard.read(out.appendingPathComponent("scorecard.json"))
            #expect(back == card)
            #expect(
                try String(contentsOf: out.appendingPathComponent("scorecard.md"), encoding: .utf8).contains(
                    "| check | pass rate |"))
        }
    }

    @Test func scorecardAggregatesRepeatsAndComparesSideBySide() throws {
        let suite = EvalSuite(
            name: "s",
            scenarios: [
                EvalScenario(
                    name: "a", dataset: "x.csv", turns: ["go"], expect: EvalExpectations(metric: "roc_auc", floor: 0.8))
            ])
        func run(_ attempt: Int, _ value: Double, _ ok: Bool) -> ScenarioRun {
            ScenarioRun(
                scenario: "a", attempt: attempt,
                checks: [
                    CheckResult(name: "metric_reached", passed: ok, detail: "d"),
                    CheckResult(name: "log_complete", passed: true, detail: ""),
                ],
                metricValue: value, turns: 10 + attempt, tokens: 100 * attempt, latencyMS: 5, seconds: 1, stops: [])
        }
        let card = Scorecard(suite: suite, model: "m", repeats: 2, runs: [run(1, 0.82, true), run(2, 0.78, false)])
        #expect(!card.allPassed)
        let s = try #require(card.scenarios.first)
        #expect(s.passRate == PassRate(passed: 1, total: 2))
        #expect(abs((s.metricValue?.mean ?? 0) - 0.80) < 1e-12)
        #expect(abs((s.metricValue?.std ?? 0) - 0.028284271247461926) < 1e-9)
        #expect(card.checks["log_complete"] == PassRate(passed: 2, total: 2))
        #expect(s.failures == ["attempt 2: metric_reached: d"])
        let other = Scorecard(suite: suite, model: "n", repeats: 1, runs: [run(1, 0.9, true)])
        let side = Scorecard.comparison(card, other, names: ("A.json", "B.json"))
        #expect(side.contains("| a | 1/2 | 1/1 |"))
        #expect(side.contains("| metric_reached | 50% | 100% |"))
    }
}
