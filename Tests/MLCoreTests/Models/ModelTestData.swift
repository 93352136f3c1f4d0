// Small seeded synthetic data sets for the model tests: classes from a noisy linear score, values from
// a smooth function plus noise. Deterministic for a seed.

import Foundation

@testable import MLCore

enum ModelTestData {
    static func features(rows: Int, features f: Int, seed: UInt64) -> FeatureMatrix {
        var g = SeededGenerator(seed: seed)
        let columns = (0..<f).map { _ in (0..<rows).map { _ in g.nextGaussian() } }
        return FeatureMatrix(columns: columns)
    }

    static func classification(rows: Int = 300, features f: Int = 4, classes: Int = 2, seed: UInt64 = 1) -> TrainingSet
    {
        let x = features(rows: rows, features: f, seed: seed)
        var g = SeededGenerator(seed: seed &+ 99)
        let labels = (0..<rows).map { r -> Int in
            var s = 0.0
            for j in 0..<f { s += x[r, j] * Double(j % 2 == 0 ? 1 : -1) / Double(j + 1) }
            s += 0.5 * g.nextGaussian()
            if classes == 2 { return s > 0 ? 1 : 0 }
            let k = Int(((s + 2) / 4 * Double(classes)).rounded(.down))
            return min(max(k, 0), classes - 1)
        }
        return TrainingSet(x: x, y: .classes(labels: labels, classNames: (0..<classes).map { "c\($0)" }))
    }

    static func regression(rows: Int = 300, features f: Int = 4, seed: UInt64 = 2) -> TrainingSet {
        let x = features(rows: rows, features: f, seed: seed)
        var g = SeededGenerator(seed: seed &+ 7)
        let y = (0..<rows).map { r -> Double in
            var s = 3.0
            for j in 0..<f { s += Double(j + 1) * x[r, j] }
            return s + sin(x[r, 0]) + 0.1 * g.nextGaussian()
        }
        return TrainingSet(x: x, y: .values(y))
    }

    static func clustering(rows: Int = 300, seed: UInt64 = 3) -> TrainingSet {
        var g = SeededGenerator(seed: seed)
        var a: [Double] = [], b: [Double] = []
        for r in 0..<rows {
            let c = Double(r % 3) * 5
            a.append(c + g.nextGaussian())
            b.append(-c + g.nextGaussian())
        }
        return TrainingSet(x: FeatureMatrix(columns: [a, b]), y: .none(rows: rows))
    }

    /// The data set a family is tested on, by task.
    static func data(for task: TaskKind, rows: Int = 300) -> TrainingSet {
        switch task {
        case .binary: classification(rows: rows)
        case .multiclass: classification(rows: rows, classes: 3)
        case .regression: regression(rows: rows)
        case .clustering: clustering(rows: rows)
        }
    }

    /// Every (model, task) pair the conformance suite runs, with overrides that keep it fast.
    static let cases: [(model: String, task: TaskKind, parameters: [String: String])] = [
        ("baseline", .binary, [:]), ("baseline", .regression, [:]),
        ("linear", .regression, [:]), ("ridge", .regression, [:]), ("lasso", .regression, ["alpha": "0.01"]),
        ("elasticnet", .regression, ["alpha": "0.01"]),
        ("logistic", .binary, [:]), ("logistic", .multiclass, [:]),
        ("knn", .binary, [:]), ("knn", .regression, ["weights": "distance"]),
        ("naive_bayes", .multiclass, [:]),
        ("tree", .binary, ["maxDepth": "5"]), ("tree", .regression, ["maxDepth": "5"]),
        ("random_forest", .multiclass, ["nEstimators": "8", "maxDepth": "6"]),
        ("random_forest", .regression, ["nEstimators": "8", "maxDepth": "6"]),
        ("gbdt", .binary, ["maxIter": "15"]), ("gbdt", .multiclass, ["maxIter": "10"]),
        ("gbdt", .regression, ["maxIter": "15"]), ("gbdt", .regression, ["maxIter": "10", "loss": "absolute_error"]),
        ("kmeans", .clustering, ["nClusters": "3"]),
    ]
}

extension Prediction {
    /// Labels, values or clusters as Doubles, plus probabilities: for exact comparisons.
    var numbers: [Double] {
        switch self {
        case .classes(let l, let p, _): l.map(Double.init) + (p ?? [])
        case .values(let v): v
        case .clusters(let c): c.map(Double.init)
        }
    }
}

/// An owned copy of an array in raw memory, for calling pointer kernels in tests without force unwraps.
final class TestBuffer<T> {
    let p: UnsafeMutablePointer<T>
    let count: Int

    init(_ values: [T]) {
        count = values.count
        p = .allocate(capacity: max(1, values.count))
        for (i, v) in values.enumerated() { (p + i).initialize(to: v) }
    }

    var array: [T] { (0..<count).map { p[$0] } }

    deinit { p.deallocate() }
}
