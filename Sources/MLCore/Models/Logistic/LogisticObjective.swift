// scikit-learn's logistic regression objective and its gradient, scaled by 1/Σweights as scikit-learn
// scales it for lbfgs: F(W, b) = Σᵢ sᵢ·lossᵢ / S + ‖W‖² / (2·C·S), the intercept not penalised.
// Binary: one weight vector and the logistic loss; multinomial (≥ 3 classes): one vector per class
// and the softmax cross-entropy. Rows are processed in fixed blocks of 4,096 (losses summed in block
// order) and gradients per feature in row order, so values do not depend on the thread count.
// Columns that are mostly zero (TF-IDF terms, one-hot levels) are walked over their non-zero rows only,
// with the same sums in the same order as the dense walk (a zero term adds nothing), so the result is the
// same and a fit on thousands of text terms costs what their non-zero entries cost.
// Leaves out: L1 / elastic-net penalties (they need a different solver).

import Foundation

final class LogisticObjective {
    let n: Int, p: Int, outputs: Int
    let x: [Double]  // [p × n] column-major
    let labels: [Int]
    let weights: RowWeights  // sᵢ / S
    let penalty: Double  // 1 / (C·S), 0 without a penalty
    let threads: Int
    private var z: [Double]  // [outputs × n] scores, then residuals sᵢ(pᵢₖ − yᵢₖ)/S
    /// Per column: its non-zero rows when at most a quarter of its rows are non-zero, else nil.
    let sparse: [SparseColumn?]
    private static let block = 4096

    /// A column's non-zero rows, in row order; their values are read from the dense matrix. `Int32` rows
    /// and no value copy: 4 bytes per entry, where one-hot columns of millions of rows have millions of them.
    struct SparseColumn: Sendable {
        var rows: [Int32]

        /// The first entry at row `row` or after.
        func start(at row: Int) -> Int {
            var lo = 0, hi = rows.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if Int(rows[mid]) < row { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }
    }

    /// `weights` nil: every row weighs the same (sᵢ / S = 1 / n, what a vector of ones gives).
    init(x: FeatureMatrix, labels: [Int], weights: [Double]?, outputs: Int, penalty: Double, threads: Int) {
        n = x.rows
        p = x.featureCount
        self.x = x.values
        self.labels = labels
        if let weights {
            let s = weights.reduce(0, +)
            self.weights = RowWeights(uniform: nil, values: weights.map { $0 / s })
        } else {
            self.weights = RowWeights(uniform: 1 / Double(x.rows), values: [])
        }
        self.outputs = outputs
        self.penalty = penalty
        self.threads = threads
        z = [Double](repeating: 0, count: outputs * n)
        let (n, values) = (x.rows, x.values)
        sparse = (0..<x.featureCount).map { j -> SparseColumn? in
            let column = values[(j * n)..<((j + 1) * n)]
            let nonZero = column.count(where: { $0 != 0 })
            guard nonZero * 4 <= n, n <= Int(Int32.max) else { return nil }
            var s = SparseColumn(rows: [])
            s.rows.reserveCapacity(nonZero)
            for (r, v) in zip(0..., column) where v != 0 { s.rows.append(Int32(truncatingIfNeeded: r)) }
            return s
        }
    }

    /// θ layout: `[outputs × p]` weights by output, then `outputs` intercepts.
    var dimension: Int { outputs * (p + 1) }

