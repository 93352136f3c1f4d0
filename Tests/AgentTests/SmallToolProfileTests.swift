// What a small model is shown of the tools: no tuning, no free-form hyper-parameters or clustering-only
// arguments, and append_log as one tool per kind with that kind's required arguments (what the
// structured grammar then holds the model to); the calls still run through the whole registry.

import Foundation
import LLMClient
import Testing

@testable import Agent

@Suite struct SmallToolProfileTests {
    func profile() throws -> SmallToolProfile {
        let context = try ToolContext.open(workspace: Workspace(root: try TempWorkspace.make()), session: Session())
        return SmallToolProfile(try StandardTools.registry(context))
    }

    func schema(_ profile: SmallToolProfile, _ name: String) throws -> JSONValue {
        let definition = try #require(profile.definitions.first { $0.name == name })
        return try JSONValue.parse(definition.parametersSchema)
    }

    @Test func aSmallModelSeesOnlyTheArgumentsTheWorkflowNeeds() throws {
        let p = try profile()
        #expect(!p.definitions.contains { $0.name == "tune_model" })
        let train = try schema(p, "train_model")
        let shown = Set(train["properties"]?.objectValue?.keys.map { $0 } ?? [])
        #expect(shown == ["model", "hypothesis", "dataset_id"])
        #expect(train["required"] == .array(["model", "hypothesis"]))
    }

    @Test func appendLogIsOneToolPerKindWithItsRequiredArguments() throws {
        let p = try profile()
        #expect(!p.definitions.contains { $0.name == "append_log" })
        let experiment = try schema(p, "log_experiment")
        #expect(experiment["required"] == .array(["run_ids", "hypothesis", "analysis", "next"]))
        #expect(experiment["properties"]?["run_ids"]?["minItems"] == 1)
        #expect(experiment["properties"]?["kind"] == nil)
        #expect(experiment["additionalProperties"] == false)
        #expect(try schema(p, "log_context")["required"] == .array(["problem"]))
        #expect(try schema(p, "log_decision")["required"] == .array(["run_ids", "analysis", "next"]))
    }

    @Test func aKindsToolIsAppendLogWithThatKind() async throws {
        let resolved = ToolRegistry.resolvingAlias(
            ToolCall(id: "c1", name: "log_decision", arguments: #"{"analysis":"a","next":"n","run_ids":["r1"]}"#))
        #expect(resolved.name == "append_log")
        #expect(try JSONValue.parse(resolved.arguments)["kind"] == "decision")
        // Through the registry: the decision is refused for its unknown run, as append_log would refuse it.
        let outcome = try await profile().execute(
            ToolCall(id: "c2", name: "log_decision", arguments: #"{"analysis":"a","next":"n","run_ids":["r9"]}"#))
        #expect(outcome.isError)
        #expect(outcome.content.contains("no run 'r9'"))
    }

    @Test func callsStillRunThroughTheWholeRegistry() async throws {
        // A hidden argument is still accepted and checked by the registry's own schema.
        let outcome = try await profile().execute(
            ToolCall(id: "c1", name: "train_model", arguments: #"{"model":"baseline","hypothesis":"h","seed":3}"#))
        #expect(outcome.isError)
        #expect(outcome.content.contains("no dataset is loaded yet"))
    }
}
