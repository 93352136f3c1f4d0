// Hamerly's accelerated k-means iterations, giving exactly Lloyd's result (labels, centres, inertia,
// iterations; `Lloyd.run` is the naive twin, HamerlyTests): per row an upper bound on the distance to its
// centre and a lower bound on the distance to the second-closest one, moved by the centres' drift each
// iteration (stored relative to each cluster's cumulative drift, so a row whose bounds hold costs no write). A row whose upper bound is below max(lower bound, half the distance from its centre to the
// nearest other centre) keeps its label without computing any distance. The bounds carry a safety margin
// (the data diameter × a rounding allowance growing with the iteration) so a skipped row is one whose label
// Lloyd's rounded distances would not change; every distance actually computed uses Lloyd's arithmetic
// (feature order, ties to the lower centre) in the C pass (CKMeans), on a row-major copy of the data so a
// recomputed row reads p contiguous values. Cluster sums are exact fixed-point sums (ClusterSums): built
// once, then only the rows that changed cluster are moved, and they still equal Lloyd's recomputed sums
// bit for bit; nothing depends on the thread count.
// Leaves out: Elkan's k lower bounds per row, the sort-by-centre-distance refinements (Drake, Yinyang).

import Foundation

extension Lloyd {
    /// Lloyd iterations (same stopping rules as `run`) with Hamerly's bounds.
    func runHamerly(centers start: [Double], maxIter: Int, tolerance: Double) -> Result {
        let n = self.n, p = self.p, k = self.k
        var centers = start
        var labels = [Int](repeating: 0, count: n)
        var upper = [Double](repeating: .infinity, count: n), lower = [Double](repeating: 0, count: n)
        var drift = [Double](repeating: 0, count: k), shifts = Shifts(k: k)
        let diameter = self.diameter(), rows = rowMajor(), scales = ClusterSums.scales(x, weights: weights)
        var iterations = 0, settled = false
        var sums: [Int64] = []
        for t in 0..<maxIter {
            let moved = hamerlyStep(
                centers, rows: rows, drift: drift, shifts: &shifts, full: t == 0, margin: margin(diameter, t),
                scales: scales, labels: &labels, upper: &upper, lower: &lower, sums: &sums)
            iterations += 1
            // No row changed cluster: the labels equal the previous pass's (Lloyd's strict convergence).
            if t > 0 && moved == 0 { settled = true; break }
            let values = ClusterSums.values(sums, scales: scales, k: k, p: p)
            let empty = (0..<k).contains { !(values[$0 * (p + 1) + p] > 0) }
            let updated = update(sums: values, distances: empty ? exactDistances(labels, centers) : [], old: centers)
            var shift = 0.0
            for i in centers.indices { shift += (updated[i] - centers[i]) * (updated[i] - centers[i]) }
            for c in 0..<k {
                var s = 0.0
                for j in 0..<p { let d = updated[c * p + j] - centers[c * p + j]; s += d * d }
                drift[c] = s.squareRoot()
            }
            centers = updated
            if shift <= tolerance { break }
        }
        if !settled {
            // The assignment of the final centres (Lloyd's closing `assign`); the sums are not needed.
            var none: [Int64] = []
            _ = hamerlyStep(
                centers, rows: rows, drift: drift, shifts: &shifts, full: iterations == 0,
                margin: margin(diameter, iterations), scales: scales, labels: &labels, upper: &upper, lower: &lower,
                sums: &none, keepSums: false)
        }
        let dist = exactDistances(labels, centers)
        var inertia = 0.0
        for i in 0..<n { inertia += weights[i] * dist[i] }
        return Result(centers: centers, labels: labels, inertia: inertia, iterations: iterations)
    }

    /// The data row-major, [n × p], for the C pass. - Complexity: O(n × p).
    func rowMajor() -> [Double] {
        let n = self.n, p = self.p
        var out = [Double](repeating: 0, count: n * p)
        x.values.withUnsafeBufferPointer { xb in
            out.withUnsafeMutableBufferPointer { ob in
                let xT = SharedReads(xb), oT = DisjointWrites(ob)
                Parallel.forChunks(n, threads: threads, minimumPerThread: 4096) { rows in
                    let x = xT.base, o = oT.base
                    for i in rows { for j in 0..<p { o[i &* p &+ j] = x[j &* n &+ i] } }
                }
            }
        }
        return out
    }

    /// How far a bound may be off through rounding after `t` iterations: drifts added t times (each ≤ the
    /// diameter) and distances summed over p features, with a wide factor.
    func margin(_ diameter: Double, _ t: Int) -> Double {
        diameter * 1e-15 * (Double(t + 1) * Double(t + 1) + 4 * Double(p) + 16)
    }

    /// Length of the bounding box's diagonal: no centre (a row or a mean of rows) is farther from a row.
    func diameter() -> Double {
        var s = 0.0
        for j in 0..<p {
            let c = x.column(j)
            let d = (c.max() ?? 0) - (c.min() ?? 0)
            s += d * d
        }
        return s.squareRoot()
    }

