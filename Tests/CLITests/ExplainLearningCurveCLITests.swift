// `mlexp explain FILE --target COL --model NAME --method learning-curve`: the table, the terminal chart
// and the reading printed from MLCore's ExperimentRunner.learningCurve, whose --json numbers the text
// repeats; --run redraws a stored run's experiment (its family, parameters, dropped columns, folds, seed
// and metric) exactly as the same options given by hand would. Data: datasets/penguins.csv.
import Foundation
import MLCore
import TestSupport
import Testing
import Tracking

@Suite struct ExplainLearningCurveCLITests {
    let penguins = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("datasets/penguins.csv")

    @Test func printsTheTableTheChartAndTheReadingOfTheJSONNumbers() throws {
        let folder = try scratchFolder()
        let args = [
            "explain", penguins.path, "--target", "species", "--model", "logistic", "--method", "learning-curve",
            "--folds", "3",
        ]
        let text = try runMLExp(args, in: folder)
        #expect(text.status == 0, "\(text.err)")
        let json = try runMLExp(args + ["--json"], in: folder)
        #expect(json.status == 0, "\(json.err)")
        let curve = try JSONDecoder().decode(LearningCurveResult.self, from: Data(json.out.utf8))
        #expect(curve.metric == "accuracy" && curve.points.count == 5)
        #expect(curve.points.allSatisfy { $0.trainScores.count == 3 && $0.validScores.count == 3 })
        for p in curve.points {
            #expect(
                text.out.contains(String(format: "%6d", p.trainRows) + "   " + String(format: "%.4f", p.trainMean)),
                "\(text.out)")
        }
        #expect(text.out.contains("── train") && text.out.contains("── validation"), "the terminal chart's legend")
        #expect(text.out.hasSuffix(curve.sentence + "\n"), "\(text.out)")
    }

    @Test func aStoredRunIsRedrawnAsItWasTrained() throws {
        // A stored logistic run with a non-default C, a dropped column, 3 folds, seed 7 and accuracy as its metric:
        // its curve is the one of the same experiment given on the command line.
        let folder = try scratchFolder()
        var run = sampleRun(model: "logistic")
        run.target = "species"
        run.hyperParameters = ["C": 0.5, "penalty": "l2"]
        run.droppedColumns = ["island"]
        run.seed = 7
        run.validation = .object(["scheme": "stratified_kfold", "folds": 3, "seed": 7, "metric": "accuracy"])
        run.metrics = ["accuracy": MetricSummary(mean: 0.98, std: 0.01)]
        let id = try RunStore(workspace: folder).insert(run).id
        let stored = try runMLExp(
            ["explain", penguins.path, "--run", id, "--method", "learning-curve", "--json"], in: folder)
        #expect(stored.status == 0, "\(stored.err)")
        let given = try runMLExp(
            [
                "explain", penguins.path, "--target", "species", "--model", "logistic", "--set", "C=0.5", "--exclude",
                "island",
                "--folds", "3", "--seed", "7", "--metric", "accuracy", "--method", "learning-curve", "--json",
            ], in: folder)
        #expect(given.status == 0, "\(given.err)")
        let a = try JSONDecoder().decode(LearningCurveResult.self, from: Data(stored.out.utf8))
        let b = try JSONDecoder().decode(LearningCurveResult.self, from: Data(given.out.utf8))
        #expect(a == b && a.metric == "accuracy" && a.points.allSatisfy { $0.validScores.count == 3 })
        let text = try runMLExp(["explain", penguins.path, "--run", id, "--method", "learning-curve"], in: folder)
        #expect(text.out.hasPrefix("Learning curve of run \(id) (logistic, refitted as stored)"), "\(text.out)")
        // The stored experiment is not edited from the command line.
        let edited = try runMLExp(
            ["explain", penguins.path, "--run", id, "--method", "learning-curve", "--set", "C=2"], in: folder)
        #expect(edited.status == 1 && edited.err.contains("drop --target, --model, --set"), "\(edited.err)")
    }
}
