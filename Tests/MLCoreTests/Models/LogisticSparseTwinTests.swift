// Logistic regression's objective walks mostly-zero columns (TF-IDF terms, one-hot levels) over their
// non-zero rows only: its value and gradient must equal the naive dense formula's, on binary and
// multinomial targets, across several row blocks, with dense and sparse columns mixed.

import Foundation
import Testing

@testable import MLCore

@Suite struct LogisticSparseTwinTests {
    /// `columns` features, every third one dense, the others non-zero on about 5 % of the rows.
    static func matrix(rows: Int, columns: Int, seed: UInt64) -> FeatureMatrix {
        var g = SeededGenerator(seed: seed)
        let cols = (0..<columns).map { j in
            (0..<rows).map { _ in j % 3 == 0 ? g.nextGaussian() : (g.nextUnit() < 0.05 ? g.nextUnit() : 0) }
        }
        return FeatureMatrix(columns: cols)
    }

    /// The objective as its header states it, with dense loops: Σᵢ sᵢ·lossᵢ / S + ‖W‖² / (2·C·S).
    static func naive(
        _ x: FeatureMatrix, labels: [Int], weights: [Double], outputs k: Int, penalty: Double, theta: [Double]
    ) -> (Double, [Double]) {
        let n = x.rows, p = x.featureCount, total = weights.reduce(0, +)
        var loss = 0.0
        var grad = [Double](repeating: 0, count: k * (p + 1))
        for r in 0..<n {
            let w = weights[r] / total
            var z = (0..<k).map { c in theta[k * p + c] + (0..<p).reduce(0.0) { $0 + theta[c * p + $1] * x[r, $1] } }
            if k == 1 {
                let y = Double(labels[r])
                loss += w * (max(z[0], 0) + log1p(exp(-abs(z[0]))) - y * z[0])
                z[0] = w * (1 / (1 + exp(-z[0])) - y)
            } else {
                let m = z.max() ?? 0
                let lse = m + log(z.reduce(0) { $0 + exp($1 - m) })
                loss += w * (lse - z[labels[r]])
                z = (0..<k).map { c in w * (exp(z[c] - lse) - (c == labels[r] ? 1 : 0)) }
            }
            for c in 0..<k {
                for j in 0..<p { grad[c * p + j] += x[r, j] * z[c] }
                grad[k * p + c] += z[c]
            }
        }
        for i in 0..<(k * p) {
            loss += 0.5 * penalty * theta[i] * theta[i]
            grad[i] += penalty * theta[i]
        }
        return (loss, grad)
    }

    @Test(arguments: [(1, 300), (3, 300), (1, 9_000), (4, 5_000)])
    func sparseColumnsGiveTheDenseObjective(outputs: Int, rows: Int) throws {
        let x = Self.matrix(rows: rows, columns: 12, seed: UInt64(rows + outputs))
        var g = SeededGenerator(seed: 7)
        let classes = outputs == 1 ? 2 : outputs
        let labels = (0..<rows).map { _ in g.nextInt(below: classes) }
        let weights = (0..<rows).map { _ in 0.5 + g.nextUnit() }
        let objective = LogisticObjective(
            x: x, labels: labels, weights: weights, outputs: outputs, penalty: 0.01, threads: 2)
        #expect(objective.sparse.compactMap { $0 }.count == 8, "the eight mostly-zero columns take the sparse walk")
        let theta = (0..<objective.dimension).map { _ in g.nextGaussian() * 0.3 }
        var grad: [Double] = []
        let loss = objective.evaluate(theta, &grad)
        let (expectedLoss, expectedGrad) = Self.naive(
            x, labels: labels, weights: weights, outputs: outputs, penalty: 0.01, theta: theta)
        #expect(abs(loss - expectedLoss) <= 1e-12 * max(1, abs(expectedLoss)))
        #expect(grad.count == expectedGrad.count)
        #expect(zip(grad, expectedGrad).allSatisfy { abs($0 - $1) <= 1e-12 * max(1, abs($1)) })
    }
}
