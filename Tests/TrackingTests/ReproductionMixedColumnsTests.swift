// The Python cell on every column treatment at once: a synthetic CSV (written by the test, seeded)
// with a datetime, a yes/no boolean, a number with missing values, a category and free text, whose
// label depends on the month, the flag and the number. The cell reads the booleans as 1/0, derives
// the datetime parts as mlexp does, flags missing numbers, and scores like the run.
import Foundation
import MLCore
import TestSupport
import Testing

@testable import Tracking

extension ChartExportTests.ReproductionPythonTests {
    /// 400 rows; `y` is 1 when amount + 2·flag + (month ≥ 7) + noise > 2.5.
    static func mixedCSV() throws -> URL {
        let folder = try scratchFolder("mixed-columns")
        var rng = SeededGenerator(seed: 7)
        var lines = ["when,flag,amount,city,note,y"]
        let cities = ["Lyon", "Oslo", "Kyoto", "Lima"],
            words = [
                "late", "early", "fragile", "bulk", "express", "return", "signed", "damaged", "gift", "priority",
                "heavy", "small",
            ]
        for i in 0..<400 {
            let month = 1 + Int(rng.next() % 12), day = 1 + Int(rng.next() % 28), hour = Int(rng.next() % 24)
            let flag = rng.next() % 2 == 0
            let amount = Double(rng.next() % 3000) / 1000
            let noise = Double(rng.next() % 1000) / 1000 - 0.5
            let y = amount + (flag ? 2 : 0) + (month >= 7 ? 1 : 0) + noise > 2.5
            let note = (0..<5).map { _ in words[Int(rng.next() % 12)] }.joined(separator: " ")
            let amountCell = i % 9 == 0 ? "" : String(amount)
            lines.append(
                String(format: "2021-%02d-%02dT%02d:15:00Z", month, day, hour)
                    + ",\(flag ? "yes" : "no"),\(amountCell),\(cities[Int(rng.next() % 4)]),\(note),\(y ? 1 : 0)")
        }
        try (lines.joined(separator: "\n") + "\n").write(
            to: folder.appendingPathComponent("mixed.csv"), atomically: true, encoding: .utf8)
        return folder
    }

    @Test func everyTreatmentHasItsStepInTheCell() throws {
        let folder = try Self.mixedCSV()
        let run = try Self.record(
            "mixed.csv",
            ExperimentSpec(
                target: "y", family: try .named("logistic"), validation: .crossValidation(folds: 5), seed: 3),
            in: folder)
        let prep = try #require(RunPreprocessing(run.preprocessing))
        #expect(
            prep.datetime == ["when"] && prep.numeric == ["flag", "amount"] && prep.categorical == ["city"]
                && prep.text == ["note"], "\(prep)")
        let py = try #require(Reproduction.python(run))
        #expect(py.contains("derived = [f\"{c}_{part}\" for c in datetime"))
        #expect(
            py.contains(
                "(\"num\", make_pipeline(SimpleImputer(strategy=\"median\"), StandardScaler()), numeric + derived)"))
        #expect(py.contains("map({\"true\": 1, \"yes\": 1, \"false\": 0, \"no\": 0})"))
    }

    /// Tolerance: 0.03 in accuracy and ROC AUC (400 rows; only the folds differ).
    @Test(.enabled(if: VenvPython.enabled)) func mixedColumnsRunScoresLikeTheRunInScikitLearn() async throws {
        let folder = try Self.mixedCSV()
        let run = try Self.record(
            "mixed.csv",
            ExperimentSpec(
                target: "y", family: try .named("logistic"), validation: .crossValidation(folds: 5), seed: 3),
            in: folder)
        let scores = try await Self.scores(try #require(Reproduction.python(run)), in: folder)
        for metric in ["accuracy", "roc_auc"] {
            let ours = try #require(run.metrics[metric]?.mean), theirs = try #require(scores[metric])
            #expect(abs(ours - theirs) <= 0.03, "\(metric): mlexp \(ours), scikit-learn \(theirs)")
        }
    }
}
