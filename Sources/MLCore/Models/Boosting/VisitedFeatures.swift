// The features a leaf's split step visits: the dense ones always, and the sparse ones its parent's rows hold
// outside their default bin, read from two bitmaps a word at a time, so a leaf of a few rows costs the terms
// those rows hold, not every TF-IDF term. Leaves out: building the bitmaps (HistogramPool, SparseBins).

/// The features a leaf's split step visits, ascending: those set in either of two bitmaps (bit j of word j >> 6).
struct VisitedFeatures: Sendable {
    /// Features visited at every leaf (the dense ones).
    let dense: SharedReads<UInt64>
    /// Features visited at this leaf (the sparse ones its parent's rows hold).
    let held: SharedReads<UInt64>

    /// Calls `body(j)` for the visited features j in `range`, in ascending order.
    @inline(__always)
    func forEach(in range: Range<Int>, _ body: (Int) -> Void) {
        guard !range.isEmpty else { return }
        let last = range.upperBound &- 1
        for w in (range.lowerBound >> 6)...(last >> 6) {
            var bits = dense.base[w] | held.base[w]
            // Bits below the range's start (first word) and above its end (last word) belong to other chunks.
            if w == range.lowerBound >> 6 { bits &= ~UInt64(0) << UInt64(range.lowerBound & 63) }
            if w == last >> 6 { bits &= ~UInt64(0) >> UInt64(63 &- (last & 63)) }
            while bits != 0 {
                body(w &* 64 &+ bits.trailingZeroBitCount)
                bits &= bits &- 1
            }
        }
    }
}
