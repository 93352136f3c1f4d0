// Each tool decodes its arguments into a struct: the struct's keys are exactly its schema's properties
// (a field added to one and not the other fails here), the defaults are the struct's, and a call that
// skipped the schema check still gets a message naming the field and the type it needs.
import Foundation
import Testing

@testable import Agent

@Suite struct ToolArgumentsTests {
    static func properties(_ tool: String) throws -> Set<String> {
        let text = try #require(EmbeddedResources.toolSchemas[tool])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let parameters = try #require(json["parameters"] as? [String: Any])
        return Set(try #require(parameters["properties"] as? [String: Any]).keys)
    }

    @Test func everyToolsStructReadsItsSchemasProperties() throws {
        let keys: [String: Set<String>] = [
            "append_log": AppendLogTool.Arguments.keys, "compare_runs": CompareRunsTool.Arguments.keys,
            "compute_metrics": ComputeMetricsTool.Arguments.keys, "explain_model": ExplainModelTool.Arguments.keys,
            "list_runs": ListRunsTool.Arguments.keys, "load_data": LoadDataTool.Arguments.keys,
            "profile_column": ProfileColumnTool.Arguments.keys, "train_model": TrainModelTool.Arguments.keys,
            "tune_model": TuneModelTool.Arguments.keys, "finalize_model": FinalizeModelTool.Arguments.keys,
        ]
        #expect(Set(keys.keys) == Set(EmbeddedResources.toolSchemas.keys))
        for (tool, fields) in keys {
            #expect(try Self.properties(tool) == fields, "\(tool)")
        }
    }

    @Test func absentFieldsTakeTheStructsDefaults() throws {
        let train = try TrainModelTool.Arguments(["model": "gbdt", "hypothesis": "h"], tool: "train_model")
        #expect(train.seed == 42 && train.folds == nil && train.params.isEmpty && !train.foldScores)
        #expect(train.ensembleMethod == "average")
        let typed = try TrainModelTool.Arguments(
            ["model": "gbdt", "params": ["max_depth": 4, "learning_rate": 0.05, "early_stopping": false]],
            tool: "train_model")
        #expect(typed.params == ["max_depth": .int(4), "learning_rate": .double(0.05), "early_stopping": .bool(false)])
        let tune = try TuneModelTool.Arguments(["model": "gbdt", "space": ["max_depth": [3, 5]]], tool: "tune_model")
        #expect(tune.strategy == "halving" && tune.candidates == 12 && tune.timeBudgetSeconds == 60)
        let load = try LoadDataTool.Arguments(["path": "a.csv"], tool: "load_data")
        #expect(load.testFraction == 0.2 && load.seed == 42 && load.target == nil)
    }

    @Test func aWronglyTypedFieldIsNamedWithTheTypeItNeeds() {
        do {
            _ = try TrainModelTool.Arguments(["model": "gbdt", "folds": "five"], tool: "train_model")
            Issue.record("a string for folds was accepted")
        } catch {
            #expect(error.message.contains("invalid arguments for train_model: 'folds' must be an integer"))
        }
    }
}
