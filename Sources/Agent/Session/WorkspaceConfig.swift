// The workspace's `.mlexp/config.json`: {"base_url", "model", "temperature"}, all optional. A file that
// is not such an object, or that holds an API key (keys come from the environment only), is refused
// with a message saying what to fix. Leaves out: choosing the model (the CLI's ModelChoice).

public import Foundation

/// The settings a workspace may keep.
public struct WorkspaceConfig: Sendable, Equatable {
    public var baseURL: String?
    public var model: String?
    public var temperature: Double?
    /// The model's context window, for servers that do not say it.
    public var contextTokens: Int?
    /// How tool calls travel: native, structured or auto.
    public var toolCalls: String?

    public struct Failure: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    /// The config of `workspace`, nil when it has none.
    public static func load(workspace: URL) throws(Failure) -> WorkspaceConfig? {
        let url = workspace.appendingPathComponent(".mlexp/config.json")
        guard let data = try? Data(contentsOf: url) else { return nil }
        return try parse(data, path: url.path)
    }

    /// Reads the file's bytes.
    public static func parse(_ data: Data, path: String = ".mlexp/config.json") throws(Failure) -> WorkspaceConfig {
        let shape = "{\"base_url\": …, \"model\": …, \"temperature\": …}"
        guard let text = String(data: data, encoding: .utf8), let value = try? JSONValue.parse(text),
            let object = value.objectValue
        else {
            throw Failure(description: "\(path) is not a JSON object (\(shape)); fix or remove it.")
        }
        if object["api_key"] != nil {
            throw Failure(
                description:
                    "\(path) holds an API key; remove it and set OPENAI_API_KEY in the environment instead (keys are never stored in the workspace)."
            )
        }
        func string(_ key: String) throws(Failure) -> String? {
            guard let v = object[key] else { return nil }
            if case .null = v { return nil }
            guard let s = v.stringValue else {
                throw Failure(description: "\(path): \"\(key)\" must be a string (\(shape)); fix or remove it.")
            }
            return s
        }
        var config = WorkspaceConfig(baseURL: try string("base_url"), model: try string("model"))
        config.toolCalls = try string("tool_calls")
        if let n = object["context_tokens"], !n.isNull {
            guard let tokens = n.intValue, tokens >= 512 else {
                throw Failure(
                    description: "\(path): \"context_tokens\" must be a whole number of at least 512; fix or remove it."
                )
            }
            config.contextTokens = tokens
        }
        if let t = object["temperature"] {
            if case .null = t { return config }
            guard let x = t.doubleValue, x.isFinite, x >= 0, x <= 2 else {
                throw Failure(
                    description: "\(path): \"temperature\" must be a number from 0 to 2 (\(shape)); fix or remove it.")
            }
            config.temperature = x
        }
        return config
    }
}
