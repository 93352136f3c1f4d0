// Grows one CART tree depth-first (node ids in preorder, left first, as scikit-learn numbers them) with
// exact splits: at each node every candidate feature's values are sorted and scanned once, thresholds
// are midpoints between neighbouring distinct values, and rows with missing values try both sides.
// Features are visited in a seeded random order and at most `maxFeatures` non-constant ones are
// evaluated, as scikit-learn's BestSplitter does. Row weights carry sample weights and bootstrap counts.
// Leaves out: best-first growth (maxLeafNodes), categorical subsets (codes split as ordered numbers).

import Foundation

struct CARTSettings: Sendable {
    var criterion: CARTCriterion
    var maxDepth: Int?
    var minSamplesSplit: Int
    var minSamplesLeaf: Int
    var minImpurityDecrease: Double
    /// Number of features evaluated per node.
    var maxFeatures: Int
}

final class CARTBuilder {
    let n: Int, f: Int
    let x: [Double]  // [f × n] column-major
    let labels: [Int]?
    let targets: [Double]?
    let classes: Int
    let settings: CARTSettings
    private var weights: [Double] = []
    private var rows: [Int32] = []
    private var tree = TreeStructure(valueWidth: 1)
    private var totalWeight = 0.0
    private var rng = SeededGenerator(seed: 0)
    private var sortBuffer: [(v: Double, r: Int32)] = []

    init(x: FeatureMatrix, labels: [Int]?, targets: [Double]?, classes: Int, settings: CARTSettings) {
        n = x.rows
        f = x.featureCount
        self.x = x.values
        self.labels = labels
        self.targets = targets
        self.classes = classes
        self.settings = settings
    }

    /// Grows a tree on the rows with positive weight. `weights` has one entry per training row.
    func build(weights w: [Double], seed: UInt64) -> TreeStructure {
        weights = w
        rows = (0..<n).compactMap { w[$0] > 0 ? Int32($0) : nil }
        tree = TreeStructure(valueWidth: settings.criterion.isClassification ? classes : 1)
        rng = SeededGenerator(seed: seed, stream: 0xCA27)
        totalWeight = rows.reduce(0.0) { $0 + w[Int($1)] }
        grow(start: 0, count: rows.count, depth: 0)
        return tree
    }

    private func stats(_ start: Int, _ count: Int) -> NodeStats {
        var s = NodeStats(classes: classes)
        for i in start..<(start + count) {
            let r = Int(rows[i]), w = weights[r]
            s.weight += w
            if let labels {
                s.counts[labels[r]] += w
            } else if let targets {
                s.sum += w * targets[r]
                s.sumSquares += w * targets[r] * targets[r]
            }
        }
        return s
    }

    @discardableResult
    private func grow(start: Int, count: Int, depth: Int) -> Int {
        let s = stats(start, count)
        let c = settings.criterion
        let impurity = s.impurity(c)
        let node = tree.appendNode(value: s.value(c), cover: s.weight)
        var isLeaf =
            count < settings.minSamplesSplit || count < 2 * settings.minSamplesLeaf
            || impurity <= Double.ulpOfOne
        if let d = settings.maxDepth, depth >= d { isLeaf = true }
        if isLeaf { return node }
        guard let split = CARTSplitSearch.best(builder: self, start: start, count: count, node: s, rng: &rng) else {
            return node
        }
        let improvement =
            s.weight / totalWeight
            * (impurity - split.rightWeight / s.weight * split.rightImpurity - split.leftWeight / s.weight
                * split.leftImpurity)
        if improvement + Double.ulpOfOne < settings.minImpurityDecrease { return node }
        // Stable partition: left rows first.
        let col = split.feature * n
        var left: [Int32] = [], right: [Int32] = []
        for i in start..<(start + count) {
            let r = rows[i]
            let v = x[col + Int(r)]
            if v.isNaN ? split.missingLeft : v <= split.threshold { left.append(r) } else { right.append(r) }
        }
        for (k, r) in (left + right).enumerated() { rows[start + k] = r }
        tree.feature[node] = Int32(split.feature)
        tree.threshold[node] = split.threshold
        tree.missingGoesLeft[node] = split.missingLeft
        tree.gain[node] =
            s.weight * impurity - split.leftWeight * split.leftImpurity - split.rightWeight * split.rightImpurity
        let l = grow(start: start, count: left.count, depth: depth + 1)
        let r = grow(start: start + left.count, count: right.count, depth: depth + 1)
        tree.left[node] = Int32(l)
        tree.right[node] = Int32(r)
        return node
    }

    // Accessors for the split search.
    func value(feature j: Int, row r: Int) -> Double { x[j * n + r] }
    func row(_ i: Int) -> Int { Int(rows[i]) }
    func weight(_ r: Int) -> Double { weights[r] }
    var currentWeights: [Double] { weights }
    var currentRows: [Int32] { rows }
}
