// Fast TreeSHAP v2 (Yang 2021, "Fast TreeSHAP: Accelerating SHAP Value Computation for Trees"): the
// same Shapley values as Algorithm 2 (TreeSHAP+Path.swift), with the per-leaf work that does not depend
// on the row precomputed once per tree, so a row costs O(nodes + Σ_leaves d) instead of O(leaves × depth²).
//
// A leaf l with value v, reached through the distinct features P (|P| = d; a feature split on twice
// counts once, its cover fraction z_j the product of its splits' fractions), is the game
// g(S) = v · Π_{j∈S} o_j · Π_{j∈P∖S} z_j, where o_j = 1 when the row follows every split on j toward l.
// With U = {j : o_j = 1} and C(U) = Σ_{S⊆U} w(|S|) Π_{j∈U∖S} z_j, w(s) = s!(d−s−1)!/d!, its Shapley values are
//   φ_i = −v · Z(P∖U) · C(U)                         for i ∉ U,
//   φ_i = v · (1 − z_i) · Z(P∖U) · C(U∖{i})           for i ∈ U,      Z(A) = Π_{j∈A} z_j.
// C and Z are tabulated for all 2^d subsets of every leaf; a row finds each leaf's U by passing a bit mask
// down the tree (the slot of a feature is its position among the distinct features from the root, the
// same for every leaf below the node). Leaves out: trees whose tables exceed the memory budget (the
// caller uses Algorithm 2 for them).

/// One leaf's entry in a tree's tables.
struct LeafTable {
    var node: Int32
    /// Distinct features on the path from the root (d).
    var depth: Int32
    /// Start of the leaf's d slots in `slotFeature` / `oneMinusZero`.
    var slots: Int32
    /// Start of the leaf's 2^d entries in `subsetWeight` / `zeroProduct`.
    var table: Int
}

/// Fast TreeSHAP v2's precomputed tables for one tree.
struct PathTables: Sendable {
    /// For each node, the slot of its split feature among the distinct features on its path (-1: leaf).
    var slot: [Int32]
    /// Internal nodes, parents before children.
    var order: [Int32]
    var leaves: [LeafTable]
    var slotFeature: [Int32]
    var oneMinusZero: [Double]
    /// C(U) per leaf and subset U of the leaf's slots.
    var subsetWeight: [Double]
    /// Z(P∖U) per leaf and subset U.
    var zeroProduct: [Double]

    /// The most distinct features on one path the tables handle: a leaf's tables and the scratch that builds
    /// them (2^d × (d + 1) doubles, 8.9 MB at 16) stay small; deeper paths use Algorithm 2.
    static let maxDistinct = 16

    /// Shape of a tree as the two algorithms' costs see it.
    struct Shape {
        var internalNodes = 0
        /// Σ_leaves 2^d: table entries Fast TreeSHAP v2 needs.
        var entries = 0
        /// Σ_leaves d.
        var distinct = 0
        /// Σ_leaves (path length + 1)²: Algorithm 2's per-row work.
        var pathSquares = 0
        var widest = 0
    }

    static func shape(_ tree: TreeStructure) -> Shape {
        var s = Shape()
        var feats: [Int32] = []
        func visit(_ n: Int, _ length: Int) {
            if tree.isLeaf(n) {
                let d = feats.count
                s.widest = max(s.widest, d)
                s.entries += Int(1) << min(d, 40)  // exact wherever it can fit a budget
                s.distinct += d
                s.pathSquares += (length + 1) * (length + 1)
                return
            }
            s.internalNodes += 1
            let added = !feats.contains(tree.feature[n])
            if added { feats.append(tree.feature[n]) }
            visit(Int(tree.left[n]), length + 1)
            visit(Int(tree.right[n]), length + 1)
            if added { feats.removeLast() }
        }
        if tree.nodeCount > 0 { visit(0, 0) }
        return s
    }

    /// Whether the tables are worth building for `rows` rows (and fit in `budget` table entries).
    static func worthBuilding(_ s: Shape, rows: Int, budget: Int) -> Bool {
        guard s.widest <= maxDistinct, s.entries <= budget else { return false }
        let build = Double(s.entries) * Double(s.widest + 2)
        let fast = build + Double(rows) * Double(s.internalNodes + 2 * s.distinct)
        return fast < Double(rows) * Double(s.pathSquares)
    }

    init(_ tree: TreeStructure) {
        slot = [Int32](repeating: -1, count: tree.nodeCount)
        order = []; leaves = []; slotFeature = []; oneMinusZero = []; subsetWeight = []; zeroProduct = []
        guard tree.nodeCount > 0 else { return }
        var feats: [Int32] = [], zeros: [Double] = []
        // Recursive: the tree's depth bounds the stack, as in Algorithm 2.
        func visit(_ n: Int) {
            if tree.isLeaf(n) { addLeaf(n, feats, zeros); return }
            order.append(Int32(n))
            let f = tree.feature[n]
            let existing = feats.firstIndex(of: f)
            let s = existing ?? feats.count
            slot[n] = Int32(s)
            let w = tree.cover[n]
            for child in [Int(tree.left[n]), Int(tree.right[n])] {
                let ratio = w > 0 ? tree.cover[child] / w : 0
                let saved = existing == nil ? 1 : zeros[s]
                if existing == nil { feats.append(f); zeros.append(ratio) } else { zeros[s] = saved * ratio }
                visit(child)
                if existing == nil { feats.removeLast(); zeros.removeLast() } else { zeros[s] = saved }
            }
        }
        visit(0)
    }

