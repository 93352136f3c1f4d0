// The row loops of Hamerly's k-means (Hamerly.swift): one pass of bounds and recomputed rows runs in C
// (CKMeans: AVX-512 / AVX2 / baseline, a row of a row-major copy against eight centres per vector);
// `naivePass` is its plain twin (HamerlyKernelTests). Every squared distance is Lloyd's
// (KMeansKernels.assign): differences squared and added in feature order, no fused multiply-add, ties to
// the lower centre index, so labels are bit-for-bit Lloyd's. Also the per-row distance of the inertia.
// Leaves out: bound bookkeeping across iterations and the cluster sums (Hamerly.swift, ClusterSums).

import CKMeans

enum HamerlyKernels {
    /// Squared distance of row `row` to the centre at `centre` (p values), Lloyd's arithmetic.
    @inline(__always)
    static func squaredDistance(_ x: UnsafePointer<Double>, n: Int, p: Int, row: Int, centre: UnsafePointer<Double>)
        -> Double
    {
        var acc = 0.0
        for j in 0..<p {
            let v = x[j &* n &+ row] - centre[j]
            acc = acc + v * v
        }
        return acc
    }

    /// Centres `[k × p]` row-major as the C kernels read them: `[p × width]`, width = k rounded up to 8.
    static func transpose(_ centers: [Double], k: Int, p: Int) -> (values: [Double], width: Int) {
        let width = (k + 7) / 8 * 8
        var t = [Double](repeating: 0, count: max(1, p * width))
        for c in 0..<k { for j in 0..<p { t[j * width + c] = centers[c * p + j] } }
        return (t, width)
    }

    /// One pass over `rows` of the row-major x [n × p] (`ckm_hamerly_pass`): when `full`, every row's label,
    /// upper bound (distance to its centre) and lower bound (distance to the second nearest); otherwise a
    /// row is recomputed only when its upper bound is not below max(lower bound, half[label]) by more than
    /// `margin`. Bounds are stored relative to per-cluster cumulative shifts: the upper bound of a row of
    /// cluster a is upper + up[a], its lower bound lower − down[a]. Returns the rows whose label changed,
    /// with their old label (none when `full`). - Complexity: O(|rows|) plus O(k × p) per recomputed row.
    static func pass(
        level: Int32, x: UnsafePointer<Double>, p: Int, transposed: UnsafePointer<Double>, width: Int, k: Int,
        rows: Range<Int>, labels: UnsafeMutablePointer<Int>, upper: UnsafeMutablePointer<Double>,
        lower: UnsafeMutablePointer<Double>, up: [Double], down: [Double], half: [Double], margin: Double, full: Bool
    ) -> [(row: Int, from: Int)] {
        let capacity = max(1, rows.count)
        let moved = UnsafeMutablePointer<Int>.allocate(capacity: capacity),
            from = UnsafeMutablePointer<Int>.allocate(capacity: capacity)
        defer { moved.deallocate(); from.deallocate() }
        let count = up.withUnsafeBufferPointer { d in
            down.withUnsafeBufferPointer { o in
                half.withUnsafeBufferPointer { h in
                    ckm_hamerly_pass(
                        level, x, p, transposed, width, k, rows.lowerBound, rows.upperBound, labels, upper, lower,
                        d.baseAddress, o.baseAddress, h.baseAddress, margin, full ? 1 : 0, moved, from)
                }
            }
        }
        return (0..<count).map { (moved[$0], from[$0]) }
    }

    /// Naive twin of `pass` on row-major data: the same bound tests, every recomputed row's distances to all
    /// centres in a plain loop. Shapes: x [n × p], centers [k × p]; arrays updated in place.
    static func naivePass(
        rowMajor x: [Double], p: Int, centers: [Double], k: Int, labels: inout [Int], upper: inout [Double],
        lower: inout [Double], up: [Double], down: [Double], half: [Double], margin: Double, full: Bool
    ) -> [(row: Int, from: Int)] {
        var moved: [(row: Int, from: Int)] = []
        for r in labels.indices {
            if !full {
                let a = labels[r]
                let u = upper[r] + up[a], l = lower[r] - down[a]
                if u + margin < max(half[a], l) { continue }
            }
            var best = Double.infinity, second = Double.infinity, label = 0
            for c in 0..<k {
                var d = 0.0
                for j in 0..<p { d += (x[r * p + j] - centers[c * p + j]) * (x[r * p + j] - centers[c * p + j]) }
                if d < best { second = best; best = d; label = c } else if d < second { second = d }
            }
            if !full && label != labels[r] { moved.append((r, labels[r])) }
            labels[r] = label
            upper[r] = best.squareRoot() - up[label]
            lower[r] = second.squareRoot() + down[label]
        }
        return moved
    }
}
