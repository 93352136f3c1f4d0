// The folder the assistant may read and write: every path a tool receives is resolved here and
// refused when it leaves the folder (a `..` component, an absolute path elsewhere, a symlink that
// points outside). Leaves out: permissions beyond that (the OS decides).

public import Foundation

/// The workspace folder and the confinement of paths to it.
public struct Workspace: Sendable, Equatable {
    /// The folder, with symlinks resolved.
    public let root: URL

    /// - Parameter root: the folder (created when missing is not this type's job; it must exist).
    public init(root: URL) {
        self.root = root.standardizedFileURL.resolvingSymlinksInPath()
    }

    /// The current directory as a workspace.
    public static func current() -> Workspace {
        Workspace(root: URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true))
    }

    /// The URL of `path` inside the workspace.
    /// - Throws: `ToolError` when the path is empty, has a `..` component, or resolves (symlinks included)
    ///   outside the workspace.
    public func resolve(_ path: String) throws(ToolError) -> URL {
        let trimmed = path.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw ToolError("the path is empty; give a file name inside the workspace.") }
        guard !trimmed.split(separator: "/").contains("..") else {
            throw ToolError(
                "the path '\(trimmed)' contains '..'; only files inside the workspace (\(root.path)) can be used. "
                    + "Give a path relative to it.")
        }
        let candidate =
            trimmed.hasPrefix("/")
            ? URL(fileURLWithPath: trimmed) : root.appendingPathComponent(trimmed)
        let resolved = candidate.standardizedFileURL.resolvingSymlinksInPath()
        guard contains(resolved) else {
            let how = trimmed.hasPrefix("/") ? "is outside" : "leads outside (through a symbolic link)"
            throw ToolError(
                "the path '\(trimmed)' \(how) the workspace (\(root.path)); only files inside it can be used.")
        }
        return resolved
    }

    /// The path of `url` relative to the root, for messages and logs.
    public func relativePath(of url: URL) -> String {
        let p = url.standardizedFileURL.path, r = root.path
        if p == r { return "." }
        return p.hasPrefix(r + "/") ? String(p.dropFirst(r.count + 1)) : p
    }

    /// The names of the CSV/TSV files at the top of the workspace, for "file not found" messages.
    public func dataFiles() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return names.filter { $0.lowercased().hasSuffix(".csv") || $0.lowercased().hasSuffix(".tsv") }.sorted()
    }

    private func contains(_ url: URL) -> Bool {
        let p = url.path, r = root.path
        return p == r || p.hasPrefix(r.hasSuffix("/") ? r : r + "/")
    }
}
