// Structural comparison of a recorded tool result with the one replay computed: objects key by key,
// arrays item by item, numbers within a tolerance, strings exactly except for the numbers inside them
// (compared like numbers). Keys that name ids, run ids, timings and paths are not compared: they differ
// from one run of the same session to the next. Run ids inside strings are mapped (see RunIDMap) and
// workspace paths replaced before comparing. Leaves out: which result belongs to which call (Replay).

import Foundation

/// What is compared and how closely.
public struct ComparisonRules: Sendable {
    /// Two numbers match when |a − b| ≤ tolerance × max(1, |a|, |b|).
    public var tolerance: Double
    /// Keys never compared (lowercased), whatever their depth.
    public var ignoredKeys: Set<String>
    /// Key endings never compared.
    public var ignoredSuffixes: [String]

    public static let defaultIgnoredKeys: Set<String> = [
        "id", "ids", "run_id", "run_ids", "other_run", "compare_to", "best_run", "session_id", "call_id",
        "path", "file", "workspace", "log_path", "model_path", "transcript",
        "time", "timestamp", "created_at", "started_at", "finished_at", "evaluated_at", "elapsed",
        "duration", "seconds", "training_seconds", "fit_seconds", "predict_seconds", "latency",
        // Where a time limit stopped a fit: the clock's doing (a replay pins the count; the params and
        // metrics of the model it fits are compared).
        "time_limit", "time_limited_iterations",
    ]
    public static let defaultIgnoredSuffixes = ["_id", "_ids", "_seconds", "_ms", "_time", "_path", "_at"]

    public init(
        tolerance: Double = 1e-4, ignoredKeys: Set<String> = Self.defaultIgnoredKeys,
        ignoredSuffixes: [String] = Self.defaultIgnoredSuffixes
    ) {
        self.tolerance = tolerance
        self.ignoredKeys = ignoredKeys
        self.ignoredSuffixes = ignoredSuffixes
    }

    public func ignores(_ key: String) -> Bool {
        let k = key.lowercased()
        return ignoredKeys.contains(k) || ignoredSuffixes.contains { k.hasSuffix($0) }
    }

    public func close(_ a: Double, _ b: Double) -> Bool {
        if a == b { return true }
        guard a.isFinite, b.isFinite else { return false }
        return abs(a - b) <= tolerance * max(1, abs(a), abs(b)) + 1e-12
    }
}

/// One place where a replayed result differs from the recording.
public struct ResultDifference: Sendable, Equatable, CustomStringConvertible {
    /// Where in the result ("metrics.roc_auc.mean", "columns[3].missing"); "" for the whole result.
    public var path: String
    public var recorded: String
    public var replayed: String

    public var description: String {
        "\(path.isEmpty ? "result" : path): recorded \(recorded), replayed \(replayed)"
    }
}

/// Compares two JSON results.
public enum ResultComparison {
    /// Every difference between `recorded` and `replayed` (empty when they match).
    /// - Parameter normalize: applied to the strings of each side before comparing (run-id mapping and
    ///   workspace path on the recorded side, workspace path on the replayed side).
    /// - Complexity: O(size of the results).
    public static func differences(
        recorded: JSONValue, replayed: JSONValue, rules: ComparisonRules,
        normalize: Normalizers = Normalizers()
    ) -> [ResultDifference] {
        var out: [ResultDifference] = []
        walk(recorded, replayed, path: "", rules: rules, normalize: normalize, into: &out)
        return out
    }

    /// String rewrites applied before comparing, one per side.
    public struct Normalizers {
        public var recorded: (String) -> String
        public var replayed: (String) -> String
        public init(recorded: @escaping (String) -> String = { $0 }, replayed: @escaping (String) -> String = { $0 }) {
            self.recorded = recorded
            self.replayed = replayed
        }
    }

    private static func walk(
        _ a: JSONValue, _ b: JSONValue, path: String, rules: ComparisonRules, normalize: Normalizers,
        into out: inout [ResultDifference]
    ) {
        switch (a, b) {
        case (.object(let x), .object(let y)):
            for key in Set(x.keys).union(y.keys).sorted() where !rules.ignores(key) {
                let sub = path.isEmpty ? key : "\(path).\(key)"
                switch (x[key], y[key]) {
                case (let u?, let v?): walk(u, v, path: sub, rules: rules, normalize: normalize, into: &out)
                case (let u?, nil):
                    out.append(ResultDifference(path: sub, recorded: abridged(u), replayed: "(missing)"))
                case (nil, let v?):
                    out.append(ResultDifference(path: sub, recorded: "(missing)", replayed: abridged(v)))
                case (nil, nil): break
                }
            }
        case (.array(let x), .array(let y)):
            if x.count != y.count {
                out.append(ResultDifference(path: path, recorded: "\(x.count) items", replayed: "\(y.count) items"))
            }
            for i in 0..<min(x.count, y.count) {
                walk(x[i], y[i], path: "\(path)[\(i)]", rules: rules, normalize: normalize, into: &out)
            }
        case (.number(let x), .number(let y)):
            if !rules.close(x, y) {
                out.append(
                    ResultDifference(path: path, recorded: JSONValue.number(x).text, replayed: JSONValue.number(y).text)
                )
            }
        case (.string(let x), .string(let y)):
            let nx = normalize.recorded(x), ny = normalize.replayed(y)
            if nx != ny && !TextWithNumbers.matches(nx, ny, rules: rules) {
                out.append(
                    ResultDifference(path: path, recorded: abridged(.string(nx)), replayed: abridged(.string(ny))))
            }
        default:
            if a != b { out.append(ResultDifference(path: path, recorded: abridged(a), replayed: abridged(b))) }
        }
    }

    static func abridged(_ v: JSONValue) -> String {
        let t = v.text
        return t.count > 120 ? String(t.prefix(117)) + "…" : t
    }
}

/// Texts compared with the numbers in them read as numbers: "AUC 0.84612" matches "AUC 0.84613" within
/// the tolerance, and every other character must be equal.
enum TextWithNumbers {
    static func matches(_ a: String, _ b: String, rules: ComparisonRules) -> Bool {
        let x = tokens(a), y = tokens(b)
        guard x.count == y.count else { return false }
        for (p, q) in zip(x, y) {
            switch (p, q) {
            case (.number(let u), .number(let v)): if !rules.close(u, v) { return false }
            case (.text(let u), .text(let v)): if u != v { return false }
            default: return false
            }
        }
        return true
    }

    enum Token: Equatable {
        case text(Substring)
        case number(Double)
    }

    static func tokens(_ s: String) -> [Token] {
        var out: [Token] = []
        var last = s.startIndex
        for m in s.matches(of: /-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?/) {
            if last < m.range.lowerBound { out.append(.text(s[last..<m.range.lowerBound])) }
            if let d = Double(m.output) { out.append(.number(d)) } else { out.append(.text(m.output)) }
            last = m.range.upperBound
        }
        if last < s.endIndex { out.append(.text(s[last...])) }
        return out
    }
}
