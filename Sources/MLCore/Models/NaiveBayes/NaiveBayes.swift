// Naive Bayes classifiers as scikit-learn's GaussianNB (numeric features; per-class means and
// variances, var_smoothing = 1e-9 of the largest variance) and MultinomialNB (counts or TF-IDF;
// additive smoothing alpha = 1). Class priors are the (weighted) training frequencies.
// Leaves out: Bernoulli / complement variants, partial_fit.

import Foundation

/// Hyper-parameters of `NaiveBayes`.
public struct NaiveBayesParameters: Sendable, Codable, Equatable {
    public enum Distribution: String, Sendable, Codable, CaseIterable { case gaussian, multinomial }
    public var distribution = Distribution.gaussian
    /// Gaussian: fraction of the largest feature variance added to every variance.
    public var varSmoothing = 1e-9
    /// Multinomial: additive (Laplace) smoothing.
    public var alpha = 1.0

    public init() {}
}

/// The naive Bayes estimator (`naive_bayes` in the registry).
public struct NaiveBayes: Estimator {
    public var parameters: NaiveBayesParameters

    public init(_ parameters: NaiveBayesParameters = .init()) { self.parameters = parameters }

    public func fit(_ data: TrainingSet) throws(MLError) -> FittedNaiveBayes {
        let p = parameters
        try InputChecks.require("varSmoothing", p.varSmoothing, greaterThan: 0, orEqual: true, model: "naive_bayes")
        try InputChecks.require("alpha", p.alpha, greaterThan: 0, orEqual: true, model: "naive_bayes")
        try InputChecks.requireRows(data.x, model: "naive_bayes")
        try InputChecks.requireFinite(data.x, model: "naive_bayes")
        let (labels, names) = try InputChecks.classes(data, model: "naive_bayes")
        let w = try InputChecks.weights(data)
        let n = data.rows, f = data.x.featureCount, k = names.count
        var classWeight = [Double](repeating: 0, count: k)
        for i in 0..<n { classWeight[labels[i]] += w[i] }
        let total = classWeight.reduce(0, +)
        let logPrior = classWeight.map { log(max($0 / total, 1e-300)) }
        var a = [Double](repeating: 0, count: k * f), b = [Double](repeating: 0, count: k * f)
        switch p.distribution {
        case .gaussian:
            // a = means, b = variances (+ epsilon).
            var maxVariance = 0.0
            for j in 0..<f {
                let col = data.x.column(j)
                var s = 0.0, s2 = 0.0
                for (i, v) in col.enumerated() {
                    a[labels[i] * f + j] += w[i] * v
                    s += v
                    s2 += v * v
                }
                let mean = s / Double(n)
                maxVariance = max(maxVariance, s2 / Double(n) - mean * mean)
                for c in 0..<k where classWeight[c] > 0 { a[c * f + j] /= classWeight[c] }
                for (i, v) in col.enumerated() {
                    let d = v - a[labels[i] * f + j]
                    b[labels[i] * f + j] += w[i] * d * d
                }
                for c in 0..<k where classWeight[c] > 0 { b[c * f + j] /= classWeight[c] }
            }
            let epsilon = p.varSmoothing * maxVariance
            for i in b.indices { b[i] = max(b[i] + epsilon, 1e-300) }
        case .multinomial:
            // a = log feature probabilities per class.
            for j in 0..<f {
                for (i, v) in data.x.column(j).enumerated() {
                    guard v >= 0 else {
                        throw MLError(
                            .invalidInput,
                            "naive_bayes with distribution=multinomial needs non-negative features (counts, TF-IDF); "
                                + "'\(data.x.features[j].name)' has \(v). Use distribution=gaussian for real-valued features."
                        )
                    }
                    a[labels[i] * f + j] += w[i] * v
                }
            }
            for c in 0..<k {
                var s = 0.0
                for j in 0..<f { s += a[c * f + j] + p.alpha }
                for j in 0..<f { a[c * f + j] = log(max((a[c * f + j] + p.alpha) / s, 1e-300)) }
            }
        }
        return FittedNaiveBayes(
            features: data.x.features, parameters: p, classNames: names, logPrior: logPrior, a: a, b: b)
    }
}

/// A fitted naive Bayes model.
public struct FittedNaiveBayes: FittedModel {
    public let features: [FeatureInfo]
    public let parameters: NaiveBayesParameters
    public let classNames: [String]
    public let logPrior: [Double]
    /// Gaussian: class means; multinomial: log feature probabilities. Row-major `[classes × features]`.
    public let a: [Double]
    /// Gaussian: class variances; unused for multinomial.
    public let b: [Double]

    public func predict(_ x: FeatureMatrix) throws(MLError) -> Prediction {
        try checkFeatures(of: x)
        try InputChecks.requireFinite(x, model: "naive_bayes")
        let n = x.rows, f = features.count, k = classNames.count
        var jll = [Double](repeating: 0, count: k * n)  // [classes × rows]
        for c in 0..<k {
            var constant = logPrior[c]
            if parameters.distribution == .gaussian {
                for j in 0..<f { constant -= 0.5 * log(2 * .pi * b[c * f + j]) }
            }
            for r in 0..<n { jll[c * n + r] = constant }
            for j in 0..<f {
                let col = x.column(j)
                var r = 0
                if parameters.distribution == .gaussian {
                    let mean = a[c * f + j], inv = 0.5 / b[c * f + j]
                    for v in col { jll[c * n + r] -= (v - mean) * (v - mean) * inv; r += 1 }
                } else {
                    let lp = a[c * f + j]
                    for v in col { jll[c * n + r] += v * lp; r += 1 }
                }
            }
        }
        if k == 2 {
            // Sigmoid of the log-odds equals the two-class softmax.
            let raw = (0..<n).map { jll[n + $0] - jll[$0] }
            return ClassScores.prediction(raw: raw, rows: n, classCount: 2)
        }
        return ClassScores.prediction(raw: jll, rows: n, classCount: k)
    }
}
