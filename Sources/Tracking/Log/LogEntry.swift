// The experiment log's content as data: for each problem of the workspace (LogProblem.swift) the
// context, one entry per experiment (hypothesis, approach, result, analysis, next, with the run ids
// it draws on), and the decision. This is what `.mlexp/log.json` holds; EXPERIMENTS.md is rendered
// from it. Leaves out rendering.
public import Foundation
import Languages

/// The problem the experiments serve.
public struct LogContext: Sendable, Codable, Equatable {
    public var problem: String
    /// Source, size, period.
    public var data: String
    /// Main metric and success threshold.
    public var metric: String

    public init(problem: String, data: String, metric: String) {
        self.problem = problem
        self.data = data
        self.metric = metric
    }
}

/// One experiment as the log tells it.
public struct LogEntry: Sendable, Codable, Equatable {
    /// 1-based, assigned by the log on append.
    public var number: Int = 0
    public var title: String
    public var hypothesis: String
    /// Model, features, hyper-parameters, with the run id.
    public var approach: String
    /// Metrics obtained, each number followed by its run id, e.g. "roc_auc 0.846 ± 0.012 (r0003)".
    public var result: String
    public var analysis: String
    public var next: String
    /// The runs this entry reports on.
    public var runIDs: [String]
    public var createdAt = Date(timeIntervalSince1970: 0)
    /// The session that wrote it (a resumed session drops its entries that its transcript never recorded).
    public var session: String?

    public init(
        title: String, hypothesis: String, approach: String, result: String, analysis: String, next: String,
        runIDs: [String]
    ) {
        self.title = title
        self.hypothesis = hypothesis
        self.approach = approach
        self.result = result
        self.analysis = analysis
        self.next = next
        self.runIDs = runIDs
    }
}
