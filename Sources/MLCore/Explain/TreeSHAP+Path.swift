// The recursion of exact TreeSHAP (Lundberg et al. 2018, Algorithm 2): EXTEND, UNWIND and the sum of
// the unwound path weights, over a path buffer shared by all levels (each level copies its parent's
// path into the next slot, so the buffer holds (depth+1)(depth+2)/2 elements). Leaves out: nothing of
// the algorithm; this is the hot loop and uses raw pointers into buffers owned by TreeSHAP.explain.

/// A tree's node arrays as raw pointers, valid inside `Walker.withNodes`.
struct NodeArrays {
    let feature: UnsafePointer<Int32>
    let threshold: UnsafePointer<Double>
    let left: UnsafePointer<Int32>
    let right: UnsafePointer<Int32>
    let value: UnsafePointer<Double>
    let cover: UnsafePointer<Double>
    let missingLeft: UnsafePointer<Bool>
    /// The tree, for categorical splits (rare: taken only when `hasCategories`).
    let tree: TreeStructure
    let hasCategories: Bool

    @inline(__always)
    func goesLeft(_ node: Int, _ v: Double) -> Bool {
        if hasCategories { return tree.goesLeft(node, v) }
        return v.isNaN ? missingLeft[node] : v <= threshold[node]
    }
}

struct Walker {
    let nodes: NodeArrays
    let x: UnsafeBufferPointer<Double>
    let phi: UnsafeMutableBufferPointer<Double>  // [width × features]
    let width: Int
    let features: Int

    /// Calls `body` with pointers to `tree`'s node arrays.
    static func withNodes(_ tree: TreeStructure, _ body: (NodeArrays) -> Void) {
        let cats = tree.leftCategories.contains { $0 != nil }
        tree.feature.withUnsafeBufferPointer { fe in
            tree.threshold.withUnsafeBufferPointer { th in
                tree.left.withUnsafeBufferPointer { le in
                    tree.right.withUnsafeBufferPointer { ri in
                        tree.value.withUnsafeBufferPointer { va in
                            tree.cover.withUnsafeBufferPointer { co in
                                tree.missingGoesLeft.withUnsafeBufferPointer { mi in
                                    guard let fe = fe.baseAddress, let th = th.baseAddress, let le = le.baseAddress,
                                        let ri = ri.baseAddress,
                                        let va = va.baseAddress, let co = co.baseAddress, let mi = mi.baseAddress
                                    else { return }
                                    body(
                                        NodeArrays(
                                            feature: fe, threshold: th, left: le, right: ri, value: va, cover: co,
                                            missingLeft: mi, tree: tree, hasCategories: cats))
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Appends a feature to the path and updates the permutation weights.
    @inline(__always)
    static func extend(
        _ p: UnsafeMutablePointer<PathElement>, _ depth: Int, _ zero: Double, _ one: Double, _ feature: Int
    ) {
        p[depth] = PathElement(feature: feature, zero: zero, one: one, weight: depth == 0 ? 1 : 0)
        let d1 = Double(depth + 1)
        var i = depth - 1
        while i >= 0 {
            p[i + 1].weight += one * p[i].weight * Double(i + 1) / d1
            p[i].weight = zero * p[i].weight * Double(depth - i) / d1
            i -= 1
        }
    }

    /// Removes element `index` from the path, undoing its EXTEND.
    @inline(__always)
    static func unwind(_ p: UnsafeMutablePointer<PathElement>, _ depth: Int, _ index: Int) {
        let one = p[index].one, zero = p[index].zero
        var next = p[depth].weight
        let d1 = Double(depth + 1)
        var i = depth - 1
        while i >= 0 {
            if one != 0 {
                let tmp = p[i].weight
                p[i].weight = next * d1 / (Double(i + 1) * one)
                next = tmp - p[i].weight * zero * Double(depth - i) / d1
            } else {
                p[i].weight = p[i].weight * d1 / (zero * Double(depth - i))
            }
            i -= 1
        }
        for k in index..<depth {
            p[k].feature = p[k + 1].feature
            p[k].zero = p[k + 1].zero
            p[k].one = p[k + 1].one
        }
    }

    /// The total permutation weight if element `index` were unwound (without changing the path).
    /// The branch on `one` is hoisted out of the loop (it is constant for the call).
    @inline(__always)
    static func unwoundSum(_ p: UnsafeMutablePointer<PathElement>, _ depth: Int, _ index: Int) -> Double {
        let one = p[index].one, zero = p[index].zero
        var total = 0.0
        let d1 = Double(depth + 1)
        if one != 0 {
            var next = p[depth].weight
            let c = d1 / one, z = zero / d1
            var i = depth - 1
            while i >= 0 {
                let tmp = next * c / Double(i + 1)
                total += tmp
                next = p[i].weight - tmp * z * Double(depth - i)
                i -= 1
            }
        } else if zero != 0 {
            let c = d1 / zero
            var i = depth - 1
            while i >= 0 {
                total += p[i].weight * c / Double(depth - i)
                i -= 1
            }
        }
        return total
    }

    /// Algorithm 2's RECURSE: `parent` holds the parent's path of `depth` elements; this level's copy
    /// goes right after it.
    func recurse(
        node: Int, path parent: UnsafeMutablePointer<PathElement>, depth: Int, zero: Double, one: Double, feature: Int
    ) {
        let p = parent + (depth == 0 ? 0 : depth)
        if depth > 0 { p.update(from: parent, count: depth) }
        Walker.extend(p, depth, zero, one, feature)
        if nodes.feature[node] < 0 {
            for i in stride(from: 1, through: depth, by: 1) {
                let w = Walker.unwoundSum(p, depth, i)
                let el = p[i]
                let scale = w * (el.one - el.zero)
                for k in 0..<width { phi[k * features + el.feature] += scale * nodes.value[node * width + k] }
            }
            return
        }
        let split = Int(nodes.feature[node])
        let goLeft = nodes.goesLeft(node, x[split])
        let hot = Int(goLeft ? nodes.left[node] : nodes.right[node])
        let cold = Int(goLeft ? nodes.right[node] : nodes.left[node])
        let w = nodes.cover[node]
        let hotZero = w > 0 ? nodes.cover[hot] / w : 0
        let coldZero = w > 0 ? nodes.cover[cold] / w : 0
        var inZero = 1.0, inOne = 1.0
        var d = depth
        var k = 0
        while k <= d { if p[k].feature == split { break }; k += 1 }
        if k != d + 1 {
            inZero = p[k].zero
            inOne = p[k].one
            Walker.unwind(p, d, k)
            d -= 1
        }
        recurse(node: hot, path: p, depth: d + 1, zero: hotZero * inZero, one: inOne, feature: split)
        recurse(node: cold, path: p, depth: d + 1, zero: coldZero * inZero, one: 0, feature: split)
    }
}
