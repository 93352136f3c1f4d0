// Scorecards as Markdown: one scorecard (scenarios, checks, failures), and two side by side for
// `mlexp eval compare` (model against model, prompt against prompt).

import Foundation

extension Scorecard {
    /// The scorecard as a Markdown report.
    public var markdown: String {
        var s = "# Evaluation: \(suite)\n\n"
        s += "- Model: \(model)\n- Repeats: \(repeats)\n- Date: \(createdAt)\n"
        s += "- Result: \(allPassed ? "every check passed" : "some checks failed")\n\n"
        s +=
            "## Scenarios\n\n| scenario | pass rate | metric | value | reached | tokens | latency (ms) | turns | time (s) |\n"
        s += "|---|---|---|---|---|---|---|---|---|\n"
        for x in scenarios {
            let metric =
                x.metric.map { m in
                    x.floor.map { "\(m) \(EvalChecks.lowerIsBetter.contains(m) ? "≤" : "≥") \(MeanStd.format($0))" }
                        ?? m
                } ?? "–"
            s +=
                "| \(x.name) | \(x.passRate.text) | \(metric) | \(x.metricValue?.text ?? "–") | \(x.metricReached?.text ?? "–") "
            s += "| \(x.tokens.text) | \(x.latencyMS.text) | \(x.turns.text) | \(x.seconds.text) |\n"
        }
        s += "\n## Checks\n\n| check | pass rate |\n|---|---|\n"
        for (name, rate) in checks.sorted(by: { $0.key < $1.key }) { s += "| \(name) | \(rate.text) |\n" }
        let failing = scenarios.filter { !$0.failures.isEmpty }
        if !failing.isEmpty {
            s += "\n## Failures\n\n"
            for x in failing {
                s += "### \(x.name)\n\n"
                for f in x.failures { s += "- \(f)\n" }
                s += "\n"
            }
        }
        return s
    }

    /// Two scorecards side by side, in Markdown.
    public static func comparison(_ a: Scorecard, _ b: Scorecard, names: (String, String)) -> String {
        var s = "# Evaluation compared: \(names.0) vs \(names.1)\n\n"
        s += "| | A: \(names.0) | B: \(names.1) |\n|---|---|---|\n"
        s +=
            "| suite | \(a.suite) | \(b.suite) |\n| model | \(a.model) | \(b.model) |\n| repeats | \(a.repeats) | \(b.repeats) |\n"
        s += "| all checks passed | \(a.allPassed ? "yes" : "no") | \(b.allPassed ? "yes" : "no") |\n\n"
        s +=
            "## Scenarios\n\n| scenario | pass A | pass B | metric A | metric B | tokens A | tokens B | turns A | turns B |\n"
        s += "|---|---|---|---|---|---|---|---|---|\n"
        var names: [String] = a.scenarios.map(\.name)
        for x in b.scenarios where !names.contains(x.name) { names.append(x.name) }
        for n in names {
            let x = a.scenarios.first { $0.name == n }, y = b.scenarios.first { $0.name == n }
            s += "| \(n) | \(x?.passRate.text ?? "–") | \(y?.passRate.text ?? "–") "
            s += "| \(x?.metricValue?.text ?? "–") | \(y?.metricValue?.text ?? "–") "
            s +=
                "| \(x?.tokens.text ?? "–") | \(y?.tokens.text ?? "–") | \(x?.turns.text ?? "–") | \(y?.turns.text ?? "–") |\n"
        }
        s += "\n## Checks\n\n| check | A | B |\n|---|---|---|\n"
        for c in Set(a.checks.keys).union(b.checks.keys).sorted() {
            let x = a.checks[c].map { String(format: "%.0f%%", $0.rate * 100) } ?? "–"
            let y = b.checks[c].map { String(format: "%.0f%%", $0.rate * 100) } ?? "–"
            s += "| \(c) | \(x) | \(y) |\n"
        }
        return s
    }
}
