// The k-means kernels against their naive twins: the SIMD assignment (eight rows at a time, plus a
// scalar tail) must give exactly the nearest centre and squared distance of the straightforward loop,
// ties going to the lower centre; the fixed-point cluster sums (ClusterSums) must equal the plain sums in
// row order up to rounding, exactly whatever the row order, and exactly when rows are moved one by one.
// Also: Lloyd's one-pass step gives the same labels, and the same sums, for 1 and 2 threads.

import Foundation
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
            KMeansKernels.assign(
                x: xb.p, n: n, p: p, centers: cb.p, k: k, rows: 0..<n, labels: labels.p, distances: dist.p)
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
            KMeansKernels.assign(
                x: xb.p, n: n, p: p, centers: cb.p, k: 2, rows: 0..<n, labels: labels.p, distances: dist.p)
        }
        #expect(labels.array == [Int](repeating: 0, count: n))
    }

    /// Fixed-point sums of rows `rows` (ClusterSums.accumulate) as values.
    static func fixedSums(_ x: FeatureMatrix, k: Int, labels: [Int], weights: [Double], rows: [Range<Int>]) -> [Double]
    {
        let p = x.featureCount, scales = ClusterSums.scales(x, weights: weights)
        let sums = TestBuffer([Int64](repeating: 0, count: 2 * k * (p + 1)))
        let xb = TestBuffer(x.values), lb = TestBuffer(labels), wb = TestBuffer(weights), sb = TestBuffer(scales)
        withExtendedLifetime((xb, lb, wb, sb)) {
            for r in rows {
                ClusterSums.accumulate(
                    x: xb.p, n: x.rows, p: p, labels: lb.p, weights: wb.p, rows: r, scales: sb.p, sums: sums.p)
            }
        }
        return ClusterSums.values(sums.array, scales: scales, k: k, p: p)
    }

    @Test(arguments: [(5, 1, 1), (999, 4, 3), (4_100, 20, 8)])
    func clusterSumsMatchNaive(_ n: Int, _ p: Int, _ k: Int) {
        let x = ModelTestData.features(rows: n, features: p, seed: 24)
        var g = SeededGenerator(seed: 25)
        let labels = (0..<n).map { _ in g.nextInt(below: k) }, weights = (0..<n).map { _ in 0.5 + g.nextUnit() }
        let sums = Self.fixedSums(x, k: k, labels: labels, weights: weights, rows: [0..<n])
        let naive = KMeansKernels.naiveSums(rowMajor: x.rowMajor(), p: p, k: k, labels: labels, weights: weights)
        #expect(sums.count == naive.count)
        #expect(zip(sums, naive).allSatisfy { abs($0 - $1) <= 1e-12 * max(1, abs($1)) })
        // Exact, so the order of the rows does not matter: in three pieces, last piece first.
        let pieces = Self.fixedSums(
            x, k: k, labels: labels, weights: weights, rows: [(2 * n / 3)..<n, 0..<(n / 3), (n / 3)..<(2 * n / 3)])
        #expect(pieces == sums)
    }

    @Test func movingRowsEqualsSummingAgain() {
        // Sums built for one labelling, then rows moved one by one to another labelling: bit for bit the
        // sums of the second labelling; values spanning many magnitudes and signs.
        let n = 3_001, p = 5, k = 4
        var g = SeededGenerator(seed: 28)
        let columns = (0..<p).map { j in (0..<n).map { _ in g.nextGaussian() * pow(10, Double(j * 3 - 6)) } }
        let x = FeatureMatrix(columns: columns)
        let weights = (0..<n).map { _ in 0.1 + 3 * g.nextUnit() }
        let a = (0..<n).map { _ in g.nextInt(below: k) }
        let b = a.map { g.nextUnit() < 0.3 ? g.nextInt(below: k) : $0 }
        let scales = ClusterSums.scales(x, weights: weights)
        let rows = x.rowMajor()
        let sums = TestBuffer([Int64](repeating: 0, count: 2 * k * (p + 1)))
        let xb = TestBuffer(x.values), lb = TestBuffer(a), wb = TestBuffer(weights), sb = TestBuffer(scales),
            rb = TestBuffer(rows)
        withExtendedLifetime((xb, lb, wb, sb, rb)) {
            ClusterSums.accumulate(
                x: xb.p, n: n, p: p, labels: lb.p, weights: wb.p, rows: 0..<n, scales: sb.p, sums: sums.p)
            for i in (0..<n).reversed() where a[i] != b[i] {
                ClusterSums.move(
                    row: rb.p + i * p, weight: weights[i], p: p, from: a[i], to: b[i], scales: sb.p, sums: sums.p)
            }
        }
        let moved = ClusterSums.values(sums.array, scales: scales, k: k, p: p)
        #expect(moved == Self.fixedSums(x, k: k, labels: b, weights: weights, rows: [0..<n]))
        let naive = KMeansKernels.naiveSums(rowMajor: rows, p: p, k: k, labels: b, weights: weights)
        for c in 0..<k {
            for j in 0...p {
                let scale = j < p ? pow(10, Double(j * 3 - 6)) : 1
                #expect(abs(moved[c * (p + 1) + j] - naive[c * (p + 1) + j]) <= 1e-12 * scale * Double(n))
            }
        }
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