    /// F(θ); writes ∇F(θ) into `grad`.
    func evaluate(_ theta: [Double], _ grad: inout [Double]) -> Double {
        let blocks = (n + Self.block - 1) / Self.block
        var blockLoss = [Double](repeating: 0, count: blocks)
        let n = self.n, p = self.p, k = outputs, labels = self.labels, weights = self.weights, sparse = self.sparse
        x.withUnsafeBufferPointer { xb in
            z.withUnsafeMutableBufferPointer { zb in
                blockLoss.withUnsafeMutableBufferPointer { lb in
                    theta.withUnsafeBufferPointer { tb in
                        let xs = SharedReads(xb), zs = DisjointWrites(zb), ls = DisjointWrites(lb), ts = SharedReads(tb)
                        Parallel.forEach(blocks, threads: threads) { bi in
                            let (xb, zb, lb, tb) = (xs.buffer, zs.buffer, ls, ts.buffer)
                            let lo = bi * Self.block, hi = min(n, lo + Self.block)
                            lb[bi] = Self.scoreBlock(
                                lo..<hi, n: n, p: p, k: k, labels: labels, weights: weights, x: xb, sparse: sparse,
                                z: zb, theta: tb)
                        }
                    }
                }
            }
        }
        var loss = blockLoss.reduce(0, +)
        // Gradient: per feature, a dot product over rows with the residuals.
        grad = [Double](repeating: 0, count: dimension)
        x.withUnsafeBufferPointer { xb in
            z.withUnsafeBufferPointer { zb in
                grad.withUnsafeMutableBufferPointer { gb in
                    let xs = SharedReads(xb), zs = SharedReads(zb), gs = DisjointWrites(gb)
                    Parallel.forEach(p, threads: threads) { j in
                        let (xb, zb, gb) = (xs.buffer, zs.buffer, gs)
                        for c in 0..<k {
                            var s0 = 0.0, s1 = 0.0
                            var r = 0
                            let xo = j &* n, zo = c &* n
                            if let s = sparse[j] {
                                // The dense walk's two sums (even rows, odd rows) over the non-zero rows.
                                for r32 in s.rows {
                                    let row = Int(r32)
                                    if row & 1 == 0 {
                                        s0 += xb[xo &+ row] * zb[zo &+ row]
                                    } else {
                                        s1 += xb[xo &+ row] * zb[zo &+ row]
                                    }
                                }
                                gb[c &* p &+ j] = s0 + s1
                                continue
                            }
                            while r &+ 1 < n {
                                s0 += xb[xo &+ r] * zb[zo &+ r]
                                s1 += xb[xo &+ r &+ 1] * zb[zo &+ r &+ 1]
                                r &+= 2
                            }
                            if r < n { s0 += xb[xo &+ r] * zb[zo &+ r] }
                            gb[c &* p &+ j] = s0 + s1
                        }
                    }
                }
            }
        }
        for c in 0..<k {
            var s = 0.0
            for r in 0..<n { s += z[c * n + r] }
            grad[k * p + c] = s
        }
        if penalty > 0 {
            var sq = 0.0
            for i in 0..<(k * p) {
                sq += theta[i] * theta[i]
                grad[i] += penalty * theta[i]
            }
            loss += 0.5 * penalty * sq
        }
        return loss
    }

    /// Scores, weighted loss and residuals of rows `range`. Shapes: x [p × n]; z [outputs × n].
    private static func scoreBlock(
        _ range: Range<Int>, n: Int, p: Int, k: Int, labels: [Int], weights: RowWeights, x: UnsafeBufferPointer<Double>,
        sparse: [SparseColumn?], z: UnsafeMutableBufferPointer<Double>, theta: UnsafeBufferPointer<Double>
    ) -> Double {
        for c in 0..<k {
            let b = theta[k &* p &+ c]
            for r in range { z[c &* n &+ r] = b }
            for j in 0..<p {
                let w = theta[c &* p &+ j]
                if w == 0 { continue }
                let xo = j &* n, zo = c &* n
                if let s = sparse[j] {
                    var i = s.start(at: range.lowerBound)
                    while i < s.rows.count && Int(s.rows[i]) < range.upperBound {
                        let row = Int(s.rows[i])
                        z[zo &+ row] += w * x[xo &+ row]
                        i &+= 1
                    }
                    continue
                }
                for r in range { z[zo &+ r] += w * x[xo &+ r] }
            }
        }
        var loss = 0.0
        if k == 1 {
            for r in range {
                let s = z[r], y = Double(labels[r]), w = weights[r]
                let e = exp(-abs(s))  // one exp serves the loss and the sigmoid
                loss += w * (max(s, 0) + log1p(e) - y * s)
                z[r] = w * ((s >= 0 ? 1 / (1 + e) : e / (1 + e)) - y)
            }
        } else {
            for r in range {
                var m = -Double.infinity
                for c in 0..<k { m = max(m, z[c &* n &+ r]) }
                var sum = 0.0
                for c in 0..<k { sum += exp(z[c &* n &+ r] - m) }
                let lse = m + log(sum), y = labels[r], w = weights[r]
                loss += w * (lse - z[y &* n &+ r])
                for c in 0..<k {
                    let pk = exp(z[c &* n &+ r] - lse)
                    z[c &* n &+ r] = w * (pk - (c == y ? 1 : 0))
                }
            }
        }
        return loss
    }
}

/// sᵢ / S of each row: one value when every row weighs the same (no column-sized array), else one per row.
struct RowWeights: Sendable {
    let uniform: Double?
    let values: [Double]

    subscript(row: Int) -> Double { uniform ?? values[row] }
}
