// The tools as a small model sees them: the arguments the workflow needs and nothing else. A 1–2 B model
// fills every optional argument it is shown (hyper-parameters it half remembers, a clustering reference on
// a supervised task) and then repeats the failing call; an argument it is not shown, the grammar of
// structured mode does not let it write. Hidden: tuning (its search space is a nested object), and the
// options whose defaults are what the workflow wants. The calls still run through the whole registry.
// Leaves out: which sessions use it (the small prompt's, see RunCommand).

import Foundation
public import LLMClient

/// A registry whose definitions leave out the tools and arguments a small model misuses.
public struct SmallToolProfile: ToolExecuting {
    /// Tools left out of the catalogue.
    static let hiddenTools: Set<String> = ["tune_model"]
    /// Arguments left out, by tool.
    static let hiddenArguments: [String: Set<String>] = [
        "train_model": ["features", "reference", "params", "members", "target_transform", "folds", "seed"],
        "load_data": ["test_fraction", "seed", "group"],
        "explain_model": ["methods", "learning_curve", "top_k"],
        "compare_runs": ["metric"],
        "profile_column": ["top_k"],
        "list_runs": ["top_k"],
    ]

    public let inner: any ToolExecuting
    public let definitions: [ToolDefinition]

    public init(_ inner: any ToolExecuting) {
        self.inner = inner
        self.definitions = inner.definitions.filter { !Self.hiddenTools.contains($0.name) }.map { definition in
            guard let hidden = Self.hiddenArguments[definition.name] else { return definition }
            var trimmed = definition
            trimmed.parametersSchema = Self.removing(hidden, from: definition.parametersSchema)
            return trimmed
        }
    }

    public func execute(_ call: ToolCall) async -> ToolOutcome { await inner.execute(call) }

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
