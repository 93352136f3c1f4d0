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
        let width = flat.width
        var out = [Double](repeating: 0, count: outputs * n)
        out.withUnsafeMutableBufferPointer { o in
            x.values.withUnsafeBufferPointer { v in
                guard let op = o.baseAddress, let vp = v.baseAddress else { return }
                let ot = UnsafeTransfer(op), vt = UnsafeTransfer(vp)
                ParallelWork.forChunks(n, threads: threads, minimumPerThread: 256) { range in
                    let o = ot.value, v = vt.value
                    flat.leafValue.withUnsafeBufferPointer { lv in
                        for r in range {
                            for k in 0..<outputs { o[k &* n &+ r] = 0 }
                            for t in 0..<trees.count {
                                let leaf = flat.leafIndex(tree: t, values: v, rows: n, row: r)
                                if width == outputs {
                                    for k in 0..<outputs { o[k &* n &+ r] += lv[leaf &* width &+ k] }
                                } else {
                                    let k = combination.treeOutput?[t] ?? 0
                                    o[k &* n &+ r] += lv[leaf]
                                }
                            }
                            for k in 0..<outputs {
                                o[k &* n &+ r] = combination.base[k] + combination.scale * o[k &* n &+ r]
                            }
                        }
                    }
                }
            }
        }
        return out
    }
}
