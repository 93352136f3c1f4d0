// append_log: writes the Context, an experiment entry or the decision to EXPERIMENTS.md through the
// workspace's ExperimentLog. The model gives the prose and the run ids; this tool writes every number
// itself from the store (each with its run id: approach parameters, validation metrics with intervals,
// the difference with the reference run, test-split evaluations), then checks the whole entry with
// the log's verifier, so a number the model invented is refused before anything is written.
// Everything goes under the session's problem (its runs' data file and target, else the last dataset
// loaded), so sessions on other data in the same workspace keep their own context and decision.

import Foundation
import Languages
public import Tracking

/// Appends an entry to the experiment log.
public struct AppendLogTool: AgentTool {
    public let name = "append_log"
    public init() {}

    /// tools/append_log.json's properties: the entry's kind, its prose fields and the runs it is about.
    struct Arguments: ToolArguments {
        /// "context", "experiment" or "decision".
        var kind: String
        /// The prose fields given (title, problem, data, metric, hypothesis, approach, compare_to,
        /// analysis, next), by their JSON names, as written.
        var texts: [String: String]
        var runIDs: [String]

        enum Keys: String, CodingKey, CaseIterable {
            case kind, title, problem, data, metric, hypothesis, approach
            case runIDs = "run_ids"
            case compareTo = "compare_to"
            case analysis, next
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: Keys.self)
            kind = try c.value(.kind, default: "")
            runIDs = try c.value(.runIDs, default: [])
            texts = [:]
            for key in Keys.allCases where key != .kind && key != .runIDs {
                texts[key.stringValue] = try c.decodeIfPresent(String.self, forKey: key)
            }
        }

