// Resuming a session after a crash, a closed laptop or a server that went away. The conversation is
// rebuilt from the transcript up to its last complete step; the calls of the last answer whose results
// were never recorded are run again (AgentLoop.resume). Nothing recorded runs again: the session's
// memory comes back from what it left on disk (datasets loaded again by its own load_data calls, the
// out-of-fold predictions from OutOfFoldArchive), and what the interrupted step stored but never
// reported (a run, a log entry) is discarded, since that step runs again. So an Autopilot session
// resumed reaches the same log as an uninterrupted one. Leaves out: the CLI (RunCommand, ChatCommand).

public import Foundation
public import LLMClient
public import Tracking

/// Where an interrupted session stands, read from its transcript.
public struct SessionResume: Sendable {
    public let url: URL
    public let transcript: Transcript
    /// The messages after the system prompt, up to the last recorded one.
    public let history: [ChatMessage]
    /// Calls of the last answer with no recorded result: they run again first.
    public let pending: [ToolCall]

    /// Reads `url`.
    public init(url: URL) throws(TranscriptError) {
        self.url = url
        transcript = try Transcript.read(url)
        let messages = transcript.messages.map(\.message).filter { $0.role != .system }
        var answered = Set<String>()
        for m in messages where m.role == .tool { if let id = m.toolCallID { answered.insert(id) } }
        // A cut answer cannot be kept half: everything after the last assistant message with calls is
        // whole (tool results are recorded one by one).
        if let last = messages.lastIndex(where: { $0.role == .assistant }) {
            pending = messages[last].toolCalls.filter { !answered.contains($0.id) }
        } else {
            pending = []
        }
        history = messages
    }

    /// The session's id (from the header, else from the runs its results name).
    public func sessionID(store: RunStore) -> String? {
        if let id = transcript.header.session { return id }
        for id in reportedRunIDs { if let run = try? store.get(id), let s = run.sessionID { return s } }
        return nil
    }

    /// The recorded session ended with an answer: nothing left to do.
    public var isFinished: Bool {
        guard pending.isEmpty, let last = history.last, last.role == .assistant, last.toolCalls.isEmpty else {
            return false
        }
        // A turn that stopped (model error, limit, Ctrl-C) after its last answer is unfinished.
        if let stop = transcript.events.lastIndex(where: { if case .stopped = $0 { true } else { false } }),
            let answer = transcript.events.lastIndex(where: {
                if case .message(let m) = $0 { m.message.role == .assistant } else { false }
            })
        {
            return stop < answer
        }
        return true
    }

    /// Whether the session's first message reached the transcript (else it starts from the beginning).
    public var hasStarted: Bool { history.contains { $0.role == .user } }

    /// Whether the transcript has no end line (the process died).
    public var wasKilled: Bool {
        if case .end? = transcript.events.last { false } else { true }
    }

    /// Run ids named in the recorded tool results.
    var reportedRunIDs: Set<String> {
        var ids = Set<String>()
        for m in history where m.role == .tool {
            for match in (m.content ?? "").matches(of: /\br\d{4,}\b/) { ids.insert(String(match.output)) }
        }
        return ids
    }

    /// Experiment numbers the recorded append_log results name ("experiment #3").
    var reportedEntries: Set<Int> {
        var numbers = Set<Int>()
        for m in history where m.role == .tool {
            for match in (m.content ?? "").matches(of: /"written":\s*"experiment #(\d+)"/) {
                if let n = Int(match.output.1) { numbers.insert(n) }
            }
        }
        return numbers
    }

    /// Brings the session's memory back and discards what the interrupted step left half-done.
    /// - Returns: notes for the person (what was discarded), in English.
    public func restore(into context: ToolContext, tools: any ToolExecuting) async -> [String] {
        var notes: [String] = []
        let session = context.session.id
        // What the last step stored but never reported runs again: drop its runs and log entries.
        if let mine = try? context.store.list(session: session) {
            let orphans = mine.map(\.id).filter { !reportedRunIDs.contains($0) }.sorted()
            if !orphans.isEmpty, (try? context.store.discard(orphans)) != nil {
                notes.append(
                    "discarded run(s) \(orphans.joined(separator: ", ")) that the interrupted step never reported")
            }
        }
        if let removed = try? context.log.removeEntries(of: session, keeping: reportedEntries), !removed.isEmpty {
            notes.append(
                "removed unrecorded log entr\(removed.count == 1 ? "y" : "ies") #\(removed.map(String.init).joined(separator: ", #"))"
            )
        }
        // The datasets its load_data calls loaded (the same seeded split), read again.
        let results = Dictionary(
            history.filter { $0.role == .tool }.compactMap { m in m.toolCallID.map { ($0, m.content ?? "") } },
            uniquingKeysWith: { a, _ in a })
        for call in history.flatMap(\.toolCalls) where call.name == "load_data" {
            guard let result = results[call.id], !result.hasPrefix(#"{"error""#) else { continue }
            _ = await tools.execute(call)
        }
        // The out-of-fold predictions of its runs, oldest first.
        let archive = OutOfFoldArchive(workspace: context.workspace.root)
        for run in ((try? context.store.list(session: session)) ?? []).reversed() {
            if let artifacts = archive.load(run.id) {
                context.session.recordRun(artifacts, archivedIn: OutOfFoldArchive.isLarge(artifacts) ? archive : nil)
            }
        }
        return notes
    }

    /// The newest transcript in `folder` of an unfinished session, optionally of one command, data file
    /// and target; when every one has finished, the newest finished one (nothing to resume); nil when
    /// there is none.
    public static func latest(in folder: URL, command: String?, data: String?, target: String?) -> SessionResume? {
        var finished: SessionResume?
        for url in transcripts(in: folder).reversed() {
            guard let resume = try? SessionResume(url: url) else { continue }
            let h = resume.transcript.header
            if let command, h.command != command { continue }
            if let data, h.data != data { continue }
            if let target, h.target != target { continue }
            if !resume.isFinished { return resume }
            if finished == nil { finished = resume }
        }
        return finished
    }

    /// The `.jsonl` files of `folder`, oldest first (their names start with the time).
    public static func transcripts(in folder: URL) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".jsonl") }.sorted().map { folder.appendingPathComponent($0) }
    }
}
