// Grows one boosting tree leaf-wise (LightGBM's best-first growth) on binned features:
// the leaf with the largest gain splits next until `maxLeafNodes` leaves; rows of each leaf are a
// contiguous range of one index array, partitioned stably in place; only the smaller child's histogram
// is built (per feature, in parallel), the larger one is its parent's minus the smaller's.
// Every feature's histogram is built by one thread in row order and the best split is reduced in
// feature order, so trees are identical whatever the thread count. Sparse features (one bin holding
// most rows, e.g. TF-IDF terms) get their histograms from row-wise lists of non-default bins (SparseBins),
// and only the bins their rows occupy at a leaf are written, subtracted and scanned (a mask per feature);
// their histograms are compact (their bins, then the missing bin), a dense feature's takes all 256 bins.
// Leaves out: the leaf values' learning-rate shrinkage for absolute error (renewed by the booster).

/// Growth limits and regularisation of one tree.
struct GrowerSettings: Sendable {
    var maxLeafNodes: Int
    var maxDepth: Int?
    var rules: SplitRules
    var learningRate: Double
    var maxFeatures: Double
    var threads: Int
    /// Share of rows in one bin that makes a feature sparse (see `SparseBins`); above 1: none is.
    var sparseThreshold = SparseBins.defaultThreshold
}

/// A grown tree, the ranges of its leaves in the grower's row index, and its splits in bin space.
struct GrownTree {
    var structure: TreeStructure
    /// (node, start, count) of every leaf, in `TreeGrower.rowIndex`.
    var leaves: [(node: Int, start: Int, count: Int)]
    /// The split of each node in bin space (unused entries for leaves).
    var binSplits: [SplitCandidate]

    /// The leaf a row of a binned matrix reaches. Shape: bins [features × rows].
    @inline(__always)
    func leaf(row r: Int, bins: UnsafePointer<UInt8>, rows n: Int) -> Int {
        var node = 0
        while structure.feature[node] >= 0 {
            let s = binSplits[node]
            let b = Int(bins[s.feature &* n &+ r])
            node = Int(s.goesLeft(bin: b) ? structure.left[node] : structure.right[node])
        }
        return node
    }
}

/// Sendable for `buildAndFind`'s parallel region only, where each chunk of features writes its own features'
/// histograms and its own candidate slot and reads the rest.
final class TreeGrower: @unchecked Sendable {
    let n: Int
    let f: Int
    let binnings: [FeatureBinning]
    let settings: GrowerSettings
    let sparse: SparseBins
    /// Histogram work per row of a leaf: dense features + sparse entries per row + 1.
    private let rowCost: Double
    private let bins: UnsafeMutablePointer<UInt8>
    let rowIndex: UnsafeMutablePointer<Int32>
    private let scratch: UnsafeMutablePointer<Int32>
    private let ordered: UnsafeMutablePointer<Float>
    private let hist: UnsafeMutablePointer<Double>
    /// Per feature: its histogram's first (g, h) pair in a leaf's buffer << 8 | the pair of its missing bin
    /// (255 for a dense feature, its bin count for a sparse one).
    private let layout: UnsafeMutablePointer<Int>
    /// (g, h) pairs per leaf: one leaf's histograms of all features.
    private let pairsPerLeaf: Int
    /// Per histogram slot and sparse feature: the leaf's rows outside the feature's default bin [slots × features].
    private let nonDefault: UnsafeMutablePointer<Int32>
    /// Per histogram slot and sparse feature: the (g, h) sum of those rows [slots × features].
    private let rest: UnsafeMutablePointer<SIMD2<Double>>
    /// Per histogram slot and sparse feature: the bins its non-default rows occupy, 4 words [slots × features × 4].
    private let occupied: UnsafeMutablePointer<UInt64>
    private let isLeft: UnsafeMutablePointer<UInt8>
    private let slots: Int
    private var freeSlots: [Int]
    private let candidatesA: UnsafeMutablePointer<SplitCandidate>
    private let candidatesB: UnsafeMutablePointer<SplitCandidate>

    private struct Leaf {
        var start: Int
        var count: Int
        var sums: NodeSums
        var slot: Int
        var depth: Int
        var node: Int
        var best: SplitCandidate
        var allowed: [Bool]?
    }

