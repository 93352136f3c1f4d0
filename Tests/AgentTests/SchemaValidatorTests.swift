// The argument validator against the shipped tool schemas: required fields, types, enums, unknown
// fields, bounds, each with a message a model can act on.

import Agent
import Testing

@Suite struct SchemaValidatorTests {
    func validator(_ tool: String) throws -> SchemaValidator {
        let file = try JSONValue.parse(try #require(EmbeddedResources.toolSchemas[tool]))
        return SchemaValidator(schema: try #require(file["parameters"]))
    }

    @Test func validArgumentsHaveNoProblem() throws {
        let v = try validator("train_model")
        let args = try JSONValue.parse(#"{"model":"gbdt","hypothesis":"h","params":{"max_depth":4},"folds":5}"#)
        #expect(v.problems(in: args).isEmpty)
    }

    @Test func missingRequiredFieldIsNamed() throws {
        let problems = try validator("train_model").problems(in: ["model": "gbdt"])
        #expect(problems == ["missing required field 'hypothesis'."])
    }

    @Test func enumMistakeSuggestsTheClosestValue() throws {
        let problems = try validator("train_model").problems(in: ["model": "logistc", "hypothesis": "h"])
        #expect(problems.count == 1)
        #expect(problems[0].contains("must be one of"))
        #expect(problems[0].contains("Did you mean 'logistic'?"))
    }

    @Test func unknownFieldIsRefusedWithSuggestion() throws {
        let problems = try validator("load_data").problems(in: ["path": "a.csv", "targt": "y"])
        #expect(problems.count == 1)
        #expect(problems[0].contains("unknown field 'targt'"))
        #expect(problems[0].contains("Did you mean 'target'?"))
    }

    @Test func wrongTypesAreDescribed() throws {
        let v = try validator("train_model")
        let problems = v.problems(in: ["model": "gbdt", "hypothesis": "h", "folds": "5", "features": "age"])
        #expect(problems.contains("'folds' must be an integer, got the string \"5\"."))
        #expect(problems.contains("'features' must be an array, got the string \"age\"."))
    }

    @Test func integerRejectsFractionsAndBoundsAreChecked() throws {
        let v = try validator("train_model")
        #expect(v.problems(in: ["model": "gbdt", "hypothesis": "h", "folds": 2.5]).count == 1)
        #expect(
            v.problems(in: ["model": "gbdt", "hypothesis": "h", "folds": 1]) == ["'folds' must be at least 2, got 1."])
    }

    @Test func nestedValuesAreValidated() throws {
        let v = try validator("train_model")
        let problems = v.problems(in: ["model": "gbdt", "hypothesis": "h", "params": ["depth": ["a"]]])
        #expect(problems == ["'params.depth' must be a string or a number or a boolean, got an array."])
        let items = v.problems(in: ["model": "gbdt", "hypothesis": "h", "drop": [1]])
        #expect(items == ["'drop[0]' must be a string, got the number 1."])
    }

    @Test func everyShippedSchemaIsAnObjectSchemaWithDescription() throws {
        #expect(EmbeddedResources.toolSchemas.count >= 9)
        for (name, text) in EmbeddedResources.toolSchemas {
            let file = try JSONValue.parse(text)
            #expect(file["name"]?.stringValue == name)
            #expect((file["description"]?.stringValue ?? "").count > 20)
            #expect(file["parameters"]?["type"] == "object")
            #expect(file["parameters"]?["additionalProperties"] == false)
        }
    }
}
