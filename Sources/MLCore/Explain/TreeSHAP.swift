// Exact TreeSHAP (Lundberg, Erion & Lee 2018, "Consistent individualized feature attribution for
// tree ensembles", Algorithm 2): Shapley values of a tree's output in polynomial time,
// O(leaves × depth²) per row, using node covers as the background distribution ("tree path
// dependent"). Each tree is evaluated either by Algorithm 2 (TreeSHAP+Path.swift, the reference
// twin) or, when it pays for itself on the rows at hand, by Fast TreeSHAP v2's precomputed per-leaf
// tables (TreeSHAP+Tables.swift, O(nodes + leaves × depth) per row). Ensembles combine per-tree values as their raw predictions do (TreeCombination):
// forests average, boosting sums, per-class boosting feeds each tree to its class output.
// Additivity holds per row: expected + Σ features = raw prediction (before any link function).
// Leaves out: interaction values and interventional SHAP against a background set.

import Dispatch

/// Per-row feature contributions to a tree model's raw output.
public struct ShapValues: Sendable, Codable, Equatable {
    public let rows: Int
    /// Raw outputs explained: 1 for regression and binary boosting, one per class otherwise.
    public let outputs: Int
    public let features: [String]
    /// The expected raw output (mean over the training data by cover), one per output.
    public let expected: [Double]
    /// `values[(row * outputs + output) * features.count + feature]`.
    public let values: [Double]

    public subscript(row: Int, output: Int, feature: Int) -> Double {
        values[(row * outputs + output) * features.count + feature]
    }
}

/// How TreeSHAP evaluates a tree; all give the same Shapley values.
public enum ShapAlgorithm: Sendable {
    /// Fast TreeSHAP v2 tables where they pay for themselves on this many rows and fit the memory budget,
    /// else Algorithm 2.
    case automatic
    /// Lundberg et al.'s Algorithm 2 on every tree: O(leaves × depth²) per row (the reference twin).
    case naive
    /// Fast TreeSHAP v2 on every tree whose tables fit the memory budget (Algorithm 2 on the others).
    case pathTables
}

public enum TreeSHAP {
    /// Most table entries (two doubles each) Fast TreeSHAP v2 builds for one tree: 32 MiB.
    static let tableBudget = 1 << 21
    /// Most table entries held at once (a batch of trees): 64 MiB.
    static let batchBudget = 1 << 22

    /// SHAP values of the rows of `x` for an ensemble of `trees` combined as `combination` says.
    /// - Complexity: O(rows × Σ_trees leaves × depth² × outputs) with Algorithm 2; with Fast TreeSHAP v2
    ///   O(Σ_trees leaves × 2^depth × depth) once plus O(rows × Σ_trees leaves × depth × outputs).
    /// - Parameter threads: rows are split over this many threads (results do not depend on it).
    /// - Parameter algorithm: how each tree is evaluated; every choice gives the same values (to rounding).
    public static func explain(
        trees: [TreeStructure], combination: TreeCombination, x: FeatureMatrix, threads: Int = 2,
        algorithm: ShapAlgorithm = .automatic
    ) throws(MLError) -> ShapValues {
        try explain(
            trees: trees, combination: combination, x: x, threads: threads, algorithm: algorithm,
            batchBudget: batchBudget)
    }

