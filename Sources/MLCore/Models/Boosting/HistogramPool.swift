// The histograms of the leaves of the tree being grown. A slot holds one leaf's histograms of every feature
// ((g, h) Double pairs, laid out by `FeatureSlot`s: a dense feature takes all 256 bins, a sparse one its
// bins then its missing bin) and, per sparse feature, what SparseBins keeps of the leaf: how many of its
// rows are outside the default bin, their (g, h) sum and the 256-bit mask of the bins they occupy, valid for
// the features set in the slot's bitmap (so a leaf costs the terms its rows hold, not every term). A leaf
// that may still split holds a slot; when it splits, the smaller child takes a free slot and the larger
// one keeps its parent's (its histograms are the parent's minus the smaller child's), so `maxLeafNodes + 1`
// slots are enough. The pool owns its memory (typed buffers, freed with it).
// Why subtraction is safe: gradients are Float and the sums Double (53-bit mantissa), so the parent's sum
// minus the smaller child's differs from a direct sum of the larger child's rows by rounding of order
// 1e-16 × the parent's magnitude, so gains move by rounding only; and it is the same whatever the
// thread count (LightGBM and scikit-learn subtract too).
// Leaves out: filling histograms (HistogramKernels, SparseBins) and scanning them (SplitFinder).

/// Where one feature's histogram sits in a slot of (g, h) pairs.
struct FeatureSlot: Sendable, Equatable {
    /// The pair index of the histogram's bin 0 in a slot.
    var offset: Int32
    /// The pair index within the histogram of the missing bin: 255 (`FeatureBinning.missingBin`) for a dense
    /// feature, its bin count for a sparse feature's compact histogram (its last bin's pair + 1).
    var missingPair: Int32

    /// The pair of bin b (0…255, the missing bin 255) in a slot. - Complexity: O(1).
    @inline(__always) func pair(bin b: Int) -> Int { Int(offset) &+ min(b, Int(missingPair)) }

    /// Bin-space layout of every feature: dense ones at 256 pairs, sparse ones (`sparse[j]`) compact, with
    /// `binCounts[j]` bins and the missing bin after them. Returns the layout and the pairs of one slot.
    static func layout(binCounts: [Int], sparse: [Bool]) -> (slots: [FeatureSlot], pairsPerSlot: Int) {
        var slots: [FeatureSlot] = [], pairs = 0
        slots.reserveCapacity(binCounts.count)
        for (count, isSparse) in zip(binCounts, sparse) {
            let missing = isSparse ? min(count, FeatureBinning.missingBin) : FeatureBinning.missingBin
            precondition(pairs <= Int(Int32.max) - 256, "too many features for one histogram slot")
            slots.append(FeatureSlot(offset: Int32(pairs), missingPair: Int32(missing)))
            pairs += missing + 1
        }
        return (slots, pairs)
    }
}

/// The per-leaf histograms of one tree's growth: `slotCount` slots handed out to leaves and taken back.
final class HistogramPool {
    let features: Int
    let slotCount: Int
    /// The memory, as the views a parallel region takes (each chunk of features writes its own features).
    let memory: Memory
    private var freeSlots: [Int]

    /// The pool's memory: every slot's histograms, and the sparse features' per-leaf facts.
    struct Memory: Sendable {
        let features: Int
        /// (g, h) pairs in one slot.
        let pairsPerSlot: Int
        /// [features]: where each feature's histogram sits in a slot.
        let layout: SharedReads<FeatureSlot>
        /// [slots × pairsPerSlot × 2] Double: (g, h) per bin.
        let histograms: DisjointWrites<Double>
        /// [slots × features]: a sparse feature's rows outside its default bin, at the slot's leaf.
        let nonDefault: DisjointWrites<Int32>
        /// [slots × features]: the (g, h) sum of those rows.
        let rest: DisjointWrites<SIMD2<Double>>
        /// [slots × features × 4] words: the bins those rows occupy (a 256-bit mask per feature).
        let occupied: DisjointWrites<UInt64>
        /// Words of one slot's feature bitmap (one bit per feature).
        let words: Int
        /// [slots × words]: the sparse features whose `nonDefault`, `rest`, `occupied` and bins are valid at the
        /// slot's leaf (bit j of word j >> 6); the others hold no row outside their default bin there. A set bit
        /// may also mean a count of 0 (a larger child keeps its parent's bitmap).
        let active: DisjointWrites<UInt64>

