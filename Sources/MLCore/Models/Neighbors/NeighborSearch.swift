// Exact k-nearest-neighbour search by brute force, made fast by layout: training rows stored by
// column, so the squared Euclidean distances from one query to every row are a few vectorised passes
// (one per feature); the k smallest are kept in a bounded max-heap (ties: the lower row index wins).
// Queries run in parallel, each with its own buffer. `naiveDistances` is the twin the tests compare.
// Leaves out: KD / ball trees (brute force is exact and predictable at these dimensions), other metrics.

struct Neighbor: Sendable, Equatable {
    var row: Int
    var squaredDistance: Double
}

enum NeighborSearch {
    /// Squared distances from `query` [p] to every training row. Shapes: train [p × n] column-major; out [n].
    @inline(__always)
    static func squaredDistances(
        query: UnsafePointer<Double>, train: UnsafePointer<Double>, n: Int, p: Int, out: UnsafeMutablePointer<Double>
    ) {
        out.update(repeating: 0, count: n)
        for j in 0..<p {
            let q = query[j]
            let col = train + j &* n
            for i in 0..<n {
                let d = col[i] - q
                out[i] += d * d
            }
        }
    }

    /// The `k` nearest rows to `query`, nearest first.
    static func nearest(distances: UnsafePointer<Double>, n: Int, k: Int) -> [Neighbor] {
        // Max-heap on (distance, row): the root is the worst of the best k so far.
        var heap: [Neighbor] = []
        heap.reserveCapacity(k)
        func worse(_ a: Neighbor, _ b: Neighbor) -> Bool {
            a.squaredDistance > b.squaredDistance || (a.squaredDistance == b.squaredDistance && a.row > b.row)
        }
        for i in 0..<n {
            let c = Neighbor(row: i, squaredDistance: distances[i])
            if heap.count < k {
                heap.append(c)
                var x = heap.count - 1
                while x > 0 {
                    let parent = (x - 1) / 2
                    if worse(heap[x], heap[parent]) { heap.swapAt(x, parent); x = parent } else { break }
                }
            } else if worse(heap[0], c) {
                heap[0] = c
                var x = 0
                while true {
                    let l = 2 * x + 1, r = l + 1
                    var m = x
                    if l < k && worse(heap[l], heap[m]) { m = l }
                    if r < k && worse(heap[r], heap[m]) { m = r }
                    if m == x { break }
                    heap.swapAt(x, m)
                    x = m
                }
            }
        }
        return heap.sorted { worse($1, $0) }
    }

    /// Neighbours of every row of `queries` ([p × m] column-major), in parallel over queries.
    static func search(queries: FeatureMatrix, train: [Double], n: Int, k: Int, threads: Int) -> [[Neighbor]] {
        let m = queries.rows, p = queries.featureCount
        var result = [[Neighbor]](repeating: [], count: m)
        result.withUnsafeMutableBufferPointer { rb in
            train.withUnsafeBufferPointer { tb in
                queries.values.withUnsafeBufferPointer { qb in
                    let rb = DisjointWrites(rb), tb = SharedReads(tb), qb = SharedReads(qb)
                    Parallel.forChunks(m, threads: threads) { range in
                        let train = tb.base, qv = qb.base
                        let dist = UnsafeMutablePointer<Double>.allocate(capacity: max(1, n))
                        let query = UnsafeMutablePointer<Double>.allocate(capacity: max(1, p))
                        defer { dist.deallocate(); query.deallocate() }
                        for q in range {
                            for j in 0..<p { query[j] = qv[j * m + q] }
                            squaredDistances(query: query, train: train, n: n, p: p, out: dist)
                            rb[q] = nearest(distances: dist, n: n, k: k)
                        }
                    }
                }
            }
        }
        return result
    }

    /// Naive twin: distances computed row by row from a row-major copy.
    static func naiveDistances(query: [Double], rowMajorTrain: [Double], p: Int) -> [Double] {
        stride(from: 0, to: rowMajorTrain.count, by: p).map { start in
            (0..<p).reduce(0.0) { s, j in
                let d = rowMajorTrain[start + j] - query[j]
                return s + d * d
            }
        }
    }
}
