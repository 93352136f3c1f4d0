// Every metric against scikit-learn's value on fixtures (scripts/fixtures/evaluation.py → metrics.json),
// to 1e-9, including tied scores in AUC, zero-division cases and a class never predicted.

import Testing

@testable import MLCore

@Suite struct MetricsTests {
    static let fixture: MetricFixture? = try? EvaluationFixtures.load("metrics.json")

    func cases(_ kind: String) throws -> [MetricCase] {
        let f = try #require(Self.fixture, "metrics.json missing: run scripts/fixtures/evaluation.py")
        return f.cases.filter { $0.kind == kind }
    }

    @Test func classificationMetricsMatchScikitLearn() throws {
        let all = try cases("classification")
        #expect(all.count >= 5)
        for c in all {
            let y = try #require(c.yTrue).map { Int($0) }, p = try #require(c.yPred).map { Int($0) }
            let k = try #require(c.classCount), probs = try #require(c.probabilities)
            let names = (0..<k).map { "c\($0)" }
            var got = try Metrics.evaluate(
                target: .classes(labels: y, classNames: names),
                prediction: .classes(labels: p, probabilities: probs, classCount: k))
            got["f1_macro"] = try Metrics.f1Macro(y, p, classCount: k)
            got["f1_weighted"] = try Metrics.f1Weighted(y, p, classCount: k)
            for (key, want) in c.expected {
                let have = try #require(got[key], "\(c.name): \(key) not computed")
                #expect(abs(have - want) <= 1e-9, "\(c.name) \(key): ours \(have), scikit-learn \(want)")
            }
            let cm = try ConfusionMatrix(yTrue: y, yPred: p, classCount: k)
            #expect(cm.counts == c.confusion, "\(c.name) confusion matrix")
        }
    }

    @Test func regressionMetricsMatchScikitLearn() throws {
        let all = try cases("regression")
        #expect(all.count >= 2)
        for c in all {
            let got = try Metrics.evaluate(
                target: .values(try #require(c.yTrue)), prediction: .values(try #require(c.yPred)))
            for (key, want) in c.expected {
                let have = try #require(got[key], "\(c.name): \(key) not computed")
                #expect(
                    abs(have - want) <= 1e-9 * max(1, abs(want)), "\(c.name) \(key): ours \(have), scikit-learn \(want)"
                )
            }
        }
    }

    @Test func clusteringMetricsMatchScikitLearn() throws {
        let all = try cases("clustering")
        #expect(all.count >= 2)
        for c in all {
            let x = FeatureMatrix(columns: try #require(c.columns))
            let labels = try #require(c.labels), truth = try #require(c.truth)
            let inertia = try Metrics.inertia(x, labels: labels, centers: try #require(c.centers))
            let sil = try Metrics.silhouette(x, labels: labels)
            let ari = try Metrics.adjustedRand(truth, labels)
            let want = c.expected
            #expect(abs(inertia - (want["inertia"] ?? .nan)) <= 1e-9 * max(1, inertia), "\(c.name) inertia \(inertia)")
            #expect(abs(sil - (want["silhouette"] ?? .nan)) <= 1e-9, "\(c.name) silhouette \(sil)")
            #expect(abs(ari - (want["adjusted_rand"] ?? .nan)) <= 1e-9, "\(c.name) adjusted_rand \(ari)")
        }
    }

    @Test func aucCountsTiesAsHalf() throws {
        // One positive tied with one negative, one clean win: (1 + 0.5) / 2.
        #expect(try Metrics.rocAUC([1, 0, 1, 0], [0.5, 0.5, 0.9, 0.1]) == 0.875)
        #expect(try Metrics.rocAUC([1, 0], [0.3, 0.3]) == 0.5)
    }

    @Test func badInputGivesErrorsThatSayWhatToDo() {
        #expect(throws: MLError.self) { try Metrics.accuracy([0, 1], [0]) }
        #expect(throws: MLError.self) { try Metrics.rocAUC([1, 1], [0.2, 0.4]) }
        #expect(throws: MLError.self) { try Metrics.rmsle([1, -2], [1, 1]) }
        #expect(throws: MLError.self) { try Metrics.score("auc", target: .values([1]), prediction: .values([1])) }
    }

    @Test func evaluateLeavesOutUndefinedMetrics() throws {
        let m = try Metrics.evaluate(target: .values([0, 1, 2]), prediction: .values([0.5, 1, 2]))
        #expect(m["mape"] == nil)
        #expect(m["r2"] != nil && m["rmse"] != nil)
        #expect(Metrics.greaterIsBetter("r2") && !Metrics.greaterIsBetter("rmse"))
    }
}

@Suite struct RadixSortTests {
    @Test(arguments: [0, 1, 7, 5000, 100_000]) func radixSortMatchesSorted(count: Int) {
        var g = SeededGenerator(seed: UInt64(count))
        var v = (0..<count).map { _ in (g.nextUnit() - 0.5) * pow10(Double(g.nextInt(below: 12)) - 6) }
        if count > 10 { v[0] = -0.0; v[1] = 0; v[2] = .infinity; v[3] = -.infinity; v[4] = v[5] }
        #expect(
            RadixSort.sorted(v).map(\.bitPattern) == v.sorted().map(\.bitPattern) || RadixSort.sorted(v) == v.sorted())
    }

    @Test(arguments: [1, 2, 3, 10, 4097, 10_000]) func medianBySelectionMatchesSorting(count: Int) throws {
        var g = SeededGenerator(seed: 3)
        let t = (0..<count).map { _ in Double(g.nextInt(below: 50)) }, p = (0..<count).map { _ in g.nextGaussian() }
        #expect(try Metrics.medianAE(t, p) == Metrics.median(zip(t, p).map { abs($0 - $1) }))
    }

    /// Radix select against sorting: spread values (many buckets), clustered ones (one bucket holds nearly
    /// all), ties across the middle, negatives, and the middle ranks falling in two different buckets.
    @Test(arguments: [4096, 4097, 50_001, 200_000]) func radixSelectMatchesSorting(count: Int) {
        var g = SeededGenerator(seed: UInt64(count))
        let spread = (0..<count).map { _ in (g.nextUnit() - 0.5) * pow10(Double(g.nextInt(below: 12)) - 6) }
        let clustered = (0..<count).map { _ in 1 + g.nextUnit() * 1e-3 }
        let ties = (0..<count).map { _ in Double(g.nextInt(below: 3)) }
        let split = (0..<count).map { $0 < count / 2 ? 1.0 : 1e6 }  // ranks n/2−1 and n/2 in different buckets
        for v in [spread, clustered, ties, split] {
            let sorted = v.sorted()
            for k in [0, 1, count / 2, count - 1] {
                let (below, at) = RadixSort.selectPair(v, k)
                #expect(at == sorted[k] && below == sorted[max(0, k - 1)], "k = \(k)")
            }
        }
    }

    func pow10(_ e: Double) -> Double { (0..<Int(abs(e))).reduce(1.0) { v, _ in e < 0 ? v / 10 : v * 10 } }
}
