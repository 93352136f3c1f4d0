// The W&B export as values and as Python text: each run's config, summary, per-fold history, tags and
// notes from the store and the log (the wine workspace of ExportWorkspace); the chosen run (the one
// evaluated on the sealed test split, else the first the decision cites); one group per problem;
// no script without runs; the project names W&B's SDK refuses (wandb 0.31,
// Settings.validate_project) refused here first; exact numbers in the Python literals.
import Foundation
import TestSupport
import Testing

@testable import Tracking

extension ChartExportTests {
    @Suite struct WandbExportTests {
        static func export() async throws -> (WandbExport, SessionReport) {
            let report = try SessionReport.load(workspace: try await ExportWorkspace.make())
            return (try WandbExport(report, project: "wine-cultivars"), report)
        }

        @Test func eachRunCarriesTheStoresValuesAndTheLogsHypothesis() async throws {
            let (export, report) = try await Self.export()
            #expect(export.runs.map(\.name) == report.runs.map { "\($0.id) \($0.modelFamily)" })
            #expect(Set(export.runs.map(\.group)) == ["wine.csv · target · wine-fp"])
            let logistic = try #require(report.runs.first { $0.modelFamily == "logistic" })
            let run = try #require(export.runs.first { $0.id == logistic.id })
            #expect(run.config["model_family"] == "logistic")
            #expect(run.config["hyper_parameters"] == ["C": 1, "max_iter": 200])
            #expect(run.config["seed"] == 42)
            #expect(run.config["dataset_fingerprint"] == "wine-fp")
            #expect(run.config["features"] == .array(logistic.features.map(OrderedJSON.string)))
            let accuracy = try #require(logistic.metrics["accuracy"])
            #expect(run.summary["val/accuracy"] == .number(accuracy.mean))
            #expect(run.summary["val/accuracy_std"] == accuracy.std.map(OrderedJSON.number))
            #expect(run.summary["val/accuracy_ci_low"] == accuracy.ciLow.map(OrderedJSON.number))
            #expect(run.summary["test/accuracy"] == nil, "the sealed test split was never evaluated")
            #expect(run.folds.count == 5)
            #expect(
                run.folds.map { $0["fold/accuracy"] } == logistic.foldMetrics.map { .number($0["accuracy"] ?? .nan) })
            #expect(run.folds.map { $0["fold"] } == [1, 2, 3, 4, 5])
            // The hypothesis is the log's (experiment #2), not the store's ("logistic hypothesis").
            #expect(
                run.notes.hasPrefix(
                    "Experiment #2 — Logistic regression. Hypothesis: Scaled linear boundaries separate the cultivars"))
            // No test evaluation: the decision's first run is the chosen one, and carries the decision.
            #expect(run.tags == ["chosen"])
            #expect(run.notes.contains("Decision: Keep the logistic regression"))
            #expect(export.runs.first { $0.name.hasSuffix("baseline") }?.tags == ["baseline"])
            #expect(export.runs.first { $0.name.hasSuffix("gbdt") }?.charts.map(\.kind) == ["feature_importance"])
            #expect(export.problems.count == 1)
            #expect(export.problems[0].anchor == logistic.id && export.problems[0].chosen == logistic.id)
            #expect(export.problems[0].log == LogRenderer.markdown(report.log), "a log of one problem goes whole")
        }

        @Test func theRunEvaluatedOnTheSealedTestSplitIsChosenWithItsTestFigures() async throws {
            let (first, report) = try await Self.export()
            let gbdt = try #require(report.runs.first { $0.modelFamily == "gbdt" })
            let test = TestEvaluation(
                runID: gbdt.id, metrics: ["accuracy": MetricSummary(mean: 0.93, ciLow: 0.87, ciHigh: 0.98)],
                requestedBy: "agent")
            var withTest = report
            withTest.testEvaluations = [test]
            let export = try WandbExport(withTest, project: "wine")
            let run = try #require(export.runs.first { $0.id == gbdt.id })
            #expect(run.tags == ["chosen"])
            #expect(run.summary["test/accuracy"] == 0.93 && run.summary["test/accuracy_ci_high"] == 0.98)
            #expect(run.summary["test/evaluations"] == 1)
            #expect(export.runs.filter { $0.tags.contains("chosen") }.count == 1)
            #expect(first.runs.first { $0.id == gbdt.id }?.tags == [])
        }

        @Test func runsOfSeveralProblemsGoToOneGroupEach() throws {
            var runs: [RunRecord] = []
            for (i, (fp, target)) in [
                ("fp-a", "survived"), ("fp-a", "survived"), ("fp-b", "species"), ("fp-a", "fare"),
            ]
            .enumerated() {
                var r = sampleRun(model: i == 0 ? "baseline" : "gbdt", fingerprint: fp)
                r.target = target
                r.id = String(format: "r%04d", i + 1)
                r.createdAt = Date(timeIntervalSince1970: Double(i))
                runs.append(r)
            }
            // A log of two problems (another session's format); the third problem has no part in it.
            var survived = LogProblem(key: ProblemKey(dataset: "titanic.csv", target: "survived"))
            survived.entries = [
                LogEntry(
                    title: "Boosting", hypothesis: "Trees beat the floor", approach: "gbdt (r0002)",
                    result: "see r0002", analysis: "a", next: "n", runIDs: ["r0002", "r0001"])
            ]
            survived.decision = "Keep r0002 for survived."
            var species = LogProblem(key: ProblemKey(dataset: "titanic.csv", target: "species"))
            species.decision = "Keep r0003 for species."
            var log = LogDocument(language: .en)
            log.problems = [survived, species]
            let export = try WandbExport(SessionReport(log: log, runs: runs), project: "mlexp")
            #expect(
                export.problems.map(\.group) == [
                    "titanic.csv · survived · fp-a", "titanic.csv · species · fp-b", "titanic.csv · fare · fp-a",
                ])
            #expect(export.problems.map(\.runIDs) == [["r0001", "r0002"], ["r0003"], ["r0004"]])
            #expect(export.problems.map(\.anchor) == ["r0002", "r0003", "r0004"])
            #expect(export.problems.map(\.chosen) == ["r0002", "r0003", nil])
            #expect(Set(export.problems.map(\.artifact)).count == 3)
            #expect(export.runs.map(\.group) == export.problems.flatMap { p in p.runIDs.map { _ in p.group } })
            // Each group carries its own part of the log, and its chosen run the decision of its problem.
            #expect(
                export.problems[0].log.contains("Trees beat the floor") && !export.problems[0].log.contains("r0003"))
            #expect(
                export.problems[1].log.contains("Keep r0003 for species.") && !export.problems[1].log.contains("Trees"))
            #expect(export.problems[2].log == LogRenderer.markdown(log))
            let chosen = try #require(export.runs.first { $0.id == "r0002" })
            #expect(chosen.notes.contains("Hypothesis: Trees beat the floor"))
            #expect(chosen.notes.hasSuffix("Decision: Keep r0002 for survived."))
        }

        @Test func aTunedRunIsTagged() throws {
            var run = sampleRun()
            run.id = "r0001"
            run.validation = ["scheme": "5-fold CV", "tuned": ["strategy": "halving", "evaluated": 12]]
            let export = try WandbExport(SessionReport(log: LogDocument(language: .en), runs: [run]), project: "p")
            #expect(export.runs[0].tags == ["tuned"])
        }

        @Test func noRunsMeansNoScriptAndSaysWhatToDo() {
            #expect {
                try WandbExport(SessionReport(log: LogDocument(language: .en), runs: []), project: "mlexp")
            } throws: { e in
                let m = (e as? TrackingError)?.message ?? ""
                return m.contains("nothing to send to W&B") && m.contains("mlexp run")
            }
        }

        /// The SDK's rules (wandb 0.31 `Settings.validate_project`): at most 128 characters, none of / \ # ? % :.
        @Test(arguments: [
            "team/mlexp", "a\\b", "run#1", "why?", "100%", "c:d", "", "   ", String(repeating: "x", count: 129),
        ])
        func projectNamesWandbRefusesAreRefusedFirst(_ name: String) {
            #expect(throws: TrackingError.self) { try WandbNames.checkProject(name) }
            #expect(throws: TrackingError.self) {
                try WandbExport(SessionReport(log: LogDocument(language: .en), runs: [sampleRun()]), project: name)
            }
        }

        @Test func acceptedNamesAndTheMessageOfARefusal() throws {
            for name in ["mlexp", "Titanic survival 2026", "wine_cultivars-v2.1", String(repeating: "x", count: 128)] {
                try WandbNames.checkProject(name)
            }
            #expect { try WandbNames.checkProject("team/titanic") } throws: { e in
                let m = (e as? TrackingError)?.message ?? ""
                return m.contains("'/'") && m.contains("--project team-titanic")
            }
            #expect(
                WandbNames.artifactName("mlexp-log-titanic.csv · survived · 3f2a")
                    == "mlexp-log-titanic.csv-survived-3f2a")
        }

        @Test func pythonLiteralsKeepEveryDigit() {
            #expect(OrderedJSON.number(0.1 + 0.2).python() == "0.30000000000000004")
            #expect(OrderedJSON.number(0.8512345678901234).python() == "0.8512345678901234")
            #expect(OrderedJSON.number(1e-05).python() == "1e-05")
            #expect(OrderedJSON.number(42).python() == "42")
            #expect(OrderedJSON.number(.nan).python() == "float(\"nan\")")
            #expect(
                OrderedJSON.object([("a", .null), ("b", [true, "x\"y\n"])]).python()
                    == #"{"a": None, "b": [True, "x\"y\n"]}"#)
        }

        @Test func theScriptHoldsTheRunsAndTheProgram() async throws {
            let (export, _) = try await Self.export()
            let script = WandbScript.python(export, generator: "mlexp test", workspace: "/tmp/ws")
            #expect(script.hasPrefix("#!/usr/bin/env python3\n"))
            #expect(script.contains("PROJECT = \"wine-cultivars\"\nENTITY = None\n"))
            #expect(script.contains("\"name\": \"\(export.runs[0].name)\""))
            #expect(script.contains("wandb.init(") && script.contains("run.log_artifact(artifact)"))
            // The gbdt run's chart travels as the notebook's Vega-Lite spec and its SVG.
            let chart = try #require(export.runs[2].charts.first)
            #expect(script.contains(OrderedJSON.string(VegaLiteEncoder.encode(chart).serialized()).python()))
            #expect(script.contains("\"folds\": [\n"))
            #expect(script.contains("\"tags\": [\"baseline\"],\n"), "lists of plain values stay on one line")
        }
    }
}
