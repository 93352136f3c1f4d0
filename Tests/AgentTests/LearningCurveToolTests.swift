// explain_model's learning_curve option on a shipped dataset: the run's family refitted on growing
// shares of the run's own folds (so the full-size point reproduces the run's CV score), a table whose
// numbers are sane, a reading that agrees with them, the chart kept with the run as well-formed SVG,
// and the HTML export showing it under the experiment that cites the run.

import Agent
import Foundation
import MLCore
import Testing
import Tracking

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite struct LearningCurveToolTests {
    let tools = ToolsTests()

    @Test func curveOnTitanicIsSaneReadsItsNumbersAndIsExported() async throws {
        let r = try tools.registry("titanic")
        _ = try await tools.call(r, "load_data", #"{"path": "titanic.csv", "target": "survived"}"#)
        _ = try await tools.call(r, "train_model", #"{"model": "baseline", "hypothesis": "the floor"}"#)
        let trained = try await tools.call(
            r, "train_model", #"{"model": "gbdt", "hypothesis": "trees", "params": {"max_iter": 40}}"#)
        let id = try #require(trained["run_id"]?.stringValue)
        let explained = try await tools.call(
            r, "explain_model", #"{"run_id": "\#(id)", "methods": ["gain"], "learning_curve": true}"#)
        let c = try #require(explained["learning_curve"], "\(explained)")
        let run = try r.context.store.get(id)
        #expect(c["metric"]?.stringValue == run.mainMetric)

        let rows = try #require(c["train_rows"]?.arrayValue).compactMap(\.intValue)
        let train = try #require(c["train_mean"]?.arrayValue).compactMap(\.doubleValue)
        let valid = try #require(c["valid_mean"]?.arrayValue).compactMap(\.doubleValue)
        let stds = (c["train_std"]?.arrayValue ?? []) + (c["valid_std"]?.arrayValue ?? [])
        #expect(rows.count == 5 && train.count == 5 && valid.count == 5 && stds.count == 10)
        #expect(zip(rows, rows.dropFirst()).allSatisfy { $0 < $1 }, "sizes increase: \(rows)")
        // Training rows only: 4/5 of the non-sealed rows at full size, never the sealed test rows.
        let d = try #require(r.context.session.datasets.first)
        #expect(rows.last == d.trainRows.count * 4 / 5 || rows.last == (d.trainRows.count * 4 + 4) / 5, "\(rows)")
        #expect((train + valid).allSatisfy { $0 > 0.5 && $0 <= 1 }, "roc_auc in range: \(train) \(valid)")
        #expect(stds.compactMap(\.doubleValue).allSatisfy { $0 >= 0 && $0 < 0.2 })
        #expect(zip(train, valid).allSatisfy { $0 >= $1 - 0.02 }, "a model scores its own rows at least as well")
        // The full-size point refits on the run's folds with its parameters and seed: the run's CV score.
        let cv = try #require(run.metrics[run.mainMetric]?.mean)
        #expect(abs((valid.last ?? 0) - cv) < 1e-3, "full-size validation \(valid.last ?? 0) vs the run's CV \(cv)")

        // The reading follows the numbers, by the rule it states.
        let last = train.count - 1
        let expected =
            valid[last] - valid[last - 1] > 0.01 * max(valid[last], train[last])
            ? "more_data_helps"
            : (train[last] - valid[last]) / max(valid[last], train[last]) > 0.05
                ? "variance" : valid[last] >= 0.95 ? "good_fit" : "bias"
        #expect(c["diagnosis"]?.stringValue == expected, "\(c)")
        let reading = try #require(c["reading"]?.stringValue)
        let word =
            ["more_data_helps": "more data", "variance": "variance", "good_fit": "fits well", "bias": "bias"][expected]
            ?? "?"
        #expect(reading.contains(word), "\(reading)")

        // The chart is kept with the run and renders as well-formed SVG of the two series.
        let saved = ChartArchive(workspace: r.context.workspace.root).charts(runID: id)
        let chart = try #require(saved.first { $0.kind == "learning_curve" })
        let svg = SVGRenderer.render(chart)
        let doc = try XMLDocument(xmlString: svg, options: [])
        #expect(doc.rootElement()?.name == "svg")
        #expect(svg.contains("training rows") && svg.contains("validation"))

        // The export shows it under the experiment that cites the run.
        _ = try await tools.call(
            r, "append_log",
            #"""
            {"kind": "experiment", "title": "Boosting", "hypothesis": "trees", "approach": "gbdt", "run_ids": ["\#(id)"],
             "analysis": "see the learning curve", "next": "decide"}
            """#)
        let html = HTMLReport.html(try SessionReport.load(workspace: r.context.workspace.root))
        #expect(html.contains("Learning curve"), "the HTML export draws the learning curve")
    }

    @Test func clusteringRunsAndSeparateTestSchemesAreRefusedClearly() throws {
        let data = try Dataset.load(path: AgentFixtures.dataset("penguins").path)
        #expect(throws: MLError.self) {
            try ExperimentRunner.learningCurve(
                dataset: data, spec: ExperimentSpec(target: "species", family: try .named("kmeans")), metric: "accuracy"
            )
        }
        #expect(throws: MLError.self) {
            try ExperimentRunner.learningCurve(
                dataset: data,
                spec: ExperimentSpec(target: "species", family: try .named("logistic"), validation: .separateTest),
                metric: "accuracy")
        }
    }
}
