// `mlexp export notebook|html|wandb`: hands the session on as a Jupyter notebook (nbformat 4.5, charts
// as Vega-Lite with SVG fallback), as one self-contained HTML report, or as a script for Weights &
// Biases (ExportWandbCommand). Wiring only: the layout lives in Tracking/Export.
import ArgumentParser
import Foundation
import Tracking

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export the session for Jupyter, as an HTML report, or for Weights & Biases.",
        subcommands: [ExportNotebookCommand.self, ExportHTMLCommand.self, ExportWandbCommand.self])
}

struct ExportNotebookCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notebook",
        abstract:
            "Write a Jupyter notebook of the session: context, each experiment with its runs, charts and reproduction code, the decision."
    )

    @OptionGroup var options: RunStoreOptions
    @Option(name: .long, help: "The notebook file to write (default: EXPERIMENTS.ipynb in the workspace).")
    var out: String?
    @Option(help: ExportFile.problemHelp) var problem: String?

    func run() async throws {
        for (key, report) in try SessionReport.loadAll(workspace: options.workspaceURL, problem: problem) {
            let notebook = NotebookBuilder.notebook(report, generator: "mlexp \(MLExp.configuration.version)")
            let file = try ExportFile.write(
                notebook.serialized(), to: out, default: "EXPERIMENTS.ipynb", problem: key,
                workspace: options.workspaceURL)
            print(ExportFile.summary(file, report))
        }
    }
}

struct ExportHTMLCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "html",
        abstract: "Write the session as one self-contained HTML report (inline SVG charts, no external files).")

    @OptionGroup var options: RunStoreOptions
    @Option(name: .long, help: "The HTML file to write (default: EXPERIMENTS.html in the workspace).")
    var out: String?
    @Option(help: ExportFile.problemHelp) var problem: String?

    func run() async throws {
        for (key, report) in try SessionReport.loadAll(workspace: options.workspaceURL, problem: problem) {
            let file = try ExportFile.write(
                HTMLReport.html(report), to: out, default: "EXPERIMENTS.html", problem: key,
                workspace: options.workspaceURL)
            print(ExportFile.summary(file, report))
        }
    }
}

enum ExportFile {
    static let problemHelp = ArgumentHelp(
        "In a log of several problems, export only this one (its data file, e.g. mpg.csv); by default each problem gets its own file, named after it."
    )

    /// Writes `text` atomically to `path` (relative to the current folder), or to `name` in the workspace;
    /// a problem's file is named after it ("EXPERIMENTS-mpg-hwy.html").
    static func write(
        _ text: String, to path: String?, default name: String, problem: ProblemKey? = nil, workspace: URL
    )
        throws -> URL
    {
        var url = path.map { URL(fileURLWithPath: $0) } ?? workspace.appendingPathComponent(name)
        if let problem {
            let stem = ((problem.dataset as NSString).lastPathComponent as NSString).deletingPathExtension
            let slug = ([stem] + (problem.target.map { [$0] } ?? [])).joined(separator: "-")
                .map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "-" }
            let ext = url.pathExtension
            let base = url.deletingPathExtension()
            url = base.deletingLastPathComponent().appendingPathComponent(base.lastPathComponent + "-" + String(slug))
                .appendingPathExtension(ext)
        }
        do {
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw TrackingError(
                .io,
                "Cannot write \(url.path) (\(error.localizedDescription)). Check that the folder exists and is writable, or pass --out FILE."
            )
        }
        return url
    }

    static func summary(_ file: URL, _ report: SessionReport) -> String {
        let charts = report.experiments.map(\.charts.count).reduce(0, +) + (report.overview == nil ? 0 : 1)
        var s =
            "Wrote \(file.path): \(report.experiments.count) experiment(s), \(report.runs.count) run(s), \(charts) chart(s)."
        if !report.missingRuns.isEmpty {
            s += " The log cites runs missing from the store: \(report.missingRuns.joined(separator: ", "))."
        }
        return s
    }
}
