// Linear regression: ordinary least squares and ridge in closed form (Cholesky on standardised
// normal equations), lasso and elastic net by cyclic coordinate descent with scikit-learn's duality-gap
// stopping rule. Objectives are scikit-learn's: ridge ‖y − Xw − b‖² + α‖w‖²; elastic net
// ‖y − Xw − b‖²/(2n) + αρ‖w‖₁ + α(1−ρ)‖w‖²/2. The intercept is never penalised (data are centred).
// Leaves out: positive constraints, warm starts, regularisation paths.

/// Which linear regression.
public enum LinearKind: String, Sendable, Codable, CaseIterable {
    case ols = "linear"
    case ridge, lasso
    case elasticNet = "elasticnet"
}

/// Hyper-parameters of `LinearRegression`, scikit-learn's names and defaults.
public struct LinearParameters: Sendable, Codable, Equatable {
    public var kind = LinearKind.ols
    /// Regularisation strength (ignored by ols).
    public var alpha = 1.0
    /// Elastic net mixing: 1 is lasso, 0 is ridge (elasticnet only).
    public var l1Ratio = 0.5
    public var fitIntercept = true
    /// Coordinate descent sweeps (lasso, elasticnet).
    public var maxIter = 1000
    public var tol = 1e-4

    public init(kind: LinearKind = .ols) { self.kind = kind }

    /// Checks every value against the ranges of `LinearParameters.specs`, the one place they are stated.
    func validate() throws(MLError) {
        try Self.specs(kind).check(self, model: kind.rawValue)
    }
}

/// The linear regression estimator (`linear`, `ridge`, `lasso`, `elasticnet` in the registry).
public struct LinearRegression: Estimator {
    public var parameters: LinearParameters

    public init(_ parameters: LinearParameters = .init()) { self.parameters = parameters }

    public func fit(_ data: TrainingSet) throws(MLError) -> FittedLinearRegression {
        let p = parameters
        let name = p.kind.rawValue
        try p.validate()
        try InputChecks.requireRows(data.x, model: name)
        try InputChecks.requireFinite(data.x, model: name)
        let y = try InputChecks.values(data, model: name)
        var w = try InputChecks.weights(data)
        let n = data.rows, f = data.x.featureCount
        let wsum = w.reduce(0, +)
        // Weighted means (zero without an intercept), then centred columns.
        var xMean = [Double](repeating: 0, count: f), yMean = 0.0
        if p.fitIntercept {
            for i in 0..<n { yMean += w[i] * y[i] }
            yMean /= wsum
            for j in 0..<f {
                var s = 0.0
                let c = data.x.column(j)
                var i = 0
                for v in c { s += w[i] * v; i += 1 }
                xMean[j] = s / wsum
            }
        }
        var xc = data.x.values
        for j in 0..<f { for i in 0..<n { xc[j * n + i] -= xMean[j] } }
        let yc = y.map { $0 - yMean }
        let coefficients: [Double]
        var iterations = 0
        switch p.kind {
        case .ols, .ridge:
            coefficients = Self.closedForm(xc: xc, yc: yc, w: w, n: n, f: f, alpha: p.kind == .ols ? 0 : p.alpha)
        case .lasso, .elasticNet:
            // scikit-learn rescales sample weights to sum to n, then folds √w into rows.
            let scale = Double(n) / wsum
            for i in 0..<n { w[i] = (w[i] * scale).squareRoot() }
            for j in 0..<f { for i in 0..<n { xc[j * n + i] *= w[i] } }
            let ys = (0..<n).map { yc[$0] * w[$0] }
            let rho = p.kind == .lasso ? 1 : p.l1Ratio
            (coefficients, iterations) = CoordinateDescent.elasticNet(
                x: xc, y: ys, n: n, f: f, l1: p.alpha * rho * Double(n), l2: p.alpha * (1 - rho) * Double(n),
                maxIter: p.maxIter, tol: p.tol)
        }
        var intercept = yMean
        for j in 0..<f { intercept -= xMean[j] * coefficients[j] }
        return FittedLinearRegression(
            features: data.x.features, parameters: p, coefficients: coefficients,
            intercept: p.fitIntercept ? intercept : 0, iterations: iterations)
    }

    /// Solves (XᵀWX + αI) w = XᵀWy on columns scaled to unit norm, then unscales.
    static func closedForm(xc: [Double], yc: [Double], w: [Double], n: Int, f: Int, alpha: Double) -> [Double] {
        var norms = [Double](repeating: 1, count: f)
        for j in 0..<f {
            var s = 0.0
            for i in 0..<n { s += w[i] * xc[j * n + i] * xc[j * n + i] }
            norms[j] = s > 0 ? s.squareRoot() : 1
        }
        var a = [Double](repeating: 0, count: f * f), b = [Double](repeating: 0, count: f)
        for j in 0..<f {
            for k in j..<f {
                var s = 0.0
                for i in 0..<n { s += w[i] * xc[j * n + i] * xc[k * n + i] }
                a[j * f + k] = s / (norms[j] * norms[k])
                a[k * f + j] = a[j * f + k]
            }
            a[j * f + j] += alpha / (norms[j] * norms[j])
            var s = 0.0
            for i in 0..<n { s += w[i] * xc[j * n + i] * yc[i] }
            b[j] = s / norms[j]
        }
        let scaled = DenseSolve.choleskySolve(a, b, p: f)
        return (0..<f).map { scaled[$0] / norms[$0] }
    }
}

/// A fitted linear regression.
public struct FittedLinearRegression: FittedModel {
    public let features: [FeatureInfo]
    public let parameters: LinearParameters
    public let coefficients: [Double]
    public let intercept: Double
    /// Coordinate descent sweeps run (0 for the closed form).
    public let iterations: Int

    public func predict(_ x: FeatureMatrix) throws(MLError) -> Prediction {
        try checkFeatures(of: x)
        try InputChecks.requireFinite(x, model: parameters.kind.rawValue)
        var out = [Double](repeating: intercept, count: x.rows)
        for j in 0..<features.count {
            let c = coefficients[j]
            if c == 0 { continue }
            var r = 0
            for v in x.column(j) {
                out[r] += c * v
                r += 1
            }
        }
        return .values(out)
    }
}