    /// Tabulates C and Z for a leaf reached through distinct features `feats` with cover fractions `zeros`.
    private mutating func addLeaf(_ node: Int, _ feats: [Int32], _ zeros: [Double]) {
        let d = feats.count, n = 1 << d
        leaves.append(
            LeafTable(node: Int32(node), depth: Int32(d), slots: Int32(slotFeature.count), table: subsetWeight.count))
        slotFeature.append(contentsOf: feats)
        oneMinusZero.append(contentsOf: zeros.map { 1 - $0 })
        guard d > 0 else { subsetWeight.append(0); zeroProduct.append(1); return }
        // w(s) = s!(d−s−1)!/d! = 1 / (d · binom(d−1, s)).
        var weight = [Double](repeating: 0, count: d)
        var binom = 1.0
        for s in 0..<d {
            weight[s] = 1 / (Double(d) * binom)
            binom = binom * Double(d - 1 - s) / Double(s + 1)
        }
        // e[U][m]: elementary symmetric polynomial of degree m in {z_j : j ∈ U}, built by adding one bit at a time.
        let width = d + 1
        var e = [Double](repeating: 0, count: n * width)
        e[0] = 1
        for u in 1..<n {
            let h = u.trailingZeroBitCount, prev = u & (u - 1)
            let z = zeros[h], size = u.nonzeroBitCount
            e[u * width] = e[prev * width]
            for m in stride(from: 1, through: size, by: 1) {
                e[u * width + m] = e[prev * width + m] + z * e[prev * width + m - 1]
            }
        }
        for u in 0..<n {
            let size = u.nonzeroBitCount
            var c = 0.0
            // |S| = s of U's members are known; the other size − s contribute the degree-(size − s) polynomial.
            for s in 0...min(size, d - 1) { c += weight[s] * e[u * width + size - s] }
            subsetWeight.append(c)
            var z = 1.0
            for j in 0..<d where u & (1 << j) == 0 { z *= zeros[j] }
            zeroProduct.append(z)
        }
    }
}

/// Evaluates one row against a tree's `PathTables` (pointers valid inside `withTables`).
struct TableWalker {
    let nodes: NodeArrays
    let slot: UnsafePointer<Int32>
    let order: UnsafeBufferPointer<Int32>
    let leaves: UnsafeBufferPointer<LeafTable>
    let slotFeature: UnsafePointer<Int32>
    let oneMinusZero: UnsafePointer<Double>
    let subsetWeight: UnsafePointer<Double>
    let zeroProduct: UnsafePointer<Double>

    static func withTables(_ t: PathTables, _ nodes: NodeArrays, _ body: (TableWalker) -> Void) {
        t.slot.withUnsafeBufferPointer { sl in
            t.order.withUnsafeBufferPointer { or in
                t.leaves.withUnsafeBufferPointer { le in
                    t.slotFeature.withUnsafeBufferPointer { sf in
                        t.oneMinusZero.withUnsafeBufferPointer { om in
                            t.subsetWeight.withUnsafeBufferPointer { sw in
                                t.zeroProduct.withUnsafeBufferPointer { zp in
                                    guard let sl = sl.baseAddress, let sf = sf.baseAddress, let om = om.baseAddress,
                                        let sw = sw.baseAddress, let zp = zp.baseAddress
                                    else { return }
                                    body(
                                        TableWalker(
                                            nodes: nodes, slot: sl, order: or, leaves: le, slotFeature: sf,
                                            oneMinusZero: om, subsetWeight: sw, zeroProduct: zp))
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Adds the row `x`'s SHAP values to `phi` (`[width × features]`); `mask` has one slot per node.
    func explain(
        x: UnsafeBufferPointer<Double>, phi: UnsafeMutableBufferPointer<Double>, mask: UnsafeMutablePointer<UInt32>,
        width: Int, features: Int
    ) {
        mask[0] = UInt32.max
        for n32 in order {
            let n = Int(n32)
            let m = mask[n], bit = UInt32(1) << UInt32(slot[n])
            let left = nodes.goesLeft(n, x[Int(nodes.feature[n])])
            mask[Int(nodes.left[n])] = left ? m : m & ~bit
            mask[Int(nodes.right[n])] = left ? m & ~bit : m
        }
        for leaf in leaves {
            let d = Int(leaf.depth)
            if d == 0 { continue }
            let node = Int(leaf.node), slots = Int(leaf.slots)
            let u = Int(mask[node] & ((UInt32(1) << UInt32(d)) &- 1))
            let table = subsetWeight + leaf.table
            let z = zeroProduct[leaf.table + u]
            let absent = -z * table[u]
            if width == 1 {
                let v = nodes.value[node]
                for s in 0..<d {
                    let c = u & (1 << s) != 0 ? oneMinusZero[slots + s] * z * table[u ^ (1 << s)] : absent
                    phi[Int(slotFeature[slots + s])] += c * v
                }
            } else {
                for s in 0..<d {
                    let c = u & (1 << s) != 0 ? oneMinusZero[slots + s] * z * table[u ^ (1 << s)] : absent
                    let j = Int(slotFeature[slots + s])
                    for k in 0..<width { phi[k * features + j] += c * nodes.value[node * width + k] }
                }
            }
        }
    }
}
