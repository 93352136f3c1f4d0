// Checks that every number in the log comes from a run in the store. A decimal number (or a
// percentage) is attributed to the run ids cited in the same clause (text between ';', line breaks
// and sentence ends); failing that, to the ids cited in the same section; failing that, to the
// entry's run ids. It matches when one of those runs holds that value once rounded to the digits
// written: an aggregate metric (mean, std, CI bound), a fold's metric, a test-split evaluation,
// the training time, a hyper-parameter, or the difference of two cited runs' means. In the Result
// section every decimal number must match; in the other sections only numbers next to a run id are
// checked (a threshold the user gave is not a run's). Integers are never checked (fold counts, #N).
// Also: `RunRecord.cite`, which formats a metric with its run id the way the check reads it.
import Foundation
public import Languages

/// A number in the log that the store does not back.
public struct LogIssue: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable, Equatable {
        /// The number matches none of the cited runs' stored values.
        case mismatch
        /// A Result number with no run id to check it against.
        case uncited
        /// A cited run id that the store does not hold.
        case unknownRun
    }

    public var kind: Kind
    public var entry: Int
    public var section: String
    /// The number or run id as written.
    public var text: String
    public var runIDs: [String]
    /// The problem the entry belongs to, in a log of several ("mpg.csv → hwy").
    public var problem: String? = nil

    public var description: String {
        (problem.map { "\($0): " } ?? "") + what
    }

    private var what: String {
        switch kind {
        case .mismatch:
            "Experiment #\(entry) \(section): \(text) is not a stored value of \(runIDs.joined(separator: ", "))"
        case .uncited: "Experiment #\(entry) \(section): \(text) has no run id next to it"
        case .unknownRun: "Experiment #\(entry) \(section): run \(text) is not in the store"
        }
    }
}

extension ExperimentLog {
    /// Every number in the log that the run store does not back (empty when the log is sound).
    public func verify(against store: RunStore) throws(TrackingError) -> [LogIssue] {
        try Self.verify(try read(), against: store)
    }

    /// Checks one log document against the store.
    public static func verify(_ document: LogDocument, against store: RunStore) throws(TrackingError) -> [LogIssue] {
        var issues: [LogIssue] = []
        var values: [String: [Double]?] = [:]  // run id → stored values (nil: unknown run)
        func storedValues(_ id: String) throws(TrackingError) -> [Double]? {
            if let cached = values[id] { return cached }
            var found: [Double]?
            do {
                let run = try store.get(id)
                found =
                    run.numbers + (try store.testEvaluations(runID: id).flatMap { $0.metrics.values.flatMap(\.values) })
            } catch  where error.code == .unknownRun {
                found = nil
            }
            values[id] = found
            return found
        }
        let named = document.writtenProblems.count > 1
        for problem in document.problems {
            let label = named ? problem.key?.description : nil
            issues += try verify(problem.entries, storedValues: storedValues).map { issue in
                var issue = issue
                issue.problem = label
                return issue
            }
        }
        return issues
    }

    /// Checks one problem's entries; `storedValues` gives a run's stored numbers (nil: unknown run).
    private static func verify(
        _ entries: [LogEntry], storedValues: (String) throws(TrackingError) -> [Double]?
    ) throws(TrackingError) -> [LogIssue] {
        var issues: [LogIssue] = []
        for entry in entries {
            let sections = [
                ("Hypothesis", entry.hypothesis), ("Approach", entry.approach), ("Result", entry.result),
                ("Analysis", entry.analysis), ("Next", entry.next),
            ]
            for (section, text) in sections {
                let sectionIDs = runIDs(in: text)
                for id in sectionIDs where try storedValues(id) == nil {
                    issues.append(
                        LogIssue(kind: .unknownRun, entry: entry.number, section: section, text: id, runIDs: []))
                }
                for clause in clauses(of: text) {
                    let clauseIDs = runIDs(in: clause)
                    let strict = section == "Result"
                    if clauseIDs.isEmpty && !strict { continue }
                    let candidates = !clauseIDs.isEmpty ? clauseIDs : (!sectionIDs.isEmpty ? sectionIDs : entry.runIDs)
                    for number in numbers(in: clause) {
                        guard !candidates.isEmpty else {
                            issues.append(
                                LogIssue(
                                    kind: .uncited, entry: entry.number, section: section, text: number.text, runIDs: []
                                ))
                            continue
                        }
                        var pool: [Double] = []
                        var means: [[Double]] = []
                        for id in candidates {
                            guard let stored = try storedValues(id) else { continue }
                            pool += stored
                            means.append(stored)
                        }
                        if means.count > 1 {  // differences between cited runs ("+0.12 vs baseline")
                            for i in means.indices {
                                for j in means.indices where i != j {
                                    for x in means[i] { for y in means[j] { pool.append(x - y) } }
                                }
                            }
                        }
                        if !pool.contains(where: { number.matches($0) }) {
                            issues.append(
                                LogIssue(
                                    kind: .mismatch, entry: entry.number, section: section, text: number.text,
                                    runIDs: candidates))
                        }
                    }
                }
            }
        }
        return issues
    }
}

