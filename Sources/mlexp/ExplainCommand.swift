// `mlexp explain FILE --target COL --model NAME [--method permutation|gain|shap|pdp|errors|limits|learning-curve] [--json]`:
// fits the model on a 75/25 holdout (stratified for classes, seed 0 by default) and prints the
// interpretation as readable tables, or the ExplainReport as JSON for scripts. Wiring only: the
// analysis is MLCore's ModelExplainer; the columns left out are MLCore's ColumnScreening's. `--run ID`
// explains a stored run's model (no refit) on FILE's labelled rows. Leaves out: fold stability for stored runs. The learning curve (also of a stored run) is ExplainCommand+LearningCurve.swift.

import ArgumentParser
import Foundation
import MLCore
import Tracking

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Interpret a model: importance (permutation, gain, SHAP), partial dependence, errors, limits.")

    @Argument(help: "The CSV file.")
    var file: String

    @Option(name: .long, help: "The column to predict (not with --run: the run's target).")
    var target: String?

    @Option(name: .long, help: "The model family (\(ModelRegistry.names.joined(separator: ", "))); not with --run.")
    var model: String?

    @Option(
        name: .customLong("run"),
        help: "Explain this stored run's model (see `mlexp runs`) on FILE's labelled rows instead of fitting one.")
    var runID: String?

    @OptionGroup var store: RunStoreOptions

    @Option(name: .long, help: "permutation, gain, shap, pdp, errors, limits or learning-curve.")
    var method: String = "permutation"

    @Option(name: .long, help: "The metric permutation importance drops (default: roc_auc, accuracy or r2 by task).")
    var metric: String?

    @Option(name: .long, help: "Permutation repeats.")
    var repeats: Int = 10

    @Option(name: .long, help: "Seed of the split, the shuffles and the model.")
    var seed: UInt64 = 0

    @Option(name: .long, help: "Share of rows held out for validation.")
    var testFraction: Double = 0.25

    @Option(name: .customLong("set"), help: "A hyper-parameter override, key=value (repeatable).")
    var overrides: [String] = []

    @Option(name: .long, help: "A column to leave out of the features (repeatable).")
    var exclude: [String] = []

    @Option(name: .long, help: "Keep a column the screening rule would leave out (repeatable).")
    var keep: [String] = []

    @Flag(name: .long, help: "Print the report as JSON.")
    var json = false

    @Option(name: .long, help: "Folds of the learning curve's cross-validation (--method learning-curve).")
    var folds: Int = 5

    func run() throws {
        do {
            if method == "learning-curve" || method == "learning_curve" {
                try learningCurve()
                return
            }
            guard let m = ExplainMethod(rawValue: method) else {
                throw MLError(
                    .invalidParameter,
                    "Unknown method '\(method)'. Methods: \(ExplainMethod.allCases.map(\.rawValue).joined(separator: ", ")), learning-curve."
                )
            }
            if let runID {
                try explainStored(runID, method: m)
                return
            }
            guard let target, let model else {
                throw MLError(
                    .invalidParameter,
                    "explain needs --target COL and --model NAME, or --run ID to explain a stored run.")
            }
            let family = try ModelFamily.named(model)
            let spec = ExperimentSpec(
                target: target, family: family, parameters: try family.parse(parameters()),
                validation: .holdout(testFraction: testFraction), seed: seed, excluding: exclude)
            let exp = try HoldoutExperiment(file: file, spec: spec, keep: keep)
            let key = metric ?? Metrics.defaultKey(for: exp.valid.y.task)
            let folds = m == .limits ? try exp.foldImportances(folds: 3, metric: key) : []
            let input = ExplainInput(
                model: exp.result.fitted, pipeline: exp.result.pipeline, train: exp.train, valid: exp.valid,
                targetName: target, foldImportances: folds)
            var report = try ModelExplainer.explain(input, method: m, metric: metric, repeats: repeats, seed: seed)
            report.excludedColumns = exp.screened.map(\.column)
            report.notes += ColumnScreening.describe(exp.screened)
            try output(report, target: target, trainRows: exp.train.rows)
        } catch let error as MLError {
            FileHandle.standardError.write(Data("error: \(error.message)\n".utf8))
            throw ExitCode(1)
        }
    }

    /// The `--set key=value` overrides.
    func parameters() throws(MLError) -> [String: String] {
        var parameters: [String: String] = [:]
        for o in overrides {
            let kv = o.split(separator: "=", maxSplits: 1).map(String.init)
            guard kv.count == 2 else { throw MLError(.invalidParameter, "--set takes key=value, got '\(o)'.") }
            parameters[kv[0]] = kv[1]
        }
        return parameters
    }

    func output(_ report: ExplainReport, target: String, trainRows: Int?) throws {
        if json {
            try JSONOutput.print(report)
        } else {
            print(ExplainRenderer.render(report, file: file, target: target, trainRows: trainRows))
        }
    }

    /// `--run` takes the stored run as it was trained: the options that would describe another experiment are refused.
    func requireNoExperimentOptions() throws(MLError) {
        if target != nil || model != nil || !overrides.isEmpty || !exclude.isEmpty || !keep.isEmpty {
            throw MLError(
                .invalidParameter,
                "--run uses the stored run as it was trained; drop --target, --model, --set, --exclude and --keep.")
        }
    }

    /// The stored run's pipeline and model (as `mlexp predict` reads them), explained on FILE's labelled rows.
    func explainStored(_ id: String, method: ExplainMethod) throws {
        try requireNoExperimentOptions()
        let record = try store.openStore().get(id)
        guard let blob = record.model else {
            throw MLError(.invalidInput, "Run \(id) has no stored model; pick another run from `mlexp runs`.")
        }
        let trained = try TrainedModel.load(blob)
        let input = try ExplainInput(trained: trained, dataset: try Dataset.load(path: file))
        var report = try ModelExplainer.explain(input, method: method, metric: metric, repeats: repeats, seed: seed)
        report.excludedColumns = record.droppedColumns
        report.notes.append(
            "Run \(id)'s stored \(record.modelFamily) model (no refit), evaluated on the \(input.valid.rows) labelled rows of \(file); if the run trained on these rows the scores are in-sample, and the ranges are those of these rows."
        )
        try output(report, target: trained.target.column, trainRows: nil)
    }
}
