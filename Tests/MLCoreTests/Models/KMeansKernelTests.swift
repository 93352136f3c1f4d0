// The k-means kernels against their naive twins: the SIMD assignment (eight rows at a time, plus a
// scalar tail) must give exactly the nearest centre and squared distance of the straightforward loop,
// ties going to the lower centre; the four-way partial cluster sums must equal the plain sums in row order
// up to rounding. Also: Lloyd's one-pass step gives the same labels, and the same sums, for 1 and 2 threads.

import Testing
@testable import MLCore

@Suite struct KMeansKernelTests {
    static func centers(k: Int, p: Int, seed: UInt64) -> [Double] {
        var g = SeededGenerator(seed: seed)
        return (0..<(k * p)).map { _ in g.nextGaussian() }
    }

    @Test(arguments: [(1, 1, 1), (13, 3, 2), (257, 5, 8), (1_000, 20, 8)])
    func assignmentMatchesNaive(_ n: Int, _ p: Int, _ k: Int) {
        let x = ModelTestData.features(rows: n, features: p, seed: 21)
        let c = Self.centers(k: k, p: p, seed: 22)
        let labels = TestBuffer([Int](repeating: -1, count: n)), dist = TestBuffer([Double](repeating: -1, count: n))
        let xb = TestBuffer(x.values), cb = TestBuffer(c)
        withExtendedLifetime((xb, cb)) {
            KMeansKernels.assign(x: xb.p, n: n, p: p, centers: cb.p, k: k, rows: 0..<n, labels: labels.p, distances: dist.p)
        }
        let naive = KMeansKernels.naiveAssign(rowMajor: x.rowMajor(), p: p, centers: c, k: k)
        #expect(labels.array == naive.labels)
        #expect(dist.array == naive.distances)
    }

    @Test func tiesGoToTheLowerCentreInBothPaths() {
        // Two identical centres: every row (the SIMD group and the scalar tail) must pick centre 0.
        let n = 11, p = 2
        let x = ModelTestData.features(rows: n, features: p, seed: 23)
        let c = [0.5, -0.5, 0.5, -0.5]
        let labels = TestBuffer([Int](repeating: -1, count: n)), dist = TestBuffer([Double](repeating: 0, count: n))
        let xb = TestBuffer(x.values), cb = TestBuffer(c)
        withExtendedLifetime((xb, cb)) {
            KMeansKernels.assign(x: xb.p, n: n, p: p, centers: cb.p, k: 2, rows: 0..<n, labels: labels.p, distances: dist.p)
        }
        #expect(labels.array == [Int](repeating: 0, count: n))
    }

    @Test(arguments: [(5, 1, 1), (999, 4, 3), (4_100, 20, 8)])
    func clusterSumsMatchNaive(_ n: Int, _ p: Int, _ k: Int) {
        let x = ModelTestData.features(rows: n, features: p, seed: 24)
        var g = SeededGenerator(seed: 25)
        let labels = (0..<n).map { _ in g.nextInt(below: k) }, weights = (0..<n).map { _ in 0.5 + g.nextUnit() }
        let parts = TestBuffer([Double](repeating: 0, count: 4 * k * (p + 1)))
        let xb = TestBuffer(x.values), lb = TestBuffer(labels), wb = TestBuffer(weights)
        let sums = withExtendedLifetime((xb, lb, wb)) { () -> [Double] in
            KMeansKernels.accumulate(x: xb.p, n: n, p: p, k: k, labels: lb.p, weights: wb.p, rows: 0..<n, parts: parts.p)
            return KMeansKernels.combine(parts.p, k: k, p: p)
        }
        let naive = KMeansKernels.naiveSums(rowMajor: x.rowMajor(), p: p, k: k, labels: labels, weights: weights)
        #expect(sums.count == naive.count)
        #expect(zip(sums, naive).allSatisfy { abs($0 - $1) <= 1e-12 * max(1, abs($1)) })
    }

    @Test func oneStepIsTheSameOnOneAndTwoThreads() {
        let n = 20_000, p = 6, k = 5
        let x = ModelTestData.features(rows: n, features: p, seed: 26)
        let w = [Double](repeating: 1, count: n), c = Self.centers(k: k, p: p, seed: 27)
        let one = Lloyd(x: x, weights: w, k: k, threads: 1).step(c)
        let two = Lloyd(x: x, weights: w, k: k, threads: 2).step(c)
        #expect(one.labels == two.labels)
        #expect(one.distances == two.distances)
        #expect(one.sums == two.sums)
        let naive = KMeansKernels.naiveSums(rowMajor: x.rowMajor(), p: p, k: k, labels: one.labels, weights: w)
        #expect(zip(one.sums, naive).allSatisfy { abs($0 - $1) <= 1e-9 * max(1, abs($1)) })
    }
}
