// The exact best split of one CART node: for each candidate feature, sort the node's rows by value,
// move them one by one from right to left updating the criterion's running statistics in O(1), and
// score every threshold between distinct neighbours (and, when the node has missing values, both
// sides for them). Ties go to the feature visited first and the lower threshold, as in scikit-learn.
// Leaves out: presorting across nodes, histogram approximation (gbdt does that).

import Foundation

/// The builder's arrays, read once per node instead of through the class on every row.
struct CARTArrays {
    let x: [Double]
    let weights: [Double]
    let labels: [Int]
    let targets: [Double]
    let isClassification: Bool
    let rows: [Int32]

    init(_ b: CARTBuilder) {
        rows = b.currentRows
        x = b.x
        weights = b.currentWeights
        labels = b.labels ?? []
        targets = b.targets ?? []
        isClassification = b.labels != nil
    }
}

struct CARTSplit {
    var feature: Int
    var threshold: Double
    var missingLeft: Bool
    var leftWeight: Double
    var rightWeight: Double
    var leftImpurity: Double
    var rightImpurity: Double
}

enum CARTSplitSearch {
    /// scikit-learn treats values closer than this as equal.
    static let featureThreshold = 1e-7

    static func best(
        builder b: CARTBuilder, start: Int, count: Int, node: NodeStats, rng: inout SeededGenerator
    ) -> CARTSplit? {
        let s = b.settings, c = s.criterion, k = b.classes
        let data = CARTArrays(b)
        var order = Array(0..<b.f)
        var best: CARTSplit? = nil
        var bestProxy = -Double.infinity
        var evaluated = 0
        // Per-feature scratch: the node's non-missing values and rows, sorted together.
        let vals = UnsafeMutablePointer<Double>.allocate(capacity: max(1, count))
        let rws = UnsafeMutablePointer<Int32>.allocate(capacity: max(1, count))
        let sv = UnsafeMutablePointer<Double>.allocate(capacity: max(1, count))
        let sr = UnsafeMutablePointer<Int32>.allocate(capacity: max(1, count))
        defer { vals.deallocate(); rws.deallocate(); sv.deallocate(); sr.deallocate() }
        var position = 0
        while position < b.f && evaluated < s.maxFeatures {
            // Fisher–Yates, one draw per visited feature.
            let pick = position + rng.nextInt(below: b.f - position)
            order.swapAt(position, pick)
            let j = order[position]
            position += 1
            var m = 0
            var lo = Double.infinity, hi = -Double.infinity
            var missing = NodeStats(classes: k)
            var missingRows = 0
            let base = j &* b.n
            for i in start..<(start + count) {
                let r = Int(data.rows[i])
                let v = data.x[base &+ r]
                if v.isNaN {
                    add(&missing, r, data)
                    missingRows += 1
                } else {
                    vals[m] = v
                    rws[m] = Int32(truncatingIfNeeded: r)
                    m &+= 1
                    lo = min(lo, v)
                    hi = max(hi, v)
                }
            }
            guard m > 0, hi > lo + featureThreshold || missingRows > 0 else { continue }  // constant: not counted
            evaluated += 1
            RadixSort.sortPairs(vals, rws, count: m, scratchValues: sv, scratchRows: sr)
            for missingLeft in missingRows > 0 ? [false, true] : [false] {
                var left = missingLeft ? missing : NodeStats(classes: k)
                var leftRows = missingLeft ? missingRows : 0
                // Split "only missing values left".
                if missingLeft {
                    if let proxy = splitProxy(left: left, leftRows: leftRows, node: node, count: count, c: c, s: s),
                        proxy > bestProxy
                    {
                        bestProxy = proxy
                        let r = rightStats(node, left)
                        best = CARTSplit(
                            feature: j, threshold: -.infinity, missingLeft: true, leftWeight: left.weight,
                            rightWeight: r.weight, leftImpurity: left.impurity(c), rightImpurity: r.impurity(c))
                    }
                }
                for i in 0..<(m - 1) {
                    add(&left, Int(rws[i]), data)
                    leftRows += 1
                    let v0 = vals[i], v1 = vals[i + 1]
                    if v1 <= v0 + featureThreshold { continue }
                    if let proxy = splitProxy(left: left, leftRows: leftRows, node: node, count: count, c: c, s: s),
                        proxy > bestProxy
                    {
                        bestProxy = proxy
                        var t = v0 / 2 + v1 / 2
                        if t == v1 || t.isInfinite || t.isNaN { t = v0 }
                        let r = rightStats(node, left)
                        best = CARTSplit(
                            feature: j, threshold: t, missingLeft: missingLeft, leftWeight: left.weight,
                            rightWeight: r.weight, leftImpurity: left.impurity(c), rightImpurity: r.impurity(c))
                    }
                }
            }
            if missingRows == 0, var chosen = best, chosen.feature == j {
                // No missing value here: unseen missing values follow the child with more weight.
                chosen.missingLeft = chosen.leftWeight >= chosen.rightWeight
                best = chosen
            }
        }
        return best
    }

    @inline(__always)
    static func add(_ s: inout NodeStats, _ r: Int, _ d: CARTArrays) {
        let w = d.weights[r]
        s.weight += w
        if d.isClassification {
            s.counts[d.labels[r]] += w
        } else {
            let t = d.targets[r]
            s.sum += w * t
            s.sumSquares += w * t * t
        }
    }

    /// The proxy of a left/right division, or nil when a side breaks the leaf limits. No allocation.
    @inline(__always)
    static func splitProxy(
        left: NodeStats, leftRows: Int, node: NodeStats, count: Int, c: CARTCriterion, s: CARTSettings
    ) -> Double? {
        let rightRows = count - leftRows
        guard leftRows >= s.minSamplesLeaf, rightRows >= s.minSamplesLeaf else { return nil }
        let wl = left.weight, wr = node.weight - left.weight
        guard wl > 0, wr > 1e-12 * node.weight else { return nil }
        switch c {
        case .gini:
            var ql = 0.0, qr = 0.0
            for i in 0..<left.counts.count {
                let a = left.counts[i], b = node.counts[i] - a
                ql += a * a
                qr += b * b
            }
            return ql / wl + qr / wr
        case .entropy:
            var el = 0.0, er = 0.0
            for i in 0..<left.counts.count {
                let a = left.counts[i], b = node.counts[i] - a
                if a > 0 { el += a * log(a / wl) }
                if b > 1e-12 { er += b * log(b / wr) }
            }
            return el + er
        case .squaredError:
            let sl = left.sum, sr = node.sum - sl
            return sl * sl / wl + sr * sr / wr
        }
    }

    static func rightStats(_ node: NodeStats, _ left: NodeStats) -> NodeStats {
        var right = node
        right.weight -= left.weight
        right.sum -= left.sum
        right.sumSquares -= left.sumSquares
        for i in right.counts.indices { right.counts[i] -= left.counts[i] }
        return right
    }

    /// −W × impurity up to a constant shared by all splits of a node (larger is better).
    @inline(__always)
    static func proxy(_ s: NodeStats, _ c: CARTCriterion) -> Double {
        switch c {
        case .gini:
            var q = 0.0
            for x in s.counts { q += x * x }
            return q / s.weight
        case .entropy:
            var e = 0.0
            for x in s.counts where x > 0 { e += x * log(x / s.weight) }
            return e
        case .squaredError:
            return s.sum * s.sum / s.weight
        }
    }
}
