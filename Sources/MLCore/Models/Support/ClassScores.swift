// Turns raw class scores into a class prediction: sigmoid for two classes (one score per row),
// softmax for more (one score per class per row). Shared by boosting and logistic regression.
// Leaves out: calibration.

import Foundation

enum ClassScores {
    /// Labels and probabilities from raw scores: sigmoid for two classes, softmax for more.
    static func prediction(raw: [Double], rows n: Int, classCount: Int) -> Prediction {
        var probs = [Double](repeating: 0, count: n * classCount)
        var labels = [Int](repeating: 0, count: n)
        if classCount == 2 {
            for r in 0..<n {
                let p = 1 / (1 + exp(-raw[r]))
                probs[2 * r] = 1 - p
                probs[2 * r + 1] = p
                labels[r] = p > 0.5 ? 1 : 0
            }
        } else {
            for r in 0..<n {
                var m = -Double.infinity
                for k in 0..<classCount { m = max(m, raw[k * n + r]) }
                var s = 0.0
                for k in 0..<classCount {
                    let e = exp(raw[k * n + r] - m)
                    probs[r * classCount + k] = e
                    s += e
                }
                var best = 0
                for k in 0..<classCount {
                    probs[r * classCount + k] /= s
                    if probs[r * classCount + k] > probs[r * classCount + best] { best = k }
                }
                labels[r] = best
            }
        }
        return .classes(labels: labels, probabilities: probs, classCount: classCount)
    }
}
