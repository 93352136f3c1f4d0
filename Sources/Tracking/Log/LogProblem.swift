// The problems of one workspace's log. Sessions on different data (titanic's survival, mpg's fuel use)
// can share a workspace and run at the same time: each writes its context, experiments (numbered per
// problem) and decision under its own problem, named by the data file and the target. A log written
// before problems existed (top-level context, entries, decision) reads as one problem without a key.
// Leaves out rendering (LogRenderer) and locking (ExperimentLog).
public import Languages

/// What a problem is about: the data file (as the session named it) and the target (nil: clustering).
public struct ProblemKey: Sendable, Codable, Hashable, CustomStringConvertible {
    public var dataset: String
    public var target: String?

    public init(dataset: String, target: String?) {
        self.dataset = dataset
        self.target = target
    }

    /// "titanic.csv → survived", "wine.csv (clustering)".
    public var description: String { target.map { "\(dataset) → \($0)" } ?? "\(dataset) (clustering)" }

    /// Whether `text` names this problem: its description, the data file, "file:target" or the target.
    public func matches(_ text: String) -> Bool {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        let file = dataset.lowercased()
        let stem = file.split(separator: "/").last.map { String($0.split(separator: ".").first ?? $0) } ?? file
        let names = [description.lowercased(), file, stem, target.map { "\(file):\($0.lowercased())" }]
        return names.contains(t) || target.map { "\(stem):\($0.lowercased())" == t } == true
    }
}

/// One problem's part of the log.
public struct LogProblem: Sendable, Codable, Equatable {
    /// nil for the one problem of a log written before problems had names.
    public var key: ProblemKey?
    public var context: LogContext?
    public var entries: [LogEntry] = []
    /// The final decision, once taken.
    public var decision: String?

    public init(key: ProblemKey?, context: LogContext? = nil) {
        self.key = key
        self.context = context
    }

    /// No context, no entry, no decision.
    public var isEmpty: Bool { context == nil && entries.isEmpty && decision == nil }
}

/// The whole log: what the sidecar file stores.
public struct LogDocument: Sendable, Equatable {
    public var language: Language
    /// In the order they were first written to.
    public var problems: [LogProblem]

    public init(language: Language, context: LogContext? = nil) {
        self.language = language
        self.problems = [LogProblem(key: nil, context: context)]
    }

    /// The problems that hold something (all of them when none does).
    public var writtenProblems: [LogProblem] {
        let written = problems.filter { !$0.isEmpty }
        return written.isEmpty ? Array(problems.prefix(1)) : written
    }

    /// The index of the problem `key` names, created when missing. A nil key is the first problem.
    /// A keyed session takes over a problem without a key that holds no experiment yet (a context written
    /// before any data was loaded, or a log only framed by an older build).
    public mutating func index(of key: ProblemKey?) -> Int {
        if let i = problems.firstIndex(where: { $0.key == key }) { return i }
        guard let key else {
            if problems.isEmpty { problems.append(LogProblem(key: nil)) }
            return 0
        }
        if let i = problems.firstIndex(where: { $0.key == nil && $0.entries.isEmpty && $0.decision == nil }) {
            problems[i].key = key
            return i
        }
        problems.append(LogProblem(key: key))
        return problems.count - 1
    }

    /// The log of one problem alone (same language), e.g. to export or check it.
    public func only(_ problem: LogProblem) -> LogDocument {
        var document = LogDocument(language: language)
        document.problems = [problem]
        return document
    }

    // The single-problem view, as a log with one problem reads: its first problem's parts.

    /// The first problem's context.
    public var context: LogContext? {
        get { problems.first?.context }
        set { problems[index(of: nil)].context = newValue }
    }
    /// The first problem's entries.
    public var entries: [LogEntry] {
        get { problems.first?.entries ?? [] }
        set { problems[index(of: nil)].entries = newValue }
    }
    /// The first problem's decision.
    public var decision: String? {
        get { problems.first?.decision }
        set { problems[index(of: nil)].decision = newValue }
    }
}

extension LogDocument: Codable {
    private enum Keys: String, CodingKey { case language, problems, context, entries, decision }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        language = try c.decode(Language.self, forKey: .language)
        if let problems = try c.decodeIfPresent([LogProblem].self, forKey: .problems) {
            self.problems = problems.isEmpty ? [LogProblem(key: nil)] : problems
        } else {  // written before problems: one problem without a key
            var only = LogProblem(key: nil, context: try c.decodeIfPresent(LogContext.self, forKey: .context))
            only.entries = try c.decodeIfPresent([LogEntry].self, forKey: .entries) ?? []
            only.decision = try c.decodeIfPresent(String.self, forKey: .decision)
            problems = [only]
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(language, forKey: .language)
        try c.encode(problems, forKey: .problems)
    }
}
