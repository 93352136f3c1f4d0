// explain_model's learning_curve method: the run's family and effective hyper-parameters refitted on
// growing seeded subsets of each of the run's folds (same fold count and seed, stratified for classes),
// on the loaded dataset's training rows only (a seeded sample of 20,000 when there are more) — never
// the sealed test split — scored with the run's main
// metric (ExperimentRunner.learningCurve). Returns a compact table and MLCore's one-sentence reading,
// and keeps the chart with the run (ChartArchive) for `mlexp export`. Leaves out: clustering runs.

import Foundation
import Languages
public import MLCore
public import Tracking

public enum LearningCurveExplain {
    /// The experiment a run records: its family, effective parameters, dropped columns, folds and seed.
    /// - Throws: `MLError` when the run's family is not one `ExperimentRunner` fits (an ensemble).
    public static func spec(of run: RunRecord, target: String) throws(MLError) -> ExperimentSpec {
        var folds = 5
        if case .object(let v) = run.validation, let k = v["folds"]?.number, k >= 2 { folds = Int(k) }
        // The effective parameters the family can be given (the record also holds derived ones, e.g. ridge's kind).
        let family = try ModelFamily.named(run.modelFamily)
        let settable = Set(family.parameters.map(\.name))
        return ExperimentSpec(
            target: target, family: family,
            parameters: try family.values(
                run.hyperParameters.filter { settable.contains($0.key) }.mapValues(ParameterValue.init)),
            validation: .crossValidation(folds: folds), seed: run.seed, excluding: run.droppedColumns,
            categoricalEncoding: RunPreprocessing(run.preprocessing)?.highCardinality.flatMap(
                CategoricalEncoding.init(rawValue:)),
            textMaxTerms: RunPreprocessing(run.preprocessing)?.tfidf.maxFeatures,
            standardize: RunPreprocessing(run.preprocessing)?.standardize)
    }

    /// The curve as the tool's result, after saving its chart with the run (best effort).
    static func run(
        _ run: RunRecord, dataset d: LoadedDataset, metric: String, workspace: URL, language: Language = .en
    ) throws -> JSONValue {
        guard let target = run.target else {
            throw ToolError("run \(run.id) has no target; a learning curve needs one.")
        }
        // A large table is refitted on a seeded sample of its training rows: 25 refits of the whole table
        // would cost more than the run did. The sample size is in the result.
        var data = d.trainDataset
        let rows = data.rowCount
        if rows > maxRows {
            var order = Array(0..<rows)
            var rng = SeededGenerator(seed: run.seed, stream: 0x1C)
            order.shuffle(using: &rng)
            data = data.selecting(rows: Array(order.prefix(maxRows)).sorted())
        }
        let curve = try ExperimentRunner.learningCurve(
            dataset: data, spec: try spec(of: run, target: target), metric: metric)
        if let chart = try? Chart.learningCurve(curve, language: language) {
            _ = try? ChartArchive(workspace: workspace).save(chart, runID: run.id)
        }
        guard rows > maxRows, var out = json(curve).objectValue else { return json(curve) }
        out["sample"] = .string("a seeded sample of \(maxRows) of the \(rows) training rows")
        return .object(out)
    }

    /// Most training rows a learning curve refits on (a seeded sample beyond).
    static let maxRows = 20_000

    static func json(_ c: LearningCurveResult) -> JSONValue {
        [
            "metric": .string(c.metric),
            "train_rows": .array(c.points.map { .int($0.trainRows) }),
            "train_mean": .array(c.points.map { .rounded($0.trainMean) }),
            "train_std": .array(c.points.map { .rounded($0.trainStd) }),
            "valid_mean": .array(c.points.map { .rounded($0.validMean) }),
            "valid_std": .array(c.points.map { .rounded($0.validStd) }),
            "diagnosis": .string(c.diagnosis), "reading": .string(c.sentence),
        ]
    }
}
