// Interpretation in the dataset's units: a logistic regression on titanic (datasets/titanic.csv, whose
// pipeline standardises age and turns the free-text name into TF-IDF terms) must report age slices,
// worst-case values, training ranges and partial-dependence grids in years within the data's range,
// and must not give the name column a "higher name → …" direction.

import Foundation
import Testing

@testable import MLCore

@Suite struct OriginalUnitsTests {
    struct Fit {
        let input: ExplainInput
        let ages: [Double]  // raw, non-missing ages of all rows with a target
    }

    func titanicLogistic() throws -> Fit {
        let data = try TestData.load("titanic.csv")
        let spec = ExperimentSpec(
            target: "survived", family: try .named("logistic"), validation: .holdout(testFraction: 0.25), seed: 0)
        let result = try ExperimentRunner.run(dataset: data, spec: spec)
        let validRows = try #require(result.validationRows)
        let held = Set(validRows)
        let trainRows = try data.rowsWithTarget("survived").filter { !held.contains($0) }
        let input = ExplainInput(
            model: result.fitted, pipeline: result.pipeline,
            train: try result.pipeline.trainingSet(data, target: result.target, rows: trainRows),
            valid: try result.pipeline.trainingSet(data, target: result.target, rows: validRows), targetName: "survived"
        )
        let ages = try #require(try data.column(named: "age").numbers).filter { !$0.isNaN }
        return Fit(input: input, ages: ages)
    }

    /// The finite edges of a "[low, high)" slice label.
    func edges(_ label: String) -> [Double] {
        label.trimmingCharacters(in: CharacterSet(charactersIn: "[)")).split(separator: ",")
            .compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }.filter { $0.isFinite }
    }

    @Test func titanicLogisticSlicesAndRangesAreInYears() throws {
        let fit = try titanicLogistic()
        #expect(fit.input.units.affine["age"] != nil, "the logistic pipeline should standardise age")
        let lo = try #require(fit.ages.min()), hi = try #require(fit.ages.max())
        let r = try ModelExplainer.explain(fit.input, method: .limits, repeats: 2)
        let e = try #require(r.errors)
        let ageSlices = e.slices.filter { $0.feature == "age" && $0.slice != "missing" }
        #expect(ageSlices.count >= 2)
        let cuts = ageSlices.flatMap { edges($0.slice) }
        #expect(!cuts.isEmpty && cuts.allSatisfy { $0 >= lo - 0.01 && $0 <= hi + 0.01 }, "\(ageSlices.map(\.slice))")
        // Quartiles of ages in years lie well above 10; in standard deviations they would be near 0.
        #expect(cuts.contains { $0 > 10 }, "\(ageSlices.map(\.slice))")
        for c in e.worst {
            let age = try #require(c.features["age"])
            #expect(age >= lo - 1e-9 && age <= hi + 1e-9)
            #expect(!c.features.keys.contains { $0.hasPrefix("name:") })
        }
        let limits = try #require(r.limits)
        let range = try #require(limits.featureRanges.first { $0.name == "age" })
        #expect(range.min >= lo - 1e-9 && range.max <= hi + 1e-9 && range.max > 30)
        #expect(!limits.featureRanges.contains { $0.name.hasPrefix("name:") })
    }

    @Test func partialDependenceUsesYearsAndSkipsFreeText() throws {
        let fit = try titanicLogistic()
        let lo = try #require(fit.ages.min()), hi = try #require(fit.ages.max())
        let age = try PartialDependence.compute(x: fit.input.valid.x, feature: "age", units: fit.input.units) {
            (m: FeatureMatrix) throws(MLError) -> Prediction in try fit.input.model.predict(m)
        }
        let grid = try #require(age.gridValues)
        #expect(grid.allSatisfy { $0 >= lo - 1e-9 && $0 <= hi + 1e-9 } && (grid.max() ?? 0) > 30, "\(grid)")
        let r = try ModelExplainer.explain(fit.input, method: .pdp, repeats: 2)
        #expect(!(r.partialDependence ?? []).contains { $0.feature == "name" })
        #expect(!r.notes.contains { $0.contains("higher name") })
    }

    @Test func viewInvertsStandardisationAndDropsTextTerms() {
        let x = FeatureMatrix(
            rows: 2, features: [FeatureInfo(name: "a"), FeatureInfo(name: "t:word", sourceColumn: "t")],
            values: [-1, 1, 0.5, 0])
        let units = OriginalUnits(affine: ["a": .init(mean: 10, scale: 2)], textColumns: ["t"])
        let v = units.view(x)
        #expect(v.features.map(\.name) == ["a"] && v.values == [8, 12])
    }
}
