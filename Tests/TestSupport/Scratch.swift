// Shared by the test targets: scratch folders, the shipped datasets, a complete sample run, and the
// executables of the package (mlexp, TrackingStress) built next to the test bundle.
public import Foundation
public import Tracking

/// A fresh scratch folder under the system temporary directory.
public func scratchFolder(_ name: String = #function) throws -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("mlexp-tracking-\(name.filter(\.isLetter))-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// The repository's folders the tests read.
public enum Repository {
    /// The repository's root (this file is Tests/TestSupport/Scratch.swift).
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    /// The shipped datasets (titanic.csv, penguins.csv, …).
    public static let datasets = root.appendingPathComponent("datasets")
}

/// A complete run as `train_model` would record it.
public func sampleRun(model: String = "gbdt", session: String? = "s1", fingerprint: String = "abc123") -> RunRecord {
    var run = RunRecord(
        dataset: DatasetInfo(fingerprint: fingerprint, rows: 891, columns: 12, path: "titanic.csv"),
        target: "survived", task: "classification", modelFamily: model, sessionID: session,
        hypothesis: "Boosted trees capture interactions between sex and class")
    run.features = ["pclass", "sex", "age"]
    run.droppedColumns = ["name"]
    run.preprocessing = .object(["impute": "median", "encode": "one_hot"])
    run.hyperParameters = ["learning_rate": 0.1, "max_leaf_nodes": 31, "loss": "log_loss"]
    run.seed = 42
    run.validation = .object(["scheme": "stratified_kfold", "folds": 3, "seed": 42])
    run.foldMetrics = [
        ["roc_auc": 0.84, "accuracy": 0.80], ["roc_auc": 0.86, "accuracy": 0.82], ["roc_auc": 0.85, "accuracy": 0.81],
    ]
    run.metrics = [
        "roc_auc": MetricSummary(mean: 0.85, std: 0.01, ciLow: 0.83, ciHigh: 0.87),
        "accuracy": MetricSummary(mean: 0.81, std: 0.01),
    ]
    run.trainingSeconds = 0.42
    run.promptVersion = "en-1"
    run.model = Data("{\"kind\":\"gbdt\",\"trees\":[1,2,3]}".utf8)
    return run
}

/// An executable of the package (TrackingStress, mlexp), built next to the test bundle by
/// `swift build --build-tests` (CLITests depends on mlexp, so building the tests builds it).
public func builtExecutable(_ name: String) throws -> URL {
    var folder = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
    #if os(macOS)
        folder = Bundle.main.bundleURL.deletingLastPathComponent()
    #endif
    for candidate in [folder, folder.deletingLastPathComponent()] {
        let url = candidate.appendingPathComponent(name)
        if FileManager.default.isExecutableFile(atPath: url.path) { return url }
    }
    throw TrackingError(.io, "\(name) not found next to \(folder.path); run `swift build --build-tests` first.")
}
