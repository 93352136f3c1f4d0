// Grows one boosting tree leaf-wise (LightGBM's best-first growth) on binned features: the growth policy
// and the split step. The leaf with the largest gain splits next until `maxLeafNodes` leaves; its rows are
// split in place (LeafPartition); only the smaller child's histograms are built (HistogramKernels for dense
// features, SparseBins for sparse ones), the larger child's are its parent's minus the smaller's, in the
// slots of a HistogramPool; both children's best splits are then found (SplitFinder), feature by feature
// in parallel. Every feature's histogram is built by one thread in row order and the best split is reduced
// in feature order, so trees are identical whatever the thread count. A sparse feature's histograms are
// compact (its bins, then its missing bin) and only the bins its rows occupy at a leaf are written,
// subtracted and scanned (a mask per feature); a dense feature's take all 256 bins. Only the sparse features a
// leaf's rows hold outside their default bin are visited at all (a bitmap per leaf): thousands of TF-IDF terms
// cost a leaf of a few rows the terms those rows hold.
// Leaves out: the leaf values' learning-rate shrinkage for absolute error (renewed by the booster).

/// Grows the trees of one fit: it owns the binned matrix (by column), the leaves' rows and histograms, and
/// the buffers of the split step. Its parallel region captures only Sendable views of that memory.
final class TreeGrower {
    let n: Int
    let f: Int
    let binnings: [FeatureBinning]
    let settings: GrowerSettings
    let sparse: SparseBins
    /// Histogram work per row of a leaf: dense features + sparse entries per row + 1.
    private let rowCost: Double
    /// [features × rows] UInt8, by column.
    private let bins: UnsafeMutableBufferPointer<UInt8>
    let partition: LeafPartition
    /// [2 × rows] Float: a leaf's (g, h) pairs gathered in its row order.
    private let ordered: UnsafeMutableBufferPointer<Float>
    let pool: HistogramPool
    /// [features] each: the best split of each chunk of features, for the smaller and the larger child.
    private let candidatesA: UnsafeMutableBufferPointer<SplitCandidate>
    private let candidatesB: UnsafeMutableBufferPointer<SplitCandidate>

    fileprivate struct Leaf {
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
        bins = .allocate(capacity: max(1, binned.bins.count))
        _ = bins.initialize(from: binned.bins)
        sparse = SparseBins(
            bins: bins.baseAddress.unsafelyUnwrapped, rows: n, features: f, threshold: settings.sparseThreshold,
            threads: settings.threads)
        rowCost = Double(f - sparse.sparseFeatures.count) + Double(sparse.entryCount) / Double(max(1, n)) + 1
        partition = LeafPartition(rows: n)
        ordered = .allocate(capacity: max(2, 2 * n))
        ordered.initialize(repeating: 0)
        let layout = FeatureSlot.layout(
            binCounts: binnings.map(\.binCount), sparse: sparse.defaultBin.map { $0 >= 0 })
        pool = HistogramPool(layout: layout.slots, pairsPerSlot: layout.pairsPerSlot, slots: settings.maxLeafNodes + 1)
        candidatesA = .allocate(capacity: max(1, f))
        candidatesA.initialize(repeating: SplitCandidate())
        candidatesB = .allocate(capacity: max(1, f))
        candidatesB.initialize(repeating: SplitCandidate())
    }

    deinit {
        bins.deallocate()
        ordered.deallocate()
        candidatesA.deallocate()
        candidatesB.deallocate()
    }

    var binsPointer: UnsafePointer<UInt8> { UnsafePointer(bins.baseAddress.unsafelyUnwrapped) }
    /// The rows of the last grown tree's leaves (`GrownTree.leaves` ranges index it).
    var rowIndex: UnsafeMutablePointer<Int32> { partition.base }

