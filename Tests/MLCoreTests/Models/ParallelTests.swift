// Parallel's indexed chunks, on which per-chunk reductions in item order rely (the gradient-boosting
// split search keeps one best split per chunk): chunks are numbered 0..<chunkCount in item order, are
// contiguous, and cover every item exactly once; `map` returns results in item order.

import Testing

@testable import MLCore

@Suite struct ParallelTests {
    @Test(arguments: [(0, 2, 1), (1, 2, 1), (7, 2, 1), (1_000, 2, 1), (1_000, 3, 1), (1_000, 4, 300), (5, 8, 1)])
    func indexedChunksAreNumberedInItemOrder(_ count: Int, _ threads: Int, _ minimum: Int) {
        let chunks = Parallel.chunkCount(count, threads: threads, minimumPerThread: minimum)
        #expect(chunks >= 1 && chunks <= max(1, threads))
        var seen = [Range<Int>?](repeating: nil, count: chunks)
        seen.withUnsafeMutableBufferPointer { buffer in
            let slots = DisjointWrites(buffer)
            Parallel.forIndexedChunks(count, threads: threads, minimumPerThread: minimum) { chunk, range in
                slots[chunk] = range
            }
        }
        let ranges = seen.compactMap { $0 }
        #expect(Array(ranges.joined()) == Array(0..<count))
        #expect(zip(ranges, ranges.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
    }

    @Test(arguments: [0, 1, 5, 1_000]) func mapKeepsItemOrder(_ count: Int) {
        #expect(Parallel.map(count, threads: 3) { $0 * $0 } == (0..<count).map { $0 * $0 })
        #expect(Parallel.map(count, parallel: true) { $0 + 1 } == (0..<count).map { $0 + 1 })
    }
}
