// The fast ensemble walker (FlatForest's packed nodes, rows walked in blocks per tree, threads over
// rows) against its naive twin: each tree walked through TreeStructure.leaf and summed in order.
// Covers numeric, categorical and missing values, binary and 3-class boosting, and thread counts.

import Foundation
import Testing

@testable import MLCore

@Suite struct TreeEvaluationTwinTests {
    /// Two categorical columns (one with missing values), three numeric ones (one with missing values).
    static func data(rows: Int, classes: Int, seed: UInt64) -> TrainingSet {
        var g = SeededGenerator(seed: seed)
        var columns = [[Double]](repeating: [], count: 5), labels: [Int] = []
        for _ in 0..<rows {
            let a = Double(g.nextInt(below: 12)), b = Double(g.nextInt(below: 300))
            let x = (0..<3).map { _ in g.nextGaussian() }
            let score = sin(1.7 * a) + (b.truncatingRemainder(dividingBy: 5) - 2) / 2 + x[0] - x[1] * x[2]
            labels.append(min(classes - 1, max(0, Int((score + 2 + 0.3 * g.nextGaussian()) / 4 * Double(classes)))))
            let row = [g.nextUnit() < 0.05 ? .nan : a, b, x[0], g.nextUnit() < 0.1 ? .nan : x[1], x[2]]
            for j in 0..<5 { columns[j].append(row[j]) }
        }
        let kinds: [FeatureKind] = [.categorical(levels: 12), .categorical(levels: 300), .numeric, .numeric, .numeric]
        return TrainingSet(
            x: FeatureMatrix(columns: columns, kinds: kinds),
            y: .classes(labels: labels, classNames: (0..<classes).map { "c\($0)" }))
    }

    /// Raw scores the slow way: every tree walked by TreeStructure.leaf, summed per row in tree order.
    static func naiveScores(_ trees: [TreeStructure], _ c: TreeCombination, outputs: Int, _ x: FeatureMatrix)
        -> [Double]
    {
        var out = [Double](repeating: 0, count: outputs * x.rows)
        for r in 0..<x.rows {
            var sums = [Double](repeating: 0, count: outputs)
            for (t, tree) in trees.enumerated() {
                let value = tree.nodeValue(tree.leaf(row: r, of: x))
                if tree.valueWidth == outputs {
                    for k in 0..<outputs { sums[k] += value[value.startIndex + k] }
                } else {
                    sums[c.treeOutput?[t] ?? 0] += value[value.startIndex]
                }
            }
            for k in 0..<outputs { out[k * x.rows + r] = c.base[k] + c.scale * sums[k] }
        }
        return out
    }

    @Test(arguments: [2, 3], [1, 2]) func boostingScoresEqualTheNaiveWalk(classes: Int, threads: Int) throws {
        let train = Self.data(rows: 3_000, classes: classes, seed: 11)
        // 1,000 rows: several 64-row blocks and a partial one, split over threads.
        let test = Self.data(rows: 1_000, classes: classes, seed: 12).x
        var p = GradientBoostingParameters()
        p.maxIter = 30
        p.threads = threads
        let model = try HistGradientBoosting(p).fit(train)
        let outputs = classes == 2 ? 1 : classes
        let fast = try model.rawScores(test)
        let naive = Self.naiveScores(model.trees, model.treeCombination, outputs: outputs, test)
        #expect(
            model.trees.contains { tree in tree.leftCategories.contains { $0 != nil } }, "no categorical split to test")
        #expect(fast == naive)
    }

    @Test func forestScoresEqualTheNaiveWalk() throws {
        let train = Self.data(rows: 2_000, classes: 3, seed: 21)
        let test = Self.data(rows: 700, classes: 3, seed: 22).x
        var p = RandomForestParameters()
        p.nEstimators = 20
        let model = try RandomForest(p).fit(train)
        let fast = TreeEvaluation.rawScores(
            trees: model.trees, combination: model.treeCombination, outputs: 3, x: test, threads: 2)
        #expect(fast == Self.naiveScores(model.trees, model.treeCombination, outputs: 3, test))
    }
}
