// `mlexp explain FILE --target COL --model NAME --method learning-curve`: the table, the terminal chart
// and the reading printed from MLCore's ExperimentRunner.learningCurve, whose --json numbers the text
// repeats; --run is refused with the way to get a stored run's curve. Data: datasets/penguins.csv.
import Foundation
import MLCore
import Testing

@Suite struct ExplainLearningCurveCLITests {
    let penguins = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("datasets/penguins.csv")

    @Test func printsTheTableTheChartAndTheReadingOfTheJSONNumbers() throws {
        let folder = try scratchFolder()
        let args = ["explain", penguins.path, "--target", "species", "--model", "logistic", "--method", "learning-curve", "--folds", "3"]
        let text = try runMLExp(args, in: folder)
        #expect(text.status == 0, "\(text.err)")
        let json = try runMLExp(args + ["--json"], in: folder)
        #expect(json.status == 0, "\(json.err)")
        let curve = try JSONDecoder().decode(LearningCurveResult.self, from: Data(json.out.utf8))
        #expect(curve.metric == "accuracy" && curve.points.count == 5)
        #expect(curve.points.allSatisfy { $0.trainScores.count == 3 && $0.validScores.count == 3 })
        for p in curve.points {
            #expect(text.out.contains(String(format: "%6d", p.trainRows) + "   " + String(format: "%.4f", p.trainMean)), "\(text.out)")
        }
        #expect(text.out.contains("── train") && text.out.contains("── validation"), "the terminal chart's legend")
        #expect(text.out.hasSuffix(curve.sentence + "\n"), "\(text.out)")
    }

    @Test func aStoredRunIsSentToTheSessionTool() throws {
        let result = try runMLExp(["explain", penguins.path, "--run", "r0001", "--method", "learning-curve"], in: try scratchFolder())
        #expect(result.status == 1)
        #expect(result.err.contains("explain_model's learning_curve"), "\(result.err)")
    }
}
