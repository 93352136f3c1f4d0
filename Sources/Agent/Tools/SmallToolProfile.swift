// The tools as a small model sees them: the arguments the workflow needs and nothing else. A 1–2 B model
// fills every optional argument it is shown (hyper-parameters it half remembers, a clustering reference on
// a supervised task) and then repeats the failing call; an argument it is not shown, the grammar of
// structured mode does not let it write. Hidden: tuning (its search space is a nested object), and the
// options whose defaults are what the workflow wants. append_log is shown as three tools, one per kind
// (log_context, log_experiment, log_decision: aliases the registry resolves), each with the arguments
// that kind requires. The calls still run through the whole registry and its schemas.
// Leaves out: which sessions use it (the small prompt's, see RunCommand).

import Foundation
public import LLMClient

/// A registry whose definitions leave out the tools and arguments a small model misuses.
public struct SmallToolProfile: ToolExecuting {
    /// Tools left out of the catalogue.
    static let hiddenTools: Set<String> = ["tune_model", "finalize_model"]
    /// Arguments left out, by tool.
    static let hiddenArguments: [String: Set<String>] = [
        // `drop` too: a small model lists every column there (the target included) and trains on nothing.
        "train_model": [
            "features", "drop", "reference", "params", "members", "target_transform", "folds", "seed",
            "ensemble_method", "categorical_encoding", "fold_scores", "text_max_terms", "scaling",
        ],
        "load_data": ["test_fraction", "seed", "group"],
        "explain_model": ["methods", "learning_curve", "top_k"],
        "compare_runs": ["metric"],
        "profile_column": ["top_k"],
        "list_runs": ["top_k"],
    ]

    public let inner: any ToolExecuting
    public let definitions: [ToolDefinition]

    /// append_log's kinds as tools of their own (ToolRegistry.aliases): each kind's required arguments,
    /// then the optional ones, and what the tool is for.
    static let logKinds: [(name: String, required: [String], optional: [String], description: String)] = [
        (
            "log_context", ["problem"], [],
            "Write the Context of the experiment log: the problem in one sentence (the tool writes the data and the metric)."
        ),
        (
            "log_experiment", ["run_ids", "hypothesis", "analysis", "next"], ["title", "approach", "compare_to"],
            "Write one experiment entry for the runs named in run_ids: hypothesis, analysis and next in one sentence each; the tool writes every number from the runs."
        ),
        (
            "log_decision", ["run_ids", "analysis", "next"], ["title"],
            "Write the decision: the run kept (run_ids), why (analysis) and what to do now (next)."
        ),
    ]

    public init(_ inner: any ToolExecuting) {
        self.inner = inner
        self.definitions = inner.definitions.filter { !Self.hiddenTools.contains($0.name) }.flatMap { definition in
            if definition.name == "append_log" { return Self.logTools(definition) }
            var trimmed = definition
            if let hidden = Self.hiddenArguments[definition.name] {
                trimmed.parametersSchema = Self.removing(hidden, from: definition.parametersSchema)
            }
            return [trimmed]
        }
    }

    /// append_log as one tool per kind, each with the arguments that kind requires (a required list holds
    /// at least one item).
    static func logTools(_ appendLog: ToolDefinition) -> [ToolDefinition] {
        guard case .object(let root) = (try? JSONValue.parse(appendLog.parametersSchema)) ?? .null,
            case .object(let properties) = root["properties"] ?? .null
        else { return [appendLog] }
        return logKinds.map { kind in
            var own: [String: JSONValue] = [:]
            for name in kind.required + kind.optional { own[name] = properties[name] }
            for name in kind.required {
                if case .object(var list) = own[name] ?? .null, list["type"] == "array" {
                    list["minItems"] = 1
                    own[name] = .object(list)
                }
            }
            let schema = JSONValue.object([
                "type": "object", "properties": .object(own), "required": .array(kind.required.map { .string($0) }),
                "additionalProperties": false,
            ])
            return ToolDefinition(name: kind.name, description: kind.description, parametersSchema: schema.text)
        }
    }

    public func execute(_ call: ToolCall) async -> ToolOutcome { await inner.execute(call) }

    public func executeRepaired(_ call: ToolCall) async -> ToolOutcome? { await inner.executeRepaired(call) }

    /// `schema` (an object schema) without the properties named in `hidden`.
    static func removing(_ hidden: Set<String>, from schema: String) -> String {
        guard case .object(var root) = (try? JSONValue.parse(schema)) ?? .null,
            case .object(var properties) = root["properties"] ?? .null
        else { return schema }
        for name in hidden { properties[name] = nil }
        root["properties"] = .object(properties)
        if case .array(let required) = root["required"] ?? .null {
            root["required"] = .array(required.filter { !hidden.contains($0.stringValue ?? "") })
        }
        return JSONValue.object(root).text
    }
}
