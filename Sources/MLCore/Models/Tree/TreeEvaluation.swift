// Walks fitted trees over a column-major feature matrix: the leaf each row reaches, and the sum of
// tree outputs per row for ensembles. Rows are spread over threads in fixed chunks and each row sums
// its trees in order, so results do not depend on the thread count.
// Leaves out: SHAP and importance (the Explain layer reads TreeStructure directly).

extension TreeStructure {
    /// The leaf reached by `row`. Shape: values [features × rows] column-major.
    @inline(__always)
    func leaf(values: UnsafePointer<Double>, rows: Int, row: Int) -> Int {
        var node = 0
        while feature[node] >= 0 {
            let x = values[Int(feature[node]) &* rows &+ row]
            node = Int(goesLeft(node, x) ? left[node] : right[node])
        }
        return node
    }
}

enum TreeEvaluation {
    /// Raw ensemble scores `[outputs × rows]`: `base[k] + scale × Σ trees feeding output k`.
    /// Trees with `valueWidth == outputs` feed every output; otherwise `treeOutput[t]` names the output.
    static func rawScores(
        trees: [TreeStructure], combination: TreeCombination, outputs: Int, x: FeatureMatrix, threads: Int
    ) -> [Double] {
        let n = x.rows
        let flat = FlatForest(trees)
        var out = [Double](repeating: 0, count: outputs * n)
        out.withUnsafeMutableBufferPointer { o in
            x.values.withUnsafeBufferPointer { v in
                let ot = DisjointWrites(o), vt = SharedReads(v)
                Parallel.forChunks(n, threads: threads, minimumPerThread: 256) { range in
                    flat.withWalker { walker in
                        flat.leafValue.withUnsafeBufferPointer { lv in
                            var block = range.lowerBound
                            while block < range.upperBound {
                                let rows = block..<min(block &+ rowBlock, range.upperBound)
                                accumulate(
                                    rows: rows, flat: flat, walker: walker, leafValues: lv, combination: combination,
                                    outputs: outputs, values: vt.base, rowCount: n, out: ot.base)
                                block = rows.upperBound
                            }
                        }
                    }
                }
            }
        }
        return out
    }

    /// Rows walked together through one tree before the next, so a tree's nodes stay in cache.
    private static let rowBlock = 64

    /// Sums every tree's output for a block of rows, trees in order for each row (so the sum is the
    /// same whatever the blocking), then applies `base + scale × sum`.
    @inline(__always)
    private static func accumulate(
        rows: Range<Int>, flat: FlatForest, walker w: FlatWalker, leafValues lv: UnsafeBufferPointer<Double>,
        combination: TreeCombination, outputs: Int, values v: UnsafePointer<Double>, rowCount n: Int,
        out o: UnsafeMutablePointer<Double>
    ) {
        let width = flat.width
        for k in 0..<outputs { for r in rows { o[k &* n &+ r] = 0 } }
        for (t, root) in flat.roots.enumerated() {
            let depth = flat.depths[t], start = Int(root)
            let k0 = width == outputs ? 0 : combination.treeOutput?[t] ?? 0
            @inline(__always) func add(_ node: Int, _ r: Int) {
                let leaf = w.leafValueIndex(node)
                if width == outputs {
                    for k in 0..<outputs { o[k &* n &+ r] += lv[leaf &* width &+ k] }
                } else {
                    o[k0 &* n &+ r] += lv[leaf]
                }
            }
            var r = rows.lowerBound
            // Four rows in lockstep: their chains of dependent loads run side by side.
            while r &+ 4 <= rows.upperBound {
                var a = start, b = start, c = start, d = start
                for _ in 0..<depth {
                    a = w.step(a, values: v, rows: n, row: r)
                    b = w.step(b, values: v, rows: n, row: r &+ 1)
                    c = w.step(c, values: v, rows: n, row: r &+ 2)
                    d = w.step(d, values: v, rows: n, row: r &+ 3)
                }
                add(a, r); add(b, r &+ 1); add(c, r &+ 2); add(d, r &+ 3)
                r &+= 4
            }
            while r < rows.upperBound {
                var a = start
                for _ in 0..<depth { a = w.step(a, values: v, rows: n, row: r) }
                add(a, r)
                r &+= 1
            }
        }
        for k in 0..<outputs {
            for r in rows { o[k &* n &+ r] = combination.base[k] + combination.scale * o[k &* n &+ r] }
        }
    }
}
