// The leakage checks of a scenario (issue 13): the profile names the trap (`warned`: a column or a
// warning kind load_data's warnings must name), the log says what was done about it (`log_mentions`),
// the chosen model does not use the leak (`chosen_excludes`: the run evaluated on the test split, else
// the best run on the main metric, holds none of these columns) and is validated by group when rows
// repeat an entity (`grouped_by`: its validation is grouped on that column).
// Leaves out: the standard checks (EvalChecks.swift).

import Tracking

extension EvalChecks {
    static func leakage(_ expect: EvalExpectations, evidence e: EvalEvidence, runs: [RunRecord]) -> [CheckResult] {
        var out: [CheckResult] = []
        if let names = expect.warned {
            let warnings = e.calls.filter { $0.call.name == "load_data" && $0.ok }
                .flatMap { $0.result["warnings"]?.arrayValue ?? [] }
            let said = Set(
                warnings.flatMap { w in
                    [w["kind"]?.stringValue, w["column"]?.stringValue, w["related_column"]?.stringValue].compactMap {
                        $0
                    }
                })
            let unnamed = names.filter { !said.contains($0) }
            out.append(
                CheckResult(
                    name: "leak_warned", passed: unnamed.isEmpty,
                    detail: unnamed.isEmpty
                        ? "load_data warned about \(names.joined(separator: ", "))"
                        : "load_data's warnings never name \(unnamed.joined(separator: ", "))"))
        }
        if let phrases = expect.logMentions {
            let text = ((try? e.log.markdown()) ?? "").lowercased()
            let absent = phrases.filter { !text.contains($0.lowercased()) }
            out.append(
                CheckResult(
                    name: "log_mentions", passed: absent.isEmpty,
                    detail: absent.isEmpty
                        ? "the log mentions \(phrases.joined(separator: ", "))"
                        : "the log never mentions \(absent.joined(separator: ", "))"))
        }
        guard expect.chosenExcludes != nil || expect.groupedBy != nil else { return out }
        let chosen = chosenRun(runs, store: e.store, metric: expect.metric)
        if let columns = expect.chosenExcludes {
            let used = columns.filter { chosen?.features.contains($0) ?? false }
            out.append(
                CheckResult(
                    name: "chosen_excludes", passed: chosen != nil && used.isEmpty,
                    detail: chosen.map { c in
                        used.isEmpty
                            ? "the chosen run \(c.id) uses none of \(columns.joined(separator: ", "))"
                            : "the chosen run \(c.id) uses \(used.joined(separator: ", "))"
                    } ?? "no run was chosen"))
        }
        if let column = expect.groupedBy {
            let scheme = chosen?.validationScheme ?? ""
            let grouped = scheme.contains("grouped") && scheme.contains("'\(column)'")
            out.append(
                CheckResult(
                    name: "grouped_validation", passed: grouped,
                    detail: chosen.map { "the chosen run \($0.id) is validated by \(scheme)" } ?? "no run was chosen"))
        }
        return out
    }

    /// The run the session chose: the last one evaluated on the test split, else the best on `metric`.
    static func chosenRun(_ runs: [RunRecord], store: RunStore, metric: String?) -> RunRecord? {
        if let last = (try? store.testEvaluations())?.last, let run = runs.first(where: { $0.id == last.runID }) {
            return run
        }
        let key = metric ?? runs.first?.mainMetric ?? ""
        let scored = runs.filter { $0.metrics[key]?.mean != nil }
        let lower = lowerIsBetter.contains(key)
        return scored.max { a, b in
            let (x, y) = (a.metrics[key]?.mean ?? 0, b.metrics[key]?.mean ?? 0)
            return lower ? x > y : x < y
        }
    }
}
