// What the notebook and HTML exports show, gathered once from the workspace: the log (context,
// experiments, decision) as the source of the prose, the run store as the source of every number,
// and the charts saved with the runs plus a comparison of each experiment's runs on the main metric.
// A log of several problems gives one report per problem, with the runs of that problem's data and
// target. Leaves out: any layout (NotebookBuilder and HTMLReport do that) and any recomputation.
public import Foundation
public import Languages

/// A session's experiments with their runs and charts, ready to export.
public struct SessionReport: Sendable {
    public struct Experiment: Sendable {
        public var entry: LogEntry
        /// The runs the entry cites, in the order it cites them (unknown ids are left out).
        public var runs: [RunRecord]
        public var charts: [Chart]
    }

    public var language: Language
    public var context: LogContext?
    public var experiments: [Experiment]
    /// Every run of the workspace, oldest first.
    public var runs: [RunRecord]
    public var decision: String?
    /// The metric runs are compared on (a snake_case scorer name), when one can be told.
    public var mainMetric: String?
    /// Run ids the log cites that are not in the store (said in the export, never invented).
    public var missingRuns: [String]
    /// The charts saved with each run (run id → charts), cited by the log or not.
    public var savedCharts: [String: [Chart]]
    /// The log as stored (the W&B export attaches its Markdown).
    public var log: LogDocument
    /// Every look at the sealed test split, oldest first (the store's order).
    public var testEvaluations: [TestEvaluation]

