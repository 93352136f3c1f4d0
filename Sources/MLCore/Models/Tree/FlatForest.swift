// All nodes of an ensemble packed into one array of 32-byte nodes, for fast prediction. Each tree is
// laid out breadth-first with the two children of a node side by side, so a step is
// `left + goRight` without a branch on the direction. Leaves absorb: a leaf points to itself (NaN
// threshold, missing values left), so a walk of exactly the tree's depth ends on the row's leaf
// whatever its path length; that lets several rows walk one tree in lockstep, their memory loads
// overlapping instead of waiting on one another.
// Categorical nodes look their code up in a sorted slice of one shared Int32 buffer (binary search).
// Leaves out: SIMD gathers (rows are independent, so threads split them instead).

struct FlatNode {
    var threshold: Double
    /// Feature index (0 for leaves, which read it but ignore it).
    var feature: Int32
    /// Index of the left child; the right child is `left + 1`. A leaf's `left` is itself.
    var left: Int32
    /// For a leaf, the index of its value (`leafValue / width`); unused for internal nodes.
    var leafValue: Int32
    /// Start of the node's sorted left-going categories in `categoryCodes`, −1 for numeric nodes.
    var categoryStart: Int32
    var categoryCount: Int32
    /// 1 when missing values go right, else 0 (a byte, so a step computes its direction without a branch).
    var missingRight: UInt8

    /// A slot before it is filled: an absorbing leaf shape (NaN threshold, missing values left).
    static let blank = FlatNode(
        threshold: .nan, feature: 0, left: 0, leafValue: 0, categoryStart: -1, categoryCount: 0, missingRight: 0)
}

struct FlatForest {
    var roots: [Int32] = []
    /// Edges on the longest root-to-leaf path of each tree: the number of steps a walk takes.
    var depths: [Int] = []
    var nodes: [FlatNode] = []
    var categoryCodes: [Int32] = []
    /// Leaf node values, `width` per leaf.
    var leafValue: [Double] = []
    var width = 1

    init(_ trees: [TreeStructure]) {
        width = trees.first?.valueWidth ?? 1
        nodes.reserveCapacity(trees.reduce(0) { $0 + $1.nodeCount })
        for tree in trees { append(tree) }
    }

    /// Lays `tree` out breadth-first: slot `nodes.count` is the root, children get consecutive slots.
    private mutating func append(_ tree: TreeStructure) {
        let root = nodes.count
        roots.append(Int32(root))
        var queue: [(node: Int, depth: Int)] = [(0, 0)], head = 0, depth = 0
        nodes.append(FlatNode.blank)
        while head < queue.count {
            let (node, d) = queue[head]
            let slot = root + head
            head += 1
            depth = max(depth, d)
            if tree.isLeaf(node) {
                nodes[slot].left = Int32(slot)
                nodes[slot].leafValue = Int32(leafValue.count / width)
                leafValue.append(contentsOf: tree.nodeValue(node))
                continue
            }
            let children = nodes.count
            nodes[slot].feature = tree.feature[node]
            nodes[slot].threshold = tree.threshold[node]
            nodes[slot].missingRight = tree.missingGoesLeft[node] ? 0 : 1
            nodes[slot].left = Int32(children)
            if let cats = tree.leftCategories[node] {
                nodes[slot].categoryStart = Int32(categoryCodes.count)
                nodes[slot].categoryCount = Int32(cats.count)
                categoryCodes.append(contentsOf: cats.sorted())
            }
            nodes.append(FlatNode.blank)
            nodes.append(FlatNode.blank)
            queue.append((Int(tree.left[node]), d + 1))
            queue.append((Int(tree.right[node]), d + 1))
        }
        depths.append(depth)
    }

    /// Runs `body` with raw views of the nodes and category codes (valid only inside `body`).
    func withWalker<R>(_ body: (FlatWalker) -> R) -> R {
        nodes.withUnsafeBufferPointer { n in
            categoryCodes.withUnsafeBufferPointer { c in body(FlatWalker(nodes: n, codes: c)) }
        }
    }
}

/// One step of a walk over raw views of a `FlatForest` (unchecked indexing in optimised builds).
struct FlatWalker {
    let nodes: UnsafeBufferPointer<FlatNode>
    let codes: UnsafeBufferPointer<Int32>

    /// The node row `r` moves to from node `i` (a leaf stays where it is).
    /// Shape: values [features × rows] column-major.
    @inline(__always)
    func step(_ i: Int, values: UnsafePointer<Double>, rows n: Int, row r: Int) -> Int {
        let node = nodes[i]
        let x = values[Int(node.feature) &* n &+ r]
        let nan = unsafeBitCast(x.isNaN, to: UInt8.self)
        let goRight: UInt8
        if node.categoryStart >= 0 {
            let inLeft = contains(start: Int(node.categoryStart), count: Int(node.categoryCount), x)
            goRight = nan != 0 ? node.missingRight : 1 &- unsafeBitCast(inLeft, to: UInt8.self)
        } else {
            // NaN compares false, so `x > t` is 0 for it and the missing direction decides.
            goRight = unsafeBitCast(x > node.threshold, to: UInt8.self) | (nan & node.missingRight)
        }
        return Int(node.left) &+ Int(goRight)
    }

    /// The value index of the leaf at node `i` (after a walk of the tree's depth).
    @inline(__always)
    func leafValueIndex(_ i: Int) -> Int { Int(nodes[i].leafValue) }

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
