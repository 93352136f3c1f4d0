// The session as one self-contained HTML file: context, each experiment (hypothesis, approach,
// result, analysis, next), its runs table, its charts as inline SVG and its reproduction code, then
// every run and the decision. No script, no external stylesheet, font or image: it opens offline and
// mails as one file. It is also well-formed XML (void elements closed), so tests can parse it.
// Leaves out: interactivity (the notebook's Vega-Lite charts are the interactive form).
import Foundation
import Languages

/// Writes the HTML report of a session.
public enum HTMLReport {
    public static func html(_ report: SessionReport) -> String {
        let h = LogRenderer.headings(report.language)
        var out: [String] = [
            "<!DOCTYPE html>",
            #"<html xmlns="http://www.w3.org/1999/xhtml" lang="\#(report.language.rawValue)">"#,
            "<head>", #"<meta charset="utf-8"/>"#,
            #"<meta name="viewport" content="width=device-width, initial-scale=1"/>"#,
            "<title>\(esc(h.title))</title>", "<style>\(style)</style>", "</head>", "<body>", "<main>",
            "<h1>\(esc(h.title))</h1>",
            #"<section id="context">"#, "<h2>\(esc(h.context))</h2>",
        ]
        if let c = report.context {
            out += ["<dl>", field(h.problem, c.problem), field(h.data, c.data), field(h.metric, c.metric), "</dl>"]
        } else {
            out.append("<p>\(inline(h.emptyContext))</p>")
        }
        out.append("<p class=\"note\">\(inline(NotebookBuilder.note(report)))</p>")
        out.append("</section>")

        for e in report.experiments {
            let n = e.entry.number
            out += [
                #"<section class="experiment" id="experiment-\#(n)">"#,
                "<h2>\(esc(h.experiment)) #\(n) — \(esc(e.entry.title))</h2>", "<dl>",
                field(h.hypothesis, e.entry.hypothesis), field(h.approach, e.entry.approach),
                field(h.result, e.entry.result), field(h.analysis, e.entry.analysis), field(h.next, e.entry.next),
                "</dl>",
            ]
            if !e.runs.isEmpty { out.append(table(e.runs, metric: report.mainMetric, language: report.language)) }
            for chart in e.charts { out.append(figure(chart)) }
            if !e.runs.isEmpty {
                out.append("<details><summary>\(ReportWord.reproduce.text(report.language))</summary>")
                for run in e.runs {
                    out.append("<pre><code>\(esc(String(Reproduction.commandLine(run).dropFirstBang())))</code></pre>")
                    if let py = Reproduction.python(run) { out.append("<pre><code>\(esc(py))</code></pre>") }
                }
                out.append("</details>")
            }
            out.append("</section>")
        }
        if !report.runs.isEmpty {
            out += [
                #"<section id="runs">"#, "<h2>\(ReportWord.allRuns.text(report.language))</h2>",
                table(report.runs, metric: report.mainMetric, language: report.language),
            ]
            if let overview = report.overview { out.append(figure(overview)) }
            out.append("</section>")
        }
        let decision = report.decision ?? ReportWord.noDecisionYet.text(report.language)
        out += [
            #"<section id="decision">"#, "<h2>\(esc(h.decision))</h2>", "<p>\(inline(decision))</p>", "</section>",
            "</main>", "</body>", "</html>",
        ]
        return out.joined(separator: "\n") + "\n"
    }

    static let style = """
        body{font-family:Helvetica,Arial,sans-serif;color:#222;margin:0;background:#fafafa}\
        main{max-width:960px;margin:0 auto;padding:24px;background:#fff}\
        h1{font-size:26px}h2{font-size:20px;border-bottom:1px solid #ddd;padding-bottom:4px;margin-top:36px}\
        dl{display:grid;grid-template-columns:max-content 1fr;gap:6px 16px}dt{font-weight:bold}dd{margin:0}\
        table{border-collapse:collapse;margin:12px 0;font-size:13px}\
        th,td{border:1px solid #ddd;padding:4px 8px;text-align:left}th{background:#f2f2f2}\
        figure{margin:16px 0}figcaption{font-size:12px;color:#555}svg{max-width:100%;height:auto}\
        pre{background:#f6f6f6;padding:8px;overflow-x:auto;font-size:12px}.note{color:#555;font-size:13px}
        """

    static func field(_ name: String, _ value: String) -> String {
        "<dt>\(esc(name))</dt><dd>\(inline(value))</dd>"
    }

    static func figure(_ chart: Chart) -> String {
        "<figure>\n\(SVGRenderer.render(chart))<figcaption>\(esc(chart.title))</figcaption>\n</figure>"
    }

    static func table(_ runs: [RunRecord], metric: String?, language: Language) -> String {
        let names = ReportTables.columns(runs, metric: metric)
        let header = ["run", ReportWord.model.text(language)] + names + [ReportWord.trainingSeconds.text(language)]
        var rows = [
            "<table>", "<thead><tr>" + header.map { "<th>\(esc($0))</th>" }.joined() + "</tr></thead>", "<tbody>",
        ]
        for r in runs {
            let cells =
                [r.id, r.modelFamily] + names.map { n in r.metrics[n].map(ReportTables.summary) ?? "—" }
                + [ChartFormat.number(r.trainingSeconds)]
            rows.append("<tr>" + cells.map { "<td>\(esc($0))</td>" }.joined() + "</tr>")
        }
        rows += ["</tbody>", "</table>"]
        return rows.joined(separator: "\n")
    }

    static func esc(_ s: String) -> String { ChartFormat.xml(s) }

    /// Escaped text with the log's light Markdown: **bold**, _italic_ (whole text) and `code`.
    static func inline(_ text: String) -> String {
        var s = esc(text)
        s = replacePairs(s, "**", "<strong>", "</strong>")
        s = replacePairs(s, "`", "<code>", "</code>")
        if s.count > 2, s.hasPrefix("_"), s.hasSuffix("_") { s = "<em>" + s.dropFirst().dropLast() + "</em>" }
        return s.replacingOccurrences(of: "\n", with: "<br/>")
    }

    /// Replaces matched pairs of `marker` by open/close tags; an unmatched marker stays as text.
    static func replacePairs(_ s: String, _ marker: String, _ open: String, _ close: String) -> String {
        let parts = s.components(separatedBy: marker)
        guard parts.count >= 3 else { return s }
        var out = parts[0]
        var i = 1
        while i < parts.count {
            if i + 1 < parts.count {
                out += open + parts[i] + close + parts[i + 1]
                i += 2
            } else {
                out += marker + parts[i]
                i += 1
            }
        }
        return out
    }
}

extension String {
    /// The IPython `!` shell escape removed from the command line (the HTML shows a plain shell command).
    fileprivate func dropFirstBang() -> Substring {
        let lines = split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasPrefix("!") ? $0.dropFirst() : $0
        }
        return Substring(lines.joined(separator: "\n"))
    }
}
