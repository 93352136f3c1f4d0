// Where a model fails, on validation rows: the worst predictions with their feature values; the
// metric per slice (each level of a categorical input or one-hot group, quantile bins of numeric
// inputs) ranked by how much worse than overall, keeping slices with enough support; the most
// confused class pairs; and calibration (reliability bins and expected calibration error).
// Leaves out: slices crossing two inputs (the search space grows fast and overfits small sets).

import Foundation

/// Results of an error analysis; every part is plain data for reports and the agent.
public struct ErrorAnalysisResult: Sendable, Codable, Equatable {
    public struct Case: Sendable, Codable, Equatable {
        public var row: Int
        public var truth: String
        public var predicted: String
        /// Per-row loss: |error| for regression, −log p(true class) (or 1 if wrong) for classifiers.
        public var loss: Double
        public var features: [String: Double]
    }
    public struct Slice: Sendable, Codable, Equatable {
        public var feature: String
        /// The level, or the bin as "[low, high)" text.
        public var slice: String
        public var support: Int
        public var score: Double
        /// How much worse than overall (positive = worse), in the metric's units.
        public var gap: Double
        /// 95 % interval of `score` (ErrorAnalysis+Interval), for slices worse than overall; nil otherwise.
        public var low: Double? = nil
        public var high: Double? = nil
    }
    public struct ConfusedPair: Sendable, Codable, Equatable {
        public var truth: String
        public var predicted: String
        public var count: Int
        /// Share of the true class's rows predicted as `predicted`.
        public var rate: Double
    }
    public struct CalibrationBin: Sendable, Codable, Equatable {
        public var low: Double
        public var high: Double
        public var count: Int
        public var meanPredicted: Double
        public var observed: Double
    }
    public var metric: String
    public var overall: Double
    public var worst: [Case]
    public var slices: [Slice]
    public var confusedPairs: [ConfusedPair]?
    public var calibration: [CalibrationBin]?
    /// Expected calibration error: Σ (bin rows / rows) · |observed − mean predicted|.
    public var ece: Double?
}

public enum ErrorAnalysis {
    /// Analyses `prediction` against `target` on the rows of `x`.
    /// - Parameters:
    ///   - metric: slice metric; default accuracy for classifiers, mae for regression (defined on any slice).
    ///   - minSupport: smallest slice kept; default max(20, 2 % of rows).
    /// - Complexity: O(features × rows log rows).
    public static func analyze(
        x: FeatureMatrix, target: TargetValues, prediction: Prediction, metric: String? = nil, worst: Int = 10,
        bins: Int = 4, minSupport: Int? = nil, calibrationBins: Int = 10, levelNames: [String: [String]] = [:]
    ) throws(MLError) -> ErrorAnalysisResult {
        try Metrics.checkLengths(target.count, prediction.count, "error analysis")
        guard x.rows == target.count else {
            throw MLError(.shapeMismatch, "error analysis: \(x.rows) feature rows for \(target.count) targets.")
        }
        let key = metric ?? (target.task.isClassification ? "accuracy" : "mae")
        let sign = Metrics.greaterIsBetter(key) ? 1.0 : -1.0
        let overall = try Metrics.score(key, target: target, prediction: prediction)
        let support = minSupport ?? max(20, x.rows / 50)
        var slices: [ErrorAnalysisResult.Slice] = []
        var members: [[Int]] = []  // rows of each slice, in `slices` order
        for (name, group) in PermutationImportance.groups(x.features, bySource: true) {
            for (label, rows) in sliceRows(x, name, group, bins: bins, levelNames: levelNames)
            where rows.count >= support {
                guard
                    let s = try? Metrics.score(
                        key, target: target.selecting(rows: rows), prediction: prediction.selecting(rows: rows))
                else { continue }
                slices.append(
                    .init(feature: name, slice: label, support: rows.count, score: s, gap: sign * (overall - s)))
                members.append(rows)
            }
        }
        let order = slices.indices.sorted { a, b in
            let (x, y) = (slices[a], slices[b])
            return x.gap != y.gap ? x.gap > y.gap : (x.support != y.support ? x.support > y.support : a < b)
        }
        slices = order.map { slices[$0] }
        members = order.map { members[$0] }
        // Intervals for the slices worse than overall, the candidates for weak segments.
        for i in slices.indices where slices[i].gap > 0 {
            if let ci = sliceInterval(key, target: target, prediction: prediction, rows: members[i]) {
                slices[i].low = ci.low
                slices[i].high = ci.high
            }
        }
        var result = ErrorAnalysisResult(
            metric: key, overall: overall, worst: worstCases(x, target, prediction, worst),
            slices: slices, confusedPairs: nil, calibration: nil, ece: nil)
        if case .classes(let y, let names) = target, case .classes(let p, let probs, let k) = prediction {
            let cm = try ConfusionMatrix(yTrue: y, yPred: p, classCount: max(k, names.count))
            let name = { (c: Int) in c < names.count ? names[c] : "\(c)" }
            result.confusedPairs = cm.confusedPairs().prefix(5).map {
                .init(
                    truth: name($0.trueClass), predicted: name($0.predicted), count: $0.count,
                    rate: Double($0.count) / Double(max(cm.trueCount($0.trueClass), 1)))
            }
            if let probs { (result.calibration, result.ece) = calibration(y, probs, k, calibrationBins) }
        }
        return result
    }

