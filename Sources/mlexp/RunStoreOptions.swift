// The options shared by the commands that read the run store and the log: which workspace.
import ArgumentParser
import Foundation
import Tracking

struct RunStoreOptions: ParsableArguments {
    @Option(name: .long, help: "The workspace folder holding .mlexp/ and EXPERIMENTS.md (default: the current folder).")
    var workspace: String?

    var workspaceURL: URL {
        URL(fileURLWithPath: workspace ?? FileManager.default.currentDirectoryPath, isDirectory: true)
    }

    /// Opens the workspace's run store; says how to get one when it does not exist yet.
    func openStore() throws -> RunStore {
        let file = RunStore.defaultPath(workspace: workspaceURL)
        guard FileManager.default.fileExists(atPath: file.path) else {
            throw TrackingError(
                .invalidInput,
                "No runs in \(workspaceURL.path) yet (no \(file.path)). Train a model first, e.g. `mlexp run FILE --target COL`, or pass --workspace."
            )
        }
        return try RunStore(workspace: workspaceURL)
    }
}

/// Compact number formatting for the run tables.
enum RunsFormat {
    static func number(_ x: Double, digits: Int = 3) -> String {
        x.isFinite ? String(format: "%.\(digits)f", x) : String(x)
    }

    static func metric(_ m: MetricSummary) -> String {
        var text = number(m.mean)
        if let std = m.std { text += " ± " + number(std) }
        if let low = m.ciLow, let high = m.ciHigh { text += " [" + number(low) + ", " + number(high) + "]" }
        return text
    }

    /// Metrics in a stable order: the usual headline metrics first, then the rest alphabetically.
    static func orderedMetricNames(_ names: some Sequence<String>) -> [String] {
        let headline = ["roc_auc", "accuracy", "balanced_accuracy", "f1", "f1_macro", "r2", "rmse", "mae", "log_loss"]
        let all = Set(names)
        return headline.filter(all.contains) + all.subtracting(headline).sorted()
    }

    /// Left-aligned columns separated by two spaces; the last column is not padded.
    static func table(_ rows: [[String]]) -> String {
        guard let width = rows.map(\.count).max() else { return "" }
        let widths = (0..<width).map { c in rows.map { c < $0.count ? $0[c].count : 0 }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { c, cell in
                c == row.count - 1 ? cell : cell.padding(toLength: widths[c], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }

    static func truncate(_ text: String, _ length: Int) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: " ")
        return flat.count <= length ? flat : String(flat.prefix(length - 1)) + "…"
    }
}
