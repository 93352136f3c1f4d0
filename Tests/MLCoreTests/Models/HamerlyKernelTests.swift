// The C pass of Hamerly's k-means (CKMeans via HamerlyKernels.pass) against its naive twin
// (HamerlyKernels.naivePass), at every instruction-set level the machine has (AVX-512, AVX2, baseline):
// from scratch and with bounds, k below, at and above the eight centres of one vector, rows not a multiple
// of eight; labels, bounds and moved rows must be equal bit for bit.

import CKMeans
import Testing

@testable import MLCore

@Suite struct HamerlyKernelTests {
    static var levels: [Int32] { Array(0...ckm_level()) }

    @Test(arguments: [(1, 1, 1), (37, 3, 2), (1_003, 20, 8), (515, 5, 11)])
    func passMatchesNaive(_ n: Int, _ p: Int, _ k: Int) {
        let x = ModelTestData.features(rows: n, features: p, seed: 31)
        let rows = x.rowMajor()
        let centers = KMeansKernelTests.centers(k: k, p: p, seed: 32)
        let (transposed, width) = HamerlyKernels.transpose(centers, k: k, p: p)
        var g = SeededGenerator(seed: 33)
        let up = (0..<k).map { _ in 0.3 * g.nextUnit() }, down = (0..<k).map { _ in 0.3 * g.nextUnit() }
        let half = (0..<k).map { _ in g.nextUnit() }
        // Bounds as a previous pass might have left them: labels random, some proving, some not.
        let labels0 = (0..<n).map { _ in g.nextInt(below: k) }
        let upper0 = (0..<n).map { _ in 2 * g.nextUnit() }, lower0 = (0..<n).map { _ in 2 * g.nextUnit() }
        for full in [true, false] {
            var labels = labels0, upper = upper0, lower = lower0
            let naiveMoved = HamerlyKernels.naivePass(
                rowMajor: rows, p: p, centers: centers, k: k, labels: &labels, upper: &upper, lower: &lower,
                up: up, down: down, half: half, margin: 1e-9, full: full)
            for level in Self.levels {
                let l = TestBuffer(labels0), u = TestBuffer(upper0), w = TestBuffer(lower0)
                let rb = TestBuffer(rows), tb = TestBuffer(transposed)
                // Two calls, split off the eight-row grid, as blocks of rows are.
                let cut = n / 3
                let moved = withExtendedLifetime((rb, tb)) {
                    [0..<cut, cut..<n].flatMap { r in
                        HamerlyKernels.pass(
                            level: level, x: rb.p, p: p, transposed: tb.p, width: width, k: k, rows: r, labels: l.p,
                            upper: u.p,
                            lower: w.p, up: up, down: down, half: half, margin: 1e-9, full: full)
                    }
                }
                #expect(l.array == labels, "level \(level), full \(full)")
                #expect(u.array == upper, "level \(level), full \(full)")
                #expect(w.array == lower, "level \(level), full \(full)")
                #expect(moved.map(\.row) == naiveMoved.map(\.row) && moved.map(\.from) == naiveMoved.map(\.from))
            }
            if !full { #expect(!naiveMoved.isEmpty || n < 8) }
        }
    }
}