    /// Puts a log and runs together; `archive` adds the charts saved with the runs.
    public init(
        log: LogDocument, runs: [RunRecord], archive: ChartArchive? = nil, testEvaluations: [TestEvaluation] = []
    ) {
        self.log = log
        self.testEvaluations = testEvaluations
        let byID = Dictionary(runs.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let ordered = runs.sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
        language = log.language
        context = log.context
        decision = log.decision
        self.runs = ordered
        let metric = Self.mainMetric(context: log.context, runs: ordered)
        mainMetric = metric
        var missing: [String] = []
        let baseline = ordered.first { $0.modelFamily == "baseline" }
        let saved = Dictionary(
            ordered.map { ($0.id, archive?.charts(runID: $0.id) ?? []) }, uniquingKeysWith: { a, _ in a })
        savedCharts = saved.filter { !$0.value.isEmpty }
        // A run's saved charts appear once, under the last experiment that cites it (where it is
        // interpreted), not under every comparison it takes part in.
        var lastCiting: [String: Int] = [:]
        for (i, entry) in log.entries.enumerated() { for id in entry.runIDs { lastCiting[id] = i } }
        experiments = log.entries.enumerated().map { index, entry in
            let cited = entry.runIDs.compactMap { id -> RunRecord? in
                if byID[id] == nil, !missing.contains(id) { missing.append(id) }
                return byID[id]
            }
            var charts: [Chart] = []
            if let metric {
                // Each experiment's runs against the baseline, so the gain is visible.
                var compared = cited
                if let baseline, !compared.contains(where: { $0.id == baseline.id }) {
                    compared.insert(baseline, at: 0)
                }
                if let chart = Self.comparison(
                    compared, metric: metric, reference: baseline?.id, language: log.language)
                {
                    charts.append(chart)
                }
            }
            charts += cited.filter { lastCiting[$0.id] == index }.flatMap { saved[$0.id] ?? [] }
            return Experiment(entry: entry, runs: cited, charts: charts)
        }
        missingRuns = missing
    }

    /// Reads the log and the run store of `workspace`, one report per problem of the log (its key nil
    /// for a log of one problem); the archive's charts come along.
    /// - Parameter problem: keeps only the problem this names ("titanic.csv", "titanic:survived", …).
    /// - Throws: when the workspace has no experiment log yet, or `problem` names none of its problems.
    public static func loadAll(workspace: URL, problem: String? = nil) throws(TrackingError) -> [(
        key: ProblemKey?, report: SessionReport
    )] {
        let (document, runs, _) = try read(workspace: workspace, requireLog: true)
        let archive = ChartArchive(workspace: workspace)
        let problems = document.writtenProblems
        guard problems.count > 1 || problem != nil else {
            return [(nil, SessionReport(log: document.only(problems[0]), runs: runs, archive: archive))]
        }
        let chosen = problems.filter { p in problem.map { p.key?.matches($0) == true } ?? true }
        guard !chosen.isEmpty else {
            let names = problems.compactMap { $0.key?.description }
            throw TrackingError(
                .invalidInput,
                "No problem '\(problem ?? "")' in the log; it holds: \(names.joined(separator: "; ")). Name one by its data file, e.g. --problem \(problems.compactMap(\.key?.dataset).first ?? "data.csv")."
            )
        }
        return chosen.map { p in
            let cited = Set(p.entries.flatMap(\.runIDs))
            let own = runs.filter { run in
                cited.contains(run.id)
                    || p.key.map { $0.dataset == run.dataset.path && $0.target == run.target } ?? true
            }
            return (p.key, SessionReport(log: document.only(p), runs: own, archive: archive))
        }
    }

    /// Reads the log and the run store of `workspace` (the experiments of the log's first problem when
    /// it holds several; `log` keeps them all); the archive's charts and the sealed test split's
    /// evaluations come along.
    /// - Parameter requireLog: when false, a workspace with runs but no log yet gives an empty log.
    /// - Throws: when the workspace has no experiment log yet (and `requireLog`).
    public static func load(workspace: URL, requireLog: Bool = true) throws(TrackingError) -> SessionReport {
        let (document, runs, tests) = try read(workspace: workspace, requireLog: requireLog)
        return SessionReport(
            log: document, runs: runs, archive: ChartArchive(workspace: workspace), testEvaluations: tests)
    }

    private static func read(workspace: URL, requireLog: Bool) throws(TrackingError) -> (
        LogDocument, [RunRecord], [TestEvaluation]
    ) {
        let log = ExperimentLog(workspace: workspace)
        guard !requireLog || FileManager.default.fileExists(atPath: log.sidecarPath) else {
            throw TrackingError(
                .invalidInput,
                "No experiment log in \(workspace.path) (no \(log.sidecarPath)). Run a session first, e.g. `mlexp run FILE --target COL --model autopilot`, or pass --workspace."
            )
        }
        let document = try log.read()
        let storeFile = RunStore.defaultPath(workspace: workspace)
        var runs: [RunRecord] = [], tests: [TestEvaluation] = []
        if FileManager.default.fileExists(atPath: storeFile.path) {
            let store = try RunStore(workspace: workspace)
            runs = try store.list()
            tests = try store.testEvaluations()
        }
        return (document, runs, tests)
    }

    /// The comparison chart of all runs on the main metric (nil when no run has it).
    public var overview: Chart? {
        guard let mainMetric else { return nil }
        return Self.comparison(
            runs, metric: mainMetric, reference: runs.first { $0.modelFamily == "baseline" }?.id, language: language)
    }

    /// The scorer names a context's metric line may name, longest first so "f1_macro" beats "f1".
    static let knownMetrics = [
        "balanced_accuracy", "average_precision", "adjusted_rand", "f1_weighted", "f1_macro", "median_ae",
        "silhouette", "precision", "accuracy", "log_loss", "inertia", "roc_auc", "recall", "brier", "rmsle", "rmse",
        "mape", "mae", "mcc", "f1", "r2",
    ]

    /// The metric named in the context, else the first headline metric the runs share.
    static func mainMetric(context: LogContext?, runs: [RunRecord]) -> String? {
        let stored = Set(runs.flatMap(\.metrics.keys))
        if let text = context?.metric.lowercased() {
            let named = knownMetrics.compactMap { m -> (String, String.Index)? in
                guard let r = text.range(of: m) else { return nil }
                return (m, r.lowerBound)
            }
            // The earliest mention wins; among mentions at one place, the longest name.
            if let first = named.min(by: { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0.count > $1.0.count) }),
                stored.isEmpty || stored.contains(first.0)
            {
                return first.0
            }
        }
        let headline = [
            "roc_auc", "accuracy", "balanced_accuracy", "f1", "f1_macro", "r2", "rmse", "mae", "silhouette",
        ]
        return headline.first(where: stored.contains) ?? stored.sorted().first
    }

    /// Runs side by side on `metric` with their CI (or ± one std over folds); nil when none has it.
    static func comparison(_ runs: [RunRecord], metric: String, reference: String?, language: Language = .en)
        -> Chart?
    {
        let w = ChartWords(language)
        let withMetric = runs.filter { $0.metrics[metric]?.mean.isFinite == true }
        guard !withMetric.isEmpty else { return nil }
        let allCI = withMetric.allSatisfy { $0.metrics[metric]?.ciLow != nil && $0.metrics[metric]?.ciHigh != nil }
        let label = { (r: RunRecord) in "\(r.id) \(r.modelFamily)" }
        let entries = withMetric.compactMap { r -> RunComparisonInput.Run? in
            guard let m = r.metrics[metric] else { return nil }
            if allCI { return .init(label: label(r), value: m.mean, low: m.ciLow, high: m.ciHigh) }
            return .init(
                label: label(r), value: m.mean, low: m.std.map { m.mean - $0 }, high: m.std.map { m.mean + $0 })
        }
        let ref = withMetric.first { $0.id == reference }.map(label)
        let input = RunComparisonInput(
            metric: metric, runs: entries, reference: ref,
            interval: allCI
                ? w(.confidenceInterval) : w(.stdOverFolds))
        return try? Chart.runComparison(input, language: language)
    }
}
