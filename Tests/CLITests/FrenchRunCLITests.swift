// `mlexp run --lang fr` as a French user sees it, with the mlexp binary: the tool lines, the importance
// chart, the Autopilot's words and the log are French; none of the English phrases the tools, the
// profile's warnings, explain_model's findings or the log's intervals would show in an English session.
import Foundation
import TestSupport
import Testing

extension CLISessionTests {
    @Suite struct FrenchRunCLITests {
        /// English phrases of an English session's screen and log (tool lines, chart, warnings, findings, intervals).
        static let english = [
            "rows ×", "columns,", "warning", "metric ", "top features", "wrote ", "(significant)", "(not significant)",
            "on the TEST split",
            "Feature importance", "permutation importance", "std over repeats", "is missing in", "Models impute",
            "Weak segment",
            "gives the highest", "higher predicted", "overall", "95% CI", "Decision:", "Log:",
        ]

        @Test func aFrenchRunShowsAndLogsNoEnglishPhrase() throws {
            let ws = try scratchFolder("french-run-cli")
            try FileManager.default.copyItem(
                at: Repository.datasets.appendingPathComponent("titanic.csv"),
                to: ws.appendingPathComponent("titanic.csv"))
            let r = try runMLExp(
                ["run", "titanic.csv", "--target", "survived", "--model", "autopilot", "--lang", "fr"], in: ws)
            #expect(r.status == 0, "\(r.err)")
            let log = try String(contentsOf: ws.appendingPathComponent("EXPERIMENTS.md"), encoding: .utf8)
            // The screen from the first tool line on (the banner names the flags, which are English words).
            let screen = r.out.components(separatedBy: "\n").drop { !$0.contains("✓") }.joined(separator: "\n")
            for phrase in Self.english {
                #expect(!screen.contains(phrase), "screen: '\(phrase)'")
                #expect(!log.contains(phrase), "log: '\(phrase)'")
            }
            #expect(screen.contains("1313 lignes × 5 colonnes, binaire, métrique roc_auc, 1 avertissement"))
            #expect(screen.contains("Importance des variables") && screen.contains("'age' manque dans 42 % des lignes"))
            #expect(log.contains("[IC 95 % "))
        }
    }
}
