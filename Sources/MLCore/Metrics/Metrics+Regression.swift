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
                var m0 = 0.0, m1 = 0.0
                var i = 0
                while i + 2 <= n { m0 += t[i]; m1 += t[i + 1]; i += 2 }
                if i < n { m0 += t[i] }
                let mean = (m0 + m1) / Double(n)
                var r0 = 0.0, r1 = 0.0, s0 = 0.0, s1 = 0.0
                i = 0
                while i + 2 <= n {
                    let d0 = t[i] - p[i], d1 = t[i + 1] - p[i + 1], e0 = t[i] - mean, e1 = t[i + 1] - mean
                    r0 += d0 * d0; r1 += d1 * d1; s0 += e0 * e0; s1 += e1 * e1
                    i += 2
                }
                if i < n { let d = t[i] - p[i], e = t[i] - mean; r0 += d * d; s0 += e * e }
                let ssRes = r0 + r1, ssTot = s0 + s1
                if ssTot == 0 { return ssRes == 0 ? 1 : 0 }
                return 1 - ssRes / ssTot
            }
        }
    }

    /// Root mean squared error.
    public static func rmse(_ yTrue: [Double], _ yPred: [Double]) throws(MLError) -> Double {
        try checkLengths(yTrue.count, yPred.count, "rmse")
        return (sumOver(yTrue, yPred, squared: true) / Double(yTrue.count)).squareRoot()
    }

    /// Mean absolute error.
    public static func mae(_ yTrue: [Double], _ yPred: [Double]) throws(MLError) -> Double {
        try checkLengths(yTrue.count, yPred.count, "mae")
        return sumOver(yTrue, yPred, squared: false) / Double(yTrue.count)
    }

    /// Mean absolute percentage error, as a fraction (0.1 is 10 %); |y| is floored at machine epsilon.
    public static func mape(_ yTrue: [Double], _ yPred: [Double]) throws(MLError) -> Double {
        try checkLengths(yTrue.count, yPred.count, "mape")
        return meanOver(yTrue, yPred) { abs($0 - $1) / max(abs($0), Double.ulpOfOne) }
    }

    /// Median absolute error (mean of the two middle values for an even count).
    /// - Complexity: O(rows) (radix select).
    public static func medianAE(_ yTrue: [Double], _ yPred: [Double]) throws(MLError) -> Double {
        try checkLengths(yTrue.count, yPred.count, "median_ae")
        let n = yTrue.count
        let (lower, upper) = yTrue.withUnsafeBufferPointer { t in
            yPred.withUnsafeBufferPointer { p in RadixSort.selectPair(count: n, n / 2) { abs(t[$0] - p[$0]) } }
        }
        return n % 2 == 0 ? (lower + upper) / 2 : upper
    }

    /// Root mean squared logarithmic error: RMSE of log(1 + y).
    public static func rmsle(_ yTrue: [Double], _ yPred: [Double]) throws(MLError) -> Double {
        try checkLengths(yTrue.count, yPred.count, "rmsle")
        guard yTrue.allSatisfy({ $0 > -1 }), yPred.allSatisfy({ $0 > -1 }) else {
            throw MLError(
                .invalidInput, "rmsle is undefined when a target or prediction is ≤ −1. Use rmse or mae instead.")
        }
        return
            (meanOver(yTrue, yPred) {
                let d = log1p($0) - log1p($1); return d * d
            }).squareRoot()
    }

    // MARK: helpers

    /// Σ (t − p)² or Σ |t − p|, one specialised loop each with four accumulators.
    static func sumOver(_ a: [Double], _ b: [Double], squared: Bool) -> Double {
        a.withUnsafeBufferPointer { t in
            b.withUnsafeBufferPointer { p in
                var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
                let n = t.count
                var i = 0
                if squared {
                    while i + 4 <= n {
                        let d0 = t[i] - p[i], d1 = t[i + 1] - p[i + 1], d2 = t[i + 2] - p[i + 2],
                            d3 = t[i + 3] - p[i + 3]
                        s0 += d0 * d0; s1 += d1 * d1; s2 += d2 * d2; s3 += d3 * d3
                        i += 4
                    }
                    while i < n { let d = t[i] - p[i]; s0 += d * d; i += 1 }
                } else {
                    while i + 4 <= n {
                        s0 += abs(t[i] - p[i]); s1 += abs(t[i + 1] - p[i + 1]); s2 += abs(t[i + 2] - p[i + 2]);
                        s3 += abs(t[i + 3] - p[i + 3])
                        i += 4
                    }
                    while i < n { s0 += abs(t[i] - p[i]); i += 1 }
                }
                return (s0 + s1) + (s2 + s3)
            }
        }
    }

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
