// Exact TreeSHAP (Lundberg, Erion & Lee 2018, "Consistent individualized feature attribution for
// tree ensembles", Algorithm 2): Shapley values of a tree's output in polynomial time,
// O(leaves × depth²) per row, using node covers as the background distribution ("tree path
// dependent"). Ensembles combine per-tree values as their raw predictions do (TreeCombination):
// forests average, boosting sums, per-class boosting feeds each tree to its class output.
// Additivity holds per row: expected + Σ features = raw prediction (before any link function).
// Leaves out: interaction values and interventional SHAP against a background set.

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

public enum TreeSHAP {
    /// SHAP values of the rows of `x` for an ensemble of `trees` combined as `combination` says.
    /// - Complexity: O(rows × Σ_trees leaves × depth² × outputs).
    public static func explain(trees: [TreeStructure], combination: TreeCombination, x: FeatureMatrix) throws(MLError) -> ShapValues {
        let outputs = combination.base.count
        guard !trees.isEmpty, outputs > 0 else {
            throw MLError(.invalidInput, "TreeSHAP needs a model with at least one tree and one output.")
        }
        if let map = combination.treeOutput, map.count != trees.count {
            throw MLError(.invalidInput, "TreeSHAP: the ensemble maps \(map.count) trees to outputs but has \(trees.count) trees.")
        }
        for t in trees {
            let width = t.valueWidth
            guard width == outputs || (combination.treeOutput != nil && width == 1) || (outputs == 1 && width == 1) else {
                throw MLError(.unsupported, "TreeSHAP: a tree with \(width) values per node cannot feed \(outputs) outputs.")
            }
            if let bad = t.feature.first(where: { Int($0) >= x.featureCount }) {
                throw MLError(.shapeMismatch, "TreeSHAP: a tree splits on feature \(bad) but the data has \(x.featureCount) features. Prepare the data with the model's pipeline.")
            }
        }
        let f = x.featureCount
        var expected = combination.base
        for (t, tree) in trees.enumerated() {
            let e = expectedValue(tree)
            for k in 0..<outputs {
                if let map = combination.treeOutput { if map[t] == k { expected[k] += combination.scale * e[0] } }
                else { expected[k] += combination.scale * e[tree.valueWidth == 1 ? 0 : k] }
            }
        }
        var values = [Double](repeating: 0, count: x.rows * outputs * f)
        let maxDepth = trees.map(depth).max() ?? 0
        var path = [PathElement](repeating: PathElement(), count: (maxDepth + 2) * (maxDepth + 3) / 2)
        var rowValues = [Double](repeating: 0, count: f)
        var phi = [Double](repeating: 0, count: f * max(outputs, 1))
        for r in 0..<x.rows {
            for j in 0..<f { rowValues[j] = x.values[j * x.rows + r] }
            for (t, tree) in trees.enumerated() {
                for i in 0..<phi.count { phi[i] = 0 }
                let w = tree.valueWidth
                path.withUnsafeMutableBufferPointer { p in
                    phi.withUnsafeMutableBufferPointer { ph in
                        rowValues.withUnsafeBufferPointer { xv in
                            guard let start = p.baseAddress else { return }
                            let walker = Walker(tree: tree, x: xv, phi: ph, width: w, features: f)
                            walker.recurse(node: 0, path: start, depth: 0, zero: 1, one: 1, feature: -1)
                        }
                    }
                }
                for k in 0..<outputs {
                    let source: Int
                    if let map = combination.treeOutput { guard map[t] == k else { continue }; source = 0 }
                    else { source = w == 1 ? 0 : k }
                    let base = (r * outputs + k) * f
                    for j in 0..<f { values[base + j] += combination.scale * phi[source * f + j] }
                }
            }
        }
        return ShapValues(rows: x.rows, outputs: outputs, features: x.features.map(\.name), expected: expected, values: values)
    }

    /// SHAP values for a fitted tree ensemble.
    public static func explain(_ model: some TreeEnsemble, x: FeatureMatrix) throws(MLError) -> ShapValues {
        try model.checkFeatures(of: x)
        return try explain(trees: model.trees, combination: model.treeCombination, x: x)
    }

    /// The raw (pre-link) output of the ensemble for each row, `[row * outputs + output]`.
    public static func rawPrediction(trees: [TreeStructure], combination: TreeCombination, x: FeatureMatrix) -> [Double] {
        let outputs = combination.base.count
        var out = [Double](repeating: 0, count: x.rows * outputs)
        for r in 0..<x.rows {
            for k in 0..<outputs { out[r * outputs + k] = combination.base[k] }
            for (t, tree) in trees.enumerated() {
                let leaf = tree.leaf(row: r, of: x)
                for k in 0..<outputs {
                    if let map = combination.treeOutput {
                        if map[t] == k { out[r * outputs + k] += combination.scale * tree.value[leaf] }
                    } else {
                        out[r * outputs + k] += combination.scale * tree.value[leaf * tree.valueWidth + (tree.valueWidth == 1 ? 0 : k)]
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

/// One element of the path of unique features from the root (Algorithm 2's m).
struct PathElement {
    var feature: Int = -1
    var zero: Double = 0  // fraction of the cover that flows down this path when the feature is unknown
    var one: Double = 0  // 1 when the row itself follows this path, else 0
    var weight: Double = 0  // the permutation weight
}
