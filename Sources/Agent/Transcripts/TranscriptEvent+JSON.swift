// Transcript lines to and from JSON. Keys are snake_case and printed sorted (JSONValue.text), so in a
// tool message the result ("content") comes before the call's bookkeeping. Message content is kept as
// the exact text the model saw. Leaves out: file handling and version policy (TranscriptReader).

import Foundation
import LLMClient

/// Why a transcript line cannot be read.
public struct TranscriptLineError: Error, Sendable, CustomStringConvertible {
    public let description: String
}

extension TranscriptEvent {
    /// The line's JSON object.
    public var json: JSONValue {
        switch self {
        case .header(let h):
            var o: [String: JSONValue] = [
                "type": "header", "format": .string(TranscriptFormat.name), "version": .int(h.version),
                "mlexp_version": .string(h.mlexpVersion), "created_at": .string(h.createdAt),
                "command": .string(h.command), "name": .string(h.name), "model": .string(h.model),
                "prompt_version": .string(h.promptVersion), "language": .string(h.language),
                "seeds": .array(h.seeds.map { .int($0) }), "workspace": .string(h.workspace),
                "datasets": .array(h.datasets.map(Self.json)),
            ]
            o["endpoint"] = h.endpoint.map { .string($0) } ?? .null
            if let d = h.data { o["data"] = .string(d) }
            if let t = h.target { o["target"] = .string(t) }
            if let g = h.goal { o["goal"] = .string(g) }
            if let m = h.toolCalls { o["tool_calls"] = .string(m) }
            if let c = h.contextTokens { o["context_tokens"] = .int(c) }
            if let id = h.session { o["session"] = .string(id) }
            if let t = h.sessionTarget { o["session_target"] = .string(t) }
            return .object(o)
        case .message(let r):
            var o: [String: JSONValue] = [
                "type": "message", "role": .string(r.message.role.rawValue), "elapsed_ms": .int(r.elapsedMS),
                "time": .string(r.time),
            ]
            o["content"] = r.message.content.map { .string($0) } ?? .null
            if !r.message.toolCalls.isEmpty {
                o["tool_calls"] = .array(
                    r.message.toolCalls.map {
                        ["id": .string($0.id), "name": .string($0.name), "arguments": .string($0.arguments)]
                    })
            }
            if let id = r.message.toolCallID { o["call_id"] = .string(id) }
            if let l = r.latencyMS { o["latency_ms"] = .int(l) }
            if let u = r.usage {
                o["usage"] = ["prompt_tokens": .int(u.promptTokens), "completion_tokens": .int(u.completionTokens)]
            }
            if let n = r.toolName { o["name"] = .string(n) }
            if let e = r.isError { o["error"] = .bool(e) }
            if let d = r.durationMS { o["duration_ms"] = .int(d) }
            return .object(o)
        case .dataset(let d, let ms):
            var o = Self.json(d).objectValue ?? [:]
            o["type"] = "dataset"
            o["elapsed_ms"] = .int(ms)
            return .object(o)
        case .stopped(let reason, let message, let ms):
            return ["type": "stopped", "reason": .string(reason), "message": .string(message), "elapsed_ms": .int(ms)]
        case .end(let ms):
            return ["type": "end", "elapsed_ms": .int(ms)]
        }
    }

    /// The line as written (no trailing newline).
    public var line: String { json.text }

    private static func json(_ d: TranscriptDataset) -> JSONValue {
        ["path": .string(d.path), "fingerprint": .string(d.fingerprint), "bytes": .int(d.bytes)]
    }

    /// Reads one line.
    /// - Throws: `TranscriptLineError` saying what is wrong with it.
    public init(line: String) throws(TranscriptLineError) {
        let v: JSONValue
        do { v = try JSONValue.parseFast(line) } catch { throw TranscriptLineError(description: error.description) }
        guard let type = v["type"]?.stringValue else {
            throw TranscriptLineError(description: "the line has no \"type\"")
        }
        func string(_ k: String) throws(TranscriptLineError) -> String {
            guard let s = v[k]?.stringValue else {
                throw TranscriptLineError(description: "a \(type) line lacks \"\(k)\"")
            }
            return s
        }
        let elapsed = v["elapsed_ms"]?.intValue ?? 0
        switch type {
        case "header":
            guard v["format"]?.stringValue == TranscriptFormat.name else {
                throw TranscriptLineError(description: "the header's format is not \(TranscriptFormat.name)")
            }
            var h = TranscriptHeader(
                mlexpVersion: v["mlexp_version"]?.stringValue ?? "?", command: v["command"]?.stringValue ?? "?",
                name: v["name"]?.stringValue ?? "", model: v["model"]?.stringValue ?? "?",
                endpoint: nil, promptVersion: v["prompt_version"]?.stringValue ?? "?",
                language: v["language"]?.stringValue ?? "en",
                seeds: (v["seeds"]?.arrayValue ?? []).compactMap(\.intValue),
                workspace: v["workspace"]?.stringValue ?? "", data: v["data"]?.stringValue,
                target: v["target"]?.stringValue, goal: v["goal"]?.stringValue,
                datasets: (v["datasets"]?.arrayValue ?? []).compactMap(Self.dataset))
            h.version = v["version"]?.intValue ?? -1
            h.createdAt = v["created_at"]?.stringValue ?? ""
            h.endpoint = v["endpoint"]?.stringValue
            h.toolCalls = v["tool_calls"]?.stringValue
            h.contextTokens = v["context_tokens"]?.intValue
            h.session = v["session"]?.stringValue
            h.sessionTarget = v["session_target"]?.stringValue
            self = .header(h)
        case "message":
            guard let role = ChatRole(rawValue: try string("role")) else {
                throw TranscriptLineError(description: "unknown role \(v["role"]?.text ?? "")")
            }
            let calls = (v["tool_calls"]?.arrayValue ?? []).map {
                ToolCall(
                    id: $0["id"]?.stringValue ?? "", name: $0["name"]?.stringValue ?? "",
                    arguments: $0["arguments"]?.stringValue ?? "")
            }
            let message = ChatMessage(
                role: role, content: v["content"]?.stringValue, toolCalls: calls, toolCallID: v["call_id"]?.stringValue)
            let usage = v["usage"].flatMap { u -> TokenUsage? in
                guard let p = u["prompt_tokens"]?.intValue, let c = u["completion_tokens"]?.intValue else { return nil }
                return TokenUsage(promptTokens: p, completionTokens: c)
            }
            self = .message(
                RecordedMessage(
                    message: message, elapsedMS: elapsed, time: v["time"]?.stringValue ?? "",
                    latencyMS: v["latency_ms"]?.intValue, usage: usage, toolName: v["name"]?.stringValue,
                    isError: v["error"]?.boolValue, durationMS: v["duration_ms"]?.intValue))
        case "dataset":
            guard let d = Self.dataset(v) else {
                throw TranscriptLineError(description: "a dataset line lacks its path")
            }
            self = .dataset(d, elapsedMS: elapsed)
        case "stopped":
            self = .stopped(reason: try string("reason"), message: v["message"]?.stringValue ?? "", elapsedMS: elapsed)
        case "end":
            self = .end(elapsedMS: elapsed)
        default:
            throw TranscriptLineError(description: "unknown line type \"\(type)\"")
        }
    }

    private static func dataset(_ v: JSONValue) -> TranscriptDataset? {
        guard let path = v["path"]?.stringValue else { return nil }
        return TranscriptDataset(
            path: path, fingerprint: v["fingerprint"]?.stringValue ?? "", bytes: v["bytes"]?.intValue ?? 0)
    }
}
