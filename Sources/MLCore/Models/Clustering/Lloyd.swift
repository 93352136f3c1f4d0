// Lloyd iterations and seeding for k-means over a column-major matrix: assignment (nearest centre,
// squared Euclidean, ties to the lower index; KMeansKernels), centre update with block-ordered sums, inertia.
// `run` is plain Lloyd, the naive twin of `runHamerly` (Hamerly.swift), which fits use.
// Leaves out: triangle-inequality bounds (Hamerly.swift).

import Foundation

struct Lloyd {
    let x: FeatureMatrix
    let weights: [Double]
    let k: Int
    let threads: Int
    static let block = 4096

    struct Result {
        var centers: [Double]
        var labels: [Int]
        var inertia: Double
        var iterations: Int
    }

    var n: Int { x.rows }
    var p: Int { x.featureCount }

    /// Nearest centre and squared distance of every row. Shapes: centers [k × p] row-major.
    func assign(_ centers: [Double]) -> (labels: [Int], distances: [Double]) {
        let s = step(centers, sums: false)
        return (s.labels, s.distances)
    }

    /// One pass over the rows, block by block in parallel: each row's nearest centre and squared distance,
    /// and (when `sums`) the per-cluster weighted sums `[k × (p+1)]` of that assignment, added block by
    /// block in row order, so the result does not depend on the thread count.
    func step(_ centers: [Double], sums: Bool = true) -> (labels: [Int], distances: [Double], sums: [Double]) {
        let n = self.n, p = self.p, k = self.k
        var labels = [Int](repeating: 0, count: n), dist = [Double](repeating: .infinity, count: n)
        let blocks = (n + Self.block - 1) / Self.block
        let partial: [[Double]] = labels.withUnsafeMutableBufferPointer { lb in
            dist.withUnsafeMutableBufferPointer { db in
                x.values.withUnsafeBufferPointer { xb in
                    centers.withUnsafeBufferPointer { cb in
                        weights.withUnsafeBufferPointer { wb in
                            let t = UnsafeTransfer((xb.baseAddress, cb.baseAddress, lb.baseAddress, db.baseAddress, wb.baseAddress))
                            return ParallelWork.map(blocks, threads: threads) { b -> [Double] in
                                guard let x = t.value.0, let c = t.value.1, let l = t.value.2, let d = t.value.3, let w = t.value.4
                                else { return [] }
                                let parts = UnsafeMutablePointer<Double>.allocate(capacity: max(1, 4 * k * (p + 1)))
                                defer { parts.deallocate() }
                                parts.initialize(repeating: 0, count: max(1, 4 * k * (p + 1)))
                                // Tiles of 256 rows: summed right after their assignment, while in cache.
                                var lo = b * Self.block
                                let end = min(n, lo + Self.block)
                                while lo < end {
                                    let tile = lo..<min(end, lo + 256)
                                    KMeansKernels.assign(x: x, n: n, p: p, centers: c, k: k, rows: tile, labels: l, distances: d)
                                    if sums { KMeansKernels.accumulate(x: x, n: n, p: p, k: k, labels: l, weights: w, rows: tile, parts: parts) }
                                    lo = tile.upperBound
                                }
                                return sums ? KMeansKernels.combine(parts, k: k, p: p) : []
                            }
                        }
                    }
                }
            }
        }
        var total = [Double](repeating: 0, count: sums ? k * (p + 1) : 0)
        for s in partial { for i in total.indices { total[i] += s[i] } }
        return (labels, dist, total)
    }

    /// Lloyd iterations from `centers` until the total squared shift ≤ tolerance, labels stop changing,
    /// or maxIter; ends with a final assignment so labels match centres.
    func run(centers start: [Double], maxIter: Int, tolerance: Double) -> Result {
        var centers = start
        var previous: [Int]? = nil
        var iterations = 0
        // The assignment of the current centres, when the loop ended before moving them.
        var current: (labels: [Int], distances: [Double])? = nil
        for _ in 0..<maxIter {
            let (labels, dist, sums) = step(centers)
            iterations += 1
            if let previous, previous == labels {
                current = (labels, dist)
                break
            }
            let updated = update(sums: sums, distances: dist, old: centers)
            var shift = 0.0
            for i in centers.indices { shift += (updated[i] - centers[i]) * (updated[i] - centers[i]) }
            centers = updated
            previous = labels
            if shift <= tolerance { break }
        }
        let (labels, dist) = current ?? assign(centers)
        var inertia = 0.0
        for i in 0..<n { inertia += weights[i] * dist[i] }
        return Result(centers: centers, labels: labels, inertia: inertia, iterations: iterations)
    }

    /// Weighted means of the rows of each cluster from their sums (`step`); an empty cluster takes the
    /// row farthest from its centre.
    func update(sums total: [Double], distances: [Double], old: [Double]) -> [Double] {
        let n = self.n, p = self.p, k = self.k
        var centers = old
        var far = distances
        for c in 0..<k {
            let w = total[c * (p + 1) + p]
            if w > 0 {
                for j in 0..<p { centers[c * p + j] = total[c * (p + 1) + j] / w }
            } else if let r = far.indices.max(by: { far[$0] < far[$1] }) {
                // An empty cluster takes the row farthest from its centre.
                for j in 0..<p { centers[c * p + j] = x.values[j * n + r] }
                far[r] = -1
            }
        }
        return centers
    }