    /// `explain` with the tables of at most `batchBudget` entries held at once (tests use a small one).
    static func explain(
        trees: [TreeStructure], combination: TreeCombination, x: FeatureMatrix, threads: Int,
        algorithm: ShapAlgorithm, batchBudget: Int
    ) throws(MLError) -> ShapValues {
        let outputs = combination.base.count
        guard !trees.isEmpty, outputs > 0 else {
            throw MLError(.invalidInput, "TreeSHAP needs a model with at least one tree and one output.")
        }
        if let map = combination.treeOutput, map.count != trees.count {
            throw MLError(
                .invalidInput, "TreeSHAP: the ensemble maps \(map.count) trees to outputs but has \(trees.count) trees."
            )
        }
        for t in trees {
            let width = t.valueWidth
            guard width == outputs || (combination.treeOutput != nil && width == 1) || (outputs == 1 && width == 1)
            else {
                throw MLError(
                    .unsupported, "TreeSHAP: a tree with \(width) values per node cannot feed \(outputs) outputs.")
            }
            if let bad = t.feature.first(where: { Int($0) >= x.featureCount }) {
                throw MLError(
                    .shapeMismatch,
                    "TreeSHAP: a tree splits on feature \(bad) but the data has \(x.featureCount) features. Prepare the data with the model's pipeline."
                )
            }
        }
        let f = x.featureCount
        var expected = combination.base
        for (t, tree) in trees.enumerated() {
            let e = expectedValue(tree)
            for k in 0..<outputs {
                if let map = combination.treeOutput {
                    if map[t] == k { expected[k] += combination.scale * e[0] }
                } else {
                    expected[k] += combination.scale * e[tree.valueWidth == 1 ? 0 : k]
                }
            }
        }
        var values = [Double](repeating: 0, count: x.rows * outputs * f)
        let maxDepth = trees.map(depth).max() ?? 0
        let rowMajor = x.rowMajor()
        let scale = combination.scale
        // Which phi slot of tree t feeds output k (nil: tree t does not feed output k).
        let sources: [[Int?]] = trees.enumerated().map { t, tree in
            (0..<outputs).map { k in
                if let map = combination.treeOutput { return map[t] == k ? 0 : nil }
                return tree.valueWidth == 1 ? 0 : k
            }
        }
        let budget = algorithm == .naive ? 0 : tableBudget
        values.withUnsafeMutableBufferPointer { out in
            let shared = DisjointWrites(out)
            // Trees go in batches whose tables fit `batchBudget`; within a batch, rows are split into
            // contiguous chunks, one per thread, each writing only its own rows (no barrier per tree). A row's
            // sum runs over the trees in order whatever the chunking, so results do not depend on `threads`.
            var start = 0
            while start < trees.count {
                var batch: [PathTables?] = [], used = 0
                while start + batch.count < trees.count {
                    let tree = trees[start + batch.count]
                    let shape = PathTables.shape(tree)
                    let build =
                        switch algorithm {
                        case .naive: false
                        case .pathTables: shape.widest <= PathTables.maxDistinct && shape.entries <= budget
                        case .automatic: PathTables.worthBuilding(shape, rows: x.rows, budget: budget)
                        }
                    if build && used > 0 && used + shape.entries > batchBudget { break }
                    batch.append(build ? PathTables(tree) : nil)
                    used += build ? shape.entries : 0
                }
                let first = start, chunkTrees = batch
                Parallel.forChunks(x.rows, threads: threads, minimumPerThread: 64) { rows in
                    for (i, tables) in chunkTrees.enumerated() {
                        let t = first + i, tree = trees[t], w = tree.valueWidth
                        var phi = [Double](repeating: 0, count: f * w)
                        var scratch = [PathElement](
                            repeating: PathElement(), count: tables == nil ? (maxDepth + 2) * (maxDepth + 3) / 2 : 0)
                        var mask = [UInt32](repeating: 0, count: tables == nil ? 0 : tree.nodeCount)
                        Walker.withNodes(tree) { nodes in
                            rowMajor.withUnsafeBufferPointer { all in
                                phi.withUnsafeMutableBufferPointer { ph in
                                    for r in rows {
                                        let xv = UnsafeBufferPointer(rebasing: all[(r * f)..<(r * f + f)])
                                        for i in 0..<ph.count { ph[i] = 0 }
                                        if let tables {
                                            mask.withUnsafeMutableBufferPointer { m in
                                                guard let m = m.baseAddress else { return }
                                                TableWalker.withTables(tables, nodes) {
                                                    $0.explain(x: xv, phi: ph, mask: m, width: w, features: f)
                                                }
                                            }
                                        } else {
                                            scratch.withUnsafeMutableBufferPointer { p in
                                                guard let start = p.baseAddress else { return }
                                                Walker(nodes: nodes, x: xv, phi: ph, width: w, features: f)
                                                    .recurse(
                                                        node: 0, path: start, depth: 0, zero: 1, one: 1, feature: -1)
                                            }
                                        }
                                        for k in 0..<outputs {
                                            guard let src = sources[t][k] else { continue }
                                            let base = (r * outputs + k) * f
                                            for j in 0..<f { shared[base + j] += scale * ph[src * f + j] }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                start += batch.count
            }
        }
        return ShapValues(
            rows: x.rows, outputs: outputs, features: x.features.map(\.name), expected: expected, values: values)
    }

    /// SHAP values for a fitted tree ensemble.
    public static func explain(
        _ model: some TreeEnsemble, x: FeatureMatrix, threads: Int = 2,
        algorithm: ShapAlgorithm = .automatic
    ) throws(MLError) -> ShapValues {
        try model.checkFeatures(of: x)
        return try explain(
            trees: model.trees, combination: model.treeCombination, x: x, threads: threads, algorithm: algorithm)
    }

    /// The raw (pre-link) output of the ensemble for each row, `[row * outputs + output]`.
    /// Walks tree by tree over all rows, on nodes packed into one 24-byte record each (one cache line
    /// per visited node). - Complexity: O(rows × trees × depth).
    public static func rawPrediction(trees: [TreeStructure], combination: TreeCombination, x: FeatureMatrix) -> [Double]
    {
        let outputs = combination.base.count, rows = x.rows
        var out = [Double](repeating: 0, count: rows * outputs)
        for r in 0..<rows { for k in 0..<outputs { out[r * outputs + k] = combination.base[k] } }
        x.values.withUnsafeBufferPointer { xv in
            out.withUnsafeMutableBufferPointer { o in
                for (t, tree) in trees.enumerated() {
                    let w = tree.valueWidth
                    let targets: [(output: Int, slot: Int)] = (0..<outputs).compactMap { k in
                        if let map = combination.treeOutput { return map[t] == k ? (k, 0) : nil }
                        return (k, w == 1 ? 0 : k)
                    }
                    let packed = PackedNode.pack(tree, scale: combination.scale)
                    let cats = tree.leftCategories.contains { $0 != nil }
                    packed.withUnsafeBufferPointer { nodes in
                        for r in 0..<rows {
                            var node = 0
                            while true {
                                let n = nodes[node]
                                if n.feature < 0 { break }
                                let v = xv[Int(n.feature) &* rows &+ r]
                                let left = cats ? tree.goesLeft(node, v) : (v.isNaN ? n.missingLeft : v <= n.threshold)
                                node = Int(left ? n.left : n.right)
                            }
                            for (k, slot) in targets {
                                o[r &* outputs &+ k] += combination.scale * tree.value[node &* w &+ slot]
                            }
                        }
                    }
                }
            }
        }
        return out
    }

    /// Cover-weighted mean of the leaf values, one per value slot.
    static func expectedValue(_ tree: TreeStructure) -> [Double] {
        var out = [Double](repeating: 0, count: tree.valueWidth)
        let total = tree.cover[0]
        guard total > 0 else { return Array(tree.nodeValue(0)) }
        for n in 0..<tree.nodeCount where tree.isLeaf(n) {
            for k in 0..<tree.valueWidth { out[k] += tree.cover[n] / total * tree.value[n * tree.valueWidth + k] }
        }
        return out
    }

    static func depth(_ tree: TreeStructure) -> Int {
        var best = 0
        var stack = [(0, 0)]
        while let (n, d) = stack.popLast() {
            best = max(best, d)
            if !tree.isLeaf(n) { stack.append((Int(tree.left[n]), d + 1)); stack.append((Int(tree.right[n]), d + 1)) }
        }
        return best
    }
}

/// One node in 24 bytes for prediction walks: split, children and where missing values go.
struct PackedNode {
    var threshold: Double
    var feature: Int32
    var left: Int32
    var right: Int32
    var missingLeft: Bool

    static func pack(_ t: TreeStructure, scale: Double) -> [PackedNode] {
        (0..<t.nodeCount).map {
            PackedNode(
                threshold: t.threshold[$0], feature: t.feature[$0], left: t.left[$0], right: t.right[$0],
                missingLeft: t.missingGoesLeft[$0])
        }
    }
}

/// One element of the path of unique features from the root (Algorithm 2's m).
struct PathElement {
    var feature: Int = -1
    var zero: Double = 0  // fraction of the cover that flows down this path when the feature is unknown
    var one: Double = 0  // 1 when the row itself follows this path, else 0
    var weight: Double = 0  // the permutation weight
}
