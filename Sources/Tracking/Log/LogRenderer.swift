// Renders a LogDocument to the Markdown of DESIGN.md ("The experiment log"). Headings (LogWord) follow
// the log's language, one language at a time:
//   English: # Experiment Log / ## Context / ## Experiment #N — title / **Hypothesis** **Approach**
//            **Result** **Analysis** **Next** / ## Decision
//   French:  # Journal des expériences / ## Contexte / ## Expérience #N — titre / **Hypothèse**
//            **Approche** **Résultat** **Analyse** **Next** / ## Décision
// "Next" stays English in both, as DESIGN.md writes it. A log of several problems puts each under
// "## Problem: titanic.csv → survived" ("## Problème : …") with its sections one level down (### Context,
// ### Experiment #N, ### Decision); a log of one problem reads as above. Leaves out any parsing of
// Markdown back.
import Foundation
import Languages

enum LogRenderer {
    struct Headings {
        let title, context, problem, data, metric, experiment, hypothesis, approach, result, analysis, next,
            decision: String
        let emptyContext: String
        /// "Problem: " / "Problème : " before a problem's name in a log of several.
        let problemHeading: String
    }

    static func headings(_ language: Language) -> Headings {
        func w(_ word: LogWord) -> String { word.text(language) }
        return Headings(
            title: w(.title), context: w(.context), problem: w(.problem), data: w(.data), metric: w(.metric),
            experiment: w(.experiment), hypothesis: w(.hypothesis), approach: w(.approach), result: w(.result),
            analysis: w(.analysis), next: w(.next), decision: w(.decision), emptyContext: w(.notFramedYet),
            problemHeading: w(.problemHeading))
    }

    /// The Markdown text of the whole log.
    static func markdown(_ document: LogDocument) -> String {
        let h = headings(document.language)
        let problems = document.writtenProblems
        var lines = ["# \(h.title)"]
        if problems.count == 1 {
            lines += problemLines(problems[0], h, level: "##")
        } else {
            for (i, problem) in problems.enumerated() {
                let name = problem.key?.description ?? "#\(i + 1)"
                lines += ["", "## \(h.problemHeading)\(inline(name))"]
                lines += problemLines(problem, h, level: "###")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A problem's context, experiments and decision, each section under a heading of `level`.
    static func problemLines(_ problem: LogProblem, _ h: Headings, level: String) -> [String] {
        var lines = ["", "\(level) \(h.context)"]
        if let context = problem.context {
            lines.append("- **\(h.problem)**: \(inline(context.problem))")
            lines.append("- **\(h.data)**: \(inline(context.data))")
            lines.append("- **\(h.metric)**: \(inline(context.metric))")
        } else {
            lines.append(h.emptyContext)
        }
        for entry in problem.entries {
            lines.append("")
            lines += entryLines(entry, h, level: level)
        }
        if let decision = problem.decision {
            lines.append("")
            lines.append("\(level) \(h.decision)")
            lines.append(inline(decision))
        }
        return lines
    }

    /// One experiment's section.
    static func entryLines(_ entry: LogEntry, _ h: Headings, level: String = "##") -> [String] {
        [
            "\(level) \(h.experiment) #\(entry.number) — \(inline(entry.title))",
            "- **\(h.hypothesis)**: \(inline(entry.hypothesis))",
            "- **\(h.approach)**: \(inline(entry.approach))",
            "- **\(h.result)**: \(inline(entry.result))",
            "- **\(h.analysis)**: \(inline(entry.analysis))",
            "- **\(h.next)**: \(inline(entry.next))",
        ]
    }

    /// Keeps a field on its bullet line: newlines become spaces, so the structure cannot be broken by content.
    static func inline(_ text: String) -> String {
        let collapsed = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: " ")
        return collapsed.isEmpty ? "—" : collapsed
    }
}
