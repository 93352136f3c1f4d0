// One metric prepared for many resamples: whatever needs sorting is sorted once here (the scores for
// ROC AUC and average precision, the absolute errors for the median), and a resample, given as
// multiplicities (ResampleWeights), is then scored in one O(rows) pass over the prepared rows.
// Counting metrics (accuracy, the confusion-matrix family, ROC AUC, average precision, the median
// error) equal the naive resample's (rows repeated, then `Metrics.score`) bit for bit: the same
// integer counts go through the same formulas (ties: equal scores form one group, counted half in
// AUC, one threshold in AP). Means (log-loss, Brier, R², RMSE, MAE, MAPE, RMSLE) sum in another order,
// so they agree to rounding (1e-12 relative). Naive twin: `Bootstrap.naiveScore`, compared in tests.
// Leaves out: clustering metrics.

import Foundation

struct WeightedScorer: Sendable {
    /// Rows ordered by score ascending, with tie groups: what ROC AUC and AP walk.
    struct Ranked: Sendable {
        var order: [Int32]
        /// 1 where the row at that sorted position is of the positive class.
        var positive: [UInt8]
        /// Exclusive ends of the groups of equal scores; nil when every score is distinct.
        var groupEnds: [Int32]?
        /// 1 where the row (in row order) is of the positive class: a resample's positive weight in one
        /// sequential pass.
        var positiveRows: [UInt8]

        init(scores: [Double], labels: [Int], positive k: Int) {
            let n = scores.count
            order = WeightedScorer.ascendingOrder(scores)
            let o = order
            positive = o.map { labels[Int($0)] == k ? 1 : 0 }
            positiveRows = labels.map { $0 == k ? 1 : 0 }
            var ends: [Int32] = []
            var tied = false
            for i in 1..<max(n, 1) {
                if scores[Int(o[i])] == scores[Int(o[i - 1])] { tied = true } else { ends.append(Int32(i)) }
            }
            if n > 0 { ends.append(Int32(n)) }
            groupEnds = tied ? ends : nil
        }

        /// Calls `body(positiveWeight, negativeWeight)` for each group of equal scores, ascending.
        @inline(__always)
        func groups(_ w: UnsafeBufferPointer<UInt8>, _ body: (Int, Int) -> Void) {
            order.withUnsafeBufferPointer { o in
                positive.withUnsafeBufferPointer { p in
                    if let groupEnds {
                        var start = 0
                        for e in groupEnds {
                            var gp = 0, gn = 0
                            for i in start..<Int(e) {
                                let k = Int(w[Int(o[i])]), y = Int(p[i])
                                gp &+= k &* y; gn &+= k &* (1 &- y)
                            }
                            body(gp, gn)
                            start = Int(e)
                        }
                    } else {
                        for i in 0..<o.count {
                            let k = Int(w[Int(o[i])]), y = Int(p[i])
                            body(k &* y, k &* (1 &- y))
                        }
                    }
                }
            }
        }

        /// ROC AUC under weights `w`, nil when a class has no weight.
        func auc(_ w: UnsafeBufferPointer<UInt8>) -> Double? {
            var below = 0, wins2 = 0, pos = 0
            groups(w) { gp, gn in
                wins2 &+= gp &* (2 &* below &+ gn); below &+= gn; pos &+= gp
            }
            guard pos > 0, below > 0 else { return nil }
            return Double(wins2) / 2 / (Double(pos) * Double(below))
        }

        /// Average precision under weights `w` (thresholds high to low), nil when a class has no weight.
        /// The class totals come from one sequential pass over the rows, then the groups are walked from
        /// the highest score down, with no per-resample buffer.
        func averagePrecision(_ w: UnsafeBufferPointer<UInt8>) -> Double? {
            var pos = 0, total = 0
            positiveRows.withUnsafeBufferPointer { y in
                for r in 0..<y.count {
                    pos &+= Int(w[r]) &* Int(y[r])
                    total &+= Int(w[r])
                }
            }
            guard pos > 0, total > pos else { return nil }
            var tp = 0, fp = 0, ap = 0.0, lastRecall = 0.0
            let p = Double(pos)
            descendingGroups(w) { gp, gn in
                guard gp &+ gn > 0 else { return }
                tp += gp; fp += gn
                let recall = Double(tp) / p
                ap += (recall - lastRecall) * (Double(tp) / Double(tp + fp))
                lastRecall = recall
            }
            return ap
        }

