// The experiment log of a workspace: entries live in a structured sidecar (`.mlexp/log.json`), and
// EXPERIMENTS.md is re-rendered from it after every change. Several sessions may share a workspace,
// each writing under its own problem (LogProblem.swift): every change re-reads the sidecar under the
// lock, changes its own problem and writes the whole back, so concurrent sessions never lose an entry. Both files are replaced atomically
// (temp file, fsync, rename) under a cross-process lock, so entries are never lost, duplicated or
// reordered, also after a crash. Leaves out checking the numbers (ExperimentLog+Verify.swift).
public import Foundation
public import Languages

/// The experiment log of one workspace.
public struct ExperimentLog: Sendable {
    /// The Markdown file people read (`<workspace>/EXPERIMENTS.md`).
    public let markdownPath: String
    /// The structured sidecar, the source of truth (`<workspace>/.mlexp/log.json`).
    public let sidecarPath: String
    private let lockPath: String
    /// The language used when the log is created.
    public let defaultLanguage: Language

    /// The log of a workspace (the current directory when nil).
    /// - Parameter language: the headings' language when the log does not exist yet; an existing
    ///   log keeps its own (change it with `setLanguage`).
    public init(workspace: URL? = nil, language: Language = .en) {
        let root = workspace ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        markdownPath = root.appendingPathComponent("EXPERIMENTS.md").path
        let hidden = root.appendingPathComponent(".mlexp", isDirectory: true)
        sidecarPath = hidden.appendingPathComponent("log.json").path
        lockPath = hidden.appendingPathComponent("log.lock").path
        defaultLanguage = language
    }

    /// The log as stored (an empty one in the default language when there is none yet).
    public func read() throws(TrackingError) -> LogDocument {
        guard FileManager.default.fileExists(atPath: sidecarPath) else { return LogDocument(language: defaultLanguage) }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: sidecarPath))
        } catch {
            throw TrackingError(.io, "Cannot read the experiment log \(sidecarPath): \(error.localizedDescription).")
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do {
            return try decoder.decode(LogDocument.self, from: data)
        } catch {
            throw TrackingError(
                .encoding,
                "The experiment log \(sidecarPath) is not valid: \(error). Restore it from version control or move it aside."
            )
        }
    }

    /// The Markdown of the log as it stands.
    public func markdown() throws(TrackingError) -> String { LogRenderer.markdown(try read()) }

    /// The Markdown of the entries that report on a run (listed in their run ids or cited in their
    /// text), e.g. to attach to the run in MLflow; nil when no entry mentions it.
    public func markdown(citing runID: String) throws(TrackingError) -> String? {
        let document = try read()
        let entries = document.problems.flatMap(\.entries).filter { entry in
            entry.runIDs.contains(runID)
                || [entry.approach, entry.result, entry.analysis].contains { runIDs(in: $0).contains(runID) }
        }
        guard !entries.isEmpty else { return nil }
        let h = LogRenderer.headings(document.language)
        return entries.map { LogRenderer.entryLines($0, h).joined(separator: "\n") }.joined(separator: "\n\n") + "\n"
    }

    /// Sets (or replaces) the Context section of a problem.
    /// - Parameter key: the problem (created when new); nil for the log's first problem.
    public func setContext(_ context: LogContext, for key: ProblemKey? = nil) throws(TrackingError) {
        try modify { $0.problems[$0.index(of: key)].context = context }
    }

    /// Changes the headings' language.
    public func setLanguage(_ language: Language) throws(TrackingError) {
        try modify { $0.language = language }
    }

    /// Appends one experiment to a problem (nil: the first); the log numbers it within that problem.
    /// - Returns: the entry as written (with its number and time).
    /// - Throws: `.invalidInput` when the title or a section is empty.
    @discardableResult
    public func append(_ entry: LogEntry, to key: ProblemKey? = nil) throws(TrackingError) -> LogEntry {
        let missing = [
            ("title", entry.title), ("hypothesis", entry.hypothesis), ("approach", entry.approach),
            ("result", entry.result), ("analysis", entry.analysis), ("next", entry.next),
        ].filter { $0.1.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }.map(\.0)
        guard missing.isEmpty else {
            throw TrackingError(
                .invalidInput,
                "A log entry needs every section; missing: \(missing.joined(separator: ", ")). Fill them in and append again."
            )
        }
        var written = entry
        try modify { document in
            let i = document.index(of: key)
            written.number = (document.problems[i].entries.map(\.number).max() ?? 0) + 1
            written.createdAt = Date()
            document.problems[i].entries.append(written)
        }
        return written
    }

    /// Records a problem's final decision (replacing an earlier one); nil key: the first problem.
    public func setDecision(_ decision: String, for key: ProblemKey? = nil) throws(TrackingError) {
        try modify { $0.problems[$0.index(of: key)].decision = decision }
    }

    /// Removes the entries `session` wrote whose number is not in `kept` (what a session killed between
    /// writing an entry and recording it left behind; the resumed session writes it again).
    /// - Returns: the numbers removed.
    @discardableResult
    public func removeEntries(of session: String, keeping kept: Set<Int>) throws(TrackingError) -> [Int] {
        var removed: [Int] = []
        try modify { document in
            for i in document.problems.indices {
                let drop = document.problems[i].entries.filter { $0.session == session && !kept.contains($0.number) }
                removed += drop.map(\.number)
                document.problems[i].entries.removeAll { $0.session == session && !kept.contains($0.number) }
            }
        }
        return removed
    }

    /// Writes EXPERIMENTS.md again from the sidecar (repairs a Markdown file a crash left stale).
    public func render() throws(TrackingError) {
        try modify { _ in }
    }

    /// Read, change and write back the log under the lock, sidecar first, then the Markdown.
    private func modify(_ change: (inout LogDocument) -> Void) throws(TrackingError) {
        let folder = (sidecarPath as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw TrackingError(.io, "Cannot create \(folder): \(error.localizedDescription).")
        }
        try FileLock.withLock(lockPath) { () throws(TrackingError) in
            var document = try read()
            change(&document)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            encoder.dateEncodingStrategy = .iso8601
            let json: Data
            do {
                json = try encoder.encode(document)
            } catch {
                throw TrackingError(.encoding, "Cannot encode the experiment log: \(error).")
            }
            AtomicFile.removeStale(for: sidecarPath)
            AtomicFile.removeStale(for: markdownPath)
            try AtomicFile.write(json, to: sidecarPath)
            try AtomicFile.write(Data(LogRenderer.markdown(document).utf8), to: markdownPath)
        }
    }
}
