// The row loops of Hamerly's k-means (Hamerly.swift) over a column-major matrix: the from-scratch pass
// (nearest and second-nearest centre, eight rows at a time in SIMD registers) and the bounded pass that
// computes distances only for rows whose bounds no longer prove their label. Every squared distance is
// Lloyd's (KMeansKernels.assign): differences squared and added in feature order, no fused multiply-add,
// ties to the lower centre index, so labels are bit-for-bit Lloyd's.
// Leaves out: the sums (KMeansKernels.accumulate), bound bookkeeping across iterations (Hamerly.swift).

enum HamerlyKernels {
    /// Squared distance of row `row` to the centre at `centre` (p values), Lloyd's arithmetic.
    @inline(__always)
    static func squaredDistance(_ x: UnsafePointer<Double>, n: Int, p: Int, row: Int, centre: UnsafePointer<Double>) -> Double {
        var acc = 0.0
        for j in 0..<p {
            let v = x[j &* n &+ row] - centre[j]
            acc = acc + v * v
        }
        return acc
    }

    /// Nearest centre of row `row` (ties to the lower index), its squared distance and the second smallest,
    /// eight centres at a time: `transposed` holds the centres feature by feature, `width` (a multiple of 8)
    /// values per feature. Each lane is Lloyd's sum for one centre, in feature order.
    @inline(__always)
    static func nearestTwo(_ x: UnsafePointer<Double>, n: Int, p: Int, row: Int, transposed: UnsafePointer<Double>, width: Int, k: Int)
        -> (label: Int, best: Double, second: Double)
    {
        var best = Double.infinity, second = Double.infinity, label = 0
        var g = 0
        while g < k {
            var acc = SIMD8<Double>(repeating: 0)
            for j in 0..<p {
                let v = SIMD8<Double>(repeating: x[j &* n &+ row])
                    - UnsafeRawPointer(transposed + (j &* width &+ g)).loadUnaligned(as: SIMD8<Double>.self)
                acc = acc + v * v
            }
            for l in 0..<min(8, k &- g) {
                let d = acc[l]
                if d < best { second = best; best = d; label = g &+ l } else if d < second { second = d }
            }
            g &+= 8
        }
        return (label, best, second)
    }

    /// Centres `[k × p]` row-major as `nearestTwo` reads them: `[p × width]`, width = k rounded up to 8.
    static func transpose(_ centers: [Double], k: Int, p: Int) -> (values: [Double], width: Int) {
        let width = (k + 7) / 8 * 8
        var t = [Double](repeating: 0, count: max(1, p * width))
        for c in 0..<k { for j in 0..<p { t[j * width + c] = centers[c * p + j] } }
        return (t, width)
    }

    /// From scratch for every row in `rows`: label, upper bound (distance to it) and lower bound
    /// (distance to the second nearest centre). - Complexity: O(|rows| × k × p).
    static func assignTwo(
        x: UnsafePointer<Double>, n: Int, p: Int, centers: UnsafePointer<Double>, k: Int, rows: Range<Int>,
        labels: UnsafeMutablePointer<Int>, upper: UnsafeMutablePointer<Double>, lower: UnsafeMutablePointer<Double>
    ) {
        var i = rows.lowerBound
        while i &+ 8 <= rows.upperBound {
            var best = SIMD8<Double>(repeating: .infinity), second = best
            var label = SIMD8<Int64>(repeating: 0)
            for c in 0..<k {
                let acc = KMeansKernels.squaredDistances8(x, n: n, p: p, firstRow: i, centre: centers + c &* p)
                let closer = acc .< best
                second.replace(with: acc, where: acc .< second)
                second.replace(with: best, where: closer)
                best.replace(with: acc, where: closer)
                label.replace(with: SIMD8<Int64>(repeating: Int64(c)), where: closer)
            }
            for l in 0..<8 {
                labels[i &+ l] = Int(label[l])
                upper[i &+ l] = best[l].squareRoot()
                lower[i &+ l] = second[l].squareRoot()
            }
            i &+= 8
        }
        while i < rows.upperBound {
            var r = (label: 0, best: Double.infinity, second: Double.infinity)
            for c in 0..<k {
                let d = squaredDistance(x, n: n, p: p, row: i, centre: centers + c &* p)
                if d < r.best { r = (c, d, r.best) } else if d < r.second { r.second = d }
            }
            labels[i] = r.label
            upper[i] = r.best.squareRoot()
            lower[i] = r.second.squareRoot()
            i &+= 1
        }
    }

    /// `KMeansKernels.accumulate` restricted to the rows whose cluster is marked in `only`: the same
    /// additions into the same slots in the same order for those clusters, nothing for the others.
    static func accumulate(
        x: UnsafePointer<Double>, n: Int, p: Int, k: Int, labels: UnsafePointer<Int>, weights: UnsafePointer<Double>,
        rows: Range<Int>, parts: UnsafeMutablePointer<Double>, only: UnsafePointer<Bool>
    ) {
        let stride = p &+ 1, set = k &* stride
        for i in rows where only[labels[i]] { parts[(i & 3) &* set &+ labels[i] &* stride &+ p] += weights[i] }
        for j in 0..<p {
            let col = x + j &* n
            for i in rows where only[labels[i]] { parts[(i & 3) &* set &+ labels[i] &* stride &+ j] += weights[i] * col[i] }
        }
    }

    /// Hamerly's pass: bounds moved by the drifts (`other[a]`: the largest drift of a centre other than
    /// `a`); a row is recomputed only when its upper bound (tightened first) is not below
    /// max(lower bound, half[label]) by more than `margin`. Marks in `changed` the clusters a row left or
    /// joined. - Complexity: O(|rows|) plus O(k × p) per
    /// recomputed row.
    static func bounded(
        x: UnsafePointer<Double>, n: Int, p: Int, centers: UnsafePointer<Double>, k: Int, rows: Range<Int>,
        labels: UnsafeMutablePointer<Int>, upper: UnsafeMutablePointer<Double>, lower: UnsafeMutablePointer<Double>,
        transposed: UnsafePointer<Double>, width: Int, drift: [Double], other: [Double], half: [Double], margin: Double,
        changed: UnsafeMutablePointer<Bool>
    ) {
        drift.withUnsafeBufferPointer { drift in
            other.withUnsafeBufferPointer { other in
                half.withUnsafeBufferPointer { half in
                    for i in rows {
                        let a = labels[i]
                        var u = upper[i] + drift[a]
                        let l = lower[i] - other[a]
                        let bound = max(half[a], l)
                        if u + margin < bound { upper[i] = u; lower[i] = l; continue }
                        u = squaredDistance(x, n: n, p: p, row: i, centre: centers + a &* p).squareRoot()
                        if u + margin < bound { upper[i] = u; lower[i] = l; continue }
                        let r = nearestTwo(x, n: n, p: p, row: i, transposed: transposed, width: width, k: k)
                        if r.label != a { changed[a] = true; changed[r.label] = true }
                        labels[i] = r.label
                        upper[i] = r.best.squareRoot()
                        lower[i] = r.second.squareRoot()
                    }
                }
            }
        }
    }
}