/// A decimal number as written in the log.
struct WrittenNumber: Equatable {
    var text: String
    var value: Double
    var decimals: Int
    var percent: Bool

    /// Whether `stored` rounds to this number (as a fraction, or as a percentage when written with %).
    func matches(_ stored: Double) -> Bool {
        let scaled = percent ? stored * 100 : stored
        let half = 0.5 * pow(10, Double(-decimals)) + 1e-9
        return abs(scaled - value) <= half
    }
}

/// Run ids ("r" followed by four or more digits) cited in a text.
func runIDs(in text: String) -> [String] {
    text.matches(of: /\br\d{4,}\b/).map { String($0.output) }
}

/// The clauses of a text: split at ';', line breaks and sentence ends (". " but not a decimal point).
func clauses(of text: String) -> [String] {
    text.split(separator: /;|\n|\.(?=\s)|\.$/).map(String.init)
}

/// Decimal numbers (with a point) and percentages in a text; run ids and confidence levels
/// ("95% CI", "IC à 95 %") left out.
func numbers(in text: String) -> [WrittenNumber] {
    let cleaned = text.replacing(/\br\d{4,}\b/, with: " ")
        .replacing(/\d+\s?%\s*(?:CI|IC|conf)/.ignoresCase(), with: " ")
        .replacing(/(?:CI|IC)(?:\s*à)?\s*\d+\s?%/.ignoresCase(), with: " ")
    return cleaned.matches(of: /(?:^|[^\w.])([-−+]?\d+(?:\.(\d+))?)(\s?%)?/).compactMap { match in
        let raw = String(match.output.1).replacingOccurrences(of: "−", with: "-")
        let decimals = match.output.2.map(\.count) ?? 0
        let percent = match.output.3 != nil
        guard decimals > 0 || percent, let value = Double(raw) else { return nil }
        return WrittenNumber(
            text: String(match.output.1) + (percent ? "%" : ""), value: value, decimals: decimals, percent: percent)
    }
}

extension RunRecord {
    /// Every number the run holds that a log may quote.
    var numbers: [Double] {
        metrics.values.flatMap(\.values) + foldMetrics.flatMap(\.values) + [trainingSeconds]
            + hyperParameters.values.compactMap { value in
                if case .string(let text) = value { return Double(text) }  // parameters stored as text
                return value.number
            }
    }

    /// A metric with its run id, as the log should quote it: "roc_auc 0.846 ± 0.012 (r0003)".
    /// - Parameters:
    ///   - digits: decimals written (the check rounds stored values to the same).
    ///   - language: the log's, which labels the interval ("95% CI", "IC 95 %").
    public func cite(_ metric: String, digits: Int = 3, language: Language = .en) -> String {
        guard let summary = metrics[metric] else { return "\(metric) n/a (\(id))" }
        var text = "\(metric) " + String(format: "%.\(digits)f", summary.mean)
        if let std = summary.std { text += " ± " + String(format: "%.\(digits)f", std) }
        if let low = summary.ciLow, let high = summary.ciHigh {
            text +=
                LogWord.interval.text(language) + String(format: "%.\(digits)f", low) + "–"
                + String(format: "%.\(digits)f", high) + "]"
        }
        return text + " (\(id))"
    }
}
