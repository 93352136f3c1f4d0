// What a tree grower is asked for (GrowerSettings: growth limits, regularisation, threads) and what it
// gives back (GrownTree: the tree, its leaves' row ranges and its splits in bin space, which route a binned
// row to its leaf without converting bins back to thresholds). Leaves out: the growing itself (TreeGrower).

/// Growth limits and regularisation of one tree.
struct GrowerSettings: Sendable {
    var maxLeafNodes: Int
    var maxDepth: Int?
    var rules: SplitRules
    var learningRate: Double
    var maxFeatures: Double
    var threads: Int
    /// Share of rows in one bin that makes a feature sparse (see `SparseBins`); above 1: none is.
    var sparseThreshold = SparseBins.defaultThreshold
}

/// A grown tree, the ranges of its leaves in the grower's row index, and its splits in bin space.
struct GrownTree {
    var structure: TreeStructure
    /// (node, start, count) of every leaf, in `TreeGrower.rowIndex`.
    var leaves: [(node: Int, start: Int, count: Int)]
    /// The split of each node in bin space (unused entries for leaves).
    var binSplits: [SplitCandidate]

    /// The leaf a row of a binned matrix reaches. Shape: bins [features × rows].
    @inline(__always)
    func leaf(row r: Int, bins: UnsafePointer<UInt8>, rows n: Int) -> Int {
        var node = 0
        while structure.feature[node] >= 0 {
            let s = binSplits[node]
            let b = Int(bins[s.feature &* n &+ r])
            node = Int(s.goesLeft(bin: b) ? structure.left[node] : structure.right[node])
        }
        return node
    }
}
