// The loop observer that writes a session's transcript: the header when created, then every message
// as the loop appends it (tool messages carry the tool's name, error flag and duration), every data
// file a tool call names (fingerprinted once), every early stop, and an end line on close. Each line
// is on disk before the loop goes on. Leaves out: rendering (the CLI's observers) and file naming
// policy beyond `TranscriptRecorder.fileURL`.

public import Foundation
public import LLMClient
import Synchronization

/// Records a session into a transcript file.
public final class TranscriptRecorder: AgentObserver {
    private struct State {
        var toolNames: [String: String] = [:]
        var outcomes: [String: ToolOutcome] = [:]
        var fingerprinted: Set<String> = []
    }

    public let writer: TranscriptWriter
    public let workspace: Workspace
    private let start: Date
    private let state = Mutex(State())

    /// Creates the file and writes the header (with the fingerprints of the header's datasets).
    public init(writer: TranscriptWriter, header: TranscriptHeader, workspace: Workspace, start: Date = Date()) {
        self.writer = writer
        self.workspace = workspace
        self.start = start
        var h = header
        var seen: Set<String> = []
        for d in h.datasets { seen.insert(d.path) }
        if let data = h.data, !seen.contains(data), let d = Self.fingerprint(data, in: workspace) {
            h.datasets.append(d)
            seen.insert(d.path)
        }
        state.withLock { $0.fingerprinted = seen }
        writer.write(.header(h))
    }

    /// Goes on recording a resumed session into its transcript: no header; times go on from the recorded
    /// session's last; `pending` are the recorded calls whose results are still to come.
    public init(resuming transcript: Transcript, writer: TranscriptWriter, workspace: Workspace, pending: [ToolCall]) {
        self.writer = writer
        self.workspace = workspace
        self.start = Date().addingTimeInterval(-Double(transcript.durationMS) / 1000)
        state.withLock { s in
            s.fingerprinted = Set(transcript.datasets.map(\.path))
            for call in pending { s.toolNames[call.id] = call.name }
        }
    }

    /// `folder/<yyyyMMdd-HHmmss>-<name>.jsonl`, with a numeric suffix when that file exists.
    public static func fileURL(folder: URL, name: String, at date: Date = Date()) -> URL {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyyMMdd-HHmmss"
        let clean = String(
            name.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "-" }.prefix(60))
        let stem = "\(f.string(from: date))-\(clean.isEmpty ? "session" : clean)"
        var url = folder.appendingPathComponent(stem + ".jsonl")
        var n = 2
        while FileManager.default.fileExists(atPath: url.path) {
            url = folder.appendingPathComponent("\(stem)-\(n).jsonl")
            n += 1
        }
        return url
    }

    private var elapsedMS: Int { TranscriptTime.milliseconds(Date().timeIntervalSince(start)) }

    public func handle(_ event: AgentEvent) {
        switch event {
        case .message(let message, let at, let latency, let usage):
            var r = RecordedMessage(
                message: message, elapsedMS: TranscriptTime.milliseconds(at.timeIntervalSince(start)),
                time: TranscriptTime.iso(at), latencyMS: latency.map(TranscriptTime.milliseconds), usage: usage)
            if message.role == .assistant {
                state.withLock { s in for c in message.toolCalls { s.toolNames[c.id] = c.name } }
            }
            if message.role == .tool, let id = message.toolCallID {
                let (name, outcome) = state.withLock { s in (s.toolNames[id], s.outcomes.removeValue(forKey: id)) }
                r.toolName = name
                r.isError = outcome?.isError
                r.durationMS = outcome.map { TranscriptTime.milliseconds($0.seconds) }
            }
            writer.write(.message(r))
        case .toolStarted(let call):
            for path in Self.paths(in: call.arguments) {
                let isNew = state.withLock { s in s.fingerprinted.insert(path).inserted }
                if isNew, let d = Self.fingerprint(path, in: workspace) {
                    writer.write(.dataset(d, elapsedMS: elapsedMS))
                }
            }
        case .toolFinished(let call, let outcome):
            state.withLock { $0.outcomes[call.id] = outcome }
        case .stopped(let reason, let message):
            writer.write(.stopped(reason: reason.rawValue, message: message, elapsedMS: elapsedMS))
        case .stream, .toolProgress, .notice:
            break
        }
    }

    /// Writes the end line and closes the file.
    public func close() {
        writer.write(.end(elapsedMS: elapsedMS))
        writer.close()
    }

    /// The "path"-like string arguments of a call that name data files.
    static func paths(in arguments: String) -> [String] {
        guard let v = try? JSONValue.parse(arguments), let o = v.objectValue else { return [] }
        return ["path", "file", "data", "dataset_path"].compactMap { o[$0]?.stringValue }
            .filter { p in [".csv", ".tsv", ".txt", ".json", ".parquet"].contains { p.lowercased().hasSuffix($0) } }
    }

    /// The fingerprint of a workspace file, or nil when it is not a readable file inside the workspace.
    static func fingerprint(_ path: String, in workspace: Workspace) -> TranscriptDataset? {
        guard let url = try? workspace.resolve(path), let d = DatasetFingerprint.of(url) else { return nil }
        return TranscriptDataset(path: path, fingerprint: d.hex, bytes: d.bytes)
    }
}