    /// Rows of each slice of one input: its levels (categorical code or one-hot member), or quantile bins.
    static func sliceRows(
        _ x: FeatureMatrix, _ source: String, _ members: [Int], bins: Int, levelNames: [String: [String]]
    ) -> [(String, [Int])] {
        if let levels = PermutationImportance.oneHotLevels(x.features, members, source: source) {
            return levels.map { m in (x.features[m].name, (0..<x.rows).filter { x[$0, m] == 1 }) }
        }
        // A numeric column with its missing indicator slices on its own values; other multi-feature
        // groups (TF-IDF terms, datetime parts) have no natural slices.
        guard
            let j = members.count == 1 ? members[0] : PermutationImportance.primary(x.features, members, source: source)
        else { return [] }
        let col = x.column(j), base = col.startIndex
        var out: [(String, [Int])] = []
        let missing = (0..<x.rows).filter { col[base + $0].isNaN }
        if !missing.isEmpty { out.append(("missing", missing)) }
        if case .categorical(let levels) = x.features[j].kind {
            var byLevel = [[Int]](repeating: [], count: levels)
            for r in 0..<x.rows where !col[base + r].isNaN {
                let l = Int(col[base + r]); if l >= 0 && l < levels { byLevel[l].append(r) }
            }
            let names = levelNames[x.features[j].name]
            for l in 0..<levels { out.append((names.flatMap { l < $0.count ? $0[l] : nil } ?? "\(l)", byLevel[l])) }
            return out
        }
        let values = col.filter { !$0.isNaN }
        guard !values.isEmpty else { return out }
        var edges = (1..<bins).map { Stats.quantile(values, Double($0) / Double(bins)) }
        edges = Array(Set(edges)).sorted()
        var byBin = [[Int]](repeating: [], count: edges.count + 1)
        for r in 0..<x.rows where !col[base + r].isNaN {
            var b = 0
            while b < edges.count && col[base + r] >= edges[b] { b += 1 }
            byBin[b].append(r)
        }
        for b in 0...edges.count {
            let lo = b == 0 ? "-inf" : PartialDependence.short(edges[b - 1])
            let hi = b == edges.count ? "inf" : PartialDependence.short(edges[b])
            out.append(("[\(lo), \(hi))", byBin[b]))
        }
        return out
    }

    static func worstCases(_ x: FeatureMatrix, _ target: TargetValues, _ p: Prediction, _ n: Int)
        -> [ErrorAnalysisResult.Case]
    {
        var loss: [Double] = [], truth: [String] = [], predicted: [String] = []
        switch (target, p) {
        case (.values(let y), .values(let v)):
            loss = zip(y, v).map { abs($0 - $1) }
            truth = y.map { PartialDependence.short($0) }; predicted = v.map { PartialDependence.short($0) }
        case (.classes(let y, let names), .classes(let l, let probs, let k)):
            let name = { (c: Int) in c < names.count ? names[c] : "\(c)" }
            loss = y.indices.map { r in
                if let probs { return -log(max(probs[r * k + y[r]], 1e-15)) }
                return y[r] == l[r] ? 0 : 1
            }
            truth = y.map(name)
            predicted = l.indices.map { r in
                probs.map { "\(name(l[r])) (p=\(PartialDependence.short($0[r * k + l[r]])))" } ?? name(l[r])
            }
        default: return []
        }
        let order = loss.indices.sorted { loss[$0] != loss[$1] ? loss[$0] > loss[$1] : $0 < $1 }.prefix(n)
        return order.map { r in
            var f: [String: Double] = [:]
            for j in 0..<x.featureCount { f[x.features[j].name] = x[r, j] }
            return .init(row: r, truth: truth[r], predicted: predicted[r], loss: loss[r], features: f)
        }
    }

    /// Reliability bins of equal width: for two classes on p(class 1) against the rate of class 1; for more,
    /// on the top-class confidence against accuracy.
    static func calibration(_ y: [Int], _ probs: [Double], _ k: Int, _ bins: Int) -> (
        [ErrorAnalysisResult.CalibrationBin], Double
    ) {
        let n = y.count
        var conf = [Double](repeating: 0, count: n), hit = [Double](repeating: 0, count: n)
        for r in 0..<n {
            if k == 2 {
                conf[r] = probs[r * 2 + 1]; hit[r] = y[r] == 1 ? 1 : 0
            } else {
                var best = 0
                for c in 1..<k where probs[r * k + c] > probs[r * k + best] { best = c }
                conf[r] = probs[r * k + best]; hit[r] = y[r] == best ? 1 : 0
            }
        }
        var out: [ErrorAnalysisResult.CalibrationBin] = []
        var ece = 0.0
        for b in 0..<bins {
            let lo = Double(b) / Double(bins), hi = Double(b + 1) / Double(bins)
            let rows = (0..<n).filter { conf[$0] >= lo && (conf[$0] < hi || (b == bins - 1 && conf[$0] <= hi)) }
            guard !rows.isEmpty else { continue }
            let mp = Stats.mean(rows.map { conf[$0] }), ob = Stats.mean(rows.map { hit[$0] })
            out.append(.init(low: lo, high: hi, count: rows.count, meanPredicted: mp, observed: ob))
            ece += Double(rows.count) / Double(n) * abs(ob - mp)
        }
        return (out, ece)
    }
}
