// Lloyd's assignment over a column-major matrix and its naive twins (KMeansKernelTests): rows to the
// nearest centre, eight rows at a time in SIMD registers (the squared distance summed over features in
// feature order, ties to the lower centre index), bit for bit the straightforward loop's result; and the
// naive per-cluster sums that ClusterSums is checked against.
// Leaves out: the distance-by-dot-product trick (it changes rounding), Hamerly's pass (CKMeans).

enum KMeansKernels {
    /// Squared distances of rows `firstRow ..< firstRow + 8` to one centre (p values): differences squared
    /// and added in feature order, the arithmetic every assignment (Lloyd's and Hamerly's) shares.
    @inline(__always)
    static func squaredDistances8(
        _ x: UnsafePointer<Double>, n: Int, p: Int, firstRow i: Int, centre: UnsafePointer<Double>
    ) -> SIMD8<Double> {
        var acc = SIMD8<Double>(repeating: 0)
        for j in 0..<p {
            let v =
                UnsafeRawPointer(x + (j &* n &+ i)).loadUnaligned(as: SIMD8<Double>.self)
                - SIMD8<Double>(repeating: centre[j])
            acc = acc + v * v
        }
        return acc
    }

    /// For every row in `rows`: the nearest of `k` centres and the squared distance to it.
    /// Shapes: x [p × n] column-major, centers [k × p] row-major.
    /// - Complexity: O(|rows| × k × p).
    static func assign(
        x: UnsafePointer<Double>, n: Int, p: Int, centers: UnsafePointer<Double>, k: Int, rows: Range<Int>,
        labels: UnsafeMutablePointer<Int>, distances: UnsafeMutablePointer<Double>
    ) {
        var i = rows.lowerBound
        while i &+ 8 <= rows.upperBound {
            var best = SIMD8<Double>(repeating: .infinity)
            var label = SIMD8<Int64>(repeating: 0)
            for c in 0..<k {
                let acc = KMeansKernels.squaredDistances8(x, n: n, p: p, firstRow: i, centre: centers + c &* p)
                let closer = acc .< best
                best.replace(with: acc, where: closer)
                label.replace(with: SIMD8<Int64>(repeating: Int64(c)), where: closer)
            }
            for l in 0..<8 {
                labels[i &+ l] = Int(label[l])
                distances[i &+ l] = best[l]
            }
            i &+= 8
        }
        while i < rows.upperBound {
            var best = Double.infinity, label = 0
            for c in 0..<k {
                var acc = 0.0
                for j in 0..<p {
                    let v = x[j &* n &+ i] - centers[c &* p &+ j]
                    acc = acc + v * v
                }
                if acc < best { best = acc; label = c }
            }
            labels[i] = label
            distances[i] = best
            i &+= 1
        }
    }

    /// Naive twin of `ClusterSums.accumulate`: per cluster, the weighted sums of its rows in row order, in
    /// floating point. x row-major [n × p]; result [k × (p+1)], weight at j = p.
    static func naiveSums(rowMajor x: [Double], p: Int, k: Int, labels: [Int], weights: [Double]) -> [Double] {
        var out = [Double](repeating: 0, count: k * (p + 1))
        for (r, c) in labels.enumerated() {
            out[c * (p + 1) + p] += weights[r]
            for j in 0..<p { out[c * (p + 1) + j] += weights[r] * x[r * p + j] }
        }
        return out
    }

    /// Naive twin of `assign`: every distance from scratch, row by row. Shapes as `assign`.
    static func naiveAssign(rowMajor x: [Double], p: Int, centers: [Double], k: Int) -> (
        labels: [Int], distances: [Double]
    ) {
        let n = p == 0 ? 0 : x.count / p
        var labels: [Int] = [], distances: [Double] = []
        for r in 0..<n {
            let d = (0..<k).map { c in
                (0..<p).reduce(0.0) { s, j in
                    s + (x[r * p + j] - centers[c * p + j]) * (x[r * p + j] - centers[c * p + j])
                }
            }
            let m = d.min() ?? .infinity
            labels.append(d.firstIndex(of: m) ?? 0)
            distances.append(m)
        }
        return (labels, distances)
    }
}
