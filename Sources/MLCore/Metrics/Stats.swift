// Small statistics used by the evaluation code: mean, standard deviation, quantiles and the
// Student t distribution (CDF through the regularized incomplete beta function, Numerical Recipes
// §6.4; quantile by bisection). Leaves out: anything a caller does not need.

import Foundation

public enum Stats {
    public static func mean(_ v: [Double]) -> Double { v.isEmpty ? .nan : v.reduce(0, +) / Double(v.count) }

    /// Standard deviation with `ddof` degrees of freedom removed (1: sample, 0: population).
    public static func std(_ v: [Double], ddof: Int = 1) -> Double {
        guard v.count > ddof else { return v.count == 1 ? 0 : .nan }
        let m = mean(v)
        return (v.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(v.count - ddof)).squareRoot()
    }

    /// The q-quantile with linear interpolation (numpy's default).
    public static func quantile(_ v: [Double], _ q: Double) -> Double {
        let s = v.sorted()
        guard !s.isEmpty else { return .nan }
        let pos = q * Double(s.count - 1), lo = Int(pos.rounded(.down)), hi = min(lo + 1, s.count - 1)
        return s[lo] + (s[hi] - s[lo]) * (pos - Double(lo))
    }

    /// P(T ≤ t) for Student's t with `df` degrees of freedom.
    public static func studentTCDF(_ t: Double, df: Double) -> Double {
        let x = df / (df + t * t), y = t * t / (df + t * t)  // y = 1 − x without cancellation
        let tail = 0.5 * incompleteBeta(x, y, df / 2, 0.5)
        return t >= 0 ? 1 - tail : tail
    }

    /// The t with P(T ≤ t) = p (bisection, to 1e-12).
    public static func studentTQuantile(_ p: Double, df: Double) -> Double {
        var lo = -1e3, hi = 1e3
        for _ in 0..<200 {
            let mid = (lo + hi) / 2
            if studentTCDF(mid, df: df) < p { lo = mid } else { hi = mid }
            if hi - lo < 1e-12 { break }
        }
        return (lo + hi) / 2
    }

    /// Regularized incomplete beta I_x(a, b), with `y` = 1 − x given precisely by the caller.
    static func incompleteBeta(_ x: Double, _ y: Double, _ a: Double, _ b: Double) -> Double {
        if x <= 0 { return 0 }
        if y <= 0 { return 1 }
        let lnGammas: Double = lgamma(a + b) - lgamma(a) - lgamma(b)
        let lnPowers: Double = a * log(x) + b * log(y)
        let lnFront = lnGammas + lnPowers
        if x < (a + 1) / (a + b + 2) { return exp(lnFront) * betaFraction(x, a, b) / a }
        return 1 - exp(lnFront) * betaFraction(y, b, a) / b
    }

    /// Lentz's continued fraction for the incomplete beta.
    static func betaFraction(_ x: Double, _ a: Double, _ b: Double) -> Double {
        let tiny = 1e-300
        var c = 1.0, d = 1 - (a + b) * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        for m in 1...300 {
            let m2 = Double(2 * m), mm = Double(m)
            var aa = mm * (b - mm) * x / ((a + m2 - 1) * (a + m2))
            d = 1 + aa * d; if abs(d) < tiny { d = tiny }
            c = 1 + aa / c; if abs(c) < tiny { c = tiny }
            d = 1 / d; h *= d * c
            aa = -(a + mm) * (a + b + mm) * x / ((a + m2) * (a + m2 + 1))
            d = 1 + aa * d; if abs(d) < tiny { d = tiny }
            c = 1 + aa / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            let del = d * c
            h *= del
            if abs(del - 1) < 3e-16 { break }
        }
        return h
    }
}
