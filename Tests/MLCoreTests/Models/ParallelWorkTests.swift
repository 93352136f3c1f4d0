// ParallelWork's indexed chunks, on which per-chunk reductions in item order rely (the gradient-boosting
// split search keeps one best split per chunk): chunks are numbered 0..<chunkCount in item order, are
// contiguous, and cover every item exactly once.

import Testing

@testable import MLCore

@Suite struct ParallelWorkTests {
    @Test(arguments: [(0, 2, 1), (1, 2, 1), (7, 2, 1), (1_000, 2, 1), (1_000, 3, 1), (1_000, 4, 300), (5, 8, 1)])
    func indexedChunksAreNumberedInItemOrder(_ count: Int, _ threads: Int, _ minimum: Int) {
        let chunks = ParallelWork.chunkCount(count, threads: threads, minimumPerThread: minimum)
        #expect(chunks >= 1 && chunks <= max(1, threads))
        let seen = TestBuffer([Range<Int>?](repeating: nil, count: chunks))
        ParallelWork.forIndexedChunks(count, threads: threads, minimumPerThread: minimum) { chunk, range in
            seen.p[chunk] = range
        }
        let ranges = seen.array.compactMap { $0 }
        #expect(Array(ranges.joined()) == Array(0..<count))
        #expect(zip(ranges, ranges.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
    }
}
