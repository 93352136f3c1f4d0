// Lloyd iterations and seeding for k-means over a column-major matrix: assignment (nearest centre,
// squared Euclidean, ties to the lower index), centre update with block-ordered sums, inertia.
// Leaves out: Elkan bounds.

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
        let n = self.n, p = self.p, k = self.k
        var labels = [Int](repeating: 0, count: n), dist = [Double](repeating: .infinity, count: n)
        labels.withUnsafeMutableBufferPointer { lb in
            dist.withUnsafeMutableBufferPointer { db in
                x.values.withUnsafeBufferPointer { xb in
                    let t = UnsafeTransfer((lb, db, xb))
                    ParallelWork.forChunks(n, threads: threads, minimumPerThread: 1024) { range in
                        let (lb, db, xb) = t.value
                        guard let x = xb.baseAddress, let labels = lb.baseAddress, let best = db.baseAddress else { return }
                        // Tiles of 256 rows keep the distances and column slices in L1.
                        let d = UnsafeMutablePointer<Double>.allocate(capacity: 256)
                        defer { d.deallocate() }
                        var lo = range.lowerBound
                        while lo < range.upperBound {
                            let m = min(256, range.upperBound - lo)
                            for c in 0..<k {
                                d.update(repeating: 0, count: m)
                                for j in 0..<p {
                                    let cj = centers[c &* p &+ j]
                                    let col = x + (j &* n &+ lo)
                                    for i in 0..<m {
                                        let v = col[i] - cj
                                        d[i] += v * v
                                    }
                                }
                                for i in 0..<m where d[i] < best[lo &+ i] {
                                    best[lo &+ i] = d[i]
                                    labels[lo &+ i] = c
                                }
                            }
                            lo &+= m
                        }
                    }
                }
            }
        }
        return (labels, dist)
    }

    /// Lloyd iterations from `centers` until the total squared shift ≤ tolerance, labels stop changing,
    /// or maxIter; ends with a final assignment so labels match centres.
    func run(centers start: [Double], maxIter: Int, tolerance: Double) -> Result {
        var centers = start
        var previous: [Int]? = nil
        var iterations = 0
        for _ in 0..<maxIter {
            let (labels, dist) = assign(centers)
            iterations += 1
            if let previous, previous == labels { break }
            let updated = update(labels: labels, distances: dist, old: centers)
            var shift = 0.0
            for i in centers.indices { shift += (updated[i] - centers[i]) * (updated[i] - centers[i]) }
            centers = updated
            previous = labels
            if shift <= tolerance { break }
        }
        let (labels, dist) = assign(centers)
        var inertia = 0.0
        for i in 0..<n { inertia += weights[i] * dist[i] }
        return Result(centers: centers, labels: labels, inertia: inertia, iterations: iterations)
    }

    /// Weighted means of the rows of each cluster, summed block by block in row order.
    func update(labels: [Int], distances: [Double], old: [Double]) -> [Double] {
        let n = self.n, p = self.p, k = self.k
        let blocks = (n + Self.block - 1) / Self.block
        let partial: [[Double]] = ParallelWork.map(blocks, threads: threads) { b in
            var s = [Double](repeating: 0, count: k * (p + 1))
            let lo = b * Self.block, hi = min(n, lo + Self.block)
            for i in lo..<hi {
                let c = labels[i], w = weights[i]
                s[c * (p + 1) + p] += w
                for j in 0..<p { s[c * (p + 1) + j] += w * x.values[j * n + i] }
            }
            return s
        }
        var total = [Double](repeating: 0, count: k * (p + 1))
        for s in partial { for i in total.indices { total[i] += s[i] } }
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
    func plusPlus(_ g: inout SeededGenerator) -> [Double] {
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
