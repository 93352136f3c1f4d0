// Lloyd iterations and seeding for k-means over a column-major matrix: assignment (nearest centre,
// squared Euclidean, ties to the lower index; KMeansKernels), centre update from exact fixed-point sums
// (ClusterSums), inertia.
// `run` is plain Lloyd, the naive twin of `runHamerly` (Hamerly.swift), which fits use.
// Leaves out: triangle-inequality bounds (Hamerly.swift).

import CKMeans
import Foundation

struct Lloyd {
    let x: FeatureMatrix
    let weights: [Double]
    let k: Int
    let threads: Int
    /// The instruction set of the C distance kernels (CKMeans): the machine's best unless a test picks one.
    var level = ckm_level()
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
    /// and (when `sums`) the per-cluster weighted sums `[k × (p+1)]` of that assignment, exact fixed-point
    /// sums (ClusterSums), so the result does not depend on the thread count.
    func step(_ centers: [Double], sums: Bool = true) -> (labels: [Int], distances: [Double], sums: [Double]) {
        let n = self.n, p = self.p, k = self.k
        let scales = sums ? ClusterSums.scales(x, weights: weights) : [Double](repeating: 1, count: p + 1)
        var labels = [Int](repeating: 0, count: n), dist = [Double](repeating: .infinity, count: n)
        let blocks = (n + Self.block - 1) / Self.block
        let partial: [[Int64]] = labels.withUnsafeMutableBufferPointer { lb in
            dist.withUnsafeMutableBufferPointer { db in
                x.values.withUnsafeBufferPointer { xb in
                    centers.withUnsafeBufferPointer { cb in
                        weights.withUnsafeBufferPointer { wb in
                            scales.withUnsafeBufferPointer { sb in
                                let xT = SharedReads(xb), cT = SharedReads(cb), lT = DisjointWrites(lb),
                                    dT = DisjointWrites(db), wT = SharedReads(wb), scT = SharedReads(sb)
                                return Parallel.map(blocks, threads: threads) { b -> [Int64] in
                                    let x = xT.base, c = cT.base, l = lT.base, d = dT.base, w = wT.base, sc = scT.base
                                    let rows = (b * Self.block)..<min(n, (b + 1) * Self.block)
                                    KMeansKernels.assign(
                                        x: x, n: n, p: p, centers: c, k: k, rows: rows, labels: l, distances: d)
                                    guard sums else { return [] }
                                    var part = [Int64](repeating: 0, count: 2 * k * (p + 1))
                                    part.withUnsafeMutableBufferPointer { pb in
                                        guard let pb = pb.baseAddress else { return }
                                        ClusterSums.accumulate(
                                            x: x, n: n, p: p, labels: l, weights: w, rows: rows, scales: sc, sums: pb)
                                    }
                                    return part
                                }
                            }
                        }
                    }
                }
            }
        }
        guard sums else { return (labels, dist, []) }
        var total = [Int64](repeating: 0, count: 2 * k * (p + 1))
        for s in partial { for i in total.indices { total[i] &+= s[i] } }
        return (labels, dist, ClusterSums.values(total, scales: scales, k: k, p: p))
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

    /// Greedy k-means++ (scikit-learn's, draw for draw with NumPyRandomState): each new centre is the best of
    /// 2 + ⌊ln k⌋ candidates drawn ∝ D².
    /// The candidates of one round are drawn first (the draws depend only on the current distances), their
    /// distances to every row computed in parallel, then each candidate's potential summed in row order,
    /// so the centres equal `naivePlusPlus`'s.
    func plusPlus<G: UnitRandom>(_ g: inout G) -> [Double] {
        let n = self.n, p = self.p
        func row(_ r: Int) -> [Double] { (0..<p).map { x.values[$0 * n + r] } }
        let trials = 2 + Int(log(Double(k)))
        let first = firstCentre(g.nextUnit())
        var centers = row(first)
        var closest = squaredDistances(toRows: [first])[0]
        for _ in 1..<k {
            let potential = (0..<n).reduce(0.0) { $0 + weights[$1] * closest[$1] }
            var candidates: [Int] = []
            for _ in 0..<trials { candidates.append(drawRow(g.nextUnit() * potential, closest: closest)) }
            let distances = squaredDistances(toRows: candidates)
            // Each candidate's potential (summed in row order), then the closest distances of the best.
            var best = 0, bestPotential = Double.infinity
            weights.withUnsafeBufferPointer { w in
                closest.withUnsafeBufferPointer { c in
                    for t in candidates.indices {
                        distances[t].withUnsafeBufferPointer { d in
                            var pot = 0.0
                            for i in 0..<n { pot += w[i] * min(c[i], d[i]) }
                            if pot < bestPotential { bestPotential = pot; best = t }
                        }
                    }
                }
            }
            let bestCandidate = candidates[best]
            distances[best].withUnsafeBufferPointer { d in
                closest.withUnsafeMutableBufferPointer { c in for i in 0..<n { c[i] = min(c[i], d[i]) } }
            }
            centers += row(bestCandidate)
        }
        return centers
    }

    /// Squared distances of every row to each of the rows `points`: differences squared and added in feature
    /// order (Lloyd's arithmetic), one pass over the data for all points (`ckm_distances`), rows split over
    /// the threads. - Complexity: O(|points| × n × p).
    func squaredDistances(toRows points: [Int]) -> [[Double]] {
        let n = self.n, p = self.p, m = points.count, level = self.level
        let centres = points.flatMap { r in (0..<p).map { x.values[$0 * n + r] } }
        var out = [Double](repeating: 0, count: m * n)
        x.values.withUnsafeBufferPointer { xb in
            out.withUnsafeMutableBufferPointer { ob in
                centres.withUnsafeBufferPointer { cb in
                    let xT = SharedReads(xb), oT = DisjointWrites(ob), cT = SharedReads(cb)
                    Parallel.forChunks(n, threads: threads, minimumPerThread: 4096) { rows in
                        let x = xT.base, o = oT.base, c = cT.base
                        ckm_distances(level, x, n, p, c, m, rows.lowerBound, rows.upperBound, o)
                    }
                }
            }
        }
        return (0..<m).map { q in Array(out[(q * n)..<((q + 1) * n)]) }
    }

    /// Naive twin of `plusPlus` (the same draws, every distance in a plain loop).
    func naivePlusPlus<G: UnitRandom>(_ g: inout G) -> [Double] {
        let n = self.n, p = self.p
        func row(_ r: Int) -> [Double] { (0..<p).map { x.values[$0 * n + r] } }
        func sqDist(_ r: Int, _ c: [Double]) -> Double {
            var s = 0.0
            for j in 0..<p { let d = x.values[j * n + r] - c[j]; s += d * d }
            return s
        }
        let trials = 2 + Int(log(Double(k)))
        let first = firstCentre(g.nextUnit())
        var centers = row(first)
        var closest = (0..<n).map { sqDist($0, centers) }
        for _ in 1..<k {
            let potential = (0..<n).reduce(0.0) { $0 + weights[$1] * closest[$1] }
            var bestCandidate = 0, bestPotential = Double.infinity, bestClosest = closest
            for _ in 0..<trials {
                let r = drawRow(g.nextUnit() * potential, closest: closest)
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

    /// The first k-means++ centre for a uniform draw u, as NumPy's `choice(n, p=w / Σw)`: the first row
    /// whose normalised cumulative weight exceeds u.
    func firstCentre(_ u: Double) -> Int {
        let n = self.n, total = weights.reduce(0, +)
        var cdf = [Double](repeating: 0, count: n), sum = 0.0
        for i in 0..<n { sum += weights[i] / total; cdf[i] = sum }
        for i in 0..<n where cdf[i] / sum > u { return i }
        return n - 1
    }

    /// A k-means++ candidate for `target` = draw × potential, as scikit-learn's `searchsorted` on the
    /// cumulative weighted distances: the first row where the running sum reaches the target.
    func drawRow(_ target: Double, closest: [Double]) -> Int {
        var sum = 0.0
        for i in 0..<n {
            sum += weights[i] * closest[i]
            if sum >= target { return i }
        }
        return n - 1
    }

    /// k distinct rows drawn at random.
    func randomRows(_ g: inout SeededGenerator) -> [Double] {
        var idx = Array(0..<n)
        for i in 0..<k { idx.swapAt(i, i + g.nextInt(below: n - i)) }
        return idx.prefix(k).flatMap { r in (0..<p).map { x.values[$0 * n + r] } }
    }
}
