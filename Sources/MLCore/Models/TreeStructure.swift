// The shared shape of a fitted decision tree, used by CART, random forest and gradient boosting,
// and read by TreeSHAP, gain importance and model export. Nodes live in flat arrays (index 0 is the root).

/// One fitted tree in flat-array form.
public struct TreeStructure: Sendable, Codable, Equatable {
    /// For an internal node, the feature it splits on; -1 for a leaf.
    public var feature: [Int32]
    /// Numeric split: a row goes left when `value <= threshold`.
    public var threshold: [Double]
    /// Categorical split: a row goes left when its category code is in this set (nil for numeric splits).
    public var leftCategories: [[Int32]?]
    /// Where a missing value goes.
    public var missingGoesLeft: [Bool]
    public var left: [Int32]
    public var right: [Int32]
    /// The node's output: for a leaf, the prediction; `valueWidth` numbers per node
    /// (1 for regression and boosting, one per class for classification trees: class probabilities).
    public var value: [Double]
    public var valueWidth: Int
    /// Training weight (sample count or hessian sum) that reached the node: TreeSHAP's "cover".
    public var cover: [Double]
    /// Loss reduction of the node's split (0 for leaves): gain importance.
    public var gain: [Double]

    public init(valueWidth: Int) {
        feature = []; threshold = []; leftCategories = []; missingGoesLeft = []
        left = []; right = []; value = []; cover = []; gain = []
        self.valueWidth = valueWidth
    }

    public var nodeCount: Int { feature.count }
    public func isLeaf(_ node: Int) -> Bool { feature[node] < 0 }

    /// Appends a node and returns its index (children are set later with `setChildren`).
    @discardableResult
    public mutating func appendNode(value nodeValue: [Double], cover nodeCover: Double) -> Int {
        precondition(nodeValue.count == valueWidth)
        feature.append(-1); threshold.append(0); leftCategories.append(nil); missingGoesLeft.append(true)
        left.append(-1); right.append(-1); value.append(contentsOf: nodeValue)
        cover.append(nodeCover); gain.append(0)
        return feature.count - 1
    }

    /// Whether a row with `x` in the node's split feature goes to the left child.
    @inline(__always)
    public func goesLeft(_ node: Int, _ x: Double) -> Bool {
        if x.isNaN { return missingGoesLeft[node] }
        if let cats = leftCategories[node] { return cats.contains(Int32(x)) }
        return x <= threshold[node]
    }

    /// The leaf a row reaches; `rowValue(j)` gives the row's value of feature `j`.
    @inline(__always)
    public func leaf(for rowValue: (Int) -> Double) -> Int {
        var n = 0
        while feature[n] >= 0 {
            n = Int(goesLeft(n, rowValue(Int(feature[n]))) ? left[n] : right[n])
        }
        return n
    }

    /// The leaf reached by row `row` of a column-major matrix.
    public func leaf(row: Int, of x: FeatureMatrix) -> Int {
        leaf { x.values[$0 * x.rows + row] }
    }

    public func nodeValue(_ node: Int) -> ArraySlice<Double> {
        value[(node * valueWidth)..<((node + 1) * valueWidth)]
    }
}

/// A model made of trees whose raw outputs add up (boosting) or average (forests): what TreeSHAP explains.
public protocol TreeEnsemble: FittedModel {
    var trees: [TreeStructure] { get }
    /// How tree outputs combine into the raw prediction (before any link function).
    var treeCombination: TreeCombination { get }
}

/// The raw prediction for output `k` is `base[k] + scale * Σ_trees tree.value[k]`;
/// for per-class boosting trees, `treeOutput[t]` says which output tree `t` feeds (nil: all outputs).
public struct TreeCombination: Sendable, Codable, Equatable {
    public var base: [Double]
    public var scale: Double
    public var treeOutput: [Int]?

    public init(base: [Double], scale: Double, treeOutput: [Int]? = nil) {
        self.base = base
        self.scale = scale
        self.treeOutput = treeOutput
    }
}
