// Hamerly's accelerated k-means iterations, giving exactly Lloyd's result (labels, centres, inertia,
// iterations; `Lloyd.run` is the naive twin, HamerlyTests): per row an upper bound on the distance to its
// centre and a lower bound on the distance to the second-closest one, moved by the centres' drift each
// iteration. A row whose upper bound is below max(lower bound, half the distance from its centre to the
// nearest other centre) keeps its label without computing any distance. The bounds carry a safety margin
// (the data diameter × a rounding allowance growing with the iteration) so a skipped row is one whose label
// Lloyd's rounded distances would not change; every distance actually computed uses Lloyd's arithmetic
// (feature order, ties to the lower centre). Centre sums are Lloyd's: per block of rows, per cluster, added
// in row order, then blocks added in order. A block's sums for a cluster no row joined or left since the
// last iteration are the same rows in the same order, so they are kept from then and the rest recomputed;
// centres are bit-identical to Lloyd's and nothing depends on the thread count.
// Leaves out: Elkan's k lower bounds per row, the sort-by-centre-distance refinements (Drake, Yinyang).

import Foundation

extension Lloyd {
    /// Lloyd iterations (same stopping rules as `run`) with Hamerly's bounds.
    func runHamerly(centers start: [Double], maxIter: Int, tolerance: Double) -> Result {
        let n = self.n, p = self.p, k = self.k
        var centers = start
        var labels = [Int](repeating: 0, count: n)
        var upper = [Double](repeating: .infinity, count: n), lower = [Double](repeating: 0, count: n)
        var drift = [Double](repeating: 0, count: k)
        let diameter = self.diameter()
        var previous: [Int]? = nil
        var iterations = 0, settled = false
        var blockSums: [[Double]] = []
        for t in 0..<maxIter {
            let sums = hamerlyStep(
                centers, drift: drift, full: t == 0, sums: true, margin: margin(diameter, t),
                labels: &labels, upper: &upper, lower: &lower, blockSums: &blockSums)
            iterations += 1
            if let previous, previous == labels { settled = true; break }
            let empty = (0..<k).contains { !(sums[$0 * (p + 1) + p] > 0) }
            let updated = update(sums: sums, distances: empty ? exactDistances(labels, centers) : [], old: centers)
            var shift = 0.0
            for i in centers.indices { shift += (updated[i] - centers[i]) * (updated[i] - centers[i]) }
            for c in 0..<k {
                var s = 0.0
                for j in 0..<p { let d = updated[c * p + j] - centers[c * p + j]; s += d * d }
                drift[c] = s.squareRoot()
            }
            centers = updated
            previous = labels
            if shift <= tolerance { break }
        }
        if !settled {
            // The assignment of the final centres (Lloyd's closing `assign`).
            var none: [[Double]] = []
            _ = hamerlyStep(
                centers, drift: drift, full: iterations == 0, sums: false, margin: margin(diameter, iterations),
                labels: &labels, upper: &upper, lower: &lower, blockSums: &none)
        }
        let dist = exactDistances(labels, centers)
        var inertia = 0.0
        for i in 0..<n { inertia += weights[i] * dist[i] }
        return Result(centers: centers, labels: labels, inertia: inertia, iterations: iterations)
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
                        let t = UnsafeTransfer((xb.baseAddress, cb.baseAddress, lb.baseAddress, db.baseAddress))
                        _ = ParallelWork.map(blocks, threads: threads) { b -> Int in
                            guard let x = t.value.0, let c = t.value.1, let l = t.value.2, let d = t.value.3 else { return 0 }
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

    /// One assignment pass with bounds (or from scratch when `full`), block by block in parallel, and when
    /// `sums` the per-cluster sums exactly as `step` adds them. `drift`: how far each centre moved since
    /// the bounds were set. `blockSums`: each block's cluster sums from the previous call (empty at first),
    /// updated for the clusters whose rows changed.
    func hamerlyStep(
        _ centers: [Double], drift: [Double], full: Bool, sums: Bool, margin: Double,
        labels: inout [Int], upper: inout [Double], lower: inout [Double], blockSums: inout [[Double]]
    ) -> [Double] {
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
        let other = (0..<k).map { $0 == top ? second : max(first, 0) }
        let (transposed, width) = HamerlyKernels.transpose(centers, k: k, p: p)
        let previous = blockSums
        let blocks = (n + Self.block - 1) / Self.block
        let partial: [[Double]] = transposed.withUnsafeBufferPointer { tb in labels.withUnsafeMutableBufferPointer { lb in
            upper.withUnsafeMutableBufferPointer { ub in
                lower.withUnsafeMutableBufferPointer { wb in
                    x.values.withUnsafeBufferPointer { xb in
                        centers.withUnsafeBufferPointer { cb in
                            weights.withUnsafeBufferPointer { sb in
                                let t = UnsafeTransfer((xb.baseAddress, cb.baseAddress, lb.baseAddress, ub.baseAddress, wb.baseAddress, sb.baseAddress, tb.baseAddress))
                                return ParallelWork.map(blocks, threads: threads) { b -> [Double] in
                                    guard let x = t.value.0, let c = t.value.1, let l = t.value.2, let u = t.value.3,
                                        let lo = t.value.4, let w = t.value.5, let tr = t.value.6
                                    else { return [] }
                                    let rows = (b * Self.block)..<min(n, (b + 1) * Self.block)
                                    let cached = b < previous.count ? previous[b] : []
                                    var changed = [Bool](repeating: full || cached.isEmpty, count: k)
                                    if full {
                                        HamerlyKernels.assignTwo(x: x, n: n, p: p, centers: c, k: k, rows: rows, labels: l, upper: u, lower: lo)
                                    } else {
                                        HamerlyKernels.bounded(
                                            x: x, n: n, p: p, centers: c, k: k, rows: rows, labels: l, upper: u, lower: lo,
                                            transposed: tr, width: width, drift: drift, other: other, half: half, margin: margin,
                                            changed: &changed)
                                    }
                                    guard sums else { return [] }
                                    guard changed.contains(true) else { return cached }
                                    let size = max(1, 4 * k * (p + 1))
                                    let parts = UnsafeMutablePointer<Double>.allocate(capacity: size)
                                    defer { parts.deallocate() }
                                    parts.initialize(repeating: 0, count: size)
                                    changed.withUnsafeBufferPointer { only in
                                        guard let only = only.baseAddress else { return }
                                        HamerlyKernels.accumulate(x: x, n: n, p: p, k: k, labels: l, weights: w, rows: rows, parts: parts, only: only)
                                    }
                                    let fresh = KMeansKernels.combine(parts, k: k, p: p)
                                    if cached.isEmpty { return fresh }
                                    var merged = cached
                                    for c in 0..<k where changed[c] {
                                        for j in 0...p { merged[c * (p + 1) + j] = fresh[c * (p + 1) + j] }
                                    }
                                    return merged
                                }
                            }
                        }
                    }
                }
            }
        } }
        var total = [Double](repeating: 0, count: sums ? k * (p + 1) : 0)
        for s in partial { for i in total.indices { total[i] += s[i] } }
        if sums { blockSums = partial }
        return total
    }
}
