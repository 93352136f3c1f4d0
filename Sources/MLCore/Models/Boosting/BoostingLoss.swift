// The losses gradient boosting minimises: their starting score, gradients and hessians (Float, one
// (g, h) pair per row), and their value for early stopping. Raw scores are laid out `[output × rows]`.
// Multiclass uses softmax with one tree per class per iteration and hessian p(1−p) (scikit-learn's).
// Leaves out: Poisson / gamma / quantile losses.

import Foundation

/// A boosting loss, named as scikit-learn's HistGradientBoosting names them.
public enum BoostingLoss: String, Sendable, Codable, CaseIterable {
    case squaredError = "squared_error"
    case absoluteError = "absolute_error"
    case logLoss = "log_loss"

    /// Number of raw outputs (trees per iteration).
    func outputs(classCount: Int) -> Int { self == .logLoss && classCount > 2 ? classCount : 1 }
}

/// The target as boosting sees it: values, or class labels with the class count.
struct BoostingTarget: Sendable {
    var values: [Double]  // regression values, or class labels as Double
    var classCount: Int  // 0 for regression
    var weights: [Double]?
}

extension BoostingLoss {
    /// The constant raw score that minimises the loss (LightGBM's boost_from_average).
    func baseScores(_ t: BoostingTarget) -> [Double] {
        let n = t.values.count
        let w = t.weights
        let wsum = w.map { $0.reduce(0, +) } ?? Double(n)
        switch self {
        case .squaredError:
            var s = 0.0
            for i in 0..<n { s += t.values[i] * (w?[i] ?? 1) }
            return [s / wsum]
        case .absoluteError:
            return [weightedMedian(t.values, weights: w)]
        case .logLoss:
            var counts = [Double](repeating: 0, count: max(2, t.classCount))
            for i in 0..<n { counts[Int(t.values[i])] += w?[i] ?? 1 }
            if t.classCount <= 2 {
                let p = min(max(counts[1] / wsum, 1e-15), 1 - 1e-15)
                return [log(p / (1 - p))]
            }
            return counts.map { log(max($0 / wsum, 1e-15)) }
        }
    }

    /// Fills `gh[2r], gh[2r+1]` with the gradient and hessian of output `k` for every row.
    /// Shapes: raw [outputs × rows]; prob [outputs × rows] (multiclass softmax, else unused); gh [rows × 2].
    func gradients(
        raw: UnsafePointer<Double>, prob: UnsafePointer<Double>?, output k: Int, target t: BoostingTarget,
        gh: UnsafeMutablePointer<Float>, rows: Range<Int>
    ) {
        let n = t.values.count
        t.values.withUnsafeBufferPointer { yb in
            guard let y = yb.baseAddress else { return }
            switch self {
            case .squaredError:
                for r in rows {
                    gh[2 &* r] = Float(raw[r] - y[r])
                    gh[2 &* r &+ 1] = 1
                }
            case .absoluteError:
                for r in rows {
                    let d = raw[r] - y[r]
                    gh[2 &* r] = d > 0 ? 1 : (d < 0 ? -1 : 0)
                    gh[2 &* r &+ 1] = 1
                }
            case .logLoss where t.classCount <= 2:
                for r in rows {
                    let p = 1 / (1 + exp(-raw[r]))
                    gh[2 &* r] = Float(p - y[r])
                    gh[2 &* r &+ 1] = Float(max(p * (1 - p), 1e-16))
                }
            case .logLoss:
                guard let prob else { return }
                let base = k &* n
                let kd = Double(k)
                for r in rows {
                    let p = prob[base &+ r]
                    gh[2 &* r] = Float(p - (y[r] == kd ? 1 : 0))
                    gh[2 &* r &+ 1] = Float(max(p * (1 - p), 1e-16))
                }
            }
            if let w = t.weights {
                for r in rows {
                    gh[2 &* r] *= Float(w[r])
                    gh[2 &* r &+ 1] *= Float(w[r])
                }
            }
        }
    }

    /// Softmax of the raw scores of `rows` into `prob` (multiclass only). Shapes: [outputs × rows].
    static func softmax(
        raw: UnsafePointer<Double>, prob: UnsafeMutablePointer<Double>, outputs: Int, n: Int, rows: Range<Int>
    ) {
        for r in rows {
            var m = -Double.infinity
            for k in 0..<outputs { m = max(m, raw[k &* n &+ r]) }
            var s = 0.0
            for k in 0..<outputs {
                let e = exp(raw[k &* n &+ r] - m)
                prob[k &* n &+ r] = e
                s += e
            }
            for k in 0..<outputs { prob[k &* n &+ r] /= s }
        }
    }

    /// The mean loss of raw scores `raw` ([outputs × rows]) against the target: early stopping's score.
    func value(raw: [Double], target t: BoostingTarget) -> Double {
        let n = t.values.count
        var total = 0.0, wsum = 0.0
        for r in 0..<n {
            let w = t.weights?[r] ?? 1
            let y = t.values[r]
            var l: Double
            switch self {
            case .squaredError: l = 0.5 * (raw[r] - y) * (raw[r] - y)
            case .absoluteError: l = abs(raw[r] - y)
            case .logLoss where t.classCount <= 2:
                let z = raw[r]
                l = max(z, 0) - z * y + log1p(exp(-abs(z)))
            case .logLoss:
                let outputs = raw.count / max(n, 1)
                var m = -Double.infinity
                for k in 0..<outputs { m = max(m, raw[k * n + r]) }
                var s = 0.0
                for k in 0..<outputs { s += exp(raw[k * n + r] - m) }
                l = m + log(s) - raw[Int(y) * n + r]
            }
            total += w * l
            wsum += w
        }
        return total / max(wsum, 1e-300)
    }
}

/// The weighted median (lower median for even weights), for absolute error.
func weightedMedian(_ v: [Double], weights: [Double]?) -> Double {
    guard !v.isEmpty else { return 0 }
    let order = v.indices.sorted { v[$0] < v[$1] }
    let total = weights.map { w in order.reduce(0) { $0 + w[$1] } } ?? Double(v.count)
    var acc = 0.0
    for i in order {
        acc += weights?[i] ?? 1
        if acc >= total / 2 { return v[i] }
    }
    return v[order[order.count - 1]]
}
