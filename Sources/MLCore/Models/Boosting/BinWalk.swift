// Which bins of a feature's histogram a split scan visits. A dense feature's histogram holds every bin
// (zeros included), so the scan walks 0, 1, 2, …; a sparse feature's histogram at a leaf holds only the
// bins its rows there occupy (a 256-bit mask, kept per leaf by SparseBins) plus its default bin, the
// others being implicitly zero and never read. Skipping an empty bin cannot change a scan's result: the
// running sums, hence the gain, stay as they were at the previous bin, and ties go to the first.
// A walk also says where a bin's (g, h) pair sits: a sparse feature's compact histogram keeps its missing
// bin right after its last bin rather than at 255.
// Leaves out: the scans themselves (SplitFinder).

/// Visits bins in ascending order; the split finder is specialised for each kind.
protocol BinWalk {
    /// Whether bin b may hold rows (false: it is zero and must not be read).
    func holds(_ b: Int) -> Bool
    /// The next bin after b that may hold rows, or 256 when none does.
    func next(after b: Int) -> Int
    /// The (g, h) pair of bin b in the feature's histogram.
    func slot(_ b: Int) -> Int
}

/// Every bin: the plain histogram layout.
struct AllBins: BinWalk {
    @inline(__always) func holds(_ b: Int) -> Bool { true }
    @inline(__always) func next(after b: Int) -> Int { b &+ 1 }
    @inline(__always) func slot(_ b: Int) -> Int { b }
}

/// The bins set in a 256-bit mask ([4] words, bin b is bit b & 63 of word b >> 6).
struct MaskedBins: BinWalk {
    var bins: BinSet
    /// The pair that holds the missing bin (255).
    var missingSlot: Int

    /// The bins of `mask` ([4] words) and `extra` (a bin, or −1 for none), the missing bin's pair at `missingSlot`.
    @inline(__always) init(mask: UnsafePointer<UInt64>, extra: Int, missingSlot: Int = FeatureBinning.missingBin) {
        bins = BinSet(words: (mask[0], mask[1], mask[2], mask[3]))
        if extra >= 0 { bins.insert(extra) }
        self.missingSlot = missingSlot
    }

    @inline(__always) func slot(_ b: Int) -> Int { b == FeatureBinning.missingBin ? missingSlot : b }

    @inline(__always) func holds(_ b: Int) -> Bool { bins.contains(b) }

    @inline(__always) func next(after b: Int) -> Int {
        let i = b &+ 1
        guard i < 256 else { return 256 }
        var w = i >> 6
        var bits = bins.word(w) & (~UInt64(0) << UInt64(i & 63))
        while bits == 0 {
            w &+= 1
            if w == 4 { return 256 }
            bits = bins.word(w)
        }
        return w &* 64 &+ bits.trailingZeroBitCount
    }
}
