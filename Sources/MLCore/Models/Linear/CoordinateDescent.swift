// Cyclic coordinate descent for the elastic net on centred data (scikit-learn's cd_fast algorithm):
// minimises ½‖y − Xw‖² + l1‖w‖₁ + ½·l2‖w‖², stopping when the largest coefficient change is small
// relative to the largest coefficient and the duality gap is below tol·‖y‖².
// Leaves out: random coordinate order, screening rules, sparse inputs.

enum CoordinateDescent {
    /// Coefficients and sweeps run. Shapes: x [f × n] column-major; y [n].
    static func elasticNet(
        x: [Double], y: [Double], n: Int, f: Int, l1: Double, l2: Double, maxIter: Int, tol: Double
    ) -> ([Double], Int) {
        var w = [Double](repeating: 0, count: f)
        var r = y
        let norms = (0..<f).map { j in (0..<n).reduce(0.0) { $0 + x[j * n + $1] * x[j * n + $1] } }
        let yy = y.reduce(0) { $0 + $1 * $1 }
        let gapTolerance = tol * yy
        var sweeps = 0
        while sweeps < maxIter {
            sweeps += 1
            var maxChange = 0.0, maxW = 0.0
            for j in 0..<f where norms[j] > 0 {
                let old = w[j]
                var rho = 0.0
                for i in 0..<n { rho += x[j * n + i] * r[i] }
                rho += old * norms[j]
                let new = (rho > 0 ? 1.0 : -1.0) * max(abs(rho) - l1, 0) / (norms[j] + l2)
                if new != old {
                    let d = new - old
                    for i in 0..<n { r[i] -= d * x[j * n + i] }
                    w[j] = new
                }
                maxChange = max(maxChange, abs(new - old))
                maxW = max(maxW, abs(new))
            }
            if maxW == 0 || maxChange / maxW < tol || sweeps == maxIter {
                if dualityGap(x: x, y: y, w: w, r: r, n: n, f: f, l1: l1, l2: l2) < gapTolerance { break }
            }
        }
        return (w, sweeps)
    }

    /// scikit-learn's duality gap for the elastic net.
    static func dualityGap(x: [Double], y: [Double], w: [Double], r: [Double], n: Int, f: Int, l1: Double, l2: Double)
        -> Double
    {
        var dualNorm = 0.0
        for j in 0..<f {
            var s = 0.0
            for i in 0..<n { s += x[j * n + i] * r[i] }
            dualNorm = max(dualNorm, abs(s - l2 * w[j]))
        }
        let rNorm2 = r.reduce(0) { $0 + $1 * $1 }
        let wNorm2 = w.reduce(0) { $0 + $1 * $1 }
        var gap: Double, constant: Double
        if dualNorm > l1 {
            constant = l1 / dualNorm
            gap = 0.5 * (rNorm2 + rNorm2 * constant * constant)
        } else {
            constant = 1
            gap = rNorm2
        }
        let l1Norm = w.reduce(0) { $0 + abs($1) }
        var ry = 0.0
        for i in 0..<n { ry += r[i] * y[i] }
        gap += l1 * l1Norm - constant * ry + 0.5 * l2 * (1 + constant * constant) * wNorm2
        return gap
    }
}
