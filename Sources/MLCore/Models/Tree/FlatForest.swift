// All nodes of an ensemble packed into one array of 32-byte nodes, for fast prediction: one walk
// per row and tree touches one cache line per node and no Swift array bounds checks.
// Built per predict call, O(nodes). Categorical nodes look their code up in a sorted slice of one
// shared Int32 buffer (binary search), so no nested arrays are touched on the hot path.
// Leaves out: SIMD over rows (rows are independent, so threads split them instead).

struct FlatNode {
    var threshold: Double
    /// Feature index, or −1 for a leaf.
    var feature: Int32
    /// Child indices are global; for a leaf, `left` is the index of its value (`leafValue / width`).
    var left: Int32
    var right: Int32
    /// Start of the node's sorted left-going categories in `categoryCodes`, −1 for numeric nodes.
    var categoryStart: Int32
    var categoryCount: Int32
    var missingLeft: Bool
}

struct FlatForest {
    var roots: [Int32] = []
    var nodes: [FlatNode] = []
    var categoryCodes: [Int32] = []
    /// Leaf node values, `width` per leaf.
    var leafValue: [Double] = []
    var width = 1

    init(_ trees: [TreeStructure]) {
        width = trees.first?.valueWidth ?? 1
        nodes.reserveCapacity(trees.reduce(0) { $0 + $1.nodeCount })
        for tree in trees {
            let offset = Int32(nodes.count)
            roots.append(offset)
            for node in 0..<tree.nodeCount {
                var flat = FlatNode(
                    threshold: tree.threshold[node], feature: -1, left: 0, right: 0,
                    categoryStart: -1, categoryCount: 0, missingLeft: tree.missingGoesLeft[node])
                if tree.isLeaf(node) {
                    flat.left = Int32(leafValue.count / width)
                    leafValue.append(contentsOf: tree.nodeValue(node))
                } else {
                    flat.feature = tree.feature[node]
                    flat.left = tree.left[node] + offset
                    flat.right = tree.right[node] + offset
                    if let cats = tree.leftCategories[node] {
                        flat.categoryStart = Int32(categoryCodes.count)
                        flat.categoryCount = Int32(cats.count)
                        categoryCodes.append(contentsOf: cats.sorted())
                    }
                }
                nodes.append(flat)
            }
        }
    }

    /// Runs `body` with raw views of the nodes and category codes (valid only inside `body`).
    func withWalker<R>(_ body: (FlatWalker) -> R) -> R {
        nodes.withUnsafeBufferPointer { n in
            categoryCodes.withUnsafeBufferPointer { c in body(FlatWalker(nodes: n, codes: c)) }
        }
    }
}

/// The hot loop of prediction over raw views of a `FlatForest` (unchecked indexing in optimised builds).
struct FlatWalker {
    let nodes: UnsafeBufferPointer<FlatNode>
    let codes: UnsafeBufferPointer<Int32>

    /// The value index of the leaf that row `r` reaches from `root`.
    /// Shape: values [features × rows] column-major.
    @inline(__always)
    func leafIndex(root: Int32, values: UnsafePointer<Double>, rows n: Int, row r: Int) -> Int {
        var node = nodes[Int(root)]
        while node.feature >= 0 {
            let x = values[Int(node.feature) &* n &+ r]
            let goLeft: Bool
            if x.isNaN {
                goLeft = node.missingLeft
            } else if node.categoryStart >= 0 {
                goLeft = contains(start: Int(node.categoryStart), count: Int(node.categoryCount), x)
            } else {
                goLeft = x <= node.threshold
            }
            node = nodes[Int(goLeft ? node.left : node.right)]
        }
        return Int(node.left)
    }

    /// Whether category code `x` is among the node's sorted codes (a code outside Int32 never is).
    @inline(__always)
    private func contains(start: Int, count: Int, _ x: Double) -> Bool {
        guard let v = Int32(exactly: x.rounded(.towardZero)) else { return false }
        var lo = start, hi = start &+ count
        while lo < hi {
            let mid = (lo &+ hi) >> 1
            if codes[mid] < v { lo = mid &+ 1 } else { hi = mid }
        }
        return lo < start &+ count && codes[lo] == v
    }
}
