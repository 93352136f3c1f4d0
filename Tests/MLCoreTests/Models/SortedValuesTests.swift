// The binner sorts only a column's non-zero values and writes its zeros as +0.0 among them: the result must
// equal sorting everything, and a zero's sign must not move an edge.
import Testing

@testable import MLCore

@Suite struct SortedValuesTests {
    @Test(arguments: [0.0, 0.5, 0.97, 1.0])
    func sortingTheNonZerosEqualsSortingEverything(zeroShare: Double) {
        var g = SeededGenerator(seed: UInt64(zeroShare * 100))
        for n in [0, 1, 7, 300, 5_000] {
            let raw = (0..<n).map { i -> Double in
                if Double(g.nextInt(below: 1_000)) < zeroShare * 1_000 { return i % 3 == 0 ? -0.0 : 0.0 }
                return Double(g.nextInt(below: 20_001) - 10_000) / 97
            }
            let ours = FeatureBinner.sortedValues(raw)
            #expect(ours == raw.sorted())
            #expect(ours.count == raw.count)
        }
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
