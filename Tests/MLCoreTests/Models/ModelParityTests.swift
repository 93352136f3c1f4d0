// Parity with the reference libraries, on fixtures written by scripts/fixtures/models.py
// (scikit-learn and LightGBM; regenerate with `$(scripts/venv.sh) scripts/fixtures/models.py`):
// OLS / ridge coefficients within 1e-6, logistic regression log-loss within 1e-4 of scikit-learn's
// optimum, decision trees and k-means (from the same initial centres) exactly equal, and gradient
// boosting's holdout AUC / R² within 0.005 of LightGBM's with the same hyper-parameters.

import Foundation
import Testing

@testable import MLCore

enum ModelFixtures {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/models")

    static func load<T: Decodable>(_ name: String, as type: T.Type = T.self) throws -> T {
        try JSONDecoder().decode(T.self, from: try Data(contentsOf: directory.appendingPathComponent(name)))
    }

    /// Columns (null = missing) as a feature matrix.
    static func matrix(_ columns: [[Double?]]) -> FeatureMatrix {
        FeatureMatrix(columns: columns.map { $0.map { $0 ?? .nan } })
    }
}

@Suite struct ModelParityTests {
    struct Linear: Decodable {
        // swift-format-ignore: AlwaysUseLowerCamelCase
        var x: [[Double]], y: [Double], ols_coef: [Double], ols_intercept: Double, ridge_coef: [Double],
            // swift-format-ignore: AlwaysUseLowerCamelCase
            ridge_intercept: Double
    }