        /// `groups` from the highest score down.
        @inline(__always)
        func descendingGroups(_ w: UnsafeBufferPointer<UInt8>, _ body: (Int, Int) -> Void) {
            order.withUnsafeBufferPointer { o in
                positive.withUnsafeBufferPointer { p in
                    if let groupEnds {
                        var end = o.count
                        for g in stride(from: groupEnds.count - 2, through: -1, by: -1) {
                            let start = g >= 0 ? Int(groupEnds[g]) : 0
                            var gp = 0, gn = 0
                            for i in start..<end {
                                let k = Int(w[Int(o[i])]), y = Int(p[i])
                                gp &+= k &* y; gn &+= k &* (1 &- y)
                            }
                            body(gp, gn)
                            end = start
                        }
                    } else {
                        for i in stride(from: o.count - 1, through: 0, by: -1) {
                            let k = Int(w[Int(o[i])]), y = Int(p[i])
                            body(k &* y, k &* (1 &- y))
                        }
                    }
                }
            }
        }
    }

    enum Kind: Sendable {
        case confusion(key: String, truth: [Int32], predicted: [Int32], classCount: Int)
        /// One ranking per class (one only for two classes); `averagePrecision` false means ROC AUC.
        case ranking(perClass: [Ranked], averagePrecision: Bool)
        /// The weighted mean of a per-row term, then `root` (RMSE, RMSLE) or a factor (Brier).
        case mean(terms: [Double], factor: Double, root: Bool)
        case r2(truth: [Double], predicted: [Double])
        case median(sorted: [Double], order: [Int32])
    }

    let kind: Kind
    let rows: Int

    /// Prepares `key` on these rows; throws what `Metrics.score` throws when the metric does not apply.
    /// - Complexity: O(rows log rows) for ranking metrics and the median, O(rows) for the others.
    init(_ key: String, target: TargetValues, prediction: Prediction) throws(MLError) {
        _ = try Metrics.score(key, target: target, prediction: prediction)
        rows = target.count
        switch (target, prediction) {
        case (.classes(let y, let names), .classes(let p, let probs, let k)):
            let c = max(names.count, k)
            switch key {
            case "roc_auc", "average_precision":
                guard let probs else { throw MLError(.invalidParameter, "\(key) needs probabilities.") }
                let classes = k == 2 ? [1] : Array(0..<k)
                kind = .ranking(
                    perClass: classes.map { Ranked(scores: Metrics.column(probs, $0, k), labels: y, positive: $0) },
                    averagePrecision: key == "average_precision")
            case "log_loss", "brier":
                guard let probs else { throw MLError(.invalidParameter, "\(key) needs probabilities.") }
                let eps = Double.ulpOfOne
                let terms: [Double] =
                    key == "log_loss"
                    ? (0..<y.count).map { i in -log(min(max(probs[i * k + y[i]], eps), 1 - eps)) }
                    : (0..<y.count).map { i in
                        var s = 0.0
                        for j in 0..<k { let d = (y[i] == j ? 1.0 : 0.0) - probs[i * k + j]; s += d * d }
                        return s
                    }
                kind = .mean(terms: terms, factor: key == "brier" && k == 2 ? 0.5 : 1, root: false)
            default:
                kind = .confusion(key: key, truth: y.map { Int32($0) }, predicted: p.map { Int32($0) }, classCount: c)
            }
        case (.values(let y), .values(let p)):
            switch key {
            case "r2": kind = .r2(truth: y, predicted: p)
            case "median_ae":
                let e = zip(y, p).map { abs($0 - $1) }
                let order = Self.ascendingOrder(e)
                kind = .median(sorted: order.map { e[Int($0)] }, order: order)
            default:
                let terms: [Double] = zip(y, p).map { t, q in
                    switch key {
                    case "rmse": (t - q) * (t - q)
                    case "mae": abs(t - q)
                    case "mape": abs(t - q) / max(abs(t), Double.ulpOfOne)
                    default: (log1p(t) - log1p(q)) * (log1p(t) - log1p(q))
                    }
                }
                kind = .mean(terms: terms, factor: 1, root: key == "rmse" || key == "rmsle")
            }
        default:
            throw MLError(.invalidParameter, "\(key) cannot be resampled for this prediction.")
        }
    }

