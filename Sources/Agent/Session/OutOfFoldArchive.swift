// The out-of-fold predictions of a session's runs, kept on disk beside the store
// (`.mlexp/oof/<run id>.json`, written atomically) so that a session resumed after a crash has them
// back without training again: its paired comparisons and metrics then match an uninterrupted
// session's. Runs over `maxRows` rows are kept in a binary file instead of JSON
// (RunArtifacts+Binary.swift): the session then keeps them only here and reads them back when a tool
// asks for them.

public import Foundation

/// Out-of-fold predictions saved per run.
public struct OutOfFoldArchive: Sendable {
    public let folder: URL
    /// Predictions of larger tables are kept in binary.
    public static let maxRows = 200_000

    /// The archive of `workspace` (`.mlexp/oof/`).
    public init(workspace: URL) {
        folder = workspace.appendingPathComponent(".mlexp/oof", isDirectory: true)
    }

    /// Keeps a run's predictions; a failure only loses the copy (the session goes on).
    /// - Returns: whether the copy was written.
    @discardableResult
    public func save(_ artifacts: RunArtifacts) -> Bool {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            if Self.isLarge(artifacts) {
                try artifacts.writeBinary(to: file(artifacts.runID, binary: true))
            } else {
                try JSONEncoder().encode(artifacts).write(to: file(artifacts.runID, binary: false), options: .atomic)
            }
            return true
        } catch {
            return false
        }
    }

    /// A run's predictions, when kept.
    public func load(_ runID: String) -> RunArtifacts? {
        if let large = RunArtifacts.readBinary(from: file(runID, binary: true)) { return large }
        guard let data = try? Data(contentsOf: file(runID, binary: false)) else { return nil }
        return try? JSONDecoder().decode(RunArtifacts.self, from: data)
    }

    /// Whether `artifacts` go to a binary file (and leave the session's memory once kept).
    public static func isLarge(_ artifacts: RunArtifacts) -> Bool { artifacts.target.count > maxRows }

    private func file(_ runID: String, binary: Bool) -> URL {
        folder.appendingPathComponent(runID.filter { $0.isLetter || $0.isNumber } + (binary ? ".bin" : ".json"))
    }
}
