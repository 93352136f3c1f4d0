// What a session becomes in Weights & Biases, as plain values, built from the notebook's
// SessionReport (the prose is the log's, every number the store's):
//   one W&B run per mlexp run: name "<run id> <family>"; group = its problem (dataset fingerprint +
//   target, from the store); tags baseline / chosen / tuned; notes = the hypothesis quoted from the
//   first log entry that cites it (the store's when none does) and, on the chosen run, the decision;
//   config = family, hyper-parameters, features, dropped columns, seed, dataset, prompt version,
//   validation, preprocessing; summary = val/<m> (mean), val/<m>_std, val/<m>_ci_low,
//   val/<m>_ci_high, test/<m>… from the last sealed-test evaluation, fit_seconds; history = one row
//   per validation fold (fold, fold/<m>); charts = the charts saved with the run.
//   per problem: the run that carries the log (the chosen run, else the last one) gets the
//   experiment log (whole, or the problem's part of a log of several) and the charts' Vega-Lite specs
//   as one artifact, and the runs' comparison chart.
// The problems are told apart by the store (dataset fingerprint + target), the log's part of each by
// the runs its entries cite (or its data file and target).
// Not-finite metric values are left out (W&B's JSON cannot carry them) and counted.
// Leaves out: the Python text (WandbScript) and any I/O.
import Foundation

/// A session mapped to W&B's vocabulary.
public struct WandbExport: Sendable {
    public struct Run: Sendable {
        /// The mlexp run id.
        public var id: String
        public var name: String
        public var group: String
        public var tags: [String]
        public var notes: String
        public var config: OrderedJSON
        public var summary: OrderedJSON
        /// One object per validation fold: {"fold": k, "fold/<metric>": value, …}.
        public var folds: [OrderedJSON]
        public var charts: [Chart]
    }

    /// The runs of one dataset + target.
    public struct Problem: Sendable {
        public var group: String
        public var runIDs: [String]
        public var chosen: String?
        /// The run that carries the log artifact and the comparison chart.
        public var anchor: String
        /// The artifact's name (valid for W&B).
        public var artifact: String
        public var metric: String?
        public var overview: Chart?
        /// The experiment log's Markdown: the whole log, or this problem's part of a log of several.
        public var log: String
    }

    public var project: String
    public var entity: String?
    public var runs: [Run]
    public var problems: [Problem]
    /// Metric values left out because they are not finite.
    public var skippedNonFinite: Int

    /// Maps `report`'s runs (only `session`'s when given).
    /// - Throws: when the project or entity name is one W&B refuses, or there is no run to send.
    public init(
        _ report: SessionReport, project: String, entity: String? = nil, session: String? = nil,
        workspace: String = "the workspace"
    ) throws(TrackingError) {
        try WandbNames.checkProject(project)
        if let entity { try WandbNames.checkEntity(entity) }
        self.project = project
        self.entity = entity
        let runs = report.runs.filter { session == nil || $0.sessionID == session }
        guard !runs.isEmpty else {
            throw TrackingError(
                .invalidInput,
                session == nil
                    ? "No runs in \(workspace): there is nothing to send to W&B, so no script was written. Train a model first (`mlexp run FILE --target COL --model autopilot`), then export."
                    : "This session recorded no run: there is nothing to send to W&B, so no script was written.")
        }
        let headings = LogRenderer.headings(report.language)
        let written = report.log.writtenProblems

        // The problems, in the order their first run was trained.
        var order: [String] = []
        var members: [String: [RunRecord]] = [:]
        for run in runs {
            let key = Self.problemKey(run)
            if members[key] == nil { order.append(key) }
            members[key, default: []].append(run)
        }
        var groupOf: [String: String] = [:], metricOf: [String: String] = [:], decisions: [String: String] = [:]
        var chosenIDs: Set<String> = []
        var problems: [Problem] = []
        for key in order {
            let group = members[key] ?? []
            let ids = Set(group.map(\.id))
            let name = Self.groupName(group[0])
            // The log's part on this problem: the one whose entries cite its runs, or named by its data and target.
            let part =
                written.count == 1
                ? written.first
                : written.first { p in
                    p.entries.contains { !ids.isDisjoint(with: $0.runIDs) }
                        || p.key.map { $0.dataset == group[0].dataset.path && $0.target == group[0].target } == true
                }
            let decided = part?.decision.map(Tracking.runIDs(in:)) ?? []
            // The chosen run: the last one evaluated on the sealed test split, else the first the decision cites.
            let chosen =
                report.testEvaluations.last { ids.contains($0.runID) }?.runID ?? decided.first { ids.contains($0) }
            let metric = SessionReport.mainMetric(context: part?.context ?? report.context, runs: group)
            let overview = metric.flatMap {
                SessionReport.comparison(
                    group, metric: $0, reference: group.first { $0.modelFamily == "baseline" }?.id,
                    language: report.language)
            }
            // A log of one problem goes whole (EXPERIMENTS.md as is); of several, each group gets its part.
            let log = written.count > 1 ? part.map { report.log.only($0) } ?? report.log : report.log
            problems.append(
                Problem(
                    group: name, runIDs: group.map(\.id), chosen: chosen, anchor: chosen ?? group[group.count - 1].id,
                    artifact: WandbNames.artifactName("mlexp-log-\(name)"), metric: metric, overview: overview,
                    log: LogRenderer.markdown(log)))
            for run in group {
                groupOf[run.id] = name
                metricOf[run.id] = metric
            }
            if let chosen {
                chosenIDs.insert(chosen)
                decisions[chosen] = part?.decision
            }
        }
        self.problems = problems

        // Each run's hypothesis from the first entry that cites it, in any problem of the log.
        var quoted: [String: String] = [:]
        for entry in report.log.problems.flatMap(\.entries) {
            for id in entry.runIDs where quoted[id] == nil {
                quoted[id] =
                    "\(headings.experiment) #\(entry.number) — \(entry.title). \(headings.hypothesis): \(entry.hypothesis)"
            }
        }
        var skipped = 0
        self.runs = runs.map { run in
            let tests = report.testEvaluations.filter { $0.runID == run.id }
            var tags: [String] = []
            if run.modelFamily == "baseline" { tags.append("baseline") }
            if chosenIDs.contains(run.id) { tags.append("chosen") }
            if Self.isTuned(run) { tags.append("tuned") }
            var notes = quoted[run.id] ?? run.hypothesis.map { "\(headings.hypothesis): \($0)" } ?? ""
            if let decision = decisions[run.id] {
                notes += (notes.isEmpty ? "" : "\n\n") + "\(headings.decision): \(decision)"
            }
            let summary = Self.summary(run, tests: tests, skipped: &skipped)
            return Run(
                id: run.id, name: "\(run.id) \(run.modelFamily)", group: groupOf[run.id] ?? "", tags: tags,
                notes: notes, config: Self.config(run, metric: metricOf[run.id]), summary: summary,
                folds: Self.folds(run, skipped: &skipped), charts: report.savedCharts[run.id] ?? [])
        }
        skippedNonFinite = skipped
    }

