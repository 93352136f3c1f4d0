// A leaf's split step visits only the dense features and the sparse ones its parent's rows hold outside their
// default bin (feature bitmaps, VisitedFeatures): the visit order and set against a naive filter, and the same
// trees as the dense kernel (which visits every feature) on hundreds of mostly empty sparse features, at one
// thread and two (leaves large enough to split the features across threads).

import Testing

@testable import MLCore

@Suite struct SparseFeatureVisitTests {
    @Test func visitsTheUnionOfBothBitmapsInAscendingOrderWithinAnyRange() {
        var g = SeededGenerator(seed: 3)
        let f = 300, words = SparseBins.words(features: f)
        #expect(words == 5)
        for _ in 0..<50 {
            let dense = TestBuffer((0..<words).map { _ in g.next() & g.next() })
            let held = TestBuffer((0..<words).map { _ in g.next() & g.next() & g.next() })
            let lo = g.nextInt(below: f), hi = lo + g.nextInt(below: f - lo + 1)
            var seen: [Int] = []
            withExtendedLifetime((dense, held)) {
                let visit = VisitedFeatures(
                    dense: SharedReads(dense.p, count: words), held: SharedReads(held.p, count: words))
                visit.forEach(in: lo..<hi) { seen.append($0) }
            }
            let expected = (lo..<hi).filter {
                SparseBins.contains(dense.p, $0) || SparseBins.contains(held.p, $0)
            }
            #expect(seen == expected, "range \(lo)..<\(hi)")
        }
    }

    /// Regression on 6,000 rows: 3 dense features and 300 sparse ones, most present in under 1 % of rows
    /// (so most leaves hold few of them), every 25th in 10 %, a few of those in the target.
    static func manySparseFeatures() -> TrainingSet {
        var g = SeededGenerator(seed: 29)
        let n = 6_000, f = 303
        var columns = [[Double]](repeating: [Double](repeating: 0, count: n), count: f)
        var y = [Double](repeating: 0, count: n)
        for r in 0..<n {
            for j in 0..<f {
                let share = j < 3 ? 1 : (j % 25 == 0 ? 0.1 : 0.008)
                columns[j][r] = g.nextUnit() < share ? (j < 3 ? g.nextGaussian() : g.nextUnit()) : 0
            }
            y[r] = columns[0][r] + 2 * columns[25][r] - 3 * columns[100][r] + columns[7][r] + 0.3 * g.nextGaussian()
        }
        return TrainingSet(x: FeatureMatrix(columns: columns), y: .values(y))
    }

    @Test func manySparseFeaturesGrowTheDenseKernelsTrees() throws {
        let set = Self.manySparseFeatures()
        var p = GradientBoostingParameters()
        p.maxIter = 20
        p.minSamplesLeaf = 5
        p.threads = 2
        let sparse = try SparseHistogramTests.fitsGrowingTheSameTrees(set, p).sparse
        // The rare features do split somewhere (the visit must not skip a feature a leaf's rows hold).
        let used = Set(sparse.trees.flatMap(\.feature).filter { $0 >= 3 })
        #expect(used.contains(25) && used.contains(100))
        p.threads = 1
        let oneThread = try HistGradientBoosting(p).fit(set)
        guard case .values(let p1) = try oneThread.predict(set.x), case .values(let p2) = try sparse.predict(set.x)
        else {
            Issue.record("regression predictions expected")
            return
        }
        #expect(p1 == p2)
    }
}
