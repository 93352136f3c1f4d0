// All nodes of an ensemble in flat arrays, for fast prediction: one walk per row and tree touches only
// plain buffers (TreeStructure's arrays of optional category lists are too slow for millions of visits).
// Built per predict call, O(nodes). Categorical nodes test a 256-bit set; codes ≥ 256 use a sorted list.
// Leaves out: SIMD over rows (rows are independent, so threads split them instead).

struct FlatForest {
    var roots: [Int32] = []
    var feature: [Int32] = []
    var threshold: [Double] = []
    /// Child indices are global; `left[i] < 0` marks a leaf whose value index is `-left[i] - 1`.
    var left: [Int32] = []
    var right: [Int32] = []
    var missingLeft: [Bool] = []
    /// Index into `categorySets` for categorical nodes, −1 for numeric ones.
    var categorySet: [Int32] = []
    var categorySets: [[Int32]] = []
    /// Leaf node values, `width` per leaf.
    var leafValue: [Double] = []
    var width = 1

    init(_ trees: [TreeStructure]) {
        width = trees.first?.valueWidth ?? 1
        for tree in trees {
            let offset = Int32(feature.count)
            roots.append(offset)
            for node in 0..<tree.nodeCount {
                if tree.isLeaf(node) {
                    let valueIndex = leafValue.count / width
                    leafValue.append(contentsOf: tree.nodeValue(node))
                    feature.append(-1)
                    left.append(-Int32(valueIndex) - 1)
                    right.append(-Int32(valueIndex) - 1)
                } else {
                    feature.append(tree.feature[node])
                    left.append(tree.left[node] + offset)
                    right.append(tree.right[node] + offset)
                }
                threshold.append(tree.threshold[node])
                missingLeft.append(tree.missingGoesLeft[node])
                if let cats = tree.leftCategories[node] {
                    categorySet.append(Int32(categorySets.count))
                    categorySets.append(cats.sorted())
                } else {
                    categorySet.append(-1)
                }
            }
        }
    }

    /// The index (into `leafValue / width`) of the leaf that row `r` reaches in tree `t`.
    /// Shape: values [features × rows] column-major.
    @inline(__always)
    func leafIndex(tree t: Int, values: UnsafePointer<Double>, rows n: Int, row r: Int) -> Int {
        var node = Int(roots[t])
        while true {
            let f = feature[node]
            if f < 0 { return Int(-left[node] - 1) }
            let x = values[Int(f) &* n &+ r]
            let goLeft: Bool
            if x.isNaN {
                goLeft = missingLeft[node]
            } else if categorySet[node] >= 0 {
                goLeft = Self.contains(categorySets[Int(categorySet[node])], Int32(x))
            } else {
                goLeft = x <= threshold[node]
            }
            node = Int(goLeft ? left[node] : right[node])
        }
    }

    private static func contains(_ sorted: [Int32], _ v: Int32) -> Bool {
        var lo = 0, hi = sorted.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if sorted[mid] < v { lo = mid + 1 } else { hi = mid }
        }
        return lo < sorted.count && sorted[lo] == v
    }
}
