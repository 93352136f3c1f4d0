// TreeSHAP against shap.TreeExplainer (1e-6) on trees exported from scikit-learn models
// (scripts/fixtures/evaluation.py → treeshap.json: a decision tree, gradient boosting regression and
// binary classification, a multiclass random forest), and additivity (1e-9) on every row.

import Testing

@testable import MLCore

struct ShapFixture: Decodable {
    struct Tree: Decodable {
        var feature: [Int32]
        var threshold: [Double]
        var left: [Int32]
        var right: [Int32]
        var value: [Double]
        var valueWidth: Int
        var cover: [Double]

        var structure: TreeStructure {
            var t = TreeStructure(valueWidth: valueWidth)
            t.feature = feature; t.threshold = threshold; t.left = left; t.right = right
            t.value = value; t.cover = cover
            t.leftCategories = Array(repeating: nil, count: feature.count)
            t.missingGoesLeft = Array(repeating: true, count: feature.count)
            t.gain = Array(repeating: 0, count: feature.count)
            return t
        }
    }
    struct Case: Decodable {
        var name: String
        var trees: [Tree]
        var base: [Double]
        var scale: Double
        var treeOutput: [Int]?
        var columns: [[Double]]
        var shap: [Double]
        var outputs: Int
        var expected: [Double]
    }
    var source: String
    var cases: [Case]
}

@Suite struct TreeSHAPTests {
    static let fixture: ShapFixture? = try? EvaluationFixtures.load("treeshap.json")

    @Test func matchesShapTreeExplainer() throws {
        let f = try #require(Self.fixture, "treeshap.json missing: run scripts/fixtures/evaluation.py")
        #expect(f.cases.count == 4)
        for c in f.cases {
            let x = FeatureMatrix(columns: c.columns)
            let comb = TreeCombination(base: c.base, scale: c.scale, treeOutput: c.treeOutput)
            let sv = try TreeSHAP.explain(trees: c.trees.map(\.structure), combination: comb, x: x)
            #expect(sv.outputs == c.outputs)
            let worst = zip(sv.values, c.shap).map { abs($0 - $1) }.max() ?? .infinity
            #expect(sv.values.count == c.shap.count && worst <= 1e-6, "\(c.name): max |ours − shap| = \(worst)")
            for k in 0..<c.outputs { #expect(abs(sv.expected[k] - c.expected[k]) <= 1e-6, "\(c.name) expected value") }
        }
    }

    @Test func contributionsAddUpToTheRawPredictionOnEveryRow() throws {
        let f = try #require(Self.fixture)
        for c in f.cases {
            let x = FeatureMatrix(columns: c.columns)
            let trees = c.trees.map(\.structure)
            let comb = TreeCombination(base: c.base, scale: c.scale, treeOutput: c.treeOutput)
            let sv = try TreeSHAP.explain(trees: trees, combination: comb, x: x)
            let raw = TreeSHAP.rawPrediction(trees: trees, combination: comb, x: x)
            for r in 0..<x.rows {
                for k in 0..<sv.outputs {
                    let total = sv.expected[k] + (0..<x.featureCount).reduce(0.0) { $0 + sv[r, k, $1] }
                    #expect(abs(total - raw[r * sv.outputs + k]) <= 1e-9, "\(c.name) row \(r) output \(k)")
                }
            }
        }
    }

    @Test func resultsDoNotDependOnTheThreadCount() throws {
        let f = try #require(Self.fixture)
        for c in f.cases {
            var cols = c.columns
            for j in cols.indices { cols[j] = cols[j] + cols[j] + cols[j] + cols[j] }  // 160 rows: several chunks
            let x = FeatureMatrix(columns: cols)
            let comb = TreeCombination(base: c.base, scale: c.scale, treeOutput: c.treeOutput)
            let one = try TreeSHAP.explain(trees: c.trees.map(\.structure), combination: comb, x: x, threads: 1)
            let two = try TreeSHAP.explain(trees: c.trees.map(\.structure), combination: comb, x: x, threads: 2)
            #expect(one == two)
        }
    }

    @Test func perClassBoostingTreesFeedTheirOwnOutput() throws {
        // Two one-output trees, each feeding a different class: a feature only explains its own class.
        let f = try #require(Self.fixture)
        let t0 = try #require(f.cases.first { $0.name == "decision_tree" }).trees[0].structure
        let x = FeatureMatrix(columns: try #require(f.cases.first).columns)
        let comb = TreeCombination(base: [0.5, -0.5], scale: 0.3, treeOutput: [0, 1])
        var t1 = t0
        t1.value = t0.value.map { -2 * $0 }
        let sv = try TreeSHAP.explain(trees: [t0, t1], combination: comb, x: x)
        let raw = TreeSHAP.rawPrediction(trees: [t0, t1], combination: comb, x: x)
        for r in 0..<x.rows {
            for k in 0..<2 {
                let total = sv.expected[k] + (0..<x.featureCount).reduce(0.0) { $0 + sv[r, k, $1] }
                #expect(abs(total - raw[r * 2 + k]) <= 1e-9)
                for j in 0..<x.featureCount { #expect(abs(sv[r, 1, j] + 2 * sv[r, 0, j]) <= 1e-9) }
            }
        }
    }

    @Test func missingValuesFollowTheTreesMissingDirection() throws {
        let f = try #require(Self.fixture)
        let c = try #require(f.cases.first { $0.name == "gradient_boosting" })
        var columns = c.columns
        for r in stride(from: 0, to: columns[0].count, by: 3) { columns[0][r] = .nan; columns[2][r] = .nan }
        let x = FeatureMatrix(columns: columns)
        var trees = c.trees.map(\.structure)
        for t in trees.indices { trees[t].missingGoesLeft = trees[t].missingGoesLeft.indices.map { $0 % 2 == 0 } }
        let comb = TreeCombination(base: c.base, scale: c.scale)
        let sv = try TreeSHAP.explain(trees: trees, combination: comb, x: x)
        let raw = TreeSHAP.rawPrediction(trees: trees, combination: comb, x: x)
        for r in 0..<x.rows {
            let total = sv.expected[0] + (0..<x.featureCount).reduce(0.0) { $0 + sv[r, 0, $1] }
            #expect(abs(total - raw[r]) <= 1e-9)
        }
    }
}
