// Test support: scratch folders, a sample run, and the TrackingStress child process
// (built next to the test binary) started, read line by line, and killed.
import Foundation
import Testing

@testable import Tracking

/// A fresh scratch folder under the system temporary directory.
func scratchFolder(_ name: String = #function) throws -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("mlexp-tracking-\(name.filter(\.isLetter))-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// A complete run as `train_model` would record it.
func sampleRun(model: String = "gbdt", session: String? = "s1", fingerprint: String = "abc123") -> RunRecord {
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
/// `swift build --build-tests`.
func builtExecutable(_ name: String) throws -> URL {
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

func stressExecutable() throws -> URL { try builtExecutable("TrackingStress") }

/// Runs `mlexp` with arguments in a folder; returns its exit status, stdout and stderr.
func runMLExp(_ arguments: [String], in folder: URL) throws -> (status: Int32, out: String, err: String) {
    let process = Process()
    process.executableURL = try builtExecutable("mlexp")
    process.arguments = arguments
    process.currentDirectoryURL = folder
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (
        process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self)
    )
}

/// A running TrackingStress child whose stdout is read line by line.
final class StressChild {
    let process = Process()
    private let pipe = Pipe()
    private var buffer = Data()
    private(set) var lines: [String] = []

    init(_ arguments: [String]) throws {
        process.executableURL = try stressExecutable()
        process.arguments = arguments
        process.standardOutput = pipe
        process.standardError = FileHandle.standardError
        try process.run()
    }

    /// Reads until `count` lines arrived or the child closed its output.
    func waitForLines(_ count: Int) {
        while lines.count < count {
            let chunk = pipe.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            buffer.append(chunk)
            while let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                lines.append(String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self))
                buffer.removeSubrange(buffer.startIndex...newline)
            }
        }
    }

    /// SIGKILL, then collect whatever full lines it had written.
    func kill() {
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        waitForLines(Int.max)
    }

    /// Waits for a normal exit and reads everything.
    func finish() -> Int32 {
        waitForLines(Int.max)
        process.waitUntilExit()
        return process.terminationStatus
    }
}

/// FNV-1a 64 in hex, as TrackingStress writes it next to each blob.
func fnv1a(_ data: Data) -> String {
    String(data.reduce(UInt64(14_695_981_039_346_656_037)) { ($0 ^ UInt64($1)) &* 1_099_511_628_211 }, radix: 16)
}
