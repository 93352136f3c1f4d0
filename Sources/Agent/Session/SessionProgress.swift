// Where a session stands, read from the run store and the experiment log rather than from the
// conversation: datasets loaded, runs trained (metric mean ± std, best so far), log entries written, the
// test split used or not, and the workflow steps still missing. It is the summary that replaces older
// turns when the context is full, and what `mlexp run` says when the model stops too early.
// Leaves out: deciding what to do with it (the loop and the run command).

import Foundation
public import Languages
import MLCore
import Tracking

/// The state of a session's work, from the store and the log.
public struct SessionProgress: Sendable, Equatable {
    public struct RunLine: Sendable, Equatable {
        public var id: String
        public var model: String
        public var metric: String
        public var mean: Double
        public var std: Double?
    }

    public var datasets: [String]
    public var runs: [RunLine]
    public var hasContext: Bool
    public var experiments: Int
    public var hasDecision: Bool
    public var explained: Bool
    public var compared: Bool
    public var testEvaluated: Bool
    /// The task of the first dataset loaded with a target (nil: none yet, or clustering only).
    var task: TaskKind? = nil
    /// The target columns of the datasets loaded.
    var targets: [String] = []

    /// Reads the session's progress. `explained` and `compared` come from the tools called so far.
    public static func read(_ context: ToolContext, explained: Bool, compared: Bool) -> SessionProgress {
        let session = context.session
        var runs: [RunLine] = []
        for id in session.runIDs {
            guard let run = try? context.store.get(id) else { continue }
            let key = run.metrics.keys.sorted().first { $0 != "fit_seconds" } ?? ""
            guard let m = run.metrics[key] else { continue }
            runs.append(RunLine(id: id, model: run.modelFamily, metric: key, mean: m.mean, std: m.std))
        }
        for d in session.datasets {
            let metric = d.metric
            runs = runs.map { r in
                guard let run = try? context.store.get(r.id), let m = run.metrics[metric] else { return r }
                return RunLine(id: r.id, model: r.model, metric: metric, mean: m.mean, std: m.std)
            }
        }
        // A workspace's log holds several problems (a first load without the target makes one more): this
        // session's entries are the ones it wrote, wherever they are.
        let document = try? context.log.read()
        let problems = document?.problems ?? []
        // The context that counts is the one of the problem the session works on now (its last dataset and
        // target): a context written after a first load without the target frames the clustering problem.
        var framed = false
        if var view = document {
            framed = view.problems[view.index(of: AppendLogTool.problem(runs: [], session: session))].context != nil
        }
        let mine = problems.flatMap(\.entries).filter { $0.session == session.id }
        let touched = problems.filter { $0.entries.contains { $0.session == session.id } }
        let tested = session.runIDs.contains { id in !((try? context.store.testEvaluations(runID: id)) ?? []).isEmpty }
        return SessionProgress(
            datasets: session.datasets.map { d in
                "\(d.path) (id \(d.id)\(d.target.map { ", target \($0.column), task \($0.task.rawValue)" } ?? ""), metric \(d.metric))"
            },
            runs: runs, hasContext: framed, experiments: mine.count,
            hasDecision: touched.contains { $0.decision != nil }, explained: explained, compared: compared,
            testEvaluated: tested,
            task: session.datasets.lazy.compactMap { $0.target?.task }.first,
            targets: session.datasets.compactMap { $0.target?.column })
    }

    /// The best run by its metric (lower is better for errors), baseline included.
    public var best: RunLine? {
        runs.max { a, b in
            let lowerBetter = Self.lowerIsBetter(a.metric)
            return lowerBetter ? a.mean > b.mean : a.mean < b.mean
        }
    }

    static func lowerIsBetter(_ metric: String) -> Bool {
        ["rmse", "mae", "mse", "log_loss", "inertia"].contains { metric.lowercased().contains($0) }
    }

    /// The workflow steps still to do, in order, each said as what to call.
    public var missing: [String] {
        var out: [String] = []
        if datasets.isEmpty { out.append("load the data (load_data)") }
        if !hasContext { out.append("write the Context entry (append_log kind \"context\", or log_context)") }
        if !runs.contains(where: { $0.model == "baseline" }) {
            out.append("train the baseline (train_model model \"baseline\")")
        }
        let others = Set(runs.map(\.model)).subtracting(["baseline"])
        if others.count < 2 {
            out.append(
                "train \(2 - others.count) more model famil\(others.count == 1 ? "y" : "ies") than so far (e.g. logistic or ridge, gbdt, random_forest)"
            )
        }
        if !compared {
            out.append(
                "compare the best run with the baseline, with confidence intervals (compute_metrics with compare_to)")
        }
        if !explained { out.append("explain the best run (explain_model run_id)") }
        if experiments < 3 {
            out.append("log each experiment (append_log kind \"experiment\" with run_ids, or log_experiment)")
        }
        if !hasDecision { out.append("log the decision, last (append_log kind \"decision\", or log_decision)") }
        return out
    }

    /// What the harness says when the model stops before the workflow is complete and no person is there
    /// to say "go on".
    public func nudge(_ language: Language) -> String {
        LoopNotice.unfinished(steps: missing.joined(separator: "; ")).text(language)
    }

    /// Whether the session did any work at all (a run or a log entry).
    public var didAnything: Bool { !runs.isEmpty || hasContext || experiments > 0 || hasDecision }

    /// The summary that replaces older turns.
    public var summary: String {
        var lines = [
            "Progress so far (written by the harness from the run store; older messages were removed to fit the context):"
        ]
        lines.append("- Data: " + (datasets.isEmpty ? "none loaded" : datasets.joined(separator: "; ")))
        if runs.isEmpty {
            lines.append("- Runs: none")
        } else {
            lines.append(
                "- Runs: "
                    + runs.map { r in
                        "\(r.id) \(r.model) \(r.metric) \(Self.format(r.mean))\(r.std.map { " ± " + Self.format($0) } ?? "")"
                    }.joined(separator: "; "))
        }
        if let best { lines.append("- Best so far: \(best.id) (\(best.model))") }
        lines.append(
            "- Log: context \(hasContext ? "written" : "missing"), \(experiments) experiment entr\(experiments == 1 ? "y" : "ies"), decision \(hasDecision ? "written" : "missing")"
        )
        lines.append(
            "- Test split: \(testEvaluated ? "already evaluated (do not evaluate it again)" : "not evaluated")")
        if !missing.isEmpty { lines.append("- Still to do: " + missing.joined(separator: "; ")) }
        return lines.joined(separator: "\n")
    }

    static func format(_ x: Double) -> String { String(format: "%.4g", x) }
}
