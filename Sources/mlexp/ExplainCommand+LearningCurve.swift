// `mlexp explain FILE --target COL --model NAME --method learning-curve [--folds K] [--json]`: the
// model's train and validation score against training rows (MLCore's ExperimentRunner.learningCurve on
// seeded K-fold cross-validation, stratified for classes, ID-like columns screened out as `train` does),
// printed as a table, a terminal chart and one sentence of reading; `--json` prints the result.
// Leaves out: `--run` (a stored run's curve is explain_model's learning_curve method in a session,
// which knows the run's training rows and sealed test split).

import Foundation
import MLCore
import Tracking

extension ExplainCommand {
    func learningCurve() throws(MLError) {
        guard runID == nil else {
            throw MLError(.invalidParameter, "--method learning-curve refits the model; give --target COL and --model NAME instead of --run (in a session, explain_model's learning_curve method draws a run's curve).")
        }
        guard let target, let model else {
            throw MLError(.invalidParameter, "explain --method learning-curve needs --target COL and --model NAME.")
        }
        guard folds >= 2 else { throw MLError(.invalidParameter, "--folds must be at least 2; got \(folds).") }
        let dataset = try Dataset.load(path: file)
        let screened = try ColumnScreening.screen(dataset: dataset, target: target, keep: keep, excluding: exclude)
        let spec = ExperimentSpec(target: target, model: model, parameters: try parameters(), validation: .crossValidation(folds: folds),
                                  seed: seed, excluding: exclude + screened.map(\.column))
        let task = try TargetSpec(dataset: dataset, column: target).task
        let key = metric ?? Metrics.defaultKey(for: task)
        let curve = try ExperimentRunner.learningCurve(dataset: dataset, spec: spec, metric: key)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
            print((try? encoder.encode(curve)).map { String(decoding: $0, as: UTF8.self) } ?? "{}")
            return
        }
        print(Self.render(curve, title: "Learning curve of \(model) on \(file) (\(target), \(folds)-fold CV, seed \(seed))"))
    }

    /// The table (mean ± std per size), the terminal chart and the reading.
    static func render(_ c: LearningCurveResult, title: String) -> String {
        func f(_ x: Double) -> String { String(format: "%.4f", x) }
        var lines = [title, "", "  rows   train \(c.metric)        validation \(c.metric)"]
        for p in c.points {
            lines.append(String(format: "%6d", p.trainRows) + "   \(f(p.trainMean)) ± \(f(p.trainStd))   \(f(p.validMean)) ± \(f(p.validStd))")
        }
        if let chart = try? Chart.learningCurve(c) { lines += ["", TerminalChart.render(chart)] }
        lines += ["", c.sentence]
        return lines.joined(separator: "\n")
    }
}
