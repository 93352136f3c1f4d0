// The out-of-fold predictions of a session's runs, kept on disk beside the store
// (`.mlexp/oof/<run id>.json`, written atomically) so that a session resumed after a crash has them
// back without training again: its paired comparisons and metrics then match an uninterrupted
// session's. Leaves out: tables over `maxRows` rows (their JSON would cost more than it saves; a
// resumed session compares those runs on their stored fold metrics).

public import Foundation

/// Out-of-fold predictions saved per run.
public struct OutOfFoldArchive: Sendable {
    public let folder: URL
    /// Predictions of larger tables are not kept.
    public static let maxRows = 200_000

    /// The archive of `workspace` (`.mlexp/oof/`).
    public init(workspace: URL) {
        folder = workspace.appendingPathComponent(".mlexp/oof", isDirectory: true)
    }

    /// Keeps a run's predictions; a failure only loses the copy (the session goes on).
    public func save(_ artifacts: RunArtifacts) {
        guard artifacts.target.count <= Self.maxRows else { return }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try JSONEncoder().encode(artifacts).write(to: file(artifacts.runID), options: .atomic)
        } catch {}
    }

    /// A run's predictions, when kept.
    public func load(_ runID: String) -> RunArtifacts? {
        guard let data = try? Data(contentsOf: file(runID)) else { return nil }
        return try? JSONDecoder().decode(RunArtifacts.self, from: data)
    }

    private func file(_ runID: String) -> URL {
        folder.appendingPathComponent(runID.filter { $0.isLetter || $0.isNumber } + ".json")
    }
}
