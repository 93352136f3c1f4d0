// An evaluation suite as its JSON file states it: scenarios, each a dataset, a target (none for
// clustering), the scripted user turns, what is expected (tools, metric floor, columns to leave out,
// models, language, the metric the log must name) and budgets. Every standard check runs on every
// scenario; the optional ones run when their expectation is given. Leaves out: running (EvalRunner).

public import Foundation

/// A suite file.
public struct EvalSuite: Sendable, Codable, Equatable {
    public var name: String
    public var description: String?
    public var scenarios: [EvalScenario]
    /// The folder the suite was read from (datasets are found relative to it); not in the file.
    public var folder: URL?

    enum CodingKeys: String, CodingKey { case name, description, scenarios }

    public init(name: String, description: String? = nil, scenarios: [EvalScenario], folder: URL? = nil) {
        self.name = name
        self.description = description
        self.scenarios = scenarios
        self.folder = folder
    }

    /// Reads a suite file.
    /// - Throws: `EvalError` naming the file and what is wrong (with the field's path).
    public static func load(_ url: URL) throws(EvalError) -> EvalSuite {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw EvalError("cannot read the suite \(url.path): \(error.localizedDescription).")
        }
        var suite: EvalSuite
        do { suite = try JSONDecoder().decode(EvalSuite.self, from: data) } catch let DecodingError.keyNotFound(key, c)
        {
            throw EvalError("\(url.path): missing \"\(key.stringValue)\" at \(Self.path(c.codingPath)).")
        } catch let DecodingError.typeMismatch(_, c) {
            throw EvalError("\(url.path): wrong type at \(Self.path(c.codingPath)): \(c.debugDescription)")
        } catch {
            throw EvalError(
                "\(url.path) is not a valid suite file (JSON with \"name\" and \"scenarios\"): \(error.localizedDescription)"
            )
        }
        guard !suite.scenarios.isEmpty else { throw EvalError("\(url.path) has no scenarios.") }
        let names = suite.scenarios.map(\.name)
        if Set(names).count != names.count { throw EvalError("\(url.path): scenario names must be unique.") }
        suite.folder = url.deletingLastPathComponent()
        return suite
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().trimmingPrefix(".").description
    }

    /// The dataset file of a scenario: relative to the suite's folder, then to its parent, then to `cwd`.
    public func datasetURL(_ scenario: EvalScenario, cwd: URL) throws(EvalError) -> URL {
        var bases: [URL] = []
        if let folder {
            bases.append(folder)
            bases.append(folder.deletingLastPathComponent())
        }
        bases.append(cwd)
        let candidates = bases.map { $0.appendingPathComponent(scenario.dataset).standardizedFileURL }
        guard let found = candidates.first(where: { FileManager.default.isReadableFile(atPath: $0.path) }) else {
            throw EvalError(
                "scenario \(scenario.name): dataset \(scenario.dataset) not found (looked at "
                    + candidates.map(\.path).joined(separator: ", ") + ").")
        }
        return found
    }
}

/// One scenario of a suite.
public struct EvalScenario: Sendable, Codable, Equatable {
    public var name: String
    /// The CSV, relative to the suite file (copied into the scenario's workspace under its own name).
    public var dataset: String
    /// The column to predict; nil for clustering.
    public var target: String?
    /// Clustering only: a known label column the user names as a reference (never a feature).
    public var reference: String?
    /// "en" or "fr".
    public var language: String?
    /// The user's messages, in order; "{file}", "{target}" and "{reference}" are replaced.
    public var turns: [String]
    public var expect: EvalExpectations
    public var budgets: EvalBudgets?

    public init(
        name: String, dataset: String, target: String? = nil, language: String? = nil, turns: [String],
        expect: EvalExpectations, budgets: EvalBudgets? = nil, reference: String? = nil
    ) {
        self.name = name
        self.reference = reference
        self.dataset = dataset
        self.target = target
        self.language = language
        self.turns = turns
        self.expect = expect
        self.budgets = budgets
    }
}

/// What a scenario expects; nil fields are not checked.
public struct EvalExpectations: Sendable, Codable, Equatable {
    /// Tools that must have run successfully at least once.
    public var tools: [String]?
    /// Whether the first model trained must be the baseline (default true).
    public var baselineFirst: Bool?
    /// The success metric and its floor (a ceiling for a metric where lower is better).
    public var metric: String?
    public var floor: Double?
    /// Columns no trained model may use (an ID, a leaking copy of the target).
    public var excludedColumns: [String]?
    /// Columns some trained model must have used (a text column, say).
    public var usedColumns: [String]?
    /// Model families that must have been trained.
    public var models: [String]?
    /// The language of the log and of the assistant's words.
    public var language: String?
    /// A word the log's context must state as its metric (after a change of metric).
    public var logMetric: String?
    /// How many times the sealed test split may be evaluated (default 1).
    public var maxTestEvaluations: Int?
    /// Columns or warning kinds load_data's warnings must name (a leakage trap seen).
    public var warned: [String]?
    /// Words the experiment log must contain (what was done about a trap).
    public var logMentions: [String]?
    /// Columns the chosen run (evaluated on the test split, else the best) must not use.
    public var chosenExcludes: [String]?
    /// The column the chosen run's validation must be grouped on.
    public var groupedBy: String?

    public init(
        tools: [String]? = nil, baselineFirst: Bool? = nil, metric: String? = nil, floor: Double? = nil,
        excludedColumns: [String]? = nil, usedColumns: [String]? = nil, models: [String]? = nil,
        language: String? = nil, logMetric: String? = nil,
        maxTestEvaluations: Int? = nil
    ) {
        self.tools = tools
        self.baselineFirst = baselineFirst
        self.metric = metric
        self.floor = floor
        self.excludedColumns = excludedColumns
        self.usedColumns = usedColumns
        self.models = models
        self.language = language
        self.logMetric = logMetric
        self.maxTestEvaluations = maxTestEvaluations
    }

    enum CodingKeys: String, CodingKey {
        case tools, metric, floor, models, language
        case baselineFirst = "baseline_first"
        case excludedColumns = "excluded_columns"
        case usedColumns = "used_columns"
        case logMetric = "log_metric"
        case maxTestEvaluations = "max_test_evaluations"
        case warned
        case logMentions = "log_mentions"
        case chosenExcludes = "chosen_excludes"
        case groupedBy = "grouped_by"
    }
}

/// Budgets of one scenario run.
public struct EvalBudgets: Sendable, Codable, Equatable {
    /// Model requests (assistant messages).
    public var turns: Int?
    /// Prompt + completion tokens, as the server counted them.
    public var tokens: Int?
    /// Wall time, in seconds.
    public var seconds: Double?

    public init(turns: Int? = nil, tokens: Int? = nil, seconds: Double? = nil) {
        self.turns = turns
        self.tokens = tokens
        self.seconds = seconds
    }
}

/// Why an evaluation cannot run.
public struct EvalError: Error, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
