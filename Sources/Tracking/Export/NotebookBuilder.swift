// Lays a SessionReport out as a notebook: title and context; per experiment one Markdown cell with
// hypothesis, approach, result, analysis and next (headings in the log's language), a Markdown table
// of its runs, a code cell whose outputs are its charts (Vega-Lite + SVG + text), a `!mlexp train`
// cell per run and a scikit-learn cell where one can express it; then every run and the decision.
// Leaves out: executing anything (outputs are the stored results, not recomputed).
import Foundation
import Languages

/// Builds the notebook of a session.
public enum NotebookBuilder {
    public static func notebook(_ report: SessionReport, generator: String = "mlexp") -> Notebook {
        let h = LogRenderer.headings(report.language)
        var cells: [Notebook.Cell] = []
        var context = ["# \(h.title)", ""]
        if let c = report.context {
            context += [
                "## \(h.context)", "- **\(h.problem)**: \(c.problem)", "- **\(h.data)**: \(c.data)",
                "- **\(h.metric)**: \(c.metric)",
            ]
        } else {
            context += ["## \(h.context)", h.emptyContext]
        }
        context += ["", note(report)]
        cells.append(.markdown(id: "context", source: context.joined(separator: "\n")))

        for e in report.experiments {
            let n = e.entry.number
            let prose = [
                "## \(h.experiment) #\(n) — \(e.entry.title)", "",
                "- **\(h.hypothesis)**: \(e.entry.hypothesis)",
                "- **\(h.approach)**: \(e.entry.approach)",
                "- **\(h.result)**: \(e.entry.result)",
                "- **\(h.analysis)**: \(e.entry.analysis)",
                "- **\(h.next)**: \(e.entry.next)",
            ]
            cells.append(.markdown(id: Notebook.cellID("exp-\(n)"), source: prose.joined(separator: "\n")))
            if !e.runs.isEmpty {
                cells.append(
                    .markdown(
                        id: Notebook.cellID("exp-\(n)-runs"),
                        source: ReportTables.runs(e.runs, metric: report.mainMetric, language: report.language)))
            }
            if !e.charts.isEmpty {
                let names = e.charts.map(\.title).joined(separator: "; ")
                cells.append(
                    .code(
                        id: Notebook.cellID("exp-\(n)-charts"),
                        source: "# Charts of experiment #\(n), drawn by `mlexp export` from the run store: \(names)",
                        outputs: e.charts.map(Notebook.Display.chart)))
            }
            for run in e.runs {
                cells.append(
                    .code(
                        id: Notebook.cellID("exp-\(n)-cli-\(run.id)"), source: Reproduction.commandLine(run),
                        outputs: []))
                if let py = Reproduction.python(run) {
                    cells.append(.code(id: Notebook.cellID("exp-\(n)-python-\(run.id)"), source: py, outputs: []))
                }
            }
        }

        if !report.runs.isEmpty {
            let title = "## " + ReportWord.allRuns.text(report.language)
            cells.append(
                .markdown(
                    id: "all-runs",
                    source: title + "\n\n"
                        + ReportTables.runs(report.runs, metric: report.mainMetric, language: report.language)))
            if let overview = report.overview {
                cells.append(
                    .code(
                        id: "all-runs-chart", source: "# \(overview.title), drawn by `mlexp export` from the run store",
                        outputs: [.chart(overview)]))
            }
        }
        let decision = report.decision ?? ReportWord.noDecisionYet.text(report.language)
        cells.append(.markdown(id: "decision", source: "## \(h.decision)\n\n\(decision)"))
        return Notebook(
            cells: cells,
            mlexp: [
                ("generator", .string(generator)), ("language", .string(report.language.rawValue)),
                ("runs", .number(Double(report.runs.count))),
                ("experiments", .number(Double(report.experiments.count))),
            ])
    }

    /// Where the numbers come from, and what the log cites that the store lacks.
    static func note(_ report: SessionReport) -> String {
        var s = ReportWord.provenance.text(report.language)
        if !report.missingRuns.isEmpty {
            s += ReportWord.missingRuns(report.missingRuns.joined(separator: ", ")).text(report.language)
        }
        return s
    }
}

/// Markdown tables of runs, shared by the notebook and the HTML report.
enum ReportTables {
    /// One row per run: id, model, the main metric first then the others, training time.
    static func runs(_ runs: [RunRecord], metric: String?, language: Language) -> String {
        let names = columns(runs, metric: metric)
        let header = ["run", ReportWord.model.text(language)] + names + [ReportWord.trainingSeconds.text(language)]
        var lines = [
            "| " + header.map(cell).joined(separator: " | ") + " |",
            "|" + header.map { _ in "---" }.joined(separator: "|") + "|",
        ]
        for r in runs {
            let values = names.map { n in r.metrics[n].map(summary) ?? "—" }
            let row = [r.id, r.modelFamily] + values + [ChartFormat.number(r.trainingSeconds)]
            lines.append("| " + row.map(cell).joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n")
    }

    /// The metric columns: the main metric, then up to three headline metrics the runs have.
    static func columns(_ runs: [RunRecord], metric: String?) -> [String] {
        let stored = Set(runs.flatMap(\.metrics.keys))
        let headline = [
            "accuracy", "roc_auc", "f1_macro", "f1", "balanced_accuracy", "log_loss", "r2", "rmse", "mae", "silhouette",
        ]
        var names = metric.map { stored.contains($0) ? [$0] : [] } ?? []
        for m in headline where stored.contains(m) && !names.contains(m) && names.count < 4 { names.append(m) }
        if names.isEmpty { names = Array(stored.sorted().prefix(4)) }
        return names
    }

    static func summary(_ m: MetricSummary) -> String {
        var s = ChartFormat.number(m.mean)
        if let sd = m.std { s += " ± " + ChartFormat.number(sd) }
        if let lo = m.ciLow, let hi = m.ciHigh {
            s += " [" + ChartFormat.number(lo) + ", " + ChartFormat.number(hi) + "]"
        }
        return s
    }

    /// A table cell: pipes escaped, on one line.
    static func cell(_ s: String) -> String {
        s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