        /// The prose field `key` trimmed; "" when it was not given.
        func text(_ key: String) -> String {
            texts[key]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        }
    }

    public func run(_ arguments: JSONValue, in context: ToolContext) async throws -> JSONValue {
        let args = try Arguments(arguments, tool: name)
        let kind = args.kind
        func text(_ key: String) -> String { args.text(key) }
        func require(_ keys: [String]) throws(ToolError) {
            let missing = keys.filter { text($0).isEmpty }
            guard missing.isEmpty else {
                throw ToolError(
                    "a \(kind) entry needs \(missing.map { "'\($0)'" }.joined(separator: ", ")); add them and call append_log again."
                )
            }
        }
        let runs = try args.runIDs.map { id throws(ToolError) in
            try context.store.run(id)
        }
        try Self.requireBackedNumbers(args, kind: kind, context: context)
        let document = try context.log.read()
        let language = document.language
        let problem = Self.problem(runs: runs, session: context.session)
        let writer = LogEntryWriter(store: context.store, language: language)
        switch kind {
        case "context":
            try require(["problem"])
            // What the tools know is written by them when the model leaves it out: the data and its metric.
            let loaded = try? context.session.dataset(nil)
            let data =
                text("data").isEmpty
                ? loaded.map { "\($0.path): \($0.rowCount) rows × \($0.columnCount) columns" } ?? ""
                : text("data")
            let metric =
                text("metric").isEmpty
                ? loaded.map { "\($0.metric) (validation, cross-validated)" } ?? "" : text("metric")
            guard !data.isEmpty, !metric.isEmpty else { try require(["data", "metric"]); return [:] }
            try context.log.setContext(
                LogContext(problem: text("problem"), data: data, metric: metric), for: problem)
            return [
                "written": "context",
                "path": .string(context.workspace.relativePath(of: URL(fileURLWithPath: context.log.markdownPath))),
            ]
        case "experiment":
            // The hypothesis and approach of the runs themselves stand in for ones the model leaves out.
            let hypothesis = text("hypothesis").isEmpty ? runs.compactMap(\.hypothesis).first ?? "" : text("hypothesis")
            let approach =
                text("approach").isEmpty && !runs.isEmpty
                ? runs.map(\.modelFamily).joined(separator: ", ") : text("approach")
            let title = text("title").isEmpty ? Self.defaultTitle(runs) : text("title")
            let filled = ["title": title, "hypothesis": hypothesis, "approach": approach]
            let missing = ["title", "hypothesis", "approach", "analysis", "next"].filter {
                (filled[$0] ?? text($0)).isEmpty
            }
            guard missing.isEmpty else {
                throw ToolError(
                    "a \(kind) entry needs \(missing.map { "'\($0)'" }.joined(separator: ", ")); add them and call append_log again."
                )
            }
            let reference = try text("compare_to").isEmpty ? nil : context.store.run(text("compare_to"))
            var entry = LogEntry(
                title: title, hypothesis: hypothesis,
                approach: approach + writer.approachDetails(runs),
                result: try writer.result(runs, reference: reference),
                analysis: text("analysis"), next: text("next"),
                runIDs: runs.map(\.id) + (reference.map { [$0.id] } ?? []))
            entry.session = context.session.id
            var view = document
            entry.number = view.problems[view.index(of: problem)].entries.count + 1
            var probe = LogDocument(language: language)
            probe.entries = [entry]
            let issues = try ExperimentLog.verify(probe, against: context.store)
            guard issues.isEmpty else {
                throw ToolError(
                    "the entry was not written: " + issues.prefix(3).map(\.description).joined(separator: "; ")
                        + ". Quote only numbers from tool results, next to their run id, or leave numbers out (the tool writes the results itself)."
                )
            }
            let written = try context.log.append(entry, to: problem)
            return [
                "written": .string("experiment #\(written.number)"), "result": .string(written.result),
                "path": .string(context.workspace.relativePath(of: URL(fileURLWithPath: context.log.markdownPath))),
            ]
        default:  // decision
            // The decision comes last, from experiments written down: none yet, and it is refused.
            var view = document
            guard !view.problems[view.index(of: problem)].entries.isEmpty else {
                throw ToolError(
                    "no experiment entry is written yet for this problem; the decision comes last. Write an experiment entry for each run first (kind \"experiment\" with its run_ids), then the decision."
                )
            }
            let title = text("title").isEmpty ? Self.defaultTitle(runs) : text("title")
            if title.isEmpty { try require(["title"]) }
            try require(["analysis", "next"])
            let results = try writer.result(runs, reference: nil)
            let decision =
                "**\(title)** — \(text("analysis")) " + (runs.isEmpty ? "" : results + " ")
                + LogWord.nextLabel.text(language) + text("next")
            try context.log.setDecision(decision, for: problem)
            return [
                "written": "decision", "decision": .string(decision),
                "path": .string(context.workspace.relativePath(of: URL(fileURLWithPath: context.log.markdownPath))),
            ]
        }
    }
}

extension AppendLogTool {
    /// The title an entry gets when the model gives none: its runs, by family and id ("gbdt (r0004)").
    static func defaultTitle(_ runs: [RunRecord]) -> String {
        runs.map { "\($0.modelFamily) (\($0.id))" }.joined(separator: ", ")
    }

    /// The prose fields whose numbers must come from tool results: every field the model writes, except
    /// the context's metric (a success threshold is a goal, not a result) and the next step (planned values).
    static let checkedFields = ["title", "problem", "data", "hypothesis", "approach", "analysis"]

    /// The numbers an entry may state: every tool result's of this session, and the session's runs as
    /// stored (the harness's summary of older turns quotes them at four significant digits, finer than
    /// some tool results print them).
    static func backedNumbers(_ context: ToolContext) -> [Double] {
        var pool = context.session.resultNumbers
        for id in context.session.runIDs {
            guard let run = try? context.store.get(id) else { continue }
            for m in run.metrics.values { pool += [m.mean, m.std, m.ciLow, m.ciHigh].compactMap { $0 } }
        }
        return pool
    }

