// The scorecard of a suite run: per scenario, the pass rate over repeats, each check's pass rate, the
// success metric, tokens, latency, turns and time as mean ± std; per check, its pass rate over the
// whole suite. Codable, so `mlexp eval` writes it as JSON and `eval compare` reads two back.
// Leaves out: rendering (Scorecard+Markdown.swift).

public import Foundation

/// Mean and standard deviation of a measure over repeats.
public struct MeanStd: Sendable, Codable, Equatable {
    public var mean: Double
    public var std: Double

    public init(_ values: [Double]) {
        guard !values.isEmpty else {
            mean = 0
            std = 0
            return
        }
        mean = values.reduce(0, +) / Double(values.count)
        let m = mean
        std =
            values.count > 1
            ? (values.map { ($0 - m) * ($0 - m) }.reduce(0, +) / Double(values.count - 1)).squareRoot() : 0
    }

    public var text: String { std == 0 ? Self.format(mean) : "\(Self.format(mean)) ± \(Self.format(std))" }

    static func format(_ x: Double) -> String {
        abs(x) >= 100 || x == x.rounded() ? String(format: "%.0f", x) : String(format: "%.3f", x)
    }
}

/// Passes out of attempts.
public struct PassRate: Sendable, Codable, Equatable {
    public var passed: Int
    public var total: Int

    public init(passed: Int, total: Int) {
        self.passed = passed
        self.total = total
    }

    public var rate: Double { total == 0 ? 0 : Double(passed) / Double(total) }
    public var text: String { "\(passed)/\(total)" }
}

/// One scenario's scores.
public struct ScenarioScore: Sendable, Codable, Equatable {
    public var name: String
    public var passRate: PassRate
    public var checks: [String: PassRate]
    public var metric: String?
    public var floor: Double?
    public var metricValue: MeanStd?
    public var metricReached: PassRate?
    public var tokens: MeanStd
    public var latencyMS: MeanStd
    public var turns: MeanStd
    public var seconds: MeanStd
    /// The details of every failed check, "attempt 2: log_complete: …".
    public var failures: [String]

    enum CodingKeys: String, CodingKey {
        case name, checks, metric, floor, tokens, turns, seconds, failures
        case passRate = "pass_rate"
        case metricValue = "metric_value"
        case metricReached = "metric_reached"
        case latencyMS = "latency_ms"
    }
}

/// A suite's scorecard.
public struct Scorecard: Sendable, Codable, Equatable {
    public var suite: String
    public var model: String
    public var repeats: Int
    public var createdAt: String
    public var scenarios: [ScenarioScore]
    public var checks: [String: PassRate]
    public var allPassed: Bool

    enum CodingKeys: String, CodingKey {
        case suite, model, repeats, scenarios, checks
        case createdAt = "created_at"
        case allPassed = "all_passed"
    }

    /// Aggregates runs (any order) by scenario, in the suite's order.
    public init(suite: EvalSuite, model: String, repeats: Int, runs: [ScenarioRun], createdAt: Date = Date()) {
        self.suite = suite.name
        self.model = model
        self.repeats = repeats
        let f = ISO8601DateFormatter()
        self.createdAt = f.string(from: createdAt)
        var all: [String: PassRate] = [:]
        scenarios = suite.scenarios.map { s in
            let mine = runs.filter { $0.scenario == s.name }.sorted { $0.attempt < $1.attempt }
            var checks: [String: PassRate] = [:]
            var failures: [String] = []
            for r in mine {
                for c in r.checks {
                    checks[c.name, default: PassRate(passed: 0, total: 0)].total += 1
                    all[c.name, default: PassRate(passed: 0, total: 0)].total += 1
                    if c.passed {
                        checks[c.name]?.passed += 1
                        all[c.name]?.passed += 1
                    } else {
                        failures.append("attempt \(r.attempt): \(c.name): \(c.detail)")
                    }
                }
                for stop in r.stops { failures.append("attempt \(r.attempt): stopped: \(stop)") }
            }
            let values = mine.compactMap(\.metricValue)
            let reached = mine.compactMap { r in r.checks.first { $0.name == "metric_reached" } }
            return ScenarioScore(
                name: s.name, passRate: PassRate(passed: mine.filter(\.passed).count, total: mine.count),
                checks: checks,
                metric: s.expect.metric, floor: s.expect.floor, metricValue: values.isEmpty ? nil : MeanStd(values),
                metricReached: reached.isEmpty
                    ? nil : PassRate(passed: reached.filter(\.passed).count, total: reached.count),
                tokens: MeanStd(mine.map { Double($0.tokens) }), latencyMS: MeanStd(mine.map(\.latencyMS)),
                turns: MeanStd(mine.map { Double($0.turns) }), seconds: MeanStd(mine.map(\.seconds)), failures: failures
            )
        }
        checks = all
        allPassed = !runs.isEmpty && runs.allSatisfy(\.passed)
    }

    /// The scorecard as pretty JSON with sorted keys.
    public func json() throws -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try e.encode(self)
    }

    /// Reads a scorecard written by `json()`.
    public static func read(_ url: URL) throws(EvalError) -> Scorecard {
        do { return try JSONDecoder().decode(Scorecard.self, from: Data(contentsOf: url)) } catch {
            throw EvalError(
                "\(url.path) is not a scorecard written by mlexp eval (scorecard.json): \(error.localizedDescription)")
        }
    }
}
