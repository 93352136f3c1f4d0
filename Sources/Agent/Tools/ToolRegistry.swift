// The tools the model can call, each paired with its schema from tools/NAME.json; validates a call's
// arguments and runs it, turning every failure (unknown tool, malformed JSON, schema violation, tool
// error, cancellation) into an error result the model reads. Callable on its own: replay re-runs
// recorded calls through `execute`. Leaves out: the conversation (AgentLoop.swift).

import Foundation
public import LLMClient
import MLCore

/// Tool schemas and implementations, by name.
public struct ToolRegistry: ToolExecuting {
    /// A tool with its parsed schema file.
    struct Entry: Sendable {
        let tool: any AgentTool
        let definition: ToolDefinition
        let validator: SchemaValidator
    }

    private let entries: [String: Entry]
    private let order: [String]
    public let context: ToolContext
    /// Results longer than this (in characters) are cut, so one result can never flood the model's context.
    public var maxResultCharacters = 12_000

    /// - Parameters:
    ///   - tools: the implementations.
    ///   - schemas: tool name → text of its schema file (`{"name", "description", "parameters"}`).
    /// - Throws: `ToolError` when a tool has no schema or its schema is not valid JSON (a packaging bug).
    public init(tools: [any AgentTool], schemas: [String: String], context: ToolContext) throws(ToolError) {
        var entries: [String: Entry] = [:]
        for tool in tools {
            guard let text = schemas[tool.name] else { throw ToolError("tool '\(tool.name)' has no schema in tools/") }
            let file: JSONValue
            do { file = try JSONValue.parse(text) } catch {
                throw ToolError("tools/\(tool.name).json is not valid JSON: \(error.description)")
            }
            let parameters = file["parameters"] ?? ["type": "object", "properties": [:]]
            let definition = ToolDefinition(
                name: tool.name, description: file["description"]?.stringValue ?? "", parametersSchema: parameters.text)
            entries[tool.name] = Entry(
                tool: tool, definition: definition, validator: SchemaValidator(schema: parameters))
        }
        self.entries = entries
        self.order = tools.map(\.name)
        self.context = context
    }

    public var definitions: [ToolDefinition] { order.compactMap { entries[$0]?.definition } }

    public var names: [String] { order }

    /// Validates and runs one call. Never throws; cancellation of the calling task ends a running tool's wait
    /// promptly with a "cancelled" error result.
    public func execute(_ call: ToolCall) async -> ToolOutcome {
        let call = Self.resolvingAlias(call)
        let start = Date()
        func seconds() -> Double { Date().timeIntervalSince(start) }
        guard let entry = entries[call.name] else {
            return .error(
                "unknown tool '\(call.name)'.\(NameSuggestion.didYouMean(call.name, among: order)) "
                    + "Available tools: \(order.joined(separator: ", ")).")
        }
        let arguments: JSONValue
        let raw = call.arguments.trimmingCharacters(in: .whitespacesAndNewlines)
        if raw.isEmpty {
            arguments = .object([:])
        } else {
            do { arguments = try JSONValue.parse(raw) } catch {
                return .error(
                    "the arguments of \(call.name) are malformed: \(error.description). "
                        + "Send one JSON object that matches the tool's schema.")
            }
        }
        guard arguments.objectValue != nil else {
            return .error(
                "the arguments of \(call.name) must be a JSON object, got \(SchemaValidator.describe(arguments)).")
        }
        let problems = entry.validator.problems(in: arguments)
        guard problems.isEmpty else {
            return .error("invalid arguments for \(call.name): " + problems.joined(separator: " "))
        }
        if Task.isCancelled { return .error(CancellationError().messageForModel) }
        let signature = call.name + " " + arguments.text
        // A context entry replaces its problem's own, so writing it again is harmless; and after the target
        // is loaded the same call frames another problem.
        let remembered =
            !Self.rerunnable.contains(call.name)
            && !(call.name == "append_log" && arguments["kind"]?.stringValue == "context")
        if remembered, let earlier = context.session.earlierResult(of: signature) {
            return ToolOutcome(
                content: Self.alreadyDone(call.name, earlier: earlier), isError: false, seconds: seconds())
        }
        do {
            // MLCore's progress events (rows read, fold k of n, trial i of m) become the tool's notes on screen.
            let result = try await CancellableRun.run { [context] in
                try await ProgressReport.withSink({ context.progress(ProgressText.text($0)) }) {
                    try await entry.tool.run(arguments, in: context)
                }
            }
            context.session.noteToolResult(result)
            let content = bounded(result.text)
            if remembered { context.session.rememberResult(content, of: signature) }
            return ToolOutcome(content: content, isError: false, seconds: seconds())
        } catch {
            return .error(error.messageForModel, seconds: seconds())
        }
    }

