// Replay overhead per event, without the tools' own work: records a long synthetic session (tool results
// shaped like train_model / explain_model results, ~1 KB each) through the real recorder, then times
//   parse   — Transcript.read (reading + decoding every line),
//   compare — ResultComparison of each recorded result with a re-serialised twin,
//   replay  — the whole replay path (player, loop, executor, comparison) with tools that answer at once,
//   render  — the same replay with an observer formatting one line per event into /dev/null.
// Prints the median over runs, in microseconds per event. Usage: ReplayBench [calls] [runs]

import Agent
import Foundation
import LLMClient
import Synchronization

/// Answers every call with a result like the real tools' (deterministic, built on the fly).
struct InstantTools: ToolExecuting {
    var definitions: [ToolDefinition] {
        ["train_model", "explain_model"].map {
            ToolDefinition(name: $0, description: "", parametersSchema: #"{"type":"object"}"#)
        }
    }

    static func result(_ i: Int) -> JSONValue {
        var folds: [JSONValue] = []
        for f in 0..<5 {
            folds.append([
                "roc_auc": .number(0.8 + Double((i * 7 + f) % 100) / 1000), "accuracy": .number(0.79 + Double(f) / 100),
            ])
        }
        var importance: [JSONValue] = []
        for k in 0..<8 {
            importance.append([
                "feature": .string("feature_\(k)"), "importance": .number(Double(8 - k) / 10 + Double(i % 13) / 1000),
            ])
        }
        return [
            "run_id": .string(String(format: "r%04d", i + 1)), "model": "gbdt", "training_seconds": 0.123,
            "metrics": [
                "roc_auc": ["mean": .number(0.8461 + Double(i % 50) / 10000), "std": 0.0123],
                "accuracy": ["mean": 0.8012, "std": 0.011],
            ],
            "folds": .array(folds), "importance": .array(importance),
            "note": .string("gbdt reached roc_auc 0.8461 ± 0.0123 over 5 folds (run r\(i + 1))"),
        ]
    }

    func execute(_ call: ToolCall) async -> ToolOutcome {
        let i = Int(call.id.dropFirst(1)) ?? 0
        return ToolOutcome(content: Self.result(i).text, isError: false, seconds: 0)
    }
}

/// Formats each event as the CLI would show it, into /dev/null.
final class NullRenderer: AgentObserver {
    let sink = FileHandle(forWritingAtPath: "/dev/null")
    func handle(_ event: AgentEvent) {
        let line: String
        switch event {
        case .message(let m, _, _, _): line = "\(m.role.rawValue): \(m.content?.prefix(200) ?? "")"
        case .toolFinished(let c, let o): line = "  ✓ \(c.name) \(c.arguments.prefix(80)) → \(o.content.prefix(120))"
        case .stream(.textDelta(let t)): line = t
        default: return
        }
        sink?.write(Data((line + "\n").utf8))
    }
}

/// A model that asks for one tool call per answer, `calls` times, then stops.
final class CallingModel: ChatModel {
    let calls: Int
    let next = Mutex(0)
    let displayName = "bench"
    init(calls: Int) { self.calls = calls }
    func complete(_ request: ChatRequest, onEvent: @escaping @Sendable (ChatStreamEvent) -> Void) async throws
        -> ChatResponse
    {
        let i = next.withLock { n in
            defer { n += 1 }; return n
        }
        if i >= calls { return ChatResponse(message: .assistant("Done: roc_auc 0.8461.")) }
        let name = i % 2 == 0 ? "train_model" : "explain_model"
        return ChatResponse(
            message: .assistant(
                "Step \(i): next I run \(name).",
                toolCalls: [ToolCall(id: "c\(i)", name: name, arguments: #"{"model":"gbdt","seed":42}"#)]),
            usage: TokenUsage(promptTokens: 1000 + i, completionTokens: 30))
    }
}

func median(_ xs: [Double]) -> Double { let s = xs.sorted(); return s[s.count / 2] }

/// CPU time of the process (all threads), in seconds: on a shared machine wall time mostly measures the
/// other processes; both are printed.
func cpuSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

var cpuTimes: [String: [Double]] = [:]
var currentPhase = ""

@MainActor func time(_ body: () async throws -> Void) async rethrows -> Double {
    let t0 = DispatchTime.now().uptimeNanoseconds
    let c0 = cpuSeconds()
    try await body()
    cpuTimes[currentPhase, default: []].append(cpuSeconds() - c0)
    return Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
}

let args = CommandLine.arguments
let calls = args.count > 1 ? Int(args[1]) ?? 2000 : 2000
let runs = args.count > 2 ? Int(args[2]) ?? 5 : 5
let folder = FileManager.default.temporaryDirectory.appendingPathComponent("replay-bench-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: folder) }

// Record the long session.
let url = folder.appendingPathComponent("long.jsonl")
let recorder = TranscriptRecorder(
    writer: try TranscriptWriter(url: url, secrets: []),
    header: TranscriptHeader(
        mlexpVersion: "bench", command: "run", name: "long", model: "bench", endpoint: nil, promptVersion: "1",
        language: "en",
        seeds: [42], workspace: folder.path),
    workspace: Workspace(root: folder))
let recordSeconds = await time {
    let loop = AgentLoop(
        model: CallingModel(calls: calls), tools: InstantTools(), systemPrompt: "system",
        limits: LoopLimits(maxModelTurns: calls + 2), observers: [recorder])
    _ = await loop.send("go")
    recorder.close()
}
let transcript = try Transcript.read(url)
let events = transcript.events.count
let bytes = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0

var parse: [Double] = [], compare: [Double] = [], replay: [Double] = [], render: [Double] = []
var mismatches = 0
for _ in 0..<runs {
    currentPhase = "parse"
    parse.append(try await time { _ = try Transcript.read(url) })
    currentPhase = "compare"
    let recordedResults = transcript.messages.filter { $0.message.role == .tool }.map { $0.message.content ?? "" }
    compare.append(
        await time {
            for (i, text) in recordedResults.enumerated() {
                let a = (try? JSONValue.parseFast(text)) ?? .null
                let b = InstantTools.result(i)
                mismatches += ResultComparison.differences(recorded: a, replayed: b, rules: ComparisonRules()).count
            }
        })
    currentPhase = "replay"
    replay.append(
        await time {
            let r = await Replay.run(
                transcript, tools: InstantTools(), replayRoot: folder.path, options: ReplayOptions())
            if !r.matches { mismatches += 1 }
        })
    currentPhase = "render"
    render.append(
        await time {
            _ = await Replay.run(
                transcript, tools: InstantTools(), replayRoot: folder.path, options: ReplayOptions(),
                observers: [NullRenderer()])
        })
}
@MainActor func us(_ s: Double) -> String { String(format: "%.1f", s * 1e6 / Double(events)) }
print(
    "transcript: \(events) events (\(calls) tool calls), \(bytes / 1024) KiB; recording took \(String(format: "%.2f", recordSeconds)) s"
)
@MainActor func cpu(_ phase: String) -> String { us(median(cpuTimes[phase] ?? [0])) }
print("median of \(runs) runs, µs per event (wall clock / CPU time of the process):")
print("  parse    \(us(median(parse))) / \(cpu("parse"))")
print("  compare  \(us(median(compare))) / \(cpu("compare")) (tool results only, spread over all events)")
print("  replay   \(us(median(replay))) / \(cpu("replay")) (player + loop + re-run with instant tools + compare)")
print("  render   \(us(median(render))) / \(cpu("render")) (replay + one formatted line per event to /dev/null)")
print(
    "  total (parse + render) \(us(median(parse) + median(render))) / \(us(median(cpuTimes["parse"] ?? [0]) + median(cpuTimes["render"] ?? [0])))"
)
print("mismatches: \(mismatches) (must be 0)")