    /// The metric on the resample with multiplicities `w` (one per row), nil where it is undefined.
    /// - Complexity: O(rows) (times classes for one-vs-rest rankings).
    func score(_ w: UnsafeBufferPointer<UInt8>) -> Double? {
        precondition(w.count == rows)
        switch kind {
        case .confusion(let key, let truth, let predicted, let c):
            var counts = [Int](repeating: 0, count: c * c)
            truth.withUnsafeBufferPointer { t in
                predicted.withUnsafeBufferPointer { p in
                    counts.withUnsafeMutableBufferPointer { m in
                        for i in 0..<t.count { m[Int(t[i]) * c + Int(p[i])] &+= Int(w[i]) }
                    }
                }
            }
            let cm = ConfusionMatrix(counts: counts, classCount: c)
            let total = cm.total
            guard total > 0 else { return nil }
            switch key {
            case "accuracy": return Double(cm.correct) / Double(total)
            case "balanced_accuracy": return Metrics.balancedAccuracy(cm)
            case "f1_macro": return Metrics.f1Macro(cm)
            case "f1_weighted": return Metrics.f1Weighted(cm)
            case "mcc": return Metrics.mcc(cm)
            default:
                let tp = cm[1, 1], fp = cm.predictedCount(1) - tp, fn = cm.trueCount(1) - tp
                switch key {
                case "precision": return Metrics.ratio(tp, tp + fp)
                case "recall": return Metrics.ratio(tp, tp + fn)
                default: return Metrics.ratio(2 * tp, 2 * tp + fp + fn)
                }
            }
        case .ranking(let perClass, let ap):
            var total = 0.0
            for r in perClass {
                guard let v = ap ? r.averagePrecision(w) : r.auc(w) else { return nil }
                total += v
            }
            return perClass.count == 1 ? total : total / Double(perClass.count)
        case .mean(let terms, let factor, let root):
            var count = 0
            let s = terms.withUnsafeBufferPointer { t in
                var s0 = 0.0, s1 = 0.0
                var i = 0
                while i + 2 <= t.count {
                    let k0 = w[i], k1 = w[i + 1]
                    s0 += Double(k0) * t[i]; s1 += Double(k1) * t[i + 1]
                    count &+= Int(k0) &+ Int(k1)
                    i += 2
                }
                if i < t.count { s0 += Double(w[i]) * t[i]; count &+= Int(w[i]) }
                return s0 + s1
            }
            guard count > 0 else { return nil }
            let m = s / Double(count) * factor
            return root ? m.squareRoot() : m
        case .r2(let truth, let predicted):
            var count = 0, sy = 0.0
            for i in 0..<rows { count &+= Int(w[i]); sy += Double(w[i]) * truth[i] }
            guard count > 0 else { return nil }
            let mean = sy / Double(count)
            var ssRes = 0.0, ssTot = 0.0
            for i in 0..<rows {
                let k = Double(w[i]), d = truth[i] - predicted[i], e = truth[i] - mean
                ssRes += k * d * d; ssTot += k * e * e
            }
            if ssTot == 0 { return ssRes == 0 ? 1 : 0 }
            return 1 - ssRes / ssTot
        case .median(let sorted, let order):
            var count = 0
            for i in 0..<rows { count &+= Int(w[i]) }
            guard count > 0 else { return nil }
            // Ranks k − 1 and k of the repeated rows (k = count / 2): the two middles.
            let k = count / 2
            var below = sorted[0], at = sorted[0], seen = 0, foundBelow = k == 0
            for i in 0..<rows {
                let m = Int(w[Int(order[i])])
                guard m > 0 else { continue }
                seen += m
                if !foundBelow && seen > k - 1 { below = sorted[i]; foundBelow = true }
                if seen > k { at = sorted[i]; break }
            }
            if k == 0 { below = at }
            return count % 2 == 0 ? (below + at) / 2 : at
        }
    }

    /// Row indices ordering `values` ascending (ties in row order). - Complexity: O(n log n).
    static func ascendingOrder(_ values: [Double]) -> [Int32] {
        var pairs = values.enumerated().map { (RadixSort.key($0.element), Int32($0.offset)) }
        pairs.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        return pairs.map { $0.1 }
    }
}