        /// Feature j's histogram in `slot`: its bin b's pair at `layout[j].pair(bin: b)` − offset.
        @inline(__always) func histogram(slot: Int, feature j: Int) -> UnsafeMutablePointer<Double> {
            histograms.base + 2 &* (slot &* pairsPerSlot &+ Int(layout[j].offset))
        }
        /// The first of `slot`'s histograms (feature 0's bin 0).
        @inline(__always) func histograms(slot: Int) -> UnsafeMutablePointer<Double> {
            histograms.base + 2 &* slot &* pairsPerSlot
        }
        /// Index of (slot, feature) in `nonDefault` and `rest`; × 4 in `occupied`.
        @inline(__always) func index(slot: Int, feature j: Int) -> Int { slot &* features &+ j }
        /// The feature bitmap of `slot` ([words] words).
        @inline(__always) func active(slot: Int) -> UnsafeMutablePointer<UInt64> { active.base + slot &* words }
        /// Feature j's occupied-bins mask ([4] words) in `slot`.
        @inline(__always) func occupied(slot: Int, feature j: Int) -> UnsafeMutablePointer<UInt64> {
            occupied.base + 4 &* index(slot: slot, feature: j)
        }
    }

    /// A pool of `slots` slots for features laid out by `layout` (`FeatureSlot.layout`).
    init(layout: [FeatureSlot], pairsPerSlot: Int, slots: Int) {
        features = layout.count
        slotCount = slots
        let f = features
        let layoutBuffer = UnsafeMutableBufferPointer<FeatureSlot>.allocate(capacity: max(1, f))
        _ = layoutBuffer.initialize(from: layout)
        let histograms = UnsafeMutableBufferPointer<Double>.allocate(capacity: max(2, slots * pairsPerSlot * 2))
        let nonDefault = UnsafeMutableBufferPointer<Int32>.allocate(capacity: max(1, slots * f))
        nonDefault.initialize(repeating: 0)
        let rest = UnsafeMutableBufferPointer<SIMD2<Double>>.allocate(capacity: max(1, slots * f))
        rest.initialize(repeating: .zero)
        let occupied = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: max(1, slots * f * 4))
        occupied.initialize(repeating: 0)
        let words = SparseBins.words(features: f)
        let active = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: max(1, slots * words))
        active.initialize(repeating: 0)
        memory = Memory(
            features: f, pairsPerSlot: pairsPerSlot, layout: SharedReads(layoutBuffer),
            histograms: DisjointWrites(histograms), nonDefault: DisjointWrites(nonDefault),
            rest: DisjointWrites(rest), occupied: DisjointWrites(occupied), words: words,
            active: DisjointWrites(active))
        freeSlots = Array((0..<slots).reversed())
    }

    deinit {
        memory.layout.base.deallocate()
        memory.histograms.base.deallocate()
        memory.nonDefault.base.deallocate()
        memory.rest.base.deallocate()
        memory.occupied.base.deallocate()
        memory.active.base.deallocate()
    }

    /// Every slot free again, for the next tree.
    func reset() { freeSlots = Array((0..<slotCount).reversed()) }

    /// A free slot (the lowest). There is always one while the tree has fewer than `slotCount` − 1 leaves.
    func take() -> Int { freeSlots.removeLast() }

    /// Gives `slot` back: its leaf will not split.
    func giveBack(_ slot: Int) { freeSlots.append(slot) }
}