    @Test func olsAndRidgeCoefficientsMatchScikitLearn() throws {
        let f: Linear = try ModelFixtures.load("linear.json")
        let data = TrainingSet(x: FeatureMatrix(columns: f.x), y: .values(f.y))
        for (kind, coef, intercept) in [
            (LinearKind.ols, f.ols_coef, f.ols_intercept), (.ridge, f.ridge_coef, f.ridge_intercept),
        ] {
            let m = try LinearRegression(LinearParameters(kind: kind)).fit(data)
            for (a, b) in zip(m.coefficients, coef) { #expect(abs(a - b) <= 1e-6, "\(kind) coefficient \(a) vs \(b)") }
            #expect(abs(m.intercept - intercept) <= 1e-6)
        }
    }

    // swift-format-ignore: AlwaysUseLowerCamelCase
    struct LogisticCase: Decodable { var x: [[Double]], y: [Int], log_loss: Double }
    struct Logistic: Decodable { var binary: LogisticCase, multinomial: LogisticCase, balanced: LogisticCase }

    @Test(arguments: ["binary", "multinomial", "balanced"]) func logisticLogLossMatchesScikitLearn(_ name: String)
        throws
    {
        let all: Logistic = try ModelFixtures.load("logistic.json")
        let c = name == "binary" ? all.binary : name == "multinomial" ? all.multinomial : all.balanced
        let classes = (c.y.max() ?? 0) + 1
        let data = TrainingSet(
            x: FeatureMatrix(columns: c.x), y: .classes(labels: c.y, classNames: (0..<classes).map(String.init)))
        var p = LogisticParameters()
        p.tol = 1e-10
        p.maxIter = 10_000
        if name == "balanced" { p.classWeight = "balanced" }
        let m = try LogisticRegression(p).fit(data)
        guard case .classes(_, let probs?, let k) = try m.predict(data.x) else {
            Issue.record("no probabilities"); return
        }
        let ours = try Metrics.logLoss(c.y, probabilities: probs, classCount: k)
        #expect(abs(ours - c.log_loss) <= 1e-4, "\(name): \(ours) vs scikit-learn \(c.log_loss)")
    }

    struct Tree: Decodable {
        // swift-format-ignore: AlwaysUseLowerCamelCase
        var x: [[Double]], y_class: [Int], y_value: [Double], query: [[Double]]
        // swift-format-ignore: AlwaysUseLowerCamelCase
        var class_proba: [[Double]], class_nodes: Int, value_pred: [Double], value_nodes: Int
    }

    @Test func decisionTreesEqualScikitLearns() throws {
        let f: Tree = try ModelFixtures.load("tree.json")
        let x = FeatureMatrix(columns: f.x), q = FeatureMatrix(columns: f.query)
        var p = DecisionTreeParameters()
        p.maxDepth = 4
        let classes = (f.y_class.max() ?? 0) + 1
        let clf = try DecisionTree(p).fit(
            TrainingSet(x: x, y: .classes(labels: f.y_class, classNames: (0..<classes).map(String.init))))
        #expect(clf.tree.nodeCount == f.class_nodes)
        guard case .classes(_, let probs?, let k) = try clf.predict(q) else { Issue.record("no probabilities"); return }
        for (r, row) in f.class_proba.enumerated() {
            for c in 0..<k { #expect(abs(probs[r * k + c] - row[c]) <= 1e-12) }
        }
        let reg = try DecisionTree(p).fit(TrainingSet(x: x, y: .values(f.y_value)))
        #expect(reg.tree.nodeCount == f.value_nodes)
        guard case .values(let v) = try reg.predict(q) else { Issue.record("no values"); return }
        for (a, b) in zip(v, f.value_pred) { #expect(abs(a - b) <= 1e-12) }
    }

    struct KMeansFixture: Decodable {
        var x: [[Double]], `init`: [[Double]], labels: [Int], centers: [[Double]], inertia: Double
    }

    @Test func kMeansFromTheSameCentresEqualsScikitLearn() throws {
        let f: KMeansFixture = try ModelFixtures.load("kmeans.json")
        let data = TrainingSet(x: FeatureMatrix(columns: f.x), y: .none(rows: f.x[0].count))
        var p = KMeansParameters()
        p.nClusters = 3
        let m = try KMeans(p).fit(data, initialCenters: f.`init`.flatMap { $0 })
        #expect(m.trainingLabels == f.labels)
        for (a, b) in zip(m.centers, f.centers.flatMap { $0 }) { #expect(abs(a - b) <= 1e-9) }
        #expect(abs(m.inertia - f.inertia) <= 1e-9 * f.inertia)
    }

    struct TableCase: Decodable {
        // swift-format-ignore: AlwaysUseLowerCamelCase
        var task: String, x_train: [[Double?]], y_train: [Double], x_test: [[Double?]], y_test: [Double],
            lightgbm: Double
    }
    struct Synthetic: Decodable { var seed: UInt64, rows: Int, features: Int, lightgbm: Double }
    struct GBDT: Decodable { var penguins: TableCase, titanic: TableCase, mpg: TableCase, synthetic: Synthetic }

    func score(_ c: TableCase) throws -> Double {
        try Self.holdoutScore(c) { try HistGradientBoosting().fit($0) }
    }

    /// Holdout R² (regression) or one-vs-rest AUC (classes) of the model `fit` trains on the case's rows.
    static func holdoutScore(_ c: TableCase, fit: (TrainingSet) throws -> any FittedModel) throws -> Double {
        let xtr = ModelFixtures.matrix(c.x_train), xte = ModelFixtures.matrix(c.x_test)
        if c.task == "regression" {
            let m = try fit(TrainingSet(x: xtr, y: .values(c.y_train)))
            guard case .values(let p) = try m.predict(xte) else { return .nan }
            return try Metrics.r2(c.y_test, p)
        }
        let labels = c.y_train.map { Int($0) }, k = (labels.max() ?? 1) + 1
        let m = try fit(TrainingSet(x: xtr, y: .classes(labels: labels, classNames: (0..<k).map(String.init))))
        guard case .classes(_, let probs?, _) = try m.predict(xte) else { return .nan }
        return try Metrics.rocAUCOneVsRest(c.y_test.map { Int($0) }, probabilities: probs, classCount: k)
    }

    @Test(arguments: ["penguins", "titanic", "mpg"]) func gbdtMatchesLightGBMOnRealTables(_ name: String) throws {
        let f: GBDT = try ModelFixtures.load("gbdt.json")
        let c = name == "penguins" ? f.penguins : name == "titanic" ? f.titanic : f.mpg
        let ours = try score(c)
        #expect(abs(ours - c.lightgbm) <= 0.005, "\(name): ours \(ours) vs LightGBM \(c.lightgbm)")
    }

    @Test func gbdtMatchesLightGBMOnTheSynthetic20kSet() throws {
        let s = try ModelFixtures.load("gbdt.json", as: GBDT.self).synthetic
        // The same SplitMix64 stream as the script: per row, `features` uniforms in [-1, 1), then the label draw.
        var g = SeededGenerator(seed: s.seed)
        var columns = [[Double]](repeating: [], count: s.features), labels: [Int] = []
        for _ in 0..<s.rows {
            let x = (0..<s.features).map { _ in g.nextUnit() * 2 - 1 }
            for j in 0..<s.features { columns[j].append(x[j]) }
            let logit = 2 * x[0] - x[1] + 2 * x[2] * x[3] + sin(3 * x[4]) + 0.5 * x[5] * x[5]
            labels.append(g.nextUnit() < 1 / (1 + exp(-logit)) ? 1 : 0)
        }
        let cut = s.rows * 8 / 10
        let all = TrainingSet(x: FeatureMatrix(columns: columns), y: .classes(labels: labels, classNames: ["0", "1"]))
        let train = all.selecting(rows: Array(0..<cut)), test = all.selecting(rows: Array(cut..<s.rows))
        let m = try HistGradientBoosting().fit(train)
        guard case .classes(_, let probs?, _) = try m.predict(test.x) else { Issue.record("no probabilities"); return }
        let auc = try Metrics.rocAUC(Array(labels[cut...]), stride(from: 1, to: probs.count, by: 2).map { probs[$0] })
        #expect(abs(auc - s.lightgbm) <= 0.005, "ours \(auc) vs LightGBM \(s.lightgbm)")
    }
}
