// The fresh workspace a replay runs in: a new folder holding a copy of every dataset the recording
// used, at the same relative path, so the tools find them and nothing of the user's workspace (its run
// store, its log) is touched. Each dataset is looked for where the recording had it, then relative to
// the transcript (its folder, the folder above a `transcripts/` folder, and their `datasets/`), then in
// the current folder; its fingerprint is checked against the recording's. Leaves out: running anything.

public import Foundation

/// Prepares the folder a replay runs in.
public enum ReplayWorkspace {
    /// Copies the recording's datasets into `root` (created when missing).
    /// - Returns: one note per dataset whose content differs from the recording (its results will differ).
    /// - Throws: `TranscriptError` when a dataset cannot be found or copied (with the places searched).
    public static func prepare(
        _ transcript: Transcript, transcriptURL: URL, into root: URL,
        currentDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    ) throws(TranscriptError) -> [String] {
        let fm = FileManager.default
        do { try fm.createDirectory(at: root, withIntermediateDirectories: true) } catch {
            throw TranscriptError("cannot create the replay folder \(root.path): \(error.localizedDescription)")
        }
        var notes: [String] = []
        for d in transcript.datasets {
            let candidates = places(
                for: d.path, transcript: transcript, transcriptURL: transcriptURL, cwd: currentDirectory)
            let found =
                candidates.first { DatasetFingerprint.of($0)?.hex == d.fingerprint }
                ?? candidates.first { fm.isReadableFile(atPath: $0.path) }
            guard let source = found else {
                throw TranscriptError(
                    "the dataset \(d.path) of the recording is not found; looked at "
                        + candidates.map(\.path).joined(separator: ", ")
                        + ". Put the file next to the transcript (or run replay from the recording's workspace).")
            }
            let destination = root.appendingPathComponent(d.path)
            do {
                try fm.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
                if fm.fileExists(atPath: destination.path) { try fm.removeItem(at: destination) }
                try fm.copyItem(at: source, to: destination)
            } catch {
                throw TranscriptError(
                    "cannot copy \(source.path) into the replay folder: \(error.localizedDescription)")
            }
            if let now = DatasetFingerprint.of(source), now.hex != d.fingerprint, !d.fingerprint.isEmpty {
                notes.append(
                    "dataset \(d.path) (\(source.path)) differs from the recorded one: fingerprint \(now.hex), "
                        + "recorded \(d.fingerprint) (\(now.bytes) bytes now, \(d.bytes) then)")
            }
        }
        return notes
    }

    /// Where a dataset of the recording may be now, most likely first, without duplicates.
    static func places(for path: String, transcript: Transcript, transcriptURL: URL, cwd: URL) -> [URL] {
        let folder = transcriptURL.deletingLastPathComponent().standardizedFileURL
        var bases: [URL] = []
        if !transcript.header.workspace.isEmpty { bases.append(URL(fileURLWithPath: transcript.header.workspace)) }
        bases.append(folder)
        if folder.lastPathComponent == "transcripts" { bases.append(folder.deletingLastPathComponent()) }
        bases.append(cwd)
        let name = (path as NSString).lastPathComponent
        var out: [URL] = []
        for base in bases {
            for candidate in [
                base.appendingPathComponent(path), base.appendingPathComponent("datasets").appendingPathComponent(name),
            ]
            where !out.contains(candidate.standardizedFileURL) {
                out.append(candidate.standardizedFileURL)
            }
        }
        return out
    }
}