    /// Whether a search chose the run's hyper-parameters (tune_model records `validation.tuned`).
    static func isTuned(_ run: RunRecord) -> Bool {
        if case .object(let v) = run.validation, v["tuned"] != nil { return true }
        return false
    }

    /// The problem a run belongs to: its dataset's content and its target.
    static func problemKey(_ run: RunRecord) -> String { run.dataset.fingerprint + "\u{1F}" + (run.target ?? "") }

    /// "titanic.csv · survived · 3f2a9c1b" (clustering: "· clusters").
    static func groupName(_ run: RunRecord) -> String {
        let file = URL(fileURLWithPath: run.dataset.path).lastPathComponent
        return "\(file) · \(run.target ?? "clusters") · \(run.dataset.fingerprint.prefix(8))"
    }

    static func config(_ run: RunRecord, metric: String?) -> OrderedJSON {
        var c: [(String, OrderedJSON)] = [
            ("mlexp_run_id", .string(run.id)), ("model_family", .string(run.modelFamily)),
            ("task", .string(run.task)), ("target", run.target.map(OrderedJSON.string) ?? .null),
            (
                "hyper_parameters",
                .object(run.hyperParameters.keys.sorted().map { ($0, json(run.hyperParameters[$0])) })
            ),
            ("features", .array(run.features.map(OrderedJSON.string))),
            ("dropped_columns", .array(run.droppedColumns.map(OrderedJSON.string))),
            ("seed", .number(Double(run.seed))),
            ("dataset_fingerprint", .string(run.dataset.fingerprint)), ("dataset_path", .string(run.dataset.path)),
            ("dataset_rows", .number(Double(run.dataset.rows))),
            ("dataset_columns", .number(Double(run.dataset.columns))),
            ("prompt_version", run.promptVersion.map(OrderedJSON.string) ?? .null),
            ("validation", json(run.validation)), ("preprocessing", json(run.preprocessing)),
            ("session_id", run.sessionID.map(OrderedJSON.string) ?? .null),
        ]
        if let metric { c.append(("main_metric", .string(metric))) }
        return .object(c)
    }

    static func summary(_ run: RunRecord, tests: [TestEvaluation], skipped: inout Int) -> OrderedJSON {
        var s: [(String, OrderedJSON)] = []
        func add(_ key: String, _ value: Double?) {
            guard let value else { return }
            if value.isFinite { s.append((key, .number(value))) } else { skipped += 1 }
        }
        for name in run.metrics.keys.sorted() {
            guard let m = run.metrics[name] else { continue }
            add("val/\(name)", m.mean); add("val/\(name)_std", m.std)
            add("val/\(name)_ci_low", m.ciLow); add("val/\(name)_ci_high", m.ciHigh)
        }
        if let last = tests.last {
            for name in last.metrics.keys.sorted() {
                guard let m = last.metrics[name] else { continue }
                add("test/\(name)", m.mean); add("test/\(name)_std", m.std)
                add("test/\(name)_ci_low", m.ciLow); add("test/\(name)_ci_high", m.ciHigh)
            }
            s.append(("test/evaluations", .number(Double(tests.count))))
        }
        add("fit_seconds", run.trainingSeconds)
        return .object(s)
    }

    static func folds(_ run: RunRecord, skipped: inout Int) -> [OrderedJSON] {
        run.foldMetrics.enumerated().map { i, fold in
            var row: [(String, OrderedJSON)] = [("fold", .number(Double(i + 1)))]
            for name in fold.keys.sorted() {
                guard let v = fold[name] else { continue }
                if v.isFinite { row.append(("fold/\(name)", .number(v))) } else { skipped += 1 }
            }
            return .object(row)
        }
    }

    /// A stored value as ordered JSON (object keys sorted).
    static func json(_ value: RunValue?) -> OrderedJSON {
        switch value ?? .null {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .number(let n): return .number(n)
        case .string(let s): return .string(s)
        case .array(let a): return .array(a.map { json($0) })
        case .object(let o): return .object(o.keys.sorted().map { ($0, json(o[$0])) })
        }
    }
}
