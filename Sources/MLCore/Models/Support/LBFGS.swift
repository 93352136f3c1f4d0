// Limited-memory BFGS for smooth unconstrained minimisation (logistic regression's solver), with the
// stopping rules of SciPy's L-BFGS-B as scikit-learn calls it: max |gradient| ≤ gtol, or a relative
// decrease of the objective ≤ 64·ε, or maxIter iterations. Backtracking line search on the Armijo rule.
// Leaves out: bounds (the "B" of L-BFGS-B), Wolfe curvature search (pairs with sᵀy ≤ 0 are skipped).

import Foundation

struct LBFGS {
    var memory = 10
    var maxIter = 100
    var gtol = 1e-4

    struct Result {
        var x: [Double]
        var value: Double
        var iterations: Int
        var converged: Bool
    }

    /// Minimises `objective`, which returns f(x) and writes ∇f(x) into its second argument.
    /// - Complexity: O(maxIter × (cost of objective + memory × dimension)).
    func minimize(_ x0: [Double], _ objective: ([Double], inout [Double]) -> Double) -> Result {
        let d = x0.count
        var x = x0
        var g = [Double](repeating: 0, count: d)
        var f = objective(x, &g)
        var sList: [[Double]] = [], yList: [[Double]] = [], rhoList: [Double] = []
        var iterations = 0
        var xNew = x, gNew = g
        while iterations < maxIter {
            if g.reduce(0, { max($0, abs($1)) }) <= gtol {
                return Result(x: x, value: f, iterations: iterations, converged: true)
            }
            // Two-loop recursion: direction = −H·g.
            var q = g
            var alpha = [Double](repeating: 0, count: sList.count)
            for i in stride(from: sList.count - 1, through: 0, by: -1) {
                alpha[i] = rhoList[i] * dot(sList[i], q)
                axpy(-alpha[i], yList[i], &q)
            }
            if let s = sList.last, let y = yList.last {
                let gamma = dot(s, y) / dot(y, y)
                for k in 0..<d { q[k] *= gamma }
            }
            for i in 0..<sList.count {
                let beta = rhoList[i] * dot(yList[i], q)
                axpy(alpha[i] - beta, sList[i], &q)
            }
            var direction = q.map { -$0 }
            var slope = dot(direction, g)
            if slope >= 0 {  // not a descent direction: restart from steepest descent
                direction = g.map { -$0 }
                slope = dot(direction, g)
                sList.removeAll(); yList.removeAll(); rhoList.removeAll()
            }
            var step = sList.isEmpty ? min(1, 1 / max(g.reduce(0) { $0 + abs($1) }, 1e-300)) : 1.0
            var fNew = f
            var accepted = false
            for _ in 0..<40 {
                for k in 0..<d { xNew[k] = x[k] + step * direction[k] }
                fNew = objective(xNew, &gNew)
                if fNew.isFinite && fNew <= f + 1e-4 * step * slope {
                    accepted = true
                    break
                }
                step *= 0.5
            }
            iterations += 1
            guard accepted else { return Result(x: x, value: f, iterations: iterations, converged: false) }
            var s = [Double](repeating: 0, count: d), y = s
            for k in 0..<d {
                s[k] = xNew[k] - x[k]
                y[k] = gNew[k] - g[k]
            }
            let sy = dot(s, y)
            if sy > 1e-10 * dot(y, y) {
                sList.append(s); yList.append(y); rhoList.append(1 / sy)
                if sList.count > memory { sList.removeFirst(); yList.removeFirst(); rhoList.removeFirst() }
            }
            let decrease = (f - fNew) / max(abs(f), abs(fNew), 1)
            swap(&x, &xNew)
            swap(&g, &gNew)
            f = fNew
            if decrease <= 64 * Double.ulpOfOne {
                return Result(x: x, value: f, iterations: iterations, converged: true)
            }
        }
        let converged = g.reduce(0, { max($0, abs($1)) }) <= gtol
        return Result(x: x, value: f, iterations: iterations, converged: converged)
    }

    private func dot(_ a: [Double], _ b: [Double]) -> Double {
        var s = 0.0
        for k in a.indices { s += a[k] * b[k] }
        return s
    }

    private func axpy(_ a: Double, _ x: [Double], _ y: inout [Double]) {
        for k in x.indices { y[k] += a * x[k] }
    }
}
