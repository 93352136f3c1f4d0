// Logistic regression (binary and multinomial) fitted by L-BFGS to scikit-learn's optimum:
// same objective (C = 1 by default, intercept not penalised), class weights ("balanced" or none),
// penalty l2 or none. Features are used as given (scikit-learn does not scale them either).
// Leaves out: L1 / elastic net, one-vs-rest, warm starts.

/// Hyper-parameters of `LogisticRegression`, scikit-learn's names and defaults.
public struct LogisticParameters: Sendable, Codable, Equatable {
    public enum Penalty: String, Sendable, Codable, CaseIterable { case l2, none }
    /// Inverse regularisation strength.
    // swift-format-ignore: AlwaysUseLowerCamelCase
    public var C = 1.0
    public var penalty = Penalty.l2
    public var maxIter = 100
    /// Stop when the largest gradient component of the scaled objective is ≤ tol.
    public var tol = 1e-4
    /// "balanced" weighs classes by n / (classes × count); nil leaves them equal.
    public var classWeight: String? = nil
    public var threads = 2

    public init() {}

    /// Checks every value against the ranges of `LogisticParameters.specs`, the one place they are stated.
    func validate() throws(MLError) {
        try Self.specs.check(self, model: "logistic")
    }
}

/// The logistic regression estimator (`logistic` in the registry).
public struct LogisticRegression: Estimator {
    public var parameters: LogisticParameters

    public init(_ parameters: LogisticParameters = .init()) { self.parameters = parameters }

    public func fit(_ data: TrainingSet) throws(MLError) -> FittedLogisticRegression {
        let p = parameters
        try p.validate()
        try InputChecks.requireRows(data.x, model: "logistic", minimumRows: 2)
        try InputChecks.requireFinite(data.x, model: "logistic")
        let (labels, names) = try InputChecks.classes(data, model: "logistic")
        let k = names.count
        let outputs = k == 2 ? 1 : k
        // Unweighted rows need no weight vector: every row weighs 1 / rows (a vector of ones would be one
        // more column-sized array at millions of rows).
        var w: [Double]? = nil
        if data.sampleWeights != nil || p.classWeight == "balanced" {
            var given = try InputChecks.weights(data)
            if p.classWeight == "balanced" {
                var counts = [Double](repeating: 0, count: k)
                for l in labels { counts[l] += 1 }
                let cw = counts.map { $0 > 0 ? Double(labels.count) / (Double(k) * $0) : 0 }
                for i in given.indices { given[i] *= cw[labels[i]] }
            }
            w = given
        }
        let s = w?.reduce(0, +) ?? Double(labels.count)
        let objective = LogisticObjective(
            x: data.x, labels: labels, weights: w, outputs: outputs,
            penalty: p.penalty == .l2 ? 1 / (p.C * s) : 0, threads: p.threads)
        let solver = LBFGS(memory: 10, maxIter: p.maxIter, gtol: p.tol)
        let result = solver.minimize([Double](repeating: 0, count: objective.dimension)) { theta, grad in
            objective.evaluate(theta, &grad)
        }
        let f = data.x.featureCount
        return FittedLogisticRegression(
            features: data.x.features, parameters: p, classNames: names,
            coefficients: Array(result.x[0..<(outputs * f)]), intercepts: Array(result.x[(outputs * f)...]),
            iterations: result.iterations, converged: result.converged)
    }
}

/// A fitted logistic regression: `outputs × features` coefficients (one row for two classes).
public struct FittedLogisticRegression: FittedModel {
    public let features: [FeatureInfo]
    public let parameters: LogisticParameters
    public let classNames: [String]
    /// Row-major `[outputs × features]`; for two classes, the single row scores the second class.
    public let coefficients: [Double]
    public let intercepts: [Double]
    public let iterations: Int
    /// False when maxIter ran out before the gradient tolerance was met.
    public let converged: Bool

    public func predict(_ x: FeatureMatrix) throws(MLError) -> Prediction {
        try checkFeatures(of: x)
        try InputChecks.requireFinite(x, model: "logistic")
        let n = x.rows, f = features.count, outputs = intercepts.count
        var raw = [Double](repeating: 0, count: outputs * n)
        for c in 0..<outputs {
            for r in 0..<n { raw[c * n + r] = intercepts[c] }
            for j in 0..<f {
                let w = coefficients[c * f + j]
                let col = x.column(j)
                var r = 0
                for v in col {
                    raw[c * n + r] += w * v
                    r += 1
                }
            }
        }
        return ClassScores.prediction(raw: raw, rows: n, classCount: classNames.count)
    }
}
