// Fast TreeSHAP v2 (per-leaf tables) against its naive twin, Algorithm 2: the same values to 1e-9 on
// every row, and additivity (expected + Σ values = raw prediction, 1e-9) on every row, for the shap
// fixture trees (scripts/fixtures/evaluation.py → treeshap.json) and for our own fitted decision tree,
// random forest and gradient boosting (regression, binary, multiclass) on data with a categorical
// feature, repeated splits on one feature along a path, and missing values.

import Foundation
import Testing

@testable import MLCore

@Suite struct TreeSHAPTwinTests {
    /// Fails the test when a tree would fall back to Algorithm 2: the comparison would then be vacuous.
    func expectTablesBuilt(_ trees: [TreeStructure], _ name: String) {
        for (t, tree) in trees.enumerated() {
            let s = PathTables.shape(tree)
            #expect(
                s.widest <= PathTables.maxDistinct && s.entries <= TreeSHAP.tableBudget,
                "\(name) tree \(t) has no tables")
        }
    }

    func compare(_ trees: [TreeStructure], _ comb: TreeCombination, _ x: FeatureMatrix, _ name: String) throws {
        expectTablesBuilt(trees, name)
        let naive = try TreeSHAP.explain(trees: trees, combination: comb, x: x, algorithm: .naive)
        let fast = try TreeSHAP.explain(trees: trees, combination: comb, x: x, algorithm: .pathTables)
        let auto = try TreeSHAP.explain(trees: trees, combination: comb, x: x, threads: 1)
        #expect(fast.expected == naive.expected && fast.values.count == naive.values.count)
        let worst = zip(fast.values, naive.values).map { abs($0 - $1) }.max() ?? 0
        #expect(worst <= 1e-9, "\(name): max |fast − naive| = \(worst)")
        #expect(zip(auto.values, naive.values).allSatisfy { abs($0 - $1) <= 1e-9 }, "\(name): automatic")
        #expect(naive.values.contains { $0 != 0 }, "\(name): all-zero values prove nothing")
        let raw = TreeSHAP.rawPrediction(trees: trees, combination: comb, x: x)
        var worstSum = 0.0
        for r in 0..<x.rows {
            for k in 0..<fast.outputs {
                let total = fast.expected[k] + (0..<x.featureCount).reduce(0.0) { $0 + fast[r, k, $1] }
                worstSum = max(worstSum, abs(total - raw[r * fast.outputs + k]))
            }
        }
        #expect(worstSum <= 1e-9, "\(name): additivity off by \(worstSum)")
    }

    @Test func fixtureTreesGiveTheSameValuesBothWays() throws {
        let f = try #require(TreeSHAPTests.fixture, "treeshap.json missing: run scripts/fixtures/evaluation.py")
        for c in f.cases {
            let comb = TreeCombination(base: c.base, scale: c.scale, treeOutput: c.treeOutput)
            try compare(c.trees.map(\.structure), comb, FeatureMatrix(columns: c.columns), c.name)
        }
    }

    /// 4 numeric features (x0, x1 informative, with missing values), one categorical with 5 levels.
    static func data(rows: Int, seed: UInt64, classes: Int?) -> TrainingSet {
        var g = SeededGenerator(seed: seed)
        var cols = (0..<4).map { _ in (0..<rows).map { _ in g.nextGaussian() } }
        let cat = (0..<rows).map { _ in Double(g.nextInt(below: 5)) }
        let score = (0..<rows).map { r in
            2 * cols[0][r] + sin(3 * cols[1][r]) + (cat[r] == 2 ? 1.5 : 0) + 0.3 * g.nextGaussian()
        }
        for r in stride(from: 0, to: rows, by: 7) { cols[r % 2][r] = .nan }
        let x = FeatureMatrix(
            columns: cols + [cat], names: ["a", "b", "c", "d", "level"],
            kinds: [.numeric, .numeric, .numeric, .numeric, .categorical(levels: 5)])
        guard let classes else { return TrainingSet(x: x, y: .values(score)) }
        let labels = score.map { s in min(classes - 1, max(0, Int((s + 3) / 6 * Double(classes)))) }
        return TrainingSet(x: x, y: .classes(labels: labels, classNames: (0..<classes).map { "c\($0)" }))
    }

    @Test(arguments: [
        ("tree", ["maxDepth": "10"]), ("random_forest", ["nEstimators": "8", "maxDepth": "9"]),
        ("gbdt", ["maxIter": "15"]),
    ])
    func ourModelsGiveTheSameValuesBothWays(family: String, parameters: [String: String]) throws {
        for classes in [nil, 2, 3] as [Int?] {
            let train = Self.data(rows: 600, seed: 5, classes: classes)
            let valid = Self.data(rows: 150, seed: 6, classes: classes)
            let model = try ModelRegistry.make(family, parameters: parameters).fit(train)
            let ensemble = try #require(model.treeEnsemble)
            let repeated = ensemble.trees.contains { Self.splitsTwiceOnOnePath($0) }
            #expect(repeated, "\(family): no path splits twice on one feature")
            try compare(ensemble.trees, ensemble.treeCombination, valid.x, "\(family) classes \(classes ?? 0)")
        }
    }

    static func splitsTwiceOnOnePath(_ t: TreeStructure) -> Bool {
        var stack: [(node: Int, seen: Set<Int32>)] = [(0, [])]
        while let (n, seen) = stack.popLast() {
            if t.isLeaf(n) { continue }
            if seen.contains(t.feature[n]) { return true }
            let next = seen.union([t.feature[n]])
            stack.append((Int(t.left[n]), next)); stack.append((Int(t.right[n]), next))
        }
        return false
    }

    @Test func batchesOfTreesAndThreadCountsDoNotChangeTheValues() throws {
        let train = Self.data(rows: 600, seed: 7, classes: 3)
        let model = try ModelRegistry.make("gbdt", parameters: ["maxIter": "6"]).fit(train)
        let e = try #require(model.treeEnsemble)
        let x = Self.data(rows: 300, seed: 8, classes: 3).x
        let whole = try TreeSHAP.explain(
            trees: e.trees, combination: e.treeCombination, x: x, threads: 1, algorithm: .pathTables)
        for (threads, budget) in [(2, 1), (2, 200), (3, TreeSHAP.batchBudget)] {
            let other = try TreeSHAP.explain(
                trees: e.trees, combination: e.treeCombination, x: x, threads: threads,
                algorithm: .pathTables, batchBudget: budget)
            #expect(other == whole, "threads \(threads), batch budget \(budget)")
        }
    }

    /// Caterpillar trees splitting on a new feature at every level of one path: 16 distinct features (the
    /// widest the tables take) match Algorithm 2 to 1e-9; 18 are too wide, so `.pathTables` falls back to
    /// Algorithm 2 for that tree (identical values). Additivity holds for both.
    @Test(arguments: [PathTables.maxDistinct, PathTables.maxDistinct + 2]) func widePaths(width: Int) throws {
        var t = TreeStructure(valueWidth: 1)
        var parent = t.appendNode(value: [0], cover: 1_048_576)
        for j in 0..<width {
            let cover = t.cover[parent]
            let leaf = t.appendNode(value: [Double(j) - 3], cover: cover * 0.4)
            let next = t.appendNode(value: [0], cover: cover * 0.6)
            t.feature[parent] = Int32(j); t.threshold[parent] = 0; t.left[parent] = Int32(leaf);
            t.right[parent] = Int32(next)
            parent = next
        }
        t.value[parent] = 5
        #expect(PathTables.shape(t).widest == width)
        var g = SeededGenerator(seed: 9)
        let x = FeatureMatrix(columns: (0..<width).map { _ in (0..<64).map { _ in g.nextGaussian() + 0.8 } })
        let comb = TreeCombination(base: [0], scale: 1)
        let naive = try TreeSHAP.explain(trees: [t], combination: comb, x: x, algorithm: .naive)
        let fast = try TreeSHAP.explain(trees: [t], combination: comb, x: x, algorithm: .pathTables)
        if width <= PathTables.maxDistinct {
            expectTablesBuilt([t], "caterpillar")
            #expect(zip(fast.values, naive.values).allSatisfy { abs($0 - $1) <= 1e-9 })
        } else {
            #expect(fast == naive)
        }
        let raw = TreeSHAP.rawPrediction(trees: [t], combination: comb, x: x)
        for r in 0..<x.rows {
            #expect(abs(fast.expected[0] + (0..<width).reduce(0.0) { $0 + fast[r, 0, $1] } - raw[r]) <= 1e-9)
        }
    }

    @Test func tablesOnlyWhenTheyPayForThemselves() {
        var s = PathTables.Shape()
        s.internalNodes = 63; s.entries = 64 * 64; s.distinct = 64 * 6; s.pathSquares = 64 * 49; s.widest = 6
        #expect(PathTables.worthBuilding(s, rows: 2000, budget: TreeSHAP.tableBudget))
        #expect(!PathTables.worthBuilding(s, rows: 1, budget: TreeSHAP.tableBudget))
        #expect(!PathTables.worthBuilding(s, rows: 2000, budget: 1000))
    }
}
