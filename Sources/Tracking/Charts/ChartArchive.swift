// Charts kept with their run in the workspace: `.mlexp/charts/<run id>/<kind>.json`, each a Chart
// value as JSON, so the notebook and HTML exports can show what the agent looked at (importance,
// SHAP, confusion matrix…) without re-running anything. Writes are atomic (temp file + rename).
// Leaves out: drawing (the exports render the stored values) and pruning old charts.
public import Foundation

/// The charts saved for the runs of one workspace.
public struct ChartArchive: Sendable {
    /// `<workspace>/.mlexp/charts`.
    public let folder: URL

    /// The archive of a workspace (the current directory when nil).
    public init(workspace: URL? = nil) {
        let root = workspace ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        folder = root.appendingPathComponent(".mlexp/charts", isDirectory: true)
    }

    /// Saves `chart` for `runID`, replacing an earlier chart of the same kind.
    /// - Returns: the file written.
    @discardableResult
    public func save(_ chart: Chart, runID: String) throws(TrackingError) -> URL {
        let dir = folder.appendingPathComponent(try Self.safe(runID, what: "run id"), isDirectory: true)
        let file = dir.appendingPathComponent(try Self.safe(chart.kind, what: "chart kind") + ".json")
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            try encoder.encode(chart).write(to: file, options: .atomic)
        } catch {
            throw TrackingError(
                .io,
                "Cannot save the \(chart.kind) chart of run \(runID) to \(file.path): \(error.localizedDescription).")
        }
        return file
    }

    /// The charts saved for `runID`, by kind name; none when the run has no chart.
    /// A file that does not decode is skipped (it is reported by `problems`).
    public func charts(runID: String) -> [Chart] {
        load(runID).compactMap { try? $0.get() }
    }

    /// Files of `runID` that could not be read as charts, with why.
    public func problems(runID: String) -> [String] {
        load(runID).compactMap { r in
            if case .failure(let e) = r { return e.message }
            return nil
        }
    }

    private func load(_ runID: String) -> [Result<Chart, TrackingError>] {
        guard let safe = try? Self.safe(runID, what: "run id") else { return [] }
        let dir = folder.appendingPathComponent(safe, isDirectory: true)
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [])
            .filter { $0.hasSuffix(".json") }.sorted()
        return files.map { name in
            let url = dir.appendingPathComponent(name)
            do {
                return .success(try JSONDecoder().decode(Chart.self, from: Data(contentsOf: url)))
            } catch {
                return .failure(
                    TrackingError(
                        .encoding,
                        "Chart file \(url.path) is not a chart (\(error.localizedDescription)); delete it or save the chart again."
                    ))
            }
        }
    }

    /// `name` when it is a safe file name (letters, digits, '-', '_', '.'), else an error.
    static func safe(_ name: String, what: String) throws(TrackingError) -> String {
        let ok =
            !name.isEmpty && name.count <= 100 && !name.hasPrefix(".")
            && name.unicodeScalars.allSatisfy {
                CharacterSet.alphanumerics.contains($0) || "-_.".unicodeScalars.contains($0)
            }
        guard ok, name.unicodeScalars.allSatisfy(\.isASCII) else {
            throw TrackingError(
                .invalidInput, "The \(what) '\(name)' cannot name a file; use letters, digits, '-', '_' or '.'.")
        }
        return name
    }
}
