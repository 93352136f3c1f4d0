// The transcript file format (JSONL, version 1): a header line, then one event per line. Every line is
// one JSON object with sorted keys, written by `TranscriptEvent.line` and read back by
// `TranscriptEvent(line:)`. Times are whole seconds (ISO 8601, UTC) plus integer milliseconds since the
// session began, so a line holds no fractional number other than the ones the session produced.
// Leaves out: writing files (TranscriptWriter), observing the loop (TranscriptRecorder).

public import Foundation
public import LLMClient

/// The format name and versions this build reads and writes.
public enum TranscriptFormat {
    public static let name = "mlexp-transcript"
    /// The version written.
    public static let version = 1
    /// The versions `replay` can read.
    public static let supportedVersions = [1]
}

/// A dataset the session used, as found at record time.
public struct TranscriptDataset: Sendable, Equatable, Codable {
    /// The path relative to the workspace (as the tools were given it).
    public var path: String
    /// Content hash of the file's bytes (16 hex digits).
    public var fingerprint: String
    public var bytes: Int

    public init(path: String, fingerprint: String, bytes: Int) {
        self.path = path
        self.fingerprint = fingerprint
        self.bytes = bytes
    }
}

/// The first line: what produced the session, without secrets.
public struct TranscriptHeader: Sendable, Equatable {
    public var version = TranscriptFormat.version
    public var mlexpVersion: String
    /// UTC, ISO 8601, whole seconds.
    public var createdAt: String
    /// "run", "chat" or "eval".
    public var command: String
    public var name: String
    /// The model's display name ("autopilot (rule-based, no LLM)", "gemma-3-270m @ 127.0.0.1:8080").
    public var model: String
    /// The endpoint URL without user info or query (nil for a local model).
    public var endpoint: String?
    public var promptVersion: String
    public var language: String
    public var seeds: [Int]
    /// The workspace's absolute path at record time (replay looks for datasets there first).
    public var workspace: String
    /// The data file and target given on the command line, when any.
    public var data: String?
    public var target: String?
    public var goal: String?
    public var datasets: [TranscriptDataset]
    /// How tool calls travelled: "native" or "structured" (nil for a local model such as the Autopilot).
    public var toolCalls: String?
    /// The model's context window, when known.
    public var contextTokens: Int?
    /// The session's id, as its runs and log entries carry it (nil in transcripts of older builds).
    public var session: String?
    /// The target load_data defaults to when a call names none (Session.target; nil in transcripts of
    /// older builds, whose load_data calls had no default).
    public var sessionTarget: String?

    public init(
        mlexpVersion: String, createdAt: Date = Date(), command: String, name: String, model: String,
        endpoint: String?, promptVersion: String, language: String, seeds: [Int], workspace: String,
        data: String? = nil, target: String? = nil, goal: String? = nil, datasets: [TranscriptDataset] = []
    ) {
        self.mlexpVersion = mlexpVersion
        self.createdAt = TranscriptTime.iso(createdAt)
        self.command = command
        self.name = name
        self.model = model
        self.endpoint = endpoint.map(EndpointText.withoutSecrets)
        self.promptVersion = promptVersion
        self.language = language
        self.seeds = seeds
        self.workspace = workspace
        self.data = data
        self.target = target
        self.goal = goal
        self.datasets = datasets
    }
}

/// One recorded message with its timing: the unit the player and the replay compare work on.
public struct RecordedMessage: Sendable, Equatable {
    public var message: ChatMessage
    /// Milliseconds since the session began.
    public var elapsedMS: Int
    public var time: String
    /// Model latency (assistant messages).
    public var latencyMS: Int?
    public var usage: TokenUsage?
    /// For tool messages: the tool's name, whether it failed, and how long it ran.
    public var toolName: String?
    public var isError: Bool?
    public var durationMS: Int?

    public init(
        message: ChatMessage, elapsedMS: Int, time: String, latencyMS: Int? = nil, usage: TokenUsage? = nil,
        toolName: String? = nil, isError: Bool? = nil, durationMS: Int? = nil
    ) {
        self.message = message
        self.elapsedMS = elapsedMS
        self.time = time
        self.latencyMS = latencyMS
        self.usage = usage
        self.toolName = toolName
        self.isError = isError
        self.durationMS = durationMS
    }
}

/// One line of a transcript.
public enum TranscriptEvent: Sendable, Equatable {
    case header(TranscriptHeader)
    case message(RecordedMessage)
    /// A data file the session touched (fingerprinted when first used).
    case dataset(TranscriptDataset, elapsedMS: Int)
    /// A turn ended without an answer (turn limit, model error, cancellation).
    case stopped(reason: String, message: String, elapsedMS: Int)
    /// The session closed normally.
    case end(elapsedMS: Int)
}

/// Times as transcripts write them.
enum TranscriptTime {
    static func iso(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: date)
    }

    static func milliseconds(_ seconds: Double) -> Int {
        seconds.isFinite ? Int((seconds * 1000).rounded()) : 0
    }
}

/// An endpoint URL reduced to scheme, host, port and path: no `user:password@`, no query, no fragment.
public enum EndpointText {
    public static func withoutSecrets(_ url: String) -> String {
        guard var parts = URLComponents(string: url) else { return "(endpoint not shown)" }
        parts.user = nil
        parts.password = nil
        parts.query = nil
        parts.fragment = nil
        return parts.string ?? "(endpoint not shown)"
    }
}