    /// Runs a refused call again with its tool's repair, the repair's note added to the result (nil when
    /// the tool knows none for these arguments).
    public func executeRepaired(_ call: ToolCall) async -> ToolOutcome? {
        var resolved = Self.resolvingAlias(call)
        guard let entry = entries[resolved.name], let arguments = try? JSONValue.parse(resolved.arguments),
            let repair = entry.tool.repaired(arguments, in: context)
        else { return nil }
        resolved.arguments = repair.arguments.text
        let outcome = await execute(resolved)
        guard !outcome.isError, case .object(var result)? = try? JSONValue.parse(outcome.content) else {
            return outcome
        }
        result["repaired"] = .string(repair.note)
        return ToolOutcome(content: JSONValue.object(result).text, isError: false, seconds: outcome.seconds)
    }

    /// Names that stand for a tool with one argument fixed: the small profile shows append_log as one tool
    /// per kind, so that the tool's name (the first thing a constrained answer writes) settles the kind
    /// and the grammar then asks for exactly that kind's arguments.
    public static let aliases: [String: (tool: String, argument: String, value: String)] = [
        "log_context": ("append_log", "kind", "context"),
        "log_experiment": ("append_log", "kind", "experiment"),
        "log_decision": ("append_log", "kind", "decision"),
    ]

    /// `call` as the tool it stands for, when its name is an alias.
    public static func resolvingAlias(_ call: ToolCall) -> ToolCall {
        guard let alias = aliases[call.name] else { return call }
        var resolved = call
        resolved.name = alias.tool
        var arguments = (try? JSONValue.parse(call.arguments))?.objectValue ?? [:]
        arguments[alias.argument] = .string(alias.value)
        resolved.arguments = JSONValue.object(arguments).text
        return resolved
    }

    /// Tools whose answer changes with what happened since (or that are cheap and change nothing): run
    /// again when called again (compute_metrics says itself that the sealed test split was already used).
    /// Every other tool answers the same call a second time from memory, so a
    /// model repeating itself neither duplicates runs and log entries nor spends minutes on a refit.
    static let rerunnable: Set<String> = ["load_data", "list_runs", "compute_metrics"]

    /// The answer to a call that already succeeded: its earlier result, and that it was not run again.
    static func alreadyDone(_ tool: String, earlier: String) -> String {
        let result =
            (try? JSONValue.parse(earlier)).map { ToolResultCompactor.shrink($0, level: .tight) } ?? .string(earlier)
        return JSONValue.object([
            "already_done": true,
            "note": .string(
                "this exact \(tool) call already ran in this session and was not run again; its earlier result follows. Do not repeat it: go on with the next step of the workflow."
            ),
            "earlier_result": result,
        ]).text
    }

    private func bounded(_ text: String) -> String {
        guard text.count > maxResultCharacters else { return text }
        return JSONValue.object([
            "truncated": true,
            "note": .string(
                "the result was longer than \(maxResultCharacters) characters and was cut; ask for fewer items (top_k)."
            ),
            "partial": .string(String(text.prefix(maxResultCharacters - 300))),
        ]).text
    }
}
