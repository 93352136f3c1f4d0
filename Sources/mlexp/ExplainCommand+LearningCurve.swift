// `mlexp explain FILE --target COL --model NAME --method learning-curve [--folds K] [--json]`: the
// model's train and validation score against training rows (MLCore's ExperimentRunner.learningCurve on
// seeded K-fold cross-validation, stratified for classes, ID-like columns screened out as `train` does),
// printed as a table, a terminal chart and one sentence of reading; `--json` prints the result.
// With `--run ID`, the stored run's family, effective hyper-parameters, dropped columns, fold count and
// seed are refitted on FILE's labelled rows (explain_model's learning_curve method, which in a session
// uses the loaded training rows and never the sealed test split).

import Agent
import Foundation
import MLCore
import Tracking

extension ExplainCommand {
    func learningCurve() throws {
        if let runID {
            try storedRunCurve(runID)
            return
        }
        guard let target, let model else {
            throw MLError(.invalidParameter, "explain --method learning-curve needs --target COL and --model NAME.")
        }
        guard folds >= 2 else { throw MLError(.invalidParameter, "--folds must be at least 2; got \(folds).") }
        let family = try ModelFamily.named(model)
        let values = try family.parse(parameters())
        let dataset = try Dataset.load(path: file)
        let screened = try ColumnScreening.screen(dataset: dataset, target: target, keep: keep, excluding: exclude)
        let spec = ExperimentSpec(
            target: target, family: family, parameters: values, validation: .crossValidation(folds: folds),
            seed: seed, excluding: exclude + screened.map(\.column))
        let task = try TargetSpec(dataset: dataset, column: target).task
        let key = metric ?? Metrics.defaultKey(for: task)
        let curve = try ExperimentRunner.learningCurve(dataset: dataset, spec: spec, metric: key)
        if json {
            try JSONOutput.print(curve)
            return
        }
        print(
            Self.render(
                curve, title: "Learning curve of \(model) on \(file) (\(target), \(folds)-fold CV, seed \(seed))"))
    }

    /// The curve of a stored run's experiment, redrawn on FILE's labelled rows.
    func storedRunCurve(_ id: String) throws {
        try requireNoExperimentOptions()
        let record = try store.openStore().get(id)
        guard let target = record.target else {
            throw MLError(
                .invalidInput,
                "Run \(id) is a \(record.modelFamily) run without a target; a learning curve scores predictions against one. Pick a supervised run from `mlexp runs`."
            )
        }
        let spec = try LearningCurveExplain.spec(of: record, target: target)
        let curve = try ExperimentRunner.learningCurve(
            dataset: try Dataset.load(path: file), spec: spec, metric: metric ?? record.mainMetric)
        if json {
            try JSONOutput.print(curve)
            return
        }
        let k = if case .crossValidation(let k) = spec.validation { "\(k)-fold CV" } else { "a holdout" }
        print(
            Self.render(
                curve,
                title:
                    "Learning curve of run \(id) (\(record.modelFamily), refitted as stored) on \(file)'s labelled rows (\(target), \(k), seed \(record.seed))"
            ))
    }

    /// The table (mean ± std per size), the terminal chart and the reading.
    static func render(_ c: LearningCurveResult, title: String) -> String {
        func f(_ x: Double) -> String { String(format: "%.4f", x) }
        var lines = [title, "", "  rows   train \(c.metric)        validation \(c.metric)"]
        for p in c.points {
            lines.append(
                String(format: "%6d", p.trainRows)
                    + "   \(f(p.trainMean)) ± \(f(p.trainStd))   \(f(p.validMean)) ± \(f(p.validStd))")
        }
        if let chart = try? Chart.learningCurve(c) { lines += ["", TerminalChart.render(chart)] }
        lines += ["", c.sentence]
        return lines.joined(separator: "\n")
    }
}
