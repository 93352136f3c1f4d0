// Regression metrics with scikit-learn's conventions: R² (1 when the truth is constant and
// predicted exactly, 0 when constant and missed), RMSE, MAE, MAPE as a fraction with |y| floored
// at machine epsilon, median absolute error, RMSLE (refused for values ≤ −1). Leaves out:
// multi-output averaging and sample weights.

import Foundation

extension Metrics {
    /// Coefficient of determination. - Complexity: O(rows).
    public static func r2(_ yTrue: [Double], _ yPred: [Double]) throws(MLError) -> Double {
        try checkLengths(yTrue.count, yPred.count, "r2")
        let n = yTrue.count
        return yTrue.withUnsafeBufferPointer { t in
            yPred.withUnsafeBufferPointer { p in
                let mean = sum(n) { t[$0] } / Double(n)
                let ssRes = sum(n) { let d = t[$0] - p[$0]; return d * d }
                let ssTot = sum(n) { let d = t[$0] - mean; return d * d }
                if ssTot == 0 { return ssRes == 0 ? 1 : 0 }
                return 1 - ssRes / ssTot
            }
        }
    }

    /// Root mean squared error.
    public static func rmse(_ yTrue: [Double], _ yPred: [Double]) throws(MLError) -> Double {
        try checkLengths(yTrue.count, yPred.count, "rmse")
        return (meanOver(yTrue, yPred) { let d = $0 - $1; return d * d }).squareRoot()
    }

    /// Mean absolute error.
    public static func mae(_ yTrue: [Double], _ yPred: [Double]) throws(MLError) -> Double {
        try checkLengths(yTrue.count, yPred.count, "mae")
        return meanOver(yTrue, yPred) { abs($0 - $1) }
    }

    /// Mean absolute percentage error, as a fraction (0.1 is 10 %); |y| is floored at machine epsilon.
    public static func mape(_ yTrue: [Double], _ yPred: [Double]) throws(MLError) -> Double {
        try checkLengths(yTrue.count, yPred.count, "mape")
        return meanOver(yTrue, yPred) { abs($0 - $1) / max(abs($0), Double.ulpOfOne) }
    }

    /// Median absolute error (mean of the two middle values for an even count).
    /// - Complexity: O(rows log rows).
    public static func medianAE(_ yTrue: [Double], _ yPred: [Double]) throws(MLError) -> Double {
        try checkLengths(yTrue.count, yPred.count, "median_ae")
        return median(zip(yTrue, yPred).map { abs($0 - $1) })
    }

    /// Root mean squared logarithmic error: RMSE of log(1 + y).
    public static func rmsle(_ yTrue: [Double], _ yPred: [Double]) throws(MLError) -> Double {
        try checkLengths(yTrue.count, yPred.count, "rmsle")
        guard yTrue.allSatisfy({ $0 > -1 }), yPred.allSatisfy({ $0 > -1 }) else {
            throw MLError(.invalidInput, "rmsle is undefined when a target or prediction is ≤ −1. Use rmse or mae instead.")
        }
        return (meanOver(yTrue, yPred) { let d = log1p($0) - log1p($1); return d * d }).squareRoot()
    }

    // MARK: helpers

    static func meanOver(_ a: [Double], _ b: [Double], _ f: (Double, Double) -> Double) -> Double {
        a.withUnsafeBufferPointer { x in
            b.withUnsafeBufferPointer { y in sum(x.count) { f(x[$0], y[$0]) } / Double(x.count) }
        }
    }

    /// The median of `values` (not empty).
    static func median(_ values: [Double]) -> Double {
        let s = values.sorted()
        let n = s.count
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2
    }
}
