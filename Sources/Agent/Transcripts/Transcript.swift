// A transcript read back from its file: the header, the events in order, and the views replay needs
// (the user turns, each with the assistant and tool messages that followed it). A last line cut by a
// crash is dropped with a note; any other unreadable line, a missing header or an unsupported version
// is an error naming what is wrong and the versions this build reads. Leaves out: playing it back.

public import Foundation
import LLMClient

/// A transcript file, parsed.
public struct Transcript: Sendable {
    public var header: TranscriptHeader
    public var events: [TranscriptEvent]
    /// Notes about the file (a cut last line, no end line).
    public var notes: [String] = []

    /// One user message and what followed it until the next one.
    public struct Turn: Sendable {
        public var user: RecordedMessage
        /// Assistant and tool messages, in order.
        public var replies: [RecordedMessage]
        /// Set when the recorded turn ended without an answer.
        public var stopReason: String?
    }

    /// Reads and parses the file at `url`.
    /// - Throws: `TranscriptError` for an unreadable file, a missing or foreign header, an unsupported
    ///   version, or a malformed line (with its number).
    public static func read(_ url: URL) throws(TranscriptError) -> Transcript {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw TranscriptError(
                "cannot read \(url.path): \(error.localizedDescription). Give the path of a .jsonl transcript.")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw TranscriptError("\(url.path) is not UTF-8 text, so not a transcript.")
        }
        return try parse(text, name: url.path)
    }

    /// Parses transcript text.
    public static func parse(_ text: String, name: String = "the transcript") throws(TranscriptError) -> Transcript {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let endsWithNewline = lines.last == ""
        while lines.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { lines.removeLast() }
        let supported = TranscriptFormat.supportedVersions.map(String.init).joined(separator: ", ")
        guard let first = lines.first else {
            throw TranscriptError("\(name) is empty; a transcript starts with a header line.")
        }
        let header: TranscriptHeader
        switch try? TranscriptEvent(line: first) {
        case .header(let h)?: header = h
        default:
            throw TranscriptError(
                "\(name) does not start with an \(TranscriptFormat.name) header line; it is not a transcript "
                    + "(supported format versions: \(supported)).")
        }
        guard TranscriptFormat.supportedVersions.contains(header.version) else {
            throw TranscriptError(
                "\(name) is a version \(header.version) transcript; this mlexp reads versions \(supported). "
                    + "Replay it with the mlexp that wrote it (\(header.mlexpVersion)).")
        }
        var transcript = Transcript(header: header, events: [.header(header)])
        for (i, line) in lines.enumerated().dropFirst() {
            do {
                transcript.events.append(try TranscriptEvent(line: line))
            } catch {
                if i == lines.count - 1 && !endsWithNewline {
                    transcript.notes.append(
                        "the last line was cut (the session was interrupted while writing); it is ignored.")
                } else {
                    throw TranscriptError(
                        "line \(i + 1) of \(name) is not a valid transcript event: \(error.description).")
                }
            }
        }
        if case .end? = transcript.events.last {
        } else {
            transcript.notes.append(
                "the transcript has no end line: the session was interrupted; replaying what was recorded.")
        }
        return transcript
    }

    /// Every recorded message, in order.
    public var messages: [RecordedMessage] {
        events.compactMap { if case .message(let m) = $0 { m } else { nil } }
    }

    /// The recorded system prompt, if any.
    public var systemPrompt: String? {
        messages.first { $0.message.role == .system }?.message.content
    }

    /// Datasets of the header and of dataset lines, once each.
    public var datasets: [TranscriptDataset] {
        var seen: Set<String> = []
        var out: [TranscriptDataset] = []
        for e in events {
            let d: [TranscriptDataset]
            switch e {
            case .header(let h): d = h.datasets
            case .dataset(let x, _): d = [x]
            default: d = []
            }
            for x in d where seen.insert(x.path).inserted { out.append(x) }
        }
        return out
    }

    /// The user turns with their replies.
    public var turns: [Turn] {
        var out: [Turn] = []
        for e in events {
            switch e {
            case .message(let m) where m.message.role == .user:
                out.append(Turn(user: m, replies: []))
            case .message(let m) where m.message.role == .assistant || m.message.role == .tool:
                if !out.isEmpty { out[out.count - 1].replies.append(m) }
            case .stopped(let reason, _, _):
                if !out.isEmpty { out[out.count - 1].stopReason = reason }
            default: break
            }
        }
        return out
    }

    /// Milliseconds the recorded session lasted (the last event's time).
    public var durationMS: Int {
        events.reduce(0) { last, e in
            switch e {
            case .message(let m): max(last, m.elapsedMS)
            case .dataset(_, let ms), .stopped(_, _, let ms), .end(let ms): max(last, ms)
            case .header: last
            }
        }
    }

    /// Total time the recorded tools ran, in milliseconds.
    public var toolMS: Int { messages.compactMap(\.durationMS).reduce(0, +) }
}