    init(binned: BinnedMatrix, binnings: [FeatureBinning], settings: GrowerSettings) {
        n = binned.rows
        f = binned.featureCount
        self.binnings = binnings
        self.settings = settings
        let b = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, binned.bins.count))
        for (i, v) in binned.bins.enumerated() { b[i] = v }
        bins = b
        sparse = SparseBins(
            bins: b, rows: n, features: f, threshold: settings.sparseThreshold, threads: settings.threads)
        rowCost = Double(f - sparse.sparseFeatures.count) + Double(sparse.entryCount) / Double(max(1, n)) + 1
        rowIndex = .allocate(capacity: max(1, n))
        scratch = .allocate(capacity: max(1, n))
        ordered = .allocate(capacity: max(2, 2 * n))
        slots = settings.maxLeafNodes + 1
        isLeft = .allocate(capacity: 256)
        isLeft.initialize(repeating: 0, count: 256)
        layout = .allocate(capacity: max(1, f))
        var pairs = 0
        for j in 0..<f {
            let missing = sparse.defaultBin[j] >= 0 ? min(binnings[j].binCount, FeatureBinning.missingBin) : 255
            layout[j] = pairs << 8 | missing
            pairs += missing + 1
        }
        pairsPerLeaf = pairs
        hist = .allocate(capacity: max(2, slots * pairs * 2))
        nonDefault = .allocate(capacity: max(1, slots * f))
        nonDefault.initialize(repeating: 0, count: max(1, slots * f))
        rest = .allocate(capacity: max(1, slots * f))
        rest.initialize(repeating: .zero, count: max(1, slots * f))
        occupied = .allocate(capacity: max(1, slots * f * 4))
        occupied.initialize(repeating: 0, count: max(1, slots * f * 4))
        freeSlots = Array((0..<slots).reversed())
        candidatesA = .allocate(capacity: max(1, f))
        candidatesA.initialize(repeating: SplitCandidate(), count: max(1, f))
        candidatesB = .allocate(capacity: max(1, f))
        candidatesB.initialize(repeating: SplitCandidate(), count: max(1, f))
    }

    deinit {
        bins.deallocate(); rowIndex.deallocate(); scratch.deallocate(); ordered.deallocate(); hist.deallocate();
        layout.deallocate(); nonDefault.deallocate(); rest.deallocate()
        occupied.deallocate()
        candidatesA.deallocate(); candidatesB.deallocate(); isLeft.deallocate()
    }

    var binsPointer: UnsafePointer<UInt8> { UnsafePointer(bins) }

    /// Grows a tree on gradients `gh` ([rows × 2] Float) over all rows, or over `sample` (sorted rows).
    func grow(gh: UnsafePointer<Float>, sample: [Int32]?, rng: inout SeededGenerator) -> GrownTree {
        let m = sample?.count ?? n
        if let sample {
            for i in 0..<m { rowIndex[i] = sample[i] }
        } else {
            for i in 0..<n { rowIndex[i] = Int32(truncatingIfNeeded: i) }
        }
        freeSlots = Array((0..<slots).reversed())
        var g = 0.0, h = 0.0
        for i in 0..<m {
            let r = Int(rowIndex[i])
            g += Double(gh[2 &* r])
            h += Double(gh[2 &* r &+ 1])
        }
        var tree = TreeStructure(valueWidth: 1)
        var binSplits: [SplitCandidate] = []
        let l2 = settings.rules.l2, lr = settings.learningRate
        let rootNode = tree.appendNode(value: [-g / (h + l2) * lr], cover: h)
        binSplits.append(SplitCandidate())
        var root = Leaf(
            start: 0, count: m, sums: NodeSums(g: g, h: h, count: m), slot: -1, depth: 0, node: rootNode,
            best: SplitCandidate(), allowed: featureMask(&rng))
        var leaves: [Leaf] = []
        if settings.maxLeafNodes > 1 && splittable(root) {
            root.slot = freeSlots.removeLast()
            root.best = buildAndFind(smaller: root, larger: nil, gh: gh, contiguous: sample == nil).smaller
        }
        leaves.append(root)

        while leaves.count < settings.maxLeafNodes {
            var pick = -1
            var bestGain = 0.0
            for (i, leaf) in leaves.enumerated() where leaf.best.gain > bestGain {
                pick = i
                bestGain = leaf.best.gain
            }
            if pick < 0 { break }
            let parent = leaves[pick]
            let split = parent.best
            let leftCount = partition(start: parent.start, count: parent.count, split: split)
            let lNode = tree.appendNode(value: [-split.left.g / (split.left.h + l2) * lr], cover: split.left.h)
            let rNode = tree.appendNode(value: [-split.right.g / (split.right.h + l2) * lr], cover: split.right.h)
            binSplits.append(SplitCandidate())
            binSplits.append(SplitCandidate())
            record(split, node: parent.node, left: lNode, right: rNode, in: &tree)
            binSplits[parent.node] = split
            var left = Leaf(
                start: parent.start, count: leftCount,
                sums: NodeSums(g: split.left.g, h: split.left.h, count: leftCount), slot: -1,
                depth: parent.depth + 1, node: lNode, best: SplitCandidate(), allowed: featureMask(&rng))
            var right = Leaf(
                start: parent.start + leftCount, count: parent.count - leftCount,
                sums: NodeSums(g: split.right.g, h: split.right.h, count: parent.count - leftCount), slot: -1,
                depth: parent.depth + 1, node: rNode, best: SplitCandidate(), allowed: featureMask(&rng))
            if leaves.count + 1 < settings.maxLeafNodes && (splittable(left) || splittable(right)) {
                let leftSmaller = left.count <= right.count
                if leftSmaller {
                    left.slot = freeSlots.removeLast()
                    right.slot = parent.slot
                    (left.best, right.best) = buildAndFind(smaller: left, larger: right, gh: gh, contiguous: false)
                } else {
                    right.slot = freeSlots.removeLast()
                    left.slot = parent.slot
                    (right.best, left.best) = buildAndFind(smaller: right, larger: left, gh: gh, contiguous: false)
                }
            } else if parent.slot >= 0 {
                freeSlots.append(parent.slot)
            }
            leaves[pick] = left
            leaves.append(right)
        }
        return GrownTree(
            structure: tree, leaves: leaves.map { ($0.node, $0.start, $0.count) }, binSplits: binSplits)
    }

    private func splittable(_ leaf: Leaf) -> Bool {
        if let d = settings.maxDepth, leaf.depth >= d { return false }
        return leaf.count >= 2 * max(1, settings.rules.minSamplesLeaf)
            && leaf.sums.h >= 2 * settings.rules.minChildWeight
    }

    /// Which features a node may split on (nil: all), drawn when the node is created.
    private func featureMask(_ rng: inout SeededGenerator) -> [Bool]? {
        guard settings.maxFeatures < 1 else { return nil }
        let k = max(1, Int((settings.maxFeatures * Double(f)).rounded(.down)))
        var idx = Array(0..<f)
        for i in 0..<k { idx.swapAt(i, i + rng.nextInt(below: f - i)) }
        var mask = [Bool](repeating: false, count: f)
        for i in 0..<k { mask[idx[i]] = true }
        return mask
    }

    /// Builds the smaller child's histogram, derives the larger's by subtraction, and finds both
    /// children's best splits, feature by feature in parallel.
    private func buildAndFind(
        smaller s: Leaf, larger l: Leaf?, gh: UnsafePointer<Float>, contiguous: Bool
    ) -> (smaller: SplitCandidate, larger: SplitCandidate) {
        if !contiguous {
            let rowsT = SharedReads(rowIndex + s.start, count: s.count)
            let orderedT = DisjointWrites(ordered, count: 2 * s.count), ghT = SharedReads(gh, count: 2 * n)
            Parallel.forChunks(s.count, threads: settings.threads, minimumPerThread: 16_384) { range in
                let (rows, ordered, gh) = (rowsT.base, orderedT.base, ghT.base)
                for i in range {
                    let r = Int(rows[i])
                    ordered[2 &* i] = gh[2 &* r]
                    ordered[2 &* i &+ 1] = gh[2 &* r &+ 1]
                }
            }
        }
        let splitS = splittable(s), splitL = l.map(splittable) ?? false
        if !sparse.isEmpty {
            // Row-wise over the sparse features: O(rows × non-default entries per row), always below the
            // dense kernel's O(rows × sparse features) since each holds ≤ 20 % non-default rows.
            sparse.accumulate(
                rows: rowIndex + s.start, gh: contiguous ? gh : UnsafePointer(ordered), count: s.count,
                hist: hist + 2 &* s.slot &* pairsPerLeaf, nonDefault: nonDefault + s.slot &* f,
                rest: rest + s.slot &* f, occupied: occupied + s.slot &* f &* 4, layout: layout)
        }
        // Each chunk of features keeps its best candidates (ties to the lowest feature); chunks are reduced
        // in feature order below, so the result is the same whatever the thread count.
        // A leaf with little histogram work takes less time than waking a second thread (most leaves on
        // text): one thread. Work: the smaller child's rows × (dense features + sparse entries per row).
        let work = Double(s.count) * rowCost
        let threads = work < Self.parallelWork ? 1 : settings.threads
        let chunks = Parallel.chunkCount(f, threads: threads)
        candidatesA.update(repeating: SplitCandidate(), count: chunks)
        candidatesB.update(repeating: SplitCandidate(), count: chunks)
        let me = self, candA = DisjointWrites(candidatesA, count: chunks)
        let candB = DisjointWrites(candidatesB, count: chunks), ghT = SharedReads(gh, count: 2 * n)
        let sSide = LeafSide(s, splittable: splitS, rules: settings.rules)
        let lSide = l.map { LeafSide($0, splittable: splitL, rules: settings.rules) }
        Parallel.forIndexedChunks(f, threads: threads) { chunk, range in
            var bestS = SplitCandidate(), bestL = SplitCandidate()
            for j in range {
                let hs = me.histogram(slot: sSide.slot, feature: j)
                // Only the bins this feature uses (and the missing bin) are touched.
                let used = 2 &* min(me.binnings[j].binCount, FeatureBinning.missingBin)
                let col = UnsafePointer(me.bins + j &* me.n)
                let isSparse = me.sparse.defaultBin[j] >= 0
                // A sparse feature's histogram: its occupied non-default bins valid where its leaf count is > 0
                // (the others implicitly zero), default bin set from the leaf's totals just before a split scan.
                var cs: Int32 = 1
                if isSparse {
                    cs = me.nonDefault[sSide.slot &* me.f &+ j]
                } else {
                    hs.initialize(repeating: 0, count: used)
                    (hs + 2 &* FeatureBinning.missingBin).initialize(repeating: 0, count: 2)
                    if contiguous {
                        HistogramKernels.accumulateAll(bins: col, gh: ghT.base, count: s.count, hist: hs)
                    } else {
                        HistogramKernels.accumulateGathered(
                            bins: col, rows: me.rowIndex + s.start, gh: me.ordered, count: s.count, hist: hs)
                    }
                }
                me.scan(j, hist: hs, side: sSide, nonDefault: cs, into: &bestS)
                if let lSide {
                    let hl = me.histogram(slot: lSide.slot, feature: j)
                    var cl: Int32 = 1
                    if isSparse {
                        // The larger child holds its parent's slot: parent minus smaller, bins and counts alike,
                        // over the bins the smaller child occupies; it keeps the parent's mask but for bins left zero.
                        if cs > 0 {
                            HistogramKernels.subtract(
                                hl, hs, occupied: me.occupied + (sSide.slot &* me.f &+ j) &* 4,
                                parentOccupied: me.occupied + (lSide.slot &* me.f &+ j) &* 4,
                                missingSlot: me.layout[j] & 255)
                            me.rest[lSide.slot &* me.f &+ j] -= me.rest[sSide.slot &* me.f &+ j]
                        }
                        me.nonDefault[lSide.slot &* me.f &+ j] &-= cs
                        cl = me.nonDefault[lSide.slot &* me.f &+ j]
                    } else {
                        HistogramKernels.subtract(hl, hs, used: used)
                    }
                    me.scan(j, hist: hl, side: lSide, nonDefault: cl, into: &bestL)
                }
            }
            candA[chunk] = bestS
            candB[chunk] = bestL
        }
        return (Self.reduce(candidatesA, chunks), l == nil ? SplitCandidate() : Self.reduce(candidatesB, chunks))
    }

    /// Feature j's histogram in a leaf's slot of the buffer.
    @inline(__always)
    private func histogram(slot: Int, feature j: Int) -> UnsafeMutablePointer<Double> {
        hist + 2 &* (slot &* pairsPerLeaf &+ (layout[j] >> 8))
    }

    /// Histogram work (rows × row cost) below which a leaf's features are handled on one thread.
    static let parallelWork = 65_536.0

    /// What a split scan needs of a leaf, copied once per node rather than once per feature.
    private struct LeafSide {
        var sums: NodeSums
        var slot: Int
        var splittable: Bool
        var allowed: [Bool]?
        /// The least hessian a child may have (SplitFinder.minChildHessian).
        var minH: Double

        init(_ leaf: Leaf, splittable: Bool, rules: SplitRules) {
            sums = leaf.sums
            slot = leaf.slot
            self.splittable = splittable
            allowed = leaf.allowed
            minH = SplitFinder.minChildHessian(total: leaf.sums, rules: rules)
        }
    }

    /// Feature j's best split at a leaf into `best` when it beats it, or nothing when the leaf cannot split
    /// or (a sparse feature) its rows outside the default bin cannot make a child: every split leaves
    /// the default bin on one side, so the other side holds at most their hessian.
    @inline(__always)
    private func scan(
        _ j: Int, hist: UnsafeMutablePointer<Double>, side: LeafSide, nonDefault: Int32,
        into best: inout SplitCandidate
    ) {
        guard side.splittable && nonDefault > 0 && (side.allowed?[j] ?? true) else { return }
        let c: SplitCandidate
        if sparse.defaultBin[j] >= 0 {
            let rest = rest[side.slot &* f &+ j]
            // A margin far above the rounding of the sums keeps this exactly the scan's verdict.
            guard rest.y >= side.minH - 1e-9 * side.sums.h else { return }
            sparse.completeDefault(
                feature: j, hist: hist, total: side.sums, nonDefault: Int(nonDefault), rest: rest,
                missingSlot: layout[j] & 255)
            let walk = MaskedBins(
                mask: occupied + (side.slot &* f &+ j) &* 4, extra: sparse.defaultBin[j], missingSlot: layout[j] & 255)
            c = SplitFinder.best(
                hist: hist, binning: binnings[j], total: side.sums, rules: settings.rules, feature: j, walk: walk)
        } else {
            c = SplitFinder.best(hist: hist, binning: binnings[j], total: side.sums, rules: settings.rules, feature: j)
        }
        if c.gain > best.gain { best = c }
    }

    /// The best candidate, ties going to the first (the lowest feature index).
    private static func reduce(_ c: UnsafePointer<SplitCandidate>, _ count: Int) -> SplitCandidate {
        var best = SplitCandidate()
        for j in 0..<count where c[j].gain > best.gain { best = c[j] }
        return best
    }

    /// Stable in-place partition of a leaf's rows; returns how many went left.
    private func partition(start: Int, count: Int, split: SplitCandidate) -> Int {
        for b in 0..<256 { isLeft[b] = split.goesLeft(bin: b) ? 1 : 0 }
        return RowPartition.partition(
            rows: rowIndex + start, scratch: scratch + start, count: count, bins: bins + split.feature &* n,
            isLeft: isLeft, threads: settings.threads)
    }

    /// Writes a split into the shared tree structure, thresholds in raw feature values.
    private func record(_ s: SplitCandidate, node: Int, left: Int, right: Int, in tree: inout TreeStructure) {
        let binning = binnings[s.feature]
        tree.feature[node] = Int32(s.feature)
        tree.left[node] = Int32(left)
        tree.right[node] = Int32(right)
        tree.gain[node] = s.gain
        tree.missingGoesLeft[node] = s.missingLeft
        if s.categorical {
            tree.leftCategories[node] = (0..<binning.binCount).filter { s.leftBins.contains($0) }.map { Int32($0) }
            tree.threshold[node] = .nan
        } else {
            tree.threshold[node] = s.bin < 0 ? -.infinity : binning.threshold(afterBin: s.bin)
        }
    }
}