    /// Refuses an entry stating a decimal number or percentage that no tool of this session returned.
    static func requireBackedNumbers(_ arguments: Arguments, kind: String, context: ToolContext) throws {
        let pool = backedNumbers(context)
        for field in checkedFields {
            guard let text = arguments.texts[field] else { continue }
            let unbacked = NumberClaims.claims(in: text).filter { !NumberClaims.backed($0, pool: pool) }
            guard let first = unbacked.first else { continue }
            throw ToolError(
                "the \(kind) entry was not written: \(field) states \(unbacked.map(\.text).joined(separator: ", ")), which no tool result of this session holds. Copy numbers exactly from tool results (with their run id), or leave them out: the tool writes each run's metrics itself. (\(first.text) first.)"
            )
        }
    }

    /// The problem an entry belongs to: its runs' data file and target, else the session's last dataset
    /// (nil before any is loaded: the log's first problem).
    static func problem(runs: [RunRecord], session: Session) -> ProblemKey? {
        if let run = runs.first { return ProblemKey(dataset: run.dataset.path, target: run.target) }
        guard let loaded = try? session.dataset(nil) else { return nil }
        return ProblemKey(dataset: loaded.path, target: loaded.target?.column)
    }
}

/// Writes the numbers of log entries from stored runs.
struct LogEntryWriter {
    let store: RunStore
    let language: Language

    /// " — gbdt (r0003): max_depth=4, learning_rate=0.1; seed 42; dropped name."
    func approachDetails(_ runs: [RunRecord]) -> String {
        guard !runs.isEmpty else { return "" }
        let parts = runs.map { run -> String in
            let params = run.hyperParameters.keys.sorted().map {
                "\($0)=\(run.hyperParameters[$0].map { "\($0)" } ?? "")"
            }
            var s = "\(run.modelFamily) (\(run.id))"
            if !params.isEmpty { s += ": " + params.joined(separator: ", ") }
            let n = run.features.count
            s += LogWord.features(n).text(language)
            return s
        }
        return " — " + parts.joined(separator: "; ")
    }

    /// The validation metric of each run with its run id, the difference with the reference run, and any
    /// evaluation on the sealed test split.
    func result(_ runs: [RunRecord], reference: RunRecord?) throws -> String {
        guard !runs.isEmpty else {
            return LogWord.noRun.text(language)
        }
        var clauses: [String] = []
        for run in runs {
            let metric = run.mainMetric
            let clustering = run.task == "clustering"
            // A clustering is scored on the rows it was fitted on: no "validation", and its other scores too.
            var clause = (clustering ? "" : "validation ") + run.cite(metric, language: language)
            if clustering {
                for key in ["inertia", "adjusted_rand"] where run.metrics[key] != nil && key != metric {
                    clause += ", " + run.cite(key, language: language)
                }
            }
            if let ref = reference, ref.id != run.id, let a = run.metrics[metric]?.mean,
                let b = ref.metrics[metric]?.mean
            {
                let d = a - b
                let difference = "\(d >= 0 ? "+" : "")\(String(format: "%.3f", d))"
                clause += LogWord.versus(
                    reference: ref.cite(metric, language: language), difference: difference, run: run.id,
                    referenceRun: ref.id
                ).text(language)
            }
            clauses.append(clause)
            for evaluation in try store.testEvaluations(runID: run.id) {
                if let m = evaluation.metrics[metric] {
                    var t =
                        LogWord.sealedTestSplit.text(language) + "\(metric) "
                        + String(format: "%.3f", m.mean)
                    if let l = m.ciLow, let h = m.ciHigh {
                        t +=
                            LogWord.interval.text(language) + String(format: "%.3f", l) + "–"
                            + String(format: "%.3f", h) + "]"
                    }
                    clauses.append(t + " (\(run.id))")
                }
            }
        }
        return clauses.joined(separator: "; ") + "."
    }
}
