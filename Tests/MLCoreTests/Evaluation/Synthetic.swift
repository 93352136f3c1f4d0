// Synthetic data sets with known structure for the evaluation tests.

@testable import MLCore

enum SyntheticData {
    /// y = 3·x0 + 2·x1 + 0.1·noise; x2, x3, x4 are pure noise. Column-major features.
    static func informative(rows: Int, seed: UInt64) -> (x: FeatureMatrix, y: [Double]) {
        var g = SeededGenerator(seed: seed)
        let cols = (0..<5).map { _ in (0..<rows).map { _ in g.nextGaussian() } }
        let y = (0..<rows).map { 3 * cols[0][$0] + 2 * cols[1][$0] + 0.1 * g.nextGaussian() }
        return (FeatureMatrix(columns: cols, names: ["signal_a", "signal_b", "noise_1", "noise_2", "noise_3"]), y)
    }

    /// Simple k-fold rows for tests (the product uses the split generators of Validation/).
    static func folds(rows: Int, k: Int) -> [FoldRows] {
        (0..<k).map { f in
            let valid = (0..<rows).filter { $0 % k == f }
            return FoldRows(train: (0..<rows).filter { $0 % k != f }, valid: valid)
        }
    }

    /// Ordinary least squares by the normal equations (a test predictor, not a product model).
    static func leastSquares(_ x: FeatureMatrix, _ y: [Double]) -> [Double] {
        let f = x.featureCount + 1
        var a = [Double](repeating: 0, count: f * f), b = [Double](repeating: 0, count: f)
        for r in 0..<x.rows {
            let row = [1.0] + (0..<x.featureCount).map { x[r, $0] }
            for i in 0..<f { b[i] += row[i] * y[r]; for j in 0..<f { a[i * f + j] += row[i] * row[j] } }
        }
        for c in 0..<f {  // Gauss–Jordan, no pivoting needed for these well-conditioned sets
            let p = a[c * f + c]
            for j in 0..<f { a[c * f + j] /= p }
            b[c] /= p
            for r in 0..<f where r != c {
                let m = a[r * f + c]
                for j in 0..<f { a[r * f + j] -= m * a[c * f + j] }
                b[r] -= m * b[c]
            }
        }
        return b
    }

    static func predictLinear(_ w: [Double], _ x: FeatureMatrix) -> [Double] {
        (0..<x.rows).map { r in (0..<x.featureCount).reduce(w[0]) { $0 + w[$1 + 1] * x[r, $1] } }
    }
}
