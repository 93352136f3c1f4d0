// Typed hyper-parameters: a family checks typed values (a search's configuration, a tool's JSON) with
// the same rules and messages as the text the CLI parses; the checked set is what an experiment
// carries, and the estimator it builds has those values, the experiment's seed where none is set.
import Testing

@testable import MLCore

@Suite struct ParameterValuesTests {
    @Test func typedValuesAndTheirTextGiveTheSameSet() throws {
        let gbdt = try ModelFamily.named("gbdt")
        let typed = try gbdt.values([
            "max_iter": .int(40), "learningRate": .double(0.05), "earlyStopping": .bool(false), "maxDepth": .null,
            "classWeight": .string("balanced"),
        ])
        let parsed = try gbdt.parse([
            "maxIter": "40", "learning_rate": "0.05", "earlyStopping": "false", "maxDepth": "none",
            "classWeight": "balanced",
        ])
        #expect(typed == parsed)
        #expect(typed["maxIter"] == .int(40))
        #expect(typed["maxDepth"] == .null)
        // A value of another type is read as its text: "40" (a JSON string) and 40.0 are the integer 40.
        #expect(try gbdt.values(["maxIter": .string("40")]) == gbdt.values(["maxIter": .double(40)]))
        #expect(try gbdt.values(["maxIter": .string("40")])["maxIter"] == .int(40))
        // The texts a run records, camelCase keys.
        #expect(typed.texts["learningRate"] == "0.05" && typed.texts["maxDepth"] == "none")
    }

    @Test func badValuesGetTheParsersMessages() {
        func message(_ body: () throws(MLError) -> Void) -> String? {
            do { try body() } catch { return error.message }
            return nil
        }
        let gbdt = ModelFamily.all.first { $0.name == "gbdt" }
        #expect(
            message { () throws(MLError) in _ = try gbdt?.values(["maxIter": .double(0.5)]) }
                == "gbdt: maxIter=0.5 is not an integer; valid values are 1…100000.")
        #expect(
            message { () throws(MLError) in _ = try gbdt?.values(["maxIter": .int(0)]) }
                == "gbdt: maxIter=0 is out of range; valid values are 1…100000.")
        #expect(
            message { () throws(MLError) in _ = try gbdt?.values(["earlyStopping": .string("maybe")]) }
                == "gbdt: earlyStopping=maybe is not valid; use true or false.")
        #expect(
            message { () throws(MLError) in _ = try gbdt?.values(["maxLeafNode": .int(8)]) }?.hasPrefix(
                "gbdt has no parameter 'maxLeafNode'. Did you mean 'maxLeafNodes'?") == true)
    }

    @Test func anExperimentBuildsItsTypedParametersWithItsSeed() throws {
        let forest = try ModelFamily.named("random_forest")
        let spec = ExperimentSpec(
            target: "y", family: forest, parameters: try forest.values(["nEstimators": .int(7), "maxDepth": .int(3)]),
            seed: UInt64.max, threads: 1)
        let built = try #require(try spec.estimator().estimator as? RandomForest)
        #expect(built.parameters.nEstimators == 7 && built.parameters.maxDepth == 3)
        #expect(built.parameters.seed == UInt64.max && built.parameters.threads == 1)
        // A seed among the parameters wins over the experiment's.
        let seeded = try #require(
            try forest.make(forest.values(["seed": .int(5)]), seed: 9).estimator as? RandomForest)
        #expect(seeded.parameters.seed == 5)
    }
}
