// A workspace as a session leaves it, for the export tests: wine.csv (the shipped dataset), a run
// store with a baseline, a logistic regression and a gradient-boosting run, an experiment log with
// three experiments citing them, and a feature-importance chart saved with the boosting run. The
// logistic and boosting runs record their column treatments (RunPreprocessing), the baseline does not
// (as runs stored before them), so the notebook's Python cells take both paths.
import Foundation
import Languages
import MLCore
import TestSupport

@testable import Tracking

enum ExportWorkspace {
    static var wine: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("datasets/wine.csv")
    }

    static func run(_ model: String, _ params: [String: RunValue], accuracy: [Double]) -> RunRecord {
        var r = RunRecord(
            dataset: DatasetInfo(fingerprint: "wine-fp", rows: 178, columns: 14, path: "wine.csv"),
            target: "target", task: "multiclass", modelFamily: model, sessionID: "s1",
            hypothesis: "\(model) hypothesis")
        r.hyperParameters = params
        r.seed = 42
        r.validation = .object(["scheme": "stratified_kfold", "folds": 5, "seed": 42])
        r.foldMetrics = accuracy.map { ["accuracy": $0] }
        var summary = MetricSummary(folds: accuracy)
        summary.ciLow = summary.mean - 0.02
        summary.ciHigh = summary.mean + 0.02
        r.metrics = ["accuracy": summary, "f1_macro": MetricSummary(folds: accuracy.map { $0 - 0.01 })]
        r.trainingSeconds = 0.12
        return r
    }

    /// Builds the workspace in a new scratch folder; `language` sets the log's headings.
    /// The build (SQLite and log writes, each fsynced) runs on its own thread, not on the shared
    /// test pool, where a quarter second of blocking per call would stall suites that time themselves.
    static func make(language: Language = .en, hypothesisSuffix: String = "") async throws -> URL {
        try await withCheckedThrowingContinuation { (done: CheckedContinuation<URL, any Error>) in
            let thread = Thread {
                done.resume(with: Result { try build(language: language, hypothesisSuffix: hypothesisSuffix) })
            }
            thread.start()
        }
    }

    static func build(language: Language, hypothesisSuffix: String) throws -> URL {
        let ws = try scratchFolder("export")
        try FileManager.default.copyItem(at: wine, to: ws.appendingPathComponent("wine.csv"))
        let store = try RunStore(workspace: ws)
        let base = try store.insert(run("baseline", [:], accuracy: [0.39, 0.40, 0.40, 0.41, 0.40]))
        let data = try Dataset.load(path: wine.path)
        func described(_ r: RunRecord, _ preset: PreprocessingPreset) throws -> RunRecord {
            var r = r
            r.preprocessing = RunPreprocessing.record(
                try Pipeline(dataset: data, target: "target", preset: preset), preset: preset, overrides: [:])
            return r
        }
        let logit = try store.insert(
            described(run("logistic", ["C": 1.0, "max_iter": 200], accuracy: [0.97, 0.98, 1.0, 0.97, 0.99]), .linear))
        let gbdt = try store.insert(
            described(
                run("gbdt", ["learning_rate": 0.1, "max_leaf_nodes": 15], accuracy: [0.94, 0.97, 0.92, 0.97, 0.94]),
                .tree))
        let log = ExperimentLog(workspace: ws, language: language)
        try log.setContext(
            LogContext(
                problem: "Tell the three wine cultivars apart", data: "wine.csv, 178 rows × 14 columns",
                metric: "accuracy (success: ≥ 0.9)"))
        let entries = [
            ("Baseline", "A majority-class baseline sets the floor\(hypothesisSuffix)", base.id),
            ("Logistic regression", "Scaled linear boundaries separate the cultivars", logit.id),
            ("Gradient boosting", "Trees capture interactions the linear model misses", gbdt.id),
        ]
        for (title, hypothesis, id) in entries {
            _ = try log.append(
                LogEntry(
                    title: title, hypothesis: hypothesis, approach: "model of \(id) (\(id))",
                    result: "accuracy see \(id)", analysis: "analysis of \(id)", next: "next after \(id)",
                    runIDs: [id]))
        }
        try log.setDecision("Keep the logistic regression (\(logit.id)): as accurate as boosting, simpler.")
        let importance = FeatureImportanceInput(
            measure: "drop in accuracy",
            features: [
                .init(name: "proline", repeats: [0.20, 0.22, 0.18]),
                .init(name: "flavanoids", repeats: [0.10, 0.12, 0.11]),
            ])
        try ChartArchive(workspace: ws).save(try Chart.featureImportance(importance), runID: gbdt.id)
        return ws
    }
}
