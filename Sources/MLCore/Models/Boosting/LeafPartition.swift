// The rows of the leaves of the tree being grown: one index array in which every leaf's rows are a
// contiguous range (the root all rows, or the iteration's sample), split stably in place when the leaf
// splits (RowPartition), so a leaf's rows stay in ascending order and histograms sum them in row order.
// The partition owns its memory (typed buffers, freed with it).
// Leaves out: choosing the split (TreeGrower) and the partition kernel itself (RowPartition).

/// Row ranges of a tree's leaves in one index of `rows` entries.
final class LeafPartition {
    /// [rows] Int32: the rows, leaf by leaf.
    let index: UnsafeMutableBufferPointer<Int32>
    /// [rows] Int32: the partition kernel's scratch.
    private let scratch: UnsafeMutableBufferPointer<Int32>
    /// [256] UInt8: 1 for a bin that goes left at the split being applied.
    private let isLeft: UnsafeMutableBufferPointer<UInt8>

    init(rows n: Int) {
        index = .allocate(capacity: max(1, n))
        index.initialize(repeating: 0)
        scratch = .allocate(capacity: max(1, n))
        scratch.initialize(repeating: 0)
        isLeft = .allocate(capacity: 256)
        isLeft.initialize(repeating: 0)
    }

    deinit {
        index.deallocate()
        scratch.deallocate()
        isLeft.deallocate()
    }

    /// The index's base, for kernels that take a pointer.
    var base: UnsafeMutablePointer<Int32> { index.baseAddress.unsafelyUnwrapped }

    /// One leaf (the root) holding `sample` (sorted rows) or every row of `n`; returns its row count.
    /// - Complexity: O(rows).
    func reset(sample: [Int32]?, rows n: Int) -> Int {
        if let sample {
            for i in 0..<sample.count { index[i] = sample[i] }
            return sample.count
        }
        for i in 0..<n { index[i] = Int32(truncatingIfNeeded: i) }
        return n
    }

    /// Splits the leaf at `start..<start + count` by `split` on its feature's bins (`bins`: [rows] UInt8),
    /// stably: the rows going left first. Returns how many went left. - Complexity: O(count).
    func split(start: Int, count: Int, by split: SplitCandidate, bins: UnsafePointer<UInt8>, threads: Int) -> Int {
        for b in 0..<256 { isLeft[b] = split.goesLeft(bin: b) ? 1 : 0 }
        return RowPartition.partition(
            rows: base + start, scratch: scratch.baseAddress.unsafelyUnwrapped + start, count: count, bins: bins,
            isLeft: UnsafePointer(isLeft.baseAddress.unsafelyUnwrapped), threads: threads)
    }
}
