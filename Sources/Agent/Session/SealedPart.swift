// Where a session keeps its sealed test rows. They are read once, when the chosen run is evaluated on
// the test split, yet held in memory they weigh a fifth of the table through every fit of the session.
// A large part is therefore written to `.mlexp/sealed/<dataset id>.bin` (DatasetArchive) at load and
// read back when asked for; a small one, or one whose file could not be written, stays in memory.
// Leaves out: deciding the rows (SealedTestSplit) and who may evaluate them (compute_metrics).

public import Foundation
public import MLCore

/// The sealed test rows of a loaded dataset.
public enum SealedPart: Sendable {
    case inMemory(Dataset)
    /// Kept in a file: its URL and the part's provenance, restored when read back.
    case onDisk(URL, rows: Int, source: String?, readingNotes: [String])

    /// Parts with more cells than this go to disk (a million-row table's fifth: 200,000 × 20 = 4 M cells).
    public static let spillCells = 1_000_000

    /// Keeps `part`: on disk under `workspace` when it has more than `spillCells` cells and the file is
    /// written, else in memory.
    public static func keep(_ part: Dataset, datasetID: String, workspace: URL, spillCells: Int = spillCells)
        -> SealedPart
    {
        guard part.rowCount * part.columnCount > spillCells else { return .inMemory(part) }
        let folder = workspace.appendingPathComponent(".mlexp/sealed", isDirectory: true)
        let url = folder.appendingPathComponent(datasetID.filter { $0.isLetter || $0.isNumber || $0 == "_" } + ".bin")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try DatasetArchive.write(part, to: url)
        } catch {
            return .inMemory(part)  // a full disk costs memory, not the session
        }
        return .onDisk(url, rows: part.rowCount, source: part.source, readingNotes: part.readingNotes)
    }

    /// The test rows as a dataset. - Throws: `ToolError` when the file was removed or damaged since.
    public func dataset() throws(ToolError) -> Dataset {
        switch self {
        case .inMemory(let dataset): return dataset
        case .onDisk(let url, let rows, let source, let notes):
            guard var dataset = DatasetArchive.read(from: url), dataset.rowCount == rows else {
                throw ToolError(
                    "the sealed test rows kept in \(url.path) are missing or damaged; call load_data again to cut the split anew."
                )
            }
            dataset.source = source
            dataset.readingNotes = notes
            return dataset
        }
    }

    /// Rows in the part.
    public var rowCount: Int {
        switch self {
        case .inMemory(let dataset): dataset.rowCount
        case .onDisk(_, let rows, _, _): rows
        }
    }
}
