// Clustering metrics: inertia (within-cluster sum of squares), the silhouette coefficient
// (Euclidean, singletons score 0, as scikit-learn) and the adjusted Rand index against known
// labels (scikit-learn's pair-confusion form). Leaves out: other distances and the silhouette
// of huge sets (callers sample rows first; `silhouette` is O(rows² × features)).

extension Metrics {
    /// Sum over rows of the squared distance to the row's cluster center (`centers[c]` has one value per feature).
    public static func inertia(_ x: FeatureMatrix, labels: [Int], centers: [[Double]]) throws(MLError) -> Double {
        try checkLengths(x.rows, labels.count, "inertia")
        try checkLabels(labels, centers.count, "inertia")
        guard centers.allSatisfy({ $0.count == x.featureCount }) else {
            throw MLError(.shapeMismatch, "inertia: each center needs \(x.featureCount) values, one per feature.")
        }
        var total = 0.0
        for j in 0..<x.featureCount {
            let col = x.column(j), base = col.startIndex
            total += sum(x.rows) { r in
                let d = col[base + r] - centers[labels[r]][j]; return d * d
            }
        }
        return total
    }

    /// Mean silhouette coefficient (b − a) / max(a, b) over rows, Euclidean distance.
    /// Needs 2 ≤ clusters ≤ rows − 1. - Complexity: O(rows² × features).
    public static func silhouette(_ x: FeatureMatrix, labels: [Int]) throws(MLError) -> Double {
        try checkLengths(x.rows, labels.count, "silhouette")
        let k = (labels.max() ?? 0) + 1
        try checkLabels(labels, k, "silhouette")
        var sizes = [Int](repeating: 0, count: k)
        for l in labels { sizes[l] += 1 }
        let used = sizes.filter { $0 > 0 }.count
        guard used >= 2, used <= x.rows - 1 else {
            throw MLError(
                .invalidInput,
                "silhouette needs between 2 and rows − 1 clusters, got \(used). Choose another number of clusters.")
        }
        let n = x.rows, f = x.featureCount, data = x.rowMajor()
        var total = 0.0
        var dist = [Double](repeating: 0, count: k)
        data.withUnsafeBufferPointer { d in
            for i in 0..<n {
                for c in 0..<k { dist[c] = 0 }
                let a0 = i * f
                for j in 0..<n where j != i {
                    let b0 = j * f
                    var s = 0.0
                    for t in 0..<f { let e = d[a0 + t] - d[b0 + t]; s += e * e }
                    dist[labels[j]] += s.squareRoot()
                }
                let own = labels[i]
                guard sizes[own] > 1 else { continue }  // a singleton scores 0
                let a = dist[own] / Double(sizes[own] - 1)
                var b = Double.infinity
                for c in 0..<k where c != own && sizes[c] > 0 { b = min(b, dist[c] / Double(sizes[c])) }
                let m = max(a, b)
                if m > 0 { total += (b - a) / m }
            }
        }
        return total / Double(n)
    }

    /// Adjusted Rand index between two labelings of the same rows (1 identical, about 0 random).
    /// - Complexity: O(rows + clustersA × clustersB).
    public static func adjustedRand(_ a: [Int], _ b: [Int]) throws(MLError) -> Double {
        try checkLengths(a.count, b.count, "adjusted_rand")
        let ka = (a.max() ?? 0) + 1, kb = (b.max() ?? 0) + 1
        try checkLabels(a, ka, "adjusted_rand")
        try checkLabels(b, kb, "adjusted_rand")
        var table = [Int](repeating: 0, count: ka * kb), rowSum = [Int](repeating: 0, count: ka),
            colSum = [Int](repeating: 0, count: kb)
        for i in 0..<a.count { table[a[i] * kb + b[i]] += 1; rowSum[a[i]] += 1; colSum[b[i]] += 1 }
        let n = Double(a.count)
        var sumSquares = 0.0, rowDot = 0.0, colDot = 0.0
        for r in 0..<ka {
            for c in 0..<kb where table[r * kb + c] > 0 {
                let v = Double(table[r * kb + c])
                sumSquares += v * v
                rowDot += v * Double(colSum[c])
                colDot += v * Double(rowSum[r])
            }
        }
        let tp = sumSquares - n, fp = rowDot - sumSquares, fn = colDot - sumSquares
        let tn = n * n - fp - fn - sumSquares
        if fn == 0 && fp == 0 { return 1 }
        return 2 * (tp * tn - fn * fp) / ((tp + fn) * (fn + tn) + (tp + fp) * (fp + tn))
    }
}
