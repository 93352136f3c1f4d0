// Which session `--resume` continues (`run` and `chat`): the transcript named, else the newest
// unfinished one in the transcripts folder (of the data file and target when given); and the recorder
// that goes on writing it. Wiring only: SessionResume does the work.

import Agent
import ArgumentParser
import Foundation
import Languages

enum ResumeChoice {
    /// The session to resume. `file` may name a transcript (.jsonl); a data file narrows the search.
    /// - Returns: nil when `file` is a data file and no unfinished session of it is found (a new one starts).
    static func find(file: String?, target: String?, command: String, workspace: Workspace, folder: String?)
        throws -> SessionResume?
    {
        let transcripts =
            folder.map { URL(fileURLWithPath: $0, relativeTo: workspace.root).standardizedFileURL }
            ?? workspace.root.appendingPathComponent("transcripts")
        if let file, file.hasSuffix(".jsonl") {
            let url = URL(fileURLWithPath: file, relativeTo: workspace.root).standardizedFileURL
            do { return try SessionResume(url: url) } catch {
                throw ValidationError("Cannot resume \(file): \(error.description)")
            }
        }
        if let found = SessionResume.latest(in: transcripts, command: command, data: file, target: target) {
            return found
        }
        guard file != nil else {
            throw ValidationError(
                "No unfinished \(command) session in \(transcripts.path). `mlexp runs --sessions` lists the sessions; name a transcript with --resume FILE.jsonl."
            )
        }
        FileHandle.standardError.write(
            Data("No unfinished session of \(file ?? "") to resume; starting a new one.\n".utf8))
        return nil
    }

    /// The recorder that appends to the resumed transcript (nil, said on stderr, when it cannot be opened).
    static func recorder(_ resumed: SessionResume, workspace: Workspace, terminal: Terminal) -> TranscriptRecorder? {
        do {
            let writer = try TranscriptWriter(appendingTo: resumed.url)
            return TranscriptRecorder(
                resuming: resumed.transcript, writer: writer, workspace: workspace, pending: resumed.pending)
        } catch {
            terminal.error("The resumed session is not recorded: \(error.description)")
            return nil
        }
    }

    /// "Resuming titanic.csv → survived from transcripts/….jsonl: 14 messages, 1 call to run again."
    static func banner(_ resumed: SessionResume, language: Language) -> String {
        let h = resumed.transcript.header
        let what = [h.data, h.target].compactMap { $0 }.joined(separator: " → ")
        let n = resumed.history.count
        let p = resumed.pending.count
        return SessionMessage.resuming(what: what, file: resumed.url.lastPathComponent, messages: n, calls: p).text(
            language)
    }
}
