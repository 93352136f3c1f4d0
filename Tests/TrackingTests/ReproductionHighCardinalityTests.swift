// The Python cell of a run whose high-cardinality column was target or frequency encoded: the column gets
// its own step (scikit-learn's TargetEncoder with mlexp's smoothing, cross-fitted in fit_transform as
// mlexp fits; or a frequency encoder), and the cell scores like the run. A synthetic CSV (written by the
// test, seeded): 60 shops whose own effect drives the label, and one number.
import Foundation
import MLCore
import TestSupport
import Testing

@testable import Tracking

extension ChartExportTests.ReproductionPythonTests {
    /// 900 rows; `y` is 1 when the shop's effect + amount + noise > 0.
    static func shopsCSV() throws -> URL {
        let folder = try scratchFolder("high-cardinality")
        var rng = SeededGenerator(seed: 5)
        let effects = (0..<60).map { _ in Double(rng.next() % 2000) / 1000 - 1 }
        var lines = ["shop,amount,y"]
        for _ in 0..<900 {
            let shop = Int(rng.next() % 60)
            let amount = Double(rng.next() % 2000) / 1000 - 1
            let noise = Double(rng.next() % 1000) / 1000 - 0.5
            lines.append("s\(shop),\(amount),\(effects[shop] + amount + noise > 0 ? 1 : 0)")
        }
        try (lines.joined(separator: "\n") + "\n").write(
            to: folder.appendingPathComponent("shops.csv"), atomically: true, encoding: .utf8)
        return folder
    }

    static func shopsRun(_ encoding: CategoricalEncoding, model: String = "logistic") throws -> (RunRecord, URL) {
        let folder = try shopsCSV()
        let spec = ExperimentSpec(
            target: "y", family: try .named(model), validation: .crossValidation(folds: 5), seed: 3,
            categoricalEncoding: encoding)
        return (try record("shops.csv", spec, in: folder), folder)
    }

    @Test func aHighCardinalityColumnHasItsOwnStep() throws {
        let (run, _) = try Self.shopsRun(.target)
        let prep = try #require(RunPreprocessing(run.preprocessing))
        #expect(prep.highCardinality == "target" && prep.highCardinalityColumns == ["shop"], "\(prep)")
        #expect(prep.summary.contains("high-cardinality shop (target encoding)"), "\(prep.summary)")
        let py = try #require(Reproduction.python(run))
        #expect(py.contains("high_cardinality = [\"shop\"]"))
        #expect(py.contains("TargetEncoder(smooth=\"auto\", cv=5, shuffle=True, random_state=3)"), "\(py)")
        #expect(!py.contains("categorical = ["))
    }

    /// Tolerance: 0.03 in ROC AUC (900 rows; the folds differ).
    @Test(.enabled(if: VenvPython.enabled), arguments: [CategoricalEncoding.target, .frequency])
    func anEncodedRunScoresLikeTheRunInScikitLearn(encoding: CategoricalEncoding) async throws {
        let (run, folder) = try Self.shopsRun(encoding)
        let scores = try await Self.scores(try #require(Reproduction.python(run)), in: folder)
        let ours = try #require(run.metrics["roc_auc"]?.mean), theirs = try #require(scores["roc_auc"])
        #expect(abs(ours - theirs) <= 0.03, "\(encoding): mlexp \(ours), scikit-learn \(theirs)")
    }
}