    /// Grows a tree on gradients `gh` ([rows × 2] Float) over all rows, or over `sample` (sorted rows).
    func grow(gh: UnsafePointer<Float>, sample: [Int32]?, rng: inout SeededGenerator) -> GrownTree {
        let m = partition.reset(sample: sample, rows: n)
        let rowIndex = partition.base
        pool.reset()
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
            root.slot = pool.take()
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
            let leftCount = partition.split(
                start: parent.start, count: parent.count, by: split, bins: binsPointer + split.feature &* n,
                threads: settings.threads)
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
                    left.slot = pool.take()
                    right.slot = parent.slot
                    (left.best, right.best) = buildAndFind(smaller: left, larger: right, gh: gh, contiguous: false)
                } else {
                    right.slot = pool.take()
                    left.slot = parent.slot
                    (right.best, left.best) = buildAndFind(smaller: right, larger: left, gh: gh, contiguous: false)
                }
            } else if parent.slot >= 0 {
                pool.giveBack(parent.slot)
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
        let rowsT = SharedReads(partition.base + s.start, count: s.count)
        let orderedT = DisjointWrites(ordered), ghT = SharedReads(gh, count: 2 * n)
        if !contiguous {
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
        let memory = pool.memory
        if !sparse.isEmpty {
            // Row-wise over the sparse features: O(rows × non-default entries per row), always below the
            // dense kernel's O(rows × sparse features) since each holds ≤ 20 % non-default rows.
            sparse.accumulate(
                rows: rowsT.base, gh: contiguous ? gh : UnsafePointer(orderedT.base), count: s.count,
                hist: memory.histograms(slot: s.slot),
                nonDefault: memory.nonDefault.base + memory.index(slot: s.slot, feature: 0),
                rest: memory.rest.base + memory.index(slot: s.slot, feature: 0),
                occupied: memory.occupied(slot: s.slot, feature: 0), active: memory.active(slot: s.slot),
                layout: memory.layout.base)
        }
        // Each chunk of features keeps its best candidates (ties to the lowest feature); chunks are reduced
        // in feature order below, so the result is the same whatever the thread count.
        // A leaf with little histogram work takes less time than waking a second thread (most leaves on
        // text): one thread. Work: the smaller child's rows × (dense features + sparse entries per row).
        let work = Double(s.count) * rowCost
        let threads = work < Self.parallelWork ? 1 : settings.threads
        let chunks = Parallel.chunkCount(f, threads: threads)
        // Only the `chunks` slots this region fills are reset (features can number thousands: TF-IDF terms).
        UnsafeMutableBufferPointer(rebasing: candidatesA[0..<chunks]).update(repeating: SplitCandidate())
        UnsafeMutableBufferPointer(rebasing: candidatesB[0..<chunks]).update(repeating: SplitCandidate())
        let candA = DisjointWrites(candidatesA), candB = DisjointWrites(candidatesB)
        let binsT = SharedReads(bins), rows = n
        let scan = SplitScan(binnings: binnings, defaultBin: sparse.defaultBin, rules: settings.rules, memory: memory)
        let sSide = LeafSide(s, splittable: splitS, rules: settings.rules)
        let lSide = l.map { LeafSide($0, splittable: splitL, rules: settings.rules) }
        // Two passes per chunk of features. The smaller child's features (the dense ones and the sparse ones its
        // rows hold outside their default bin): build, scan, and derive the larger child's histogram by
        // subtraction. Then the larger child's (the dense ones and the sparse ones its parent's rows held: its
        // slot is its parent's): a scan, or for most sparse ones just the check that they cannot make a child.
        // A sparse feature in neither has a count of 0 on both sides: no histogram, no split.
        let dense = SharedReads(sparse.denseMask, count: memory.words)
        let smallerFeatures = VisitedFeatures(
            dense: dense, held: SharedReads(memory.active(slot: sSide.slot), count: memory.words))
        let largerFeatures = lSide.map {
            VisitedFeatures(dense: dense, held: SharedReads(memory.active(slot: $0.slot), count: memory.words))
        }
        Parallel.forIndexedChunks(f, threads: threads) { chunk, range in
            var bestS = SplitCandidate(), bestL = SplitCandidate()
            smallerFeatures.forEach(in: range) { j in
                let hs = memory.histogram(slot: sSide.slot, feature: j)
                // Only the bins this feature uses (and the missing bin) are touched.
                let used = 2 &* min(scan.binnings[j].binCount, FeatureBinning.missingBin)
                let isSparse = scan.defaultBin[j] >= 0
                let sIndex = memory.index(slot: sSide.slot, feature: j)
                // A sparse feature's histogram: its occupied non-default bins (the others implicitly zero), its
                // default bin set from the leaf's totals just before a split scan.
                var cs: Int32 = 1
                if isSparse {
                    cs = memory.nonDefault[sIndex]
                } else {
                    hs.initialize(repeating: 0, count: used)
                    (hs + 2 &* FeatureBinning.missingBin).initialize(repeating: 0, count: 2)
                    let col = binsT.base + j &* rows
                    if contiguous {
                        HistogramKernels.accumulateAll(bins: col, gh: ghT.base, count: s.count, hist: hs)
                    } else {
                        HistogramKernels.accumulateGathered(
                            bins: col, rows: rowsT.base, gh: orderedT.base, count: s.count, hist: hs)
                    }
                }
                scan.best(j, hist: hs, side: sSide, nonDefault: cs, into: &bestS)
                guard let lSide else { return }
                let hl = memory.histogram(slot: lSide.slot, feature: j)
                if isSparse {
                    // The larger child holds its parent's slot: parent minus smaller, bins and counts alike,
                    // over the bins the smaller child occupies; it keeps the parent's mask but for bins left zero.
                    let lIndex = memory.index(slot: lSide.slot, feature: j)
                    HistogramKernels.subtract(
                        hl, hs, occupied: memory.occupied(slot: sSide.slot, feature: j),
                        parentOccupied: memory.occupied(slot: lSide.slot, feature: j),
                        missingSlot: Int(memory.layout[j].missingPair))
                    memory.rest[lIndex] -= memory.rest[sIndex]
                    memory.nonDefault[lIndex] &-= cs
                } else {
                    HistogramKernels.subtract(hl, hs, used: used)
                }
            }
            if let lSide, let largerFeatures, lSide.splittable {
                largerFeatures.forEach(in: range) { j in
                    let cl = scan.defaultBin[j] >= 0 ? memory.nonDefault[memory.index(slot: lSide.slot, feature: j)] : 1
                    scan.best(
                        j, hist: memory.histogram(slot: lSide.slot, feature: j), side: lSide, nonDefault: cl,
                        into: &bestL)
                }
            }
            candA[chunk] = bestS
            candB[chunk] = bestL
        }
        return (Self.reduce(candidatesA, chunks), l == nil ? SplitCandidate() : Self.reduce(candidatesB, chunks))
    }

    /// Histogram work (rows × row cost) below which a leaf's features are handled on one thread.
    static let parallelWork = 65_536.0

    /// What a split scan needs of a leaf, copied once per node rather than once per feature.
    fileprivate struct LeafSide: Sendable {
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

    /// The best candidate, ties going to the first (the lowest feature index).
    private static func reduce(_ c: UnsafeMutableBufferPointer<SplitCandidate>, _ count: Int) -> SplitCandidate {
        var best = SplitCandidate()
        for j in 0..<count where c[j].gain > best.gain { best = c[j] }
        return best
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

/// The split scan of one feature at one leaf, as the parallel region runs it: Sendable, over the pool's views.
private struct SplitScan: Sendable {
    let binnings: [FeatureBinning]
    /// Per feature: its default bin, or −1 for a dense feature (SparseBins.defaultBin).
    let defaultBin: [Int]
    let rules: SplitRules
    let memory: HistogramPool.Memory

    /// Feature j's best split at a leaf into `best` when it beats it, or nothing when the leaf cannot split
    /// or (a sparse feature) its rows outside the default bin cannot make a child: every split leaves
    /// the default bin on one side, so the other side holds at most their hessian.
    @inline(__always)
    func best(
        _ j: Int, hist: UnsafeMutablePointer<Double>, side: TreeGrower.LeafSide, nonDefault: Int32,
        into best: inout SplitCandidate
    ) {
        guard side.splittable && nonDefault > 0 && (side.allowed?[j] ?? true) else { return }
        let c: SplitCandidate
        if defaultBin[j] >= 0 {
            let rest = memory.rest[memory.index(slot: side.slot, feature: j)]
            // A margin far above the rounding of the sums keeps this exactly the scan's verdict.
            guard rest.y >= side.minH - 1e-9 * side.sums.h else { return }
            let missingSlot = Int(memory.layout[j].missingPair)
            SparseBins.completeDefault(
                defaultBin: defaultBin[j], hist: hist, total: side.sums, nonDefault: Int(nonDefault), rest: rest,
                missingSlot: missingSlot)
            let walk = MaskedBins(
                mask: memory.occupied(slot: side.slot, feature: j), extra: defaultBin[j], missingSlot: missingSlot)
            c = SplitFinder.best(
                hist: hist, binning: binnings[j], total: side.sums, rules: rules, feature: j, walk: walk)
        } else {
            c = SplitFinder.best(hist: hist, binning: binnings[j], total: side.sums, rules: rules, feature: j)
        }
        if c.gain > best.gain { best = c }
    }
}