    /// Greedy k-means++ (scikit-learn's): each new centre is the best of 2 + ⌊ln k⌋ candidates drawn ∝ D².
    /// The candidates of one round are drawn first (the draws depend only on the current distances), their
    /// distances to every row computed in parallel, then each candidate's potential summed in row order,
    /// so the centres equal `naivePlusPlus`'s.
    func plusPlus(_ g: inout SeededGenerator) -> [Double] {
        let n = self.n, p = self.p
        func row(_ r: Int) -> [Double] { (0..<p).map { x.values[$0 * n + r] } }
        let trials = 2 + Int(log(Double(k)))
        let totalW = weights.reduce(0, +)
        var u = g.nextUnit() * totalW, first = 0
        while first < n - 1 && u >= weights[first] { u -= weights[first]; first += 1 }
        var centers = row(first)
        var closest = squaredDistances(toRows: [first])[0]
        for _ in 1..<k {
            let potential = (0..<n).reduce(0.0) { $0 + weights[$1] * closest[$1] }
            var candidates: [Int] = []
            for _ in 0..<trials {
                var target = g.nextUnit() * potential, r = 0
                while r < n - 1 && target >= weights[r] * closest[r] { target -= weights[r] * closest[r]; r += 1 }
                candidates.append(r)
            }
            let distances = squaredDistances(toRows: candidates)
            var bestCandidate = 0, bestPotential = Double.infinity, bestClosest = closest
            for (t, r) in candidates.enumerated() {
                var candidateClosest = closest, pot = 0.0
                for i in 0..<n {
                    candidateClosest[i] = min(closest[i], distances[t][i])
                    pot += weights[i] * candidateClosest[i]
                }
                if pot < bestPotential { bestPotential = pot; bestCandidate = r; bestClosest = candidateClosest }
            }
            centers += row(bestCandidate)
            closest = bestClosest
        }
        return centers
    }

    /// Squared distances of every row to each of the rows `points`: differences squared and added in feature
    /// order (Lloyd's arithmetic), rows split over the threads. - Complexity: O(|points| × n × p).
    func squaredDistances(toRows points: [Int]) -> [[Double]] {
        let n = self.n, p = self.p
        return points.map { r in
            let c = (0..<p).map { x.values[$0 * n + r] }
            var out = [Double](repeating: 0, count: n)
            x.values.withUnsafeBufferPointer { xb in
                out.withUnsafeMutableBufferPointer { ob in
                    let t = UnsafeTransfer((xb.baseAddress, ob.baseAddress))
                    ParallelWork.forChunks(n, threads: threads, minimumPerThread: 4096) { rows in
                        guard let x = t.value.0, let o = t.value.1 else { return }
                        for j in 0..<p {
                            let cj = c[j], col = x + j * n
                            for i in rows { let v = col[i] - cj; o[i] = o[i] + v * v }
                        }
                    }
                }
            }
            return out
        }
    }

    /// Naive twin of `plusPlus` (the same draws, every distance in a plain loop).
    func naivePlusPlus(_ g: inout SeededGenerator) -> [Double] {
        let n = self.n, p = self.p
        func row(_ r: Int) -> [Double] { (0..<p).map { x.values[$0 * n + r] } }
        func sqDist(_ r: Int, _ c: [Double]) -> Double {
            var s = 0.0
            for j in 0..<p { let d = x.values[j * n + r] - c[j]; s += d * d }
            return s
        }
        let trials = 2 + Int(log(Double(k)))
        let totalW = weights.reduce(0, +)
        var u = g.nextUnit() * totalW, first = 0
        while first < n - 1 && u >= weights[first] { u -= weights[first]; first += 1 }
        var centers = row(first)
        var closest = (0..<n).map { sqDist($0, centers) }
        for _ in 1..<k {
            let potential = (0..<n).reduce(0.0) { $0 + weights[$1] * closest[$1] }
            var bestCandidate = 0, bestPotential = Double.infinity, bestClosest = closest
            for _ in 0..<trials {
                var target = g.nextUnit() * potential, r = 0
                while r < n - 1 && target >= weights[r] * closest[r] { target -= weights[r] * closest[r]; r += 1 }
                let c = row(r)
                var candidateClosest = closest, pot = 0.0
                for i in 0..<n {
                    candidateClosest[i] = min(closest[i], sqDist(i, c))
                    pot += weights[i] * candidateClosest[i]
                }
                if pot < bestPotential { bestPotential = pot; bestCandidate = r; bestClosest = candidateClosest }
            }
            centers += row(bestCandidate)
            closest = bestClosest
        }
        return centers
    }

    /// k distinct rows drawn at random.
    func randomRows(_ g: inout SeededGenerator) -> [Double] {
        var idx = Array(0..<n)
        for i in 0..<k { idx.swapAt(i, i + g.nextInt(below: n - i)) }
        return idx.prefix(k).flatMap { r in (0..<p).map { x.values[$0 * n + r] } }
    }
}
