// Fold importances (the stability part of `mlexp explain --method limits`): one report per fold, each
// from a model refitted on that fold's training rows only, and on penguins every fold ranks a bill or
// flipper measurement first (the species differ by those measurements; island and sex only help).
import Testing

@testable import MLCore

@Suite struct FoldImportanceTests {
    @Test func eachFoldRefitsAndRanksTheSameStrongFeatures() throws {
        let dataset = try TestData.load("penguins.csv")
        let spec = ExperimentSpec(target: "species", family: try .named("logistic"), seed: 7)
        let target = try TargetSpec(dataset: dataset, column: "species")
        let rows = try dataset.rowsWithTarget("species")
        let reports = try ModelExplainer.foldImportances(
            dataset: dataset, spec: spec, rows: rows, target: target, folds: 3, metric: "accuracy")
        #expect(reports.count == 3)
        let measurements: Set = ["bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g"]
        for report in reports {
            let top = try #require(report.features.max { $0.importance < $1.importance })
            #expect(measurements.contains(top.name), "\(top.name)")
        }
        // Seeded: the same call gives the same reports.
        let again = try ModelExplainer.foldImportances(
            dataset: dataset, spec: spec, rows: rows, target: target, folds: 3, metric: "accuracy")
        #expect(again.map { $0.features.map(\.importance) } == reports.map { $0.features.map(\.importance) })
    }
}
