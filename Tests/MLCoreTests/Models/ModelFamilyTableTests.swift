// The model-family table is the one place a family is stated: its rows have distinct names, each builds
// with its defaults and from its own parameter names, a fitted model saves and loads back under its
// family's name, and a parameter struct set out of range by a Swift caller is refused with the same
// range the CLI's `--set` names (the ranges live in the specs only).
import Foundation
import Testing

@testable import MLCore

@Suite struct ModelFamilyTableTests {
    @Test func everyRowIsDistinctAndBuilds() throws {
        let names = ModelFamily.all.map(\.name)
        #expect(Set(names).count == names.count)
        #expect(ModelRegistry.names == names)
        for family in ModelFamily.all {
            let estimator = try family.make()
            #expect(estimator.name == family.name)
            #expect(!family.parameters.isEmpty, "\(family.name)")
            // Every parameter the table lists is accepted by name, with the default the estimator reports
            // (an unset optional is left out of the report and taken as "none").
            for (name, _) in family.parameters where name != "seed" {
                let value = estimator.parameters[name] ?? "none"
                #expect(
                    try family.make(family.parse([name: value])).parameters == estimator.parameters,
                    "\(family.name).\(name)")
            }
        }
    }

    @Test func aFittedModelLoadsBackUnderItsFamily() throws {
        let x = FeatureMatrix(columns: [[0, 1, 2, 3, 4, 5, 6, 7], [1, 0, 1, 0, 1, 0, 1, 0]], names: ["a", "b"])
        let y = TargetValues.values([1, 2, 3, 4, 5, 6, 7, 9])
        for name in ["ridge", "gbdt", "random_forest", "knn"] {
            let fitted = try ModelRegistry.make(name, parameters: name == "knn" ? ["nNeighbors": "2"] : [:])
                .fit(TrainingSet(x: x, y: y))
            let back = try AnyFittedModel.load(try fitted.saved())
            #expect(back.family == name)
            #expect(try back.predict(x) == fitted.predict(x), "\(name)")
        }
    }

    @Test func anUnknownFamilyNamesTheClosest() {
        #expect(throws: MLError.self) { try ModelFamily.named("gdbt") }
        do {
            _ = try ModelFamily.named("gdbt")
        } catch {
            #expect(error.message.contains("Did you mean 'gbdt'?"))
        }
    }

    @Test func aStructSetOutOfRangeIsRefusedWithTheRangeTheCLINames() throws {
        let data = TrainingSet(x: FeatureMatrix(columns: [[0, 1, 2, 3]], names: ["a"]), y: .values([0, 1, 2, 3]))
        var p = GradientBoostingParameters()
        p.maxIter = 0
        var direct: MLError?
        do { _ = try HistGradientBoosting(p).fit(data) } catch { direct = error }
        var parsed: MLError?
        do { _ = try ModelRegistry.make("gbdt", parameters: ["maxIter": "0"]) } catch { parsed = error }
        #expect(direct?.message == "gbdt: maxIter=0 is out of range; valid values are 1…100000.")
        #expect(parsed?.message == direct?.message)
        var logistic = LogisticParameters()
        logistic.C = 0
        #expect(throws: MLError.self) { try logistic.validate() }
    }
}
