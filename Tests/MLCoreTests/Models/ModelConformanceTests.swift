// The shared conformance suite, run over every model family of the registry (scikit-learn's
// check_estimator in spirit): fitting is deterministic for a seed, fitting again forgets the first
// fit, predictions have the right shape, a saved and loaded model predicts exactly the same, and a
// single feature, a constant feature and duplicated rows are all handled.

import Foundation
import Testing

@testable import MLCore

@Suite struct ModelConformanceTests {
    static let cases = ModelTestData.cases.indices.map { $0 }

    func make(_ i: Int) throws -> (AnyEstimator, TrainingSet) {
        let c = ModelTestData.cases[i]
        return (try ModelRegistry.make(c.model, parameters: c.parameters), ModelTestData.data(for: c.task))
    }

    @Test(arguments: cases) func fitIsDeterministic(_ i: Int) throws {
        let (estimator, data) = try make(i)
        let a = try estimator.fit(data).predict(data.x), b = try estimator.fit(data).predict(data.x)
        #expect(a == b, "\(ModelTestData.cases[i].model)")
    }

    @Test(arguments: cases) func refitForgetsTheFirstFit(_ i: Int) throws {
        let (estimator, data) = try make(i)
        let other = ModelTestData.data(for: ModelTestData.cases[i].task, rows: 200)
        _ = try estimator.fit(other)
        let again = try estimator.fit(data).predict(data.x)
        let fresh = try make(i).0.fit(data).predict(data.x)
        #expect(again == fresh)
    }

    @Test(arguments: cases) func predictionsHaveTheRightShape(_ i: Int) throws {
        let (estimator, data) = try make(i)
        let fitted = try estimator.fit(data)
        let x = data.x.selecting(rows: Array(0..<37))
        let p = try fitted.predict(x)
        #expect(p.count == 37)
        switch (p, data.y) {
        case (.classes(let labels, let probs, let k), .classes(_, let names)):
            #expect(k == names.count)
            #expect(labels.allSatisfy { (0..<k).contains($0) })
            if let probs {
                #expect(probs.count == 37 * k)
                for r in 0..<37 {
                    let row = probs[(r * k)..<((r + 1) * k)]
                    #expect(abs(row.reduce(0, +) - 1) < 1e-9)
                    #expect(row.allSatisfy { $0 >= 0 && $0 <= 1 })
                }
            }
        case (.values(let v), .values):
            #expect(v.allSatisfy { $0.isFinite })
        case (.clusters(let c), .none):
            #expect(c.allSatisfy { $0 >= 0 })
        default:
            Issue.record("prediction kind does not match the task for \(ModelTestData.cases[i].model)")
        }
    }

    @Test(arguments: cases) func savedAndLoadedModelPredictsTheSame(_ i: Int) throws {
        let (estimator, data) = try make(i)
        let fitted = try estimator.fit(data)
        let loaded = try AnyFittedModel.load(try fitted.saved())
        #expect(loaded.family == fitted.family)
        #expect(try loaded.predict(data.x) == fitted.predict(data.x))
    }

    @Test(arguments: cases) func handlesASingleFeature(_ i: Int) throws {
        let (estimator, data) = try make(i)
        let one = TrainingSet(x: FeatureMatrix(columns: [Array(data.x.column(0))]), y: data.y)
        #expect(try estimator.fit(one).predict(one.x).count == one.rows)
    }

    @Test(arguments: cases) func handlesAConstantFeature(_ i: Int) throws {
        let (estimator, data) = try make(i)
        var columns = (0..<data.x.featureCount).map { Array(data.x.column($0)) }
        columns.append([Double](repeating: 4.2, count: data.rows))
        let withConstant = TrainingSet(x: FeatureMatrix(columns: columns), y: data.y)
        let p = try estimator.fit(withConstant).predict(withConstant.x)
        #expect(p.count == data.rows)
        #expect(p.numbers.allSatisfy { $0.isFinite })
    }

    @Test(arguments: cases) func handlesDuplicatedRows(_ i: Int) throws {
        let (estimator, data) = try make(i)
        let doubled = data.selecting(rows: Array(0..<data.rows) + Array(0..<data.rows))
        let p = try estimator.fit(doubled).predict(data.x)
        #expect(p.count == data.rows)
        #expect(p.numbers.allSatisfy { $0.isFinite })
    }

    @Test(arguments: cases) func learnsBetterThanChanceWhereItShould(_ i: Int) throws {
        let c = ModelTestData.cases[i]
        guard c.model != "baseline", c.model != "kmeans" else { return }
        let (estimator, data) = try make(i)
        let p = try estimator.fit(data).predict(data.x)
        let m = try Metrics.evaluate(target: data.y, prediction: p)
        if data.y.task == .regression {
            #expect((m["r2"] ?? 0) > 0.5, "\(c.model) r2 \(m["r2"] ?? .nan)")
        } else {
            #expect((m["accuracy"] ?? 0) > 0.6, "\(c.model) accuracy \(m["accuracy"] ?? .nan)")
        }
    }

    @Test(arguments: ["gbdt", "random_forest", "logistic", "kmeans", "knn"])
    func resultsDoNotDependOnTheThreadCount(_ model: String) throws {
        let task: TaskKind = model == "kmeans" ? .clustering : .binary
        let data = ModelTestData.data(for: task, rows: 20_000)
        var base = model == "random_forest" ? ["nEstimators": "6", "maxDepth": "6"] : [:]
        if model == "gbdt" { base["maxIter"] = "10" }
        if model == "kmeans" { base["nClusters"] = "3" }
        let one = try ModelRegistry.make(model, parameters: base.merging(["threads": "1"]) { $1 }).fit(data)
        let two = try ModelRegistry.make(model, parameters: base.merging(["threads": "2"]) { $1 }).fit(data)
        let x = data.x.selecting(rows: Array(0..<500))
        #expect(try one.predict(x) == two.predict(x))
    }
}
