// Hamerly's k-means against its naive twin, plain Lloyd (`Lloyd.run`): on seeded data sets (blobs, k = 1,
// k = n, duplicated rows, ties on an integer grid, weights, random and k-means++ starts) the labels, centres,
// inertia and iteration count must be exactly equal, bit for bit, and the same on 1 and 2 threads and with
// every instruction set of the C kernels (AVX-512, AVX2, baseline) the machine has. Also the
// parallel k-means++ seeding (its distances in C, at every level) against its plain twin.

import CKMeans
import Testing

@testable import MLCore

@Suite struct HamerlyTests {
    /// Gaussian blobs around `centres` random centres, `rows` rows of `p` features.
    static func blobs(rows: Int, p: Int, centres: Int, spread: Double, seed: UInt64) -> FeatureMatrix {
        var g = SeededGenerator(seed: seed)
        let means = (0..<(centres * p)).map { _ in 10 * g.nextGaussian() }
        var columns = [[Double]](repeating: [], count: p)
        for _ in 0..<rows {
            let c = g.nextInt(below: centres)
            for j in 0..<p { columns[j].append(means[c * p + j] + spread * g.nextGaussian()) }
        }
        return FeatureMatrix(columns: columns)
    }

    static func expectSame(
        _ x: FeatureMatrix, k: Int, weights: [Double]? = nil, plusPlus: Bool = true, seed: UInt64 = 1,
        maxIter: Int = 300, tolerance: Double = 0
    ) {
        let w = weights ?? [Double](repeating: 1, count: x.rows)
        var results: [Lloyd.Result] = []
        // 1 and 2 threads with the machine's kernels, then 2 threads with each lesser instruction set.
        let runs = [(1, ckm_level()), (2, ckm_level())] + (0..<ckm_level()).map { (2, $0) }
        for (threads, level) in runs {
            var lloyd = Lloyd(x: x, weights: w, k: k, threads: threads)
            lloyd.level = level
            var g = SeededGenerator(seed: seed)
            let start = plusPlus ? lloyd.plusPlus(&g) : lloyd.randomRows(&g)
            let naive = lloyd.run(centers: start, maxIter: maxIter, tolerance: tolerance)
            let fast = lloyd.runHamerly(centers: start, maxIter: maxIter, tolerance: tolerance)
            #expect(fast.labels == naive.labels, "threads \(threads), level \(level)")
            #expect(fast.centers == naive.centers, "threads \(threads), level \(level)")
            #expect(fast.inertia == naive.inertia)
            #expect(fast.iterations == naive.iterations)
            results.append(fast)
        }
        for r in results.dropFirst() {
            #expect(r.labels == results[0].labels)
            #expect(r.centers == results[0].centers)
            #expect(r.inertia == results[0].inertia)
        }
    }

    @Test(arguments: [(5_000, 5, 8, 1.0), (20_000, 20, 8, 3.0), (9_000, 3, 12, 8.0), (777, 2, 3, 0.1)])
    func blobsMatchLloyd(_ n: Int, _ p: Int, _ k: Int, _ spread: Double) {
        let x = Self.blobs(rows: n, p: p, centres: k, spread: spread, seed: UInt64(n))
        Self.expectSame(x, k: k)
        Self.expectSame(x, k: k, plusPlus: false, seed: 7, tolerance: 1e-6)
    }

    @Test func blobsThatNeedManyIterations() {
        // Overlapping blobs, more centres than blobs: slow convergence, many skipped and recomputed rows.
        let x = Self.blobs(rows: 6_000, p: 4, centres: 3, spread: 6, seed: 3)
        Self.expectSame(x, k: 10, plusPlus: false, seed: 2)
        Self.expectSame(x, k: 10, plusPlus: false, seed: 2, maxIter: 4)
    }

    @Test func oneCluster() {
        Self.expectSame(ModelTestData.features(rows: 1_001, features: 3, seed: 4), k: 1)
    }

    @Test func asManyClustersAsRows() {
        Self.expectSame(ModelTestData.features(rows: 37, features: 2, seed: 5), k: 37, plusPlus: false)
        Self.expectSame(ModelTestData.features(rows: 37, features: 2, seed: 5), k: 37)
    }

