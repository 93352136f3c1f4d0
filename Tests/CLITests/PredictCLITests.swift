// `mlexp predict RUN FILE`: a model trained in-process by MLCore's experiment runner is stored with
// a run as TrainedModel bytes; the CLI must load it back and predict exactly what the in-memory
// model predicts, on a file with or without the target column. Data: datasets/penguins.csv.
import Foundation
import MLCore
import TestSupport
import Testing

@testable import Tracking

@Suite struct PredictCLITests {
    let penguins = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("datasets/penguins.csv")

    /// Trains `model` on penguins, stores it as run r0001 in a fresh workspace.
    func trainedWorkspace(model: String) throws -> (URL, TrainedModel, Dataset) {
        let dataset = try Dataset.load(path: penguins.path)
        let result = try ExperimentRunner.run(
            dataset: dataset, spec: ExperimentSpec(target: "species", family: try .named(model), seed: 7))
        let trained = TrainedModel(target: result.target, pipeline: result.pipeline, model: result.fitted)
        let folder = try scratchFolder()
        let store = try RunStore(workspace: folder)
        var run = RunRecord(
            dataset: DatasetInfo(fingerprint: "penguins", rows: result.rows, columns: 8, path: "penguins.csv"),
            target: "species", task: "classification", modelFamily: model)
        run.model = try trained.saved()
        #expect(try store.insert(run).id == "r0001")
        return (folder, trained, dataset)
    }

    func parseCSV(_ text: String) -> [[String]] {
        text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    @Test(arguments: ["logistic", "gbdt"]) func predictionsMatchTheInMemoryModel(model: String) throws {
        let (folder, trained, dataset) = try trainedWorkspace(model: model)
        let result = try runMLExp(["predict", "r0001", penguins.path, "--out", "predictions.csv"], in: folder)
        #expect(result.status == 0, "\(result.err)")
        #expect(result.err.contains("predictions of run r0001"))
        let rows = parseCSV(try String(contentsOf: folder.appendingPathComponent("predictions.csv"), encoding: .utf8))
        guard case .classes(let labels, let probabilities, let classCount) = try trained.predict(dataset) else {
            Issue.record("a classifier predicted something else")
            return
        }
        let names = trained.target.classNames
        #expect(rows.first == ["prediction"] + names.map { "probability_" + $0 })
        #expect(rows.count == labels.count + 1)
        #expect(Array(rows.dropFirst().map { $0[0] }) == labels.map { names[$0] })
        if let probabilities {
            for (r, row) in rows.dropFirst().enumerated() {
                for k in 0..<classCount {
                    #expect(abs((Double(row[k + 1]) ?? .nan) - probabilities[r * classCount + k]) < 1e-9)
                }
            }
        }
    }

    @Test func aFileWithoutTheTargetColumnIsPredictedToStdout() throws {
        let (folder, trained, _) = try trainedWorkspace(model: "logistic")
        // The same rows with the species column removed.
        let lines = try String(contentsOf: penguins, encoding: .utf8).split(separator: "\n")
        let stripped = lines.map {
            $0.split(separator: ",", omittingEmptySubsequences: false).dropFirst().joined(separator: ",")
        }
        let file = folder.appendingPathComponent("new.csv")
        try (stripped.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        let result = try runMLExp(["predict", "r0001", "new.csv"], in: folder)
        #expect(result.status == 0, "\(result.err)")
        let rows = parseCSV(result.out)
        guard case .classes(let labels, _, _) = try trained.predict(try Dataset.load(path: file.path)) else {
            Issue.record("a classifier predicted something else")
            return
        }
        #expect(Array(rows.dropFirst().map { $0[0] }) == labels.map { trained.target.classNames[$0] })
    }

    @Test func aRunWithoutAModelOrAnUnknownRunSaysWhatToDo() throws {
        let folder = try scratchFolder()
        let store = try RunStore(workspace: folder)
        var run = sampleRun()
        run.model = nil
        try store.insert(run)
        let none = try runMLExp(["predict", "r0001", penguins.path], in: folder)
        #expect(none.status != 0)
        #expect(none.err.contains("has no stored model"))
        let unknown = try runMLExp(["predict", "r0009", penguins.path], in: folder)
        #expect(unknown.err.contains("No run 'r0009'"))
    }
}