    /// Each row's squared distance to its own centre, Lloyd's arithmetic. - Complexity: O(n × p).
    func exactDistances(_ labels: [Int], _ centers: [Double]) -> [Double] {
        let n = self.n, p = self.p
        var dist = [Double](repeating: 0, count: n)
        let blocks = (n + Self.block - 1) / Self.block
        x.values.withUnsafeBufferPointer { xb in
            centers.withUnsafeBufferPointer { cb in
                labels.withUnsafeBufferPointer { lb in
                    dist.withUnsafeMutableBufferPointer { db in
                        let xT = SharedReads(xb), cT = SharedReads(cb), lT = SharedReads(lb), dT = DisjointWrites(db)
                        _ = Parallel.map(blocks, threads: threads) { b -> Int in
                            let x = xT.base, c = cT.base, l = lT.base, d = dT.base
                            for i in (b * Self.block)..<min(n, (b + 1) * Self.block) {
                                d[i] = HamerlyKernels.squaredDistance(x, n: n, p: p, row: i, centre: c + l[i] * p)
                            }
                            return 0
                        }
                    }
                }
            }
        }
        return dist
    }

    /// How far each cluster's bounds have moved since the start: a row's bounds are stored relative to them
    /// (HamerlyKernels.pass), so the pass writes nothing for a row whose bounds still hold.
    struct Shifts {
        /// Per cluster, the sum of its centre's drifts (added to the upper bound).
        var up: [Double]
        /// Per cluster, the sum of the largest drift of any other centre (taken off the lower bound).
        var down: [Double]

        init(k: Int) {
            up = [Double](repeating: 0, count: k)
            down = up
        }
    }

    /// One assignment pass with bounds (or from scratch when `full`), block by block in parallel.
    /// `drift`: how far each centre moved since the last pass (added to `shifts` first). `sums` [k × (p+1) × 2]: when `full`,
    /// set to the sums of the new assignment, otherwise updated by moving the rows that changed cluster
    /// (untouched when not `keepSums`). Returns how many rows changed cluster (0 when `full`).
    func hamerlyStep(
        _ centers: [Double], rows data: [Double], drift: [Double], shifts: inout Shifts, full: Bool, margin: Double,
        scales: [Double],
        labels: inout [Int], upper: inout [Double], lower: inout [Double], sums: inout [Int64], keepSums: Bool = true
    ) -> Int {
        let n = self.n, p = self.p, k = self.k
        // Half the distance from each centre to the nearest other one.
        var half = [Double](repeating: .infinity, count: k)
        for a in 0..<k {
            for b in (a + 1)..<max(a + 1, k) {
                var s = 0.0
                for j in 0..<p { let d = centers[a * p + j] - centers[b * p + j]; s += d * d }
                let h = 0.5 * s.squareRoot()
                half[a] = min(half[a], h)
                half[b] = min(half[b], h)
            }
        }
        // Largest drift of any other centre: the top two drifts.
        var top = 0, first = -Double.infinity, second = 0.0
        for c in 0..<k where drift[c] > first { top = c; first = drift[c] }
        for c in 0..<k where c != top { second = max(second, drift[c]) }
        for c in 0..<k {
            shifts.up[c] += drift[c]
            shifts.down[c] += c == top ? second : max(first, 0)
        }
        let up = shifts.up, down = shifts.down, halves = half
        let (transposed, width) = HamerlyKernels.transpose(centers, k: k, p: p)
        let level = self.level, size = 2 * k * (p + 1)
        let blocks = (n + Self.block - 1) / Self.block
        let partial: [(moved: Int, sums: [Int64])] = transposed.withUnsafeBufferPointer { tb in
            labels.withUnsafeMutableBufferPointer { lb in
                upper.withUnsafeMutableBufferPointer { ub in
                    lower.withUnsafeMutableBufferPointer { wb in
                        data.withUnsafeBufferPointer { rb in
                            x.values.withUnsafeBufferPointer { xb in
                                weights.withUnsafeBufferPointer { sb in
                                    scales.withUnsafeBufferPointer { cb in
                                        let rT = SharedReads(rb), lT = DisjointWrites(lb), uT = DisjointWrites(ub),
                                            loT = DisjointWrites(wb), wT = SharedReads(sb), trT = SharedReads(tb),
                                            xT = SharedReads(xb), scT = SharedReads(cb)
                                        return Parallel.map(blocks, threads: threads) {
                                            b -> (moved: Int, sums: [Int64]) in
                                            let r = rT.base, l = lT.base, u = uT.base, lo = loT.base, w = wT.base,
                                                tr = trT.base, x = xT.base, sc = scT.base
                                            let rows = (b * Self.block)..<min(n, (b + 1) * Self.block)
                                            let moved = HamerlyKernels.pass(
                                                level: level, x: r, p: p, transposed: tr, width: width, k: k,
                                                rows: rows,
                                                labels: l, upper: u, lower: lo, up: up, down: down, half: halves,
                                                margin: margin,
                                                full: full)
                                            guard keepSums, full || !moved.isEmpty else { return (moved.count, []) }
                                            var part = [Int64](repeating: 0, count: size)
                                            part.withUnsafeMutableBufferPointer { pb in
                                                guard let pb = pb.baseAddress else { return }
                                                if full {
                                                    ClusterSums.accumulate(
                                                        x: x, n: n, p: p, labels: l, weights: w, rows: rows, scales: sc,
                                                        sums: pb)
                                                }
                                                for (i, from) in moved {
                                                    ClusterSums.move(
                                                        row: r + i &* p, weight: w[i], p: p, from: from, to: l[i],
                                                        scales: sc, sums: pb)
                                                }
                                            }
                                            return (moved.count, part)
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        let moved = partial.reduce(0) { $0 + $1.moved }
        guard keepSums else { return moved }
        if full || sums.isEmpty { sums = [Int64](repeating: 0, count: size) }
        for s in partial where !s.sums.isEmpty { for i in sums.indices { sums[i] &+= s.sums[i] } }
        return moved
    }
}
