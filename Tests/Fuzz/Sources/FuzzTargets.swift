// What each fuzz target feeds its bytes to: the parsers that read untrusted input (files from anywhere,
// a network peer, a model's output). Each target goes through the same entry points as the product.
import Agent
import Foundation
import MLCore

@testable import LLMClient

enum FuzzTargets {
    /// The CSV reader and its type inference, then the profile of what it read.
    static func csv(_ bytes: [UInt8]) {
        guard let dataset = try? CSVReader.read(bytes: bytes) else { return }
        _ = dataset.columnNames
        if let last = dataset.columnNames.last {
            _ = try? TargetSpec(dataset: dataset, column: last)
        }
    }

    /// The SSE parser and the stream assembler, as a streamed completion reaches them: the body cut
    /// into chunks at places the first byte chooses.
    static func sse(_ bytes: [UInt8]) {
        guard let first = bytes.first else { return }
        let body = Array(bytes.dropFirst())
        let session = StreamSession(onEvent: { _ in })
        let step = Int(first % 37) + 1
        var start = 0
        do {
            while start < body.count {
                let end = min(body.count, start + step + (start % 5))
                try session.receive(Array(body[start..<end]))
                start = end
            }
            _ = try session.finish()
        } catch {}
    }

    /// Tool-call arguments from a model: JSON parsing, then validation against a tool's schema (the first
    /// byte picks the tool), as ToolRegistry.execute does before any tool runs; and the transcripts' fast
    /// reader on the same text.
    static func toolArguments(_ bytes: [UInt8]) {
        guard let first = bytes.first else { return }
        let text = String(decoding: bytes.dropFirst(), as: UTF8.self)
        _ = JSONValue.readFast(text)
        guard let value = try? JSONValue.parse(text) else { return }
        let validator = validators[Int(first) % validators.count]
        _ = validator.problems(in: value)
        _ = value.text
    }

    static let validators: [SchemaValidator] = EmbeddedResources.toolSchemas.keys.sorted().compactMap { name in
        guard let text = EmbeddedResources.toolSchemas[name], let schema = try? JSONValue.parse(text) else {
            return nil
        }
        return SchemaValidator(schema: schema["parameters"] ?? schema)
    }

    /// A transcript file, and what replay and resume read from it.
    static func transcript(_ bytes: [UInt8]) {
        guard let transcript = try? Transcript.parse(String(decoding: bytes, as: UTF8.self)) else { return }
        _ = transcript.turns
        _ = transcript.datasets
        _ = transcript.durationMS
        _ = transcript.toolMS
    }

    /// The workspace's .mlexp/config.json.
    static func config(_ bytes: [UInt8]) {
        _ = try? WorkspaceConfig.parse(Data(bytes))
    }
}
