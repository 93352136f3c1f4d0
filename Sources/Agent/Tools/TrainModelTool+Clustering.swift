// train_model on a dataset loaded without a target: clustering. k-means on the training rows (the
// sealed test rows stay out, as for every model), the features standardised, scored on the rows it
// was fitted on — inertia, silhouette and, when the model names a `reference` label column, the
// adjusted Rand index against it (the reference is never a feature) — and recorded like any run:
// task "clustering", no target, preprocessing naming the scaler, the effective parameters (k is
// `nClusters`), the metrics, the fitted scaler and centres. Leaves out: cross-validation (a clustering
// has no held-out score) and families other than kmeans (ClusteringRunner says so).

import Foundation
import MLCore
import Tracking

extension TrainModelTool {
    /// Fits, records and summarises one clustering run of `d`.
    static func cluster(_ args: Arguments, dataset d: LoadedDataset, context: ToolContext) throws -> JSONValue {
        let model = args.model
        guard ClusteringRunner.families.contains(model) else {
            throw ToolError(
                "dataset '\(d.id)' was loaded without a target, so only kmeans (clustering) can train on it, not \(model). "
                    + "Train kmeans (params {\"n_clusters\": k}), or call load_data again with target set to the column to predict."
            )
        }
        let reference = args.reference
        if let reference, d.trainDataset.index(of: reference) == nil {
            throw ToolError(Dataset.unknownColumnMessage(reference, among: d.columnNames))
        }
        let features = args.features
        if let reference, features?.contains(reference) == true {
            throw ToolError(
                "'\(reference)' is the reference the clusters are compared with; it cannot be a feature too. Remove it from features."
            )
        }
        let excluding = try excluded(
            features: features, drop: args.drop, dataset: d,
            target: reference ?? "")
        let family = try ModelFamily.named(model)
        let spec = ClusteringSpec(
            family: family, parameters: try family.values(args.params),
            seed: args.seed,
            excluding: excluding.filter { $0 != reference }, reference: reference)
        let start = Date()
        context.progress("\(model): clustering \(d.trainRows.count) rows")
        let result = try ClusteringRunner.run(dataset: d.trainDataset, spec: spec)
        let seconds = Date().timeIntervalSince(start)
        try Task.checkCancellation()
        var run = RunRecord(
            dataset: DatasetInfo(
                fingerprint: d.fingerprint, rows: d.rowCount, columns: d.columnCount, path: d.path),
            target: nil, task: TaskKind.clustering.rawValue, modelFamily: model, sessionID: context.session.id,
            hypothesis: args.hypothesis)
        run.features = result.columns
        run.droppedColumns = result.excluded
        run.preprocessing = preprocessing(result)
        run.hyperParameters = RunRecorder.runValues(result.parameters)
        run.seed = spec.seed
        var validation: [String: RunValue] = [
            "scheme": .string("fit and scored on the training rows"), "folds": .number(0),
            "metric": .string("silhouette"),
            "train_rows": .number(Double(d.trainRows.count)), "sealed_test_rows": .number(Double(d.testRows.count)),
            "silhouette_rows": .number(Double(result.silhouetteRows)),
        ]
        if let reference {
            validation["reference"] = .string(reference)
            validation["reference_rows"] = .number(Double(result.referenceRows))
        }
        run.validation = .object(validation)
        run.metrics = result.metrics.filter(\.value.isFinite).mapValues { Tracking.MetricSummary(mean: $0) }
        run.trainingSeconds = seconds
        run.promptVersion = Prompts.version
        run.model = try result.trained.saved()
        try Task.checkCancellation()
        let stored = try context.store.insert(run)
        context.recordRun(
            RunArtifacts(
                runID: stored.id, datasetID: d.id, target: .none(rows: result.rows), outOfFold: .clusters(result.labels)
            ))
        return summary(stored, result: result, dataset: d)
    }

    /// How the features were prepared, as the run records it: each column's treatment and the options
    /// (RunPreprocessing, which the notebook export reads), and these readable keys.
    static func preprocessing(_ r: ClusteringResult) -> RunValue {
        let o = r.pipeline.pipeline.options
        return RunPreprocessing.record(
            r.pipeline.pipeline, preset: .distance, overrides: [:],
            adding: [
                "scaler": .string(o.standardize ? "standard" : "none"),
                "scaler_detail": .string(
                    "numeric columns standardised to mean 0 and population std 1 on the fitted rows (scikit-learn's StandardScaler)"
                ),
                "impute": .string(o.imputeMedian ? "median" : "none"),
                "missing_indicator": .bool(o.addMissingIndicator),
                "categorical": .string(o.categorical.rawValue), "max_levels": .number(Double(o.maxLevels)),
                "input_features": .number(Double(r.features)),
            ])
    }

    static func summary(_ run: RunRecord, result r: ClusteringResult, dataset d: LoadedDataset) -> JSONValue {
        var metrics: [String: JSONValue] = [:]
        for key in ["silhouette", "inertia", "adjusted_rand"] { metrics[key] = run.metricJSON(key) }
        var out: [String: JSONValue] = [
            "run_id": .string(run.id), "model": .string(run.modelFamily), "dataset_id": .string(d.id),
            "task": "clustering",
            "main_metric": "silhouette", "metrics": .object(metrics),
            "n_clusters": .int(Int(r.parameters["nClusters"] ?? "") ?? r.sizes.count),
            "cluster_sizes": .array(r.sizes.map { .int($0) }),
            "train_seconds": .rounded(run.trainingSeconds, digits: 2), "features": .int(run.features.count),
            "dropped": .strings(run.droppedColumns), "params": .object(run.hyperParameters),
            "preprocessing": "median imputation, one-hot categoricals, numeric columns standardised (mean 0, std 1)",
            "validation": .string(
                "fitted and scored on \(d.trainRows.count) training rows (a clustering has no held-out score); test split untouched"
            ),
        ]
        if let reference = r.reference {
            out["reference"] = .string(reference.column)
            out["note"] = .string(
                "adjusted_rand compares the clusters with '\(reference.column)' (1 = the same grouping, about 0 = chance); '\(reference.column)' was not a feature."
            )
        }
        return .object(out)
    }
}
