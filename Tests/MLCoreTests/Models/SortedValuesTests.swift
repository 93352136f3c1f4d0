// The binner sorts only a column's non-zero values and counts its zeros (SortedColumn): read by rank, the column
// must equal sorting everything, its runs those of the sorted values, and the edges those of binning the fully
// sorted column (the twin below, the binner before SortedColumn); a zero's sign must not move an edge.
import Testing

@testable import MLCore

@Suite struct SortedValuesTests {
    static func column(_ n: Int, zeroShare: Double, distinct: Int, _ g: inout SeededGenerator) -> [Double] {
        (0..<n).map { i -> Double in
            if Double(g.nextInt(below: 1_000)) < zeroShare * 1_000 { return i % 3 == 0 ? -0.0 : 0.0 }
            return Double(g.nextInt(below: distinct) - distinct / 2) / 97
        }
    }

    static func sortedColumn(_ raw: [Double]) -> SortedColumn {
        let nonZero = raw.filter { $0 != 0 }
        return SortedColumn(nonZero: nonZero, zeros: raw.count - nonZero.count)
    }

    @Test(arguments: [0.0, 0.5, 0.97, 1.0])
    func readingByRankEqualsSortingEverything(zeroShare: Double) {
        var g = SeededGenerator(seed: UInt64(zeroShare * 100))
        for n in [0, 1, 7, 300, 5_000] {
            let raw = Self.column(n, zeroShare: zeroShare, distinct: 20_001, &g)
            let c = Self.sortedColumn(raw)
            #expect(c.count == raw.count)
            #expect((0..<c.count).map { c[$0] } == raw.sorted())
        }
    }

    @Test(arguments: [0.0, 0.5, 0.9, 0.99])
    func runsAndEdgesEqualThoseOfTheFullySortedColumn(zeroShare: Double) {
        var g = SeededGenerator(seed: 40 + UInt64(zeroShare * 100))
        for (n, distinct) in [(50, 9), (300, 41), (2_000, 300), (5_000, 20_001), (1_000, 200)] {
            let raw = Self.column(n, zeroShare: zeroShare, distinct: distinct, &g)
            let sorted = raw.sorted().map { $0 == 0 ? 0.0 : $0 }
            var runs: [(value: Double, count: Int)] = []
            for x in sorted {
                if let last = runs.last, last.value == x {
                    runs[runs.count - 1].count += 1
                } else {
                    runs.append((x, 1))
                }
            }
            let c = Self.sortedColumn(raw)
            let ours = c.runs(upTo: .max)
            #expect(ours.map(\.value) == runs.map(\.value) && ours.map(\.count) == runs.map(\.count))
            #expect(c.runs(upTo: 5).count == min(5, runs.count))
            for maxBins in [4, 255] {
                let a = FeatureBinner.numericBinning(c, maxBins: maxBins)
                let b = Self.twin(sorted, maxBins: maxBins)
                #expect(a.upperEdges.map(\.bitPattern) == b.map(\.bitPattern), "n \(n) distinct \(distinct)")
            }
        }
    }

    /// The binner's edges computed from every value sorted (zeros written +0.0), runs over all of them.
    static func twin(_ v: [Double], maxBins: Int) -> [Double] {
        guard !v.isEmpty else { return [] }
        var runs: [(value: Double, count: Int)] = []
        for x in v {
            if let last = runs.last, last.value == x { runs[runs.count - 1].count += 1 } else { runs.append((x, 1)) }
        }
        var edges: [Double] = []
        if runs.count <= maxBins,
            let d = runs.indices.max(by: { runs[$0].count < runs[$1].count }),
            Double(runs[d].count) >= SparseBins.defaultThreshold * Double(v.count)
        {
            var held = 0
            for i in 0..<(runs.count - 1) {
                held += runs[i].count
                if held >= FeatureBinner.minimumPerSparseBin || i == d || i + 1 == d {
                    edges.append(runs[i].value + (runs[i + 1].value - runs[i].value) / 2)
                    held = 0
                }
            }
        } else if runs.count <= maxBins {
            for i in 0..<(runs.count - 1) { edges.append(runs[i].value + (runs[i + 1].value - runs[i].value) / 2) }
        } else {
            let n = v.count
            for k in 1..<maxBins {
                let pos = Double(k) * Double(n - 1) / Double(maxBins)
                let lo = Int(pos.rounded(.down)), hi = Int(pos.rounded(.up))
                let e = v[lo] + (v[hi] - v[lo]) / 2
                if edges.isEmpty || e > edges[edges.count - 1] { edges.append(e) }
            }
            while let last = edges.last, last >= v[n - 1] { edges.removeLast() }
        }
        return edges
    }

    @Test func aZerosSignMovesNoEdge() {
        let positive = [Double](repeating: 0, count: 40) + [0.3, 0.3, 0.7, 1.2, -0.5, 2.0]
        let signed = positive.enumerated().map { $0.element == 0 && $0.offset % 2 == 0 ? -0.0 : $0.element }
        let a = FeatureBinner.numericBinning(positive, maxBins: 255)
        let b = FeatureBinner.numericBinning(signed, maxBins: 255)
        #expect(a.upperEdges.map(\.bitPattern) == b.upperEdges.map(\.bitPattern))
        #expect(a.binCount == b.binCount)
    }
}
