// Doubles for the transcript and replay tests: a tool set whose results are deterministic except for
// their timings and run ids (like the real tools), and a helper that records a scripted session.

import Agent
import Foundation
import LLMClient
import Synchronization

/// "train" gives a new run id (from `firstRun`) with fixed metrics and a varying fit time; "score" needs a
/// run id this executor trained and answers with a number derived from its arguments.
final class FakeCoreTools: ToolExecuting {
    private let next: Mutex<Int>
    private let trained = Mutex<Set<String>>([])
    /// Added to every metric (a "change in the core" for divergence tests).
    let drift: Double

    init(firstRun: Int = 1, drift: Double = 0) {
        self.next = Mutex(firstRun)
        self.drift = drift
    }

    var definitions: [ToolDefinition] {
        [
            ToolDefinition(name: "train", description: "Train.", parametersSchema: #"{"type":"object"}"#),
            ToolDefinition(name: "score", description: "Score a run.", parametersSchema: #"{"type":"object"}"#),
        ]
    }

    func execute(_ call: ToolCall) async -> ToolOutcome {
        let args = (try? JSONValue.parse(call.arguments)) ?? .object([:])
        switch call.name {
        case "train":
            let id = next.withLock { n in
                defer { n += 1 }; return String(format: "r%04d", n)
            }
            trained.withLock { _ = $0.insert(id) }
            let depth = args["depth"]?.doubleValue ?? 3
            let mean = JSONValue.rounded(0.8461 + depth / 1000 + drift)
            let result: JSONValue = [
                "run_id": .string(id), "model": args["model"] ?? "gbdt",
                "metrics": ["roc_auc": ["mean": mean, "std": 0.0123]],
                "training_seconds": .number(Double.random(in: 0.01...0.9)),
                "note": .string("run \(id) reached roc_auc \(mean.text)"),
            ]
            return ToolOutcome(content: result.text, isError: false, seconds: 0.01)
        case "score":
            let id = args["run_id"]?.stringValue ?? ""
            guard trained.withLock({ $0.contains(id) }) else {
                return .error("no run '\(id)' in this session; train one first.")
            }
            return ToolOutcome(
                content: JSONValue.object(["run_id": .string(id), "score": 0.7351]).text, isError: false)
        default:
            return .error("unknown tool '\(call.name)'")
        }
    }
}

enum TranscriptFixture {
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "mlexp-transcripts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func header(workspace: URL, data: String? = nil) -> TranscriptHeader {
        TranscriptHeader(
            mlexpVersion: "0.1.0", command: "run", name: "test", model: "scripted (test double)",
            endpoint: "https://user:pw@api.example.com/v1?api_key=abc", promptVersion: "1.0.0", language: "en",
            seeds: [42], workspace: workspace.path, data: data)
    }

    /// The scripted assistant turns of the standard session: train twice, score the second run (its
    /// recorded id), answer.
    static func steps(scoreRun: String = "r0002") -> [ScriptedModel.Step] {
        [
            .toolCalls([("train", #"{"model":"gbdt","depth":3}"#)], text: "First, a baseline-ish model."),
            .toolCalls([("train", #"{"model":"gbdt","depth":5}"#)], text: "Deeper."),
            .toolCall("score", #"{"run_id":"\#(scoreRun)"}"#),
            .text("The deeper model scores 0.7351; roc_auc 0.8511."),
        ]
    }

    /// Records the standard session with `tools`; returns the transcript file.
    static func record(
        in workspace: URL, tools: any ToolExecuting, steps: [ScriptedModel.Step] = steps(), secrets: [String] = []
    ) async throws -> URL {
        let url = TranscriptRecorder.fileURL(folder: workspace.appendingPathComponent("transcripts"), name: "test")
        let writer = try TranscriptWriter(url: url, secrets: secrets)
        let recorder = TranscriptRecorder(
            writer: writer, header: header(workspace: workspace), workspace: Workspace(root: workspace))
        let loop = AgentLoop(
            model: ScriptedModel(steps), tools: tools, systemPrompt: "You are careful.", observers: [recorder])
        _ = await loop.send("Train on data.csv target y")
        recorder.close()
        return url
    }
}
