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
                guard let op = o.baseAddress, let vp = v.baseAddress else { return }
                let ot = UnsafeTransfer(op), vt = UnsafeTransfer(vp)
                ParallelWork.forChunks(n, threads: threads, minimumPerThread: 256) { range in
                    flat.withWalker { walker in
                        flat.leafValue.withUnsafeBufferPointer { lv in
                            var block = range.lowerBound
                            while block < range.upperBound {
                                let rows = block..<min(block &+ rowBlock, range.upperBound)
                                accumulate(
                                    rows: rows, flat: flat, walker: walker, leafValues: lv, combination: combination,
                                    outputs: outputs, values: vt.value, rowCount: n, out: ot.value)
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
        rows: Range<Int>, flat: FlatForest, walker: FlatWalker, leafValues lv: UnsafeBufferPointer<Double>,
        combination: TreeCombination, outputs: Int, values v: UnsafePointer<Double>, rowCount n: Int,
        out o: UnsafeMutablePointer<Double>
    ) {
        let width = flat.width
        for k in 0..<outputs { for r in rows { o[k &* n &+ r] = 0 } }
        for (t, root) in flat.roots.enumerated() {
            if width == outputs {
                for r in rows {
                    let leaf = walker.leafIndex(root: root, values: v, rows: n, row: r)
                    for k in 0..<outputs { o[k &* n &+ r] += lv[leaf &* width &+ k] }
                }
            } else {
                let k = combination.treeOutput?[t] ?? 0
                for r in rows {
                    o[k &* n &+ r] += lv[walker.leafIndex(root: root, values: v, rows: n, row: r)]
                }
            }
        }
        for k in 0..<outputs {
            for r in rows { o[k &* n &+ r] = combination.base[k] + combination.scale * o[k &* n &+ r] }
        }
    }
}