    @Test func duplicatedRowsAndEmptyClusters() {
        // 40 distinct rows, each repeated 50 times, and all-identical data: empty clusters and zero distances.
        let base = ModelTestData.features(rows: 40, features: 3, seed: 6)
        let columns = (0..<3).map { j in (0..<2_000).map { base.values[j * 40 + $0 % 40] } }
        Self.expectSame(FeatureMatrix(columns: columns), k: 8, plusPlus: false, seed: 3)
        Self.expectSame(FeatureMatrix(columns: columns), k: 8)
        Self.expectSame(
            FeatureMatrix(columns: [[Double]](repeating: [Double](repeating: 2.5, count: 100), count: 2)), k: 4,
            plusPlus: false)
    }

    @Test func tiesOnAnIntegerGrid() {
        // Grid points, many equidistant from two centres: ties must go to the lower centre in both.
        let n = 1_600
        let columns = [(0..<n).map { Double($0 % 40) }, (0..<n).map { Double($0 / 40) }]
        Self.expectSame(FeatureMatrix(columns: columns), k: 8, plusPlus: false, seed: 9)
        Self.expectSame(FeatureMatrix(columns: columns), k: 5)
        let x = FeatureMatrix(columns: columns)
        let start = [0.0, 0, 2, 0, 0, 2, 2, 2]  // symmetric centres: rows at equal distance from several
        let lloyd = Lloyd(x: x, weights: [Double](repeating: 1, count: n), k: 4, threads: 2)
        let naive = lloyd.run(centers: start, maxIter: 300, tolerance: 0)
        let fast = lloyd.runHamerly(centers: start, maxIter: 300, tolerance: 0)
        #expect(fast.labels == naive.labels && fast.centers == naive.centers && fast.inertia == naive.inertia)
        #expect(fast.iterations == naive.iterations)
    }

    @Test func weightedRows() {
        var g = SeededGenerator(seed: 10)
        let x = Self.blobs(rows: 4_000, p: 6, centres: 5, spread: 2, seed: 11)
        Self.expectSame(x, k: 6, weights: (0..<4_000).map { _ in g.nextUnit() * 3 })
    }

    @Test func fitUsesHamerlyAndMatchesLloyd() throws {
        let x = Self.blobs(rows: 3_000, p: 4, centres: 4, spread: 2, seed: 12)
        let data = TrainingSet(x: x, y: .none(rows: 3_000))
        var params = KMeansParameters()
        params.nClusters = 4
        let fitted = try KMeans(params).fit(data)
        let lloyd = Lloyd(x: x, weights: [Double](repeating: 1, count: 3_000), k: 4, threads: 2)
        var g = NumPyRandomState(seed: 0)
        let naive = lloyd.run(
            centers: lloyd.plusPlus(&g), maxIter: 300, tolerance: fitted.parameters.tol * Self.meanVariance(x))
        #expect(fitted.centers == naive.centers && fitted.trainingLabels == naive.labels)
        #expect(fitted.inertia == naive.inertia && fitted.iterations == naive.iterations)
    }

    static func meanVariance(_ x: FeatureMatrix) -> Double {
        var total = 0.0
        for j in 0..<x.featureCount {
            let c = x.column(j)
            let mean = c.reduce(0, +) / Double(x.rows)
            total += c.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(x.rows)
        }
        return total / Double(x.featureCount)
    }
}

@Suite struct KMeansSeedingTests {
    @Test(arguments: [(1_000, 3, 8, 1), (9_001, 20, 8, 2), (50, 2, 50, 1), (3_000, 1, 1, 2)])
    func plusPlusEqualsItsNaiveTwin(_ n: Int, _ p: Int, _ k: Int, _ threads: Int) {
        let x = HamerlyTests.blobs(rows: n, p: p, centres: 4, spread: 2, seed: UInt64(n + k))
        var h = SeededGenerator(seed: 13)
        let w = (0..<n).map { _ in 0.2 + h.nextUnit() }
        for level in HamerlyKernelTests.levels {
            var lloyd = Lloyd(x: x, weights: w, k: k, threads: threads)
            lloyd.level = level
            var a = SeededGenerator(seed: 14), b = SeededGenerator(seed: 14)
            #expect(lloyd.plusPlus(&a) == lloyd.naivePlusPlus(&b), "level \(level)")
            #expect(a.next() == b.next())
        }
    }
}
