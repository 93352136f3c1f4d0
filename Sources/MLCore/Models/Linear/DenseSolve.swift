// Small dense symmetric solves for the linear models: Cholesky factorisation of a positive
// (semi-)definite p × p matrix with a pivot tolerance, so exactly dependent columns (a constant or
// duplicated feature in OLS) get coefficient 0 instead of a division by zero.
// Leaves out: pivoting and QR; the normal equations are formed on standardised columns to keep them
// well conditioned.

enum DenseSolve {
    /// Solves `a · x = b` for a symmetric positive semi-definite row-major `a` (p × p).
    /// Pivots below `relativeTolerance × max diagonal` mark dependent directions, whose unknowns are 0.
    /// - Complexity: O(p³).
    static func choleskySolve(_ a: [Double], _ b: [Double], p: Int, relativeTolerance: Double = 1e-12) -> [Double] {
        var l = [Double](repeating: 0, count: p * p)
        var dependent = [Bool](repeating: false, count: p)
        let maxDiag = (0..<p).map { a[$0 * p + $0] }.max() ?? 0
        let tolerance = max(maxDiag * relativeTolerance, 1e-300)
        for j in 0..<p {
            var d = a[j * p + j]
            for k in 0..<j { d -= l[j * p + k] * l[j * p + k] }
            if d <= tolerance {
                dependent[j] = true
                continue
            }
            let ljj = d.squareRoot()
            l[j * p + j] = ljj
            for i in (j + 1)..<max(j + 1, p) {
                var s = a[i * p + j]
                for k in 0..<j { s -= l[i * p + k] * l[j * p + k] }
                l[i * p + j] = s / ljj
            }
        }
        // Forward then backward substitution, skipping dependent unknowns.
        var y = [Double](repeating: 0, count: p)
        for i in 0..<p where !dependent[i] {
            var s = b[i]
            for k in 0..<i where !dependent[k] { s -= l[i * p + k] * y[k] }
            y[i] = s / l[i * p + i]
        }
        var x = [Double](repeating: 0, count: p)
        for i in stride(from: p - 1, through: 0, by: -1) where !dependent[i] {
            var s = y[i]
            for k in (i + 1)..<max(i + 1, p) where !dependent[k] { s -= l[k * p + i] * x[k] }
            x[i] = s / l[i * p + i]
        }
        return x
    }
}
