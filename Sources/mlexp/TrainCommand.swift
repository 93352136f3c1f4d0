// `mlexp train FILE --target COL --model NAME [--set key=value …] [--holdout 0.2 | --cv 5 | --test FILE]
// [--seed N] [--threads N] [--json]`; without --target, `--model kmeans [--reference COL]` clusters
// (TrainCommand+Clustering.swift): trains one model on a CSV with the data layer's preprocessing and
// prints its validation metrics and fit time (or one JSON object: model, params, metrics, fit_seconds,
// rows, features, excluded). Columns MLCore's ColumnScreening leaves out (leaks, identifiers, constants,
// unique free text) are named with the reason; --keep COL keeps one. Bad input ends with a one-line error and exit status 1.
// Leaves out: recording the run (the agent's train_model does that through the same ExperimentRunner).

import ArgumentParser
import Foundation
import MLCore

struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train one model on a CSV and print its validation metrics and fit time.",
        discussion:
            "Models: \(ModelRegistry.names.joined(separator: ", ")). Hyper-parameters use scikit-learn's names in camelCase, e.g. --set maxIter=200 --set learningRate=0.05."
    )

    @Argument(help: "The training CSV.")
    var file: String

    @Option(name: .long, help: "The column to predict. Leave it out to cluster (--model kmeans).")
    var target: String?

    @Option(
        name: .long,
        help: "Clustering only: a known label column to compare the clusters with (adjusted_rand); never a feature.")
    var reference: String?

    @Option(name: .long, help: "The model family.")
    var model: String

    @Option(name: .customLong("set"), help: "A hyper-parameter override key=value (repeatable).")
    var settings: [String] = []

    @Option(name: .long, help: "Fraction of rows held out for validation (default 0.2).")
    var holdout: Double?

    @Option(name: .long, help: "Cross-validation folds instead of a holdout.")
    var cv: Int?

    @Option(name: .long, help: "A separate CSV to evaluate on (the model trains on every row of FILE).")
    var test: String?

    @Option(name: .long, help: "Random seed (splits and seeded models).")
    var seed: UInt64 = 0

    @Option(name: .long, help: "Threads for the models that use them.")
    var threads: Int?

    @Option(name: .long, help: "Columns to leave out of the features, comma-separated.")
    var exclude: String?

    @Option(
        name: .long,
        help:
            "Keep a column the screening rule would leave out (leak, identifier, constant, unique free text; repeatable)."
    )
    var keep: [String] = []

    @Flag(name: .long, help: "Print one JSON object.")
    var json = false

    func run() throws {
        do {
            let choices = [holdout != nil, cv != nil, test != nil].filter { $0 }.count
            guard choices <= 1 else {
                throw MLError(
                    .invalidParameter, "Choose one validation: --holdout FRACTION, --cv FOLDS or --test FILE.")
            }
            var overrides: [String: String] = [:]
            for s in settings {
                guard let eq = s.firstIndex(of: "="), eq != s.startIndex else {
                    throw MLError(.invalidParameter, "--set takes key=value (e.g. --set maxIter=200); got '\(s)'.")
                }
                overrides[String(s[..<eq])] = String(s[s.index(after: eq)...])
            }
            guard let target else {
                try cluster(overrides: overrides, validationChosen: choices > 0)
                return
            }
            if reference != nil {
                throw MLError(
                    .invalidParameter,
                    "--reference is for clustering without --target; leave it out, or drop --target to cluster.")
            }
            let validation: ValidationScheme =
                test != nil
                ? .separateTest : cv.map { .crossValidation(folds: $0) } ?? .holdout(testFraction: holdout ?? 0.2)
            // A bad name or value fails here, before any data is read.
            let family = try ModelFamily.named(model)
            var spec = ExperimentSpec(
                target: target, family: family, parameters: try family.parse(overrides), validation: validation,
                seed: seed,
                threads: threads,
                excluding: exclude.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
                    ?? [])
            let dataset = try Dataset.load(path: file)
            let testSet = try test.map { path throws(MLError) in try Dataset.load(path: path) }
            let screened = try ColumnScreening.screen(
                dataset: dataset, target: target, keep: keep, excluding: spec.excluding)
            spec.excluding += screened.map(\.column)
            let result = try ExperimentRunner.run(dataset: dataset, test: testSet, spec: spec)
            print(
                json
                    ? try Self.json(result, screened: screened)
                    : ([Self.text(result, validation: validation)] + ColumnScreening.describe(screened)).joined(
                        separator: "\n"))
        } catch let error as MLError {
            FileHandle.standardError.write(Data("error: \(error.message)\n".utf8))
            throw ExitCode(1)
        }
    }

    static func json(_ r: ExperimentResult, screened: [ScreenedColumn] = []) throws(MLError) -> String {
        var object: [String: Any] = [
            "model": r.model, "params": r.parameters, "metrics": r.metrics.filter { $0.value.isFinite },
            "fit_seconds": r.fitSeconds, "rows": r.rows, "features": r.features,
            "excluded": screened.map { ["column": $0.column, "reason": $0.reason] },
        ]
        if let cv = r.crossValidation {
            object["metrics_std"] = cv.summary.mapValues(\.std).filter { $0.value.isFinite }
            // Per metric: mean, std over folds, the corrected 95 % interval and the per-fold values.
            var summary: [String: Any] = [:]
            for (key, s) in cv.summary where s.mean.isFinite && s.std.isFinite {
                summary[key] = [
                    "mean": s.mean, "std": s.std, "ci_low": s.low, "ci_high": s.high, "folds": cv.values(key),
                ]
            }
            object["cv"] = summary
        }
        do {
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            return String(decoding: data, as: UTF8.self)
        } catch {
            throw MLError(.io, "Could not write the result as JSON: \(error).")
        }
    }

    static func text(_ r: ExperimentResult, validation: ValidationScheme) -> String {
        let how: String
        switch validation {
        case .holdout(let f): how = "holdout \(Int((f * 100).rounded()))%"
        case .crossValidation(let k):
            how = "\(k)-fold cross-validation (mean ± std over folds; CI: t interval with the Nadeau–Bengio correction)"
        case .separateTest: how = "separate test file"
        case .refit: how = "none (refitted on every row)"
        }
        var lines = [
            "\(r.model) on \(r.rows) rows × \(r.features) features, fit in \(String(format: "%.3f", r.fitSeconds)) s",
            "validation: \(how)",
        ]
        for key in r.metrics.keys.sorted() {
            guard let v = r.metrics[key] else { continue }
            var line = "  \(key.padding(toLength: 18, withPad: " ", startingAt: 0)) \(String(format: "%.4f", v))"
            if let s = r.crossValidation?.summary[key] {
                line +=
                    " ± \(String(format: "%.4f", s.std))  (95 % CI \(String(format: "%.4f", s.low)) – \(String(format: "%.4f", s.high)))"
            }
            lines.append(line)
        }
        let params = r.parameters.keys.sorted().map { "\($0)=\(r.parameters[$0] ?? "")" }.joined(separator: " ")
        lines.append("params: \(params)")
        return lines.joined(separator: "\n")
    }
}
