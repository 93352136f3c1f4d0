// The sparse histogram path of gradient boosting against the dense kernel: the same histograms (row-wise
// non-default entries plus the default bin by subtraction vs the naive per-feature sum), the same trees on
// a regression fixture without near-ties (squared error: hessians are 1, so only gradients round
// differently), and close predictions on titanic with its names as ~900 TF-IDF features.

import Testing

@testable import MLCore

@Suite struct SparseHistogramTests {
    /// Column-major bins [features × rows]: feature 0 dense, 1 sparse with default bin 0, 2 sparse with
    /// default bin 3, 3 sparse with missing (255) as default, 4 ~85 % zero, 5 constant.
    static func sparseBins(rows n: Int, seed: UInt64) -> [UInt8] {
        var g = SeededGenerator(seed: seed)
        var out: [UInt8] = []
        for j in 0..<6 {
            for _ in 0..<n {
                let u = g.nextUnit()
                switch j {
                case 0: out.append(UInt8(g.nextInt(below: 30)))
                case 1: out.append(u < 0.9 ? 0 : UInt8(1 + g.nextInt(below: 20)))
                case 2: out.append(u < 0.95 ? 3 : UInt8(g.nextInt(below: 8)))
                case 3: out.append(u < 0.9 ? 255 : UInt8(g.nextInt(below: 5)))
                case 4: out.append(u < 0.85 ? 0 : u < 0.9 ? 255 : UInt8(1 + g.nextInt(below: 3)))
                default: out.append(2)
                }
            }
        }
        return out
    }

    static let binCounts = [30, 21, 8, 5, 4, 3]

    /// Every feature's histogram at 256 pairs, the missing bin at 255 (SparseBins.accumulate's layout).
    static func plainLayout(_ features: Int) -> [FeatureSlot] {
        (0..<features).map { FeatureSlot(offset: Int32($0 * 256), missingPair: 255) }
    }

    /// Bins of `sparseBins`, gradients, a leaf's rows (all, or a seeded `share` of them) and their totals.
    static func leaf(rows n: Int, seed: UInt64, subset: Bool, share: Double)
        -> (bins: [UInt8], g: [Float], h: [Float], rows: [Int], total: NodeSums)
    {
        let bins = Self.sparseBins(rows: n, seed: seed)
        let (g, h) = KernelTwinTests.gradients(n, seed: seed + 1)
        var gen = SeededGenerator(seed: seed + 2)
        let rows = subset ? (0..<n).filter { _ in gen.nextUnit() < share } : Array(0..<n)
        var total = NodeSums(g: 0, h: 0, count: rows.count)
        for r in rows { total.g += Double(g[r]); total.h += Double(h[r]) }
        return (bins, g, h, rows, total)
    }

    @Test(arguments: [false, true])
    func compactLayoutHoldsThePlainLayoutsBins(subset: Bool) {
        let n = 1_000
        let (bins, g, h, rows, total) = Self.leaf(rows: n, seed: 8, subset: subset, share: 0.4)
        let gh = TestBuffer(rows.flatMap { [g[$0], h[$0]] }), rows32 = TestBuffer(rows.map { Int32($0) })
        // The grower's layout: a dense feature takes 256 pairs, a sparse one its bins then its missing bin.
        let (compact, pairs) = FeatureSlot.layout(
            binCounts: Self.binCounts, sparse: [false] + Array(repeating: true, count: 5))
        #expect(pairs == 256 + 22 + 9 + 6 + 5 + 4)
        let plainHist = TestBuffer([Double](repeating: .nan, count: 6 * histogramStride))
        let compactHist = TestBuffer([Double](repeating: .nan, count: 2 * pairs))
        let counts = TestBuffer([Int32](repeating: 0, count: 12)),
            rest = TestBuffer([SIMD2<Double>](repeating: .zero, count: 12))
        let masks = TestBuffer([UInt64](repeating: 0, count: 48)), active = TestBuffer([UInt64](repeating: 0, count: 2))
        let pl = TestBuffer(Self.plainLayout(6)), cl = TestBuffer(compact), bb = TestBuffer(bins)
        withExtendedLifetime((gh, rows32, pl, cl, bb)) {
            let sparse = SparseBins(bins: bb.p, rows: n, features: 6, threshold: 0.8, threads: 1)
            for (k, layout) in [pl.p, cl.p].enumerated() {
                let hist = k == 0 ? plainHist.p : compactHist.p
                sparse.accumulate(
                    rows: rows32.p, gh: gh.p, count: rows.count, hist: hist, nonDefault: counts.p + 6 * k,
                    rest: rest.p + 6 * k, occupied: masks.p + 24 * k, active: active.p + k, layout: layout)
                for j in sparse.sparseFeatures where SparseBins.contains(active.p + k, j) {
                    sparse.completeDefault(
                        feature: j, hist: hist + 2 * Int(layout[j].offset), total: total,
                        nonDefault: Int(counts.p[6 * k + j]),
                        rest: rest.p[6 * k + j], missingSlot: Int(layout[j].missingPair))
                }
            }
        }
        #expect(active.array[0] == active.array[1])
        #expect(Array(counts.array[0..<6]) == Array(counts.array[6..<12]))
        #expect(Array(masks.array[0..<24]) == Array(masks.array[24..<48]))
        for j in 1..<6 where counts.p[j] > 0 {
            let mask = MaskedBins(
                mask: masks.p + 4 * j, extra: [-1, 0, 3, 255, 0, 2][j], missingSlot: Int(compact[j].missingPair))
            for b in (0..<256).filter({ mask.holds($0) }) {
                let c = 2 * (Int(compact[j].offset) + mask.slot(b)), p = j * histogramStride + 2 * b
                #expect(
                    compactHist.p[c] == plainHist.p[p] && compactHist.p[c + 1] == plainHist.p[p + 1],
                    "feature \(j) bin \(b)")
            }
        }
    }

    @Test(arguments: [(2_000, false), (2_000, true), (400, true)])
    func sparseHistogramsMatchTheDenseSum(rows n: Int, subset: Bool) {
        let (bins, g, h, rows, total) = Self.leaf(rows: n, seed: 5, subset: subset, share: 0.3)
        let rows32 = rows.map { Int32($0) }
        let gh = rows.flatMap { [g[$0], h[$0]] }
        var hist = [Double](repeating: .nan, count: 6 * histogramStride)
        // Stale counts, sums and masks: accumulate must reset those of every feature it fills.
        var counts = [Int32](repeating: -1, count: 6)
        var rest = [SIMD2<Double>](repeating: SIMD2(7, 7), count: 6)
        var occupied = [UInt64](repeating: ~0, count: 6 * 4)
        var active: UInt64 = ~0
        bins.withUnsafeBufferPointer { b in
            guard let bp = b.baseAddress else { return }
            let sparse = SparseBins(bins: bp, rows: n, features: 6, threshold: 0.8, threads: 2)
            #expect(sparse.sparseFeatures == [1, 2, 3, 4, 5])
            #expect(sparse.defaultBin == [-1, 0, 3, 255, 0, 2])
            hist.withUnsafeMutableBufferPointer { hp in
                counts.withUnsafeMutableBufferPointer { cp in
                    rest.withUnsafeMutableBufferPointer { rp in
                        guard let hb = hp.baseAddress, let cb = cp.baseAddress, let rb = rp.baseAddress else { return }
                        sparse.accumulate(
                            rows: rows32, gh: gh, count: rows.count, hist: hb, nonDefault: cb, rest: rb,
                            occupied: &occupied, active: &active, layout: Self.plainLayout(6))
                        // A feature outside `active` holds no row outside its default bin: count 0, sum 0.
                        for j in sparse.sparseFeatures where active & (1 << UInt64(j)) == 0 {
                            cb[j] = 0
                            rb[j] = .zero
                        }
                        for j in sparse.sparseFeatures {
                            sparse.completeDefault(
                                feature: j, hist: hb + j * histogramStride, total: total, nonDefault: Int(cb[j]),
                                rest: rb[j])
                        }
                    }
                }
            }
        }
        #expect(active & (1 << 5) == 0, "the constant feature has no entry")
        for j in 1..<6 {
            let d = [-1, 0, 3, 255, 0, 2][j]
            #expect(Int(counts[j]) == rows.filter { bins[j * n + $0] != UInt8(d) }.count, "feature \(j)")
            let naive = HistogramKernels.naive(
                bins: Array(bins[(j * n)..<((j + 1) * n)]), rows: rows, gradients: g, hessians: h)
            for b in Array(0..<Self.binCounts[j]) + [255] {
                let k = j * histogramStride + 2 * b
                let isOccupied = occupied[4 * j + b / 64] & (UInt64(1) << UInt64(b % 64)) != 0
                if counts[j] > 0 && b != d {
                    #expect(isOccupied == rows.contains { bins[j * n + $0] == UInt8(b) }, "feature \(j) bin \(b)")
                }
                if b == d {
                    #expect(abs(hist[k] - naive[2 * b]) <= 1e-9 * max(1, abs(total.g)), "feature \(j) bin \(b)")
                    #expect(abs(hist[k + 1] - naive[2 * b + 1]) <= 1e-9 * max(1, total.h), "feature \(j) bin \(b)")
                } else if counts[j] > 0 && isOccupied {
                    // Non-default bins add the same values in the same order: bit-identical.
                    #expect(hist[k] == naive[2 * b] && hist[k + 1] == naive[2 * b + 1], "feature \(j) bin \(b)")
                } else {
                    // No row there: the bin is implicitly zero, and left untouched.
                    #expect(naive[2 * b] == 0 && naive[2 * b + 1] == 0 && hist[k].isNaN, "feature \(j) bin \(b)")
                }
            }
        }
        // Feature 5 is constant: its default bin holds every row, exactly.
        #expect(hist[5 * histogramStride + 5] == total.h)
    }

    @Test func aLeafWithoutDefaultRowsGetsAnExactlyEmptyDefaultBin() {
        let n = 100
        var bins = [UInt8](repeating: 0, count: n)
        for r in 0..<10 { bins[r] = 7 }
        let gh = [Float](repeating: 0.3, count: 20)
        var hist = [Double](repeating: .nan, count: histogramStride)
        var count: Int32 = -1
        var rest = SIMD2<Double>(-1, -1)
        var occupied = [UInt64](repeating: 0, count: 4)
        var active: UInt64 = 0
        bins.withUnsafeBufferPointer { b in
            guard let bp = b.baseAddress else { return }
            let sparse = SparseBins(bins: bp, rows: n, features: 1, threshold: 0.8, threads: 1)
            hist.withUnsafeMutableBufferPointer { hp in
                guard let hb = hp.baseAddress else { return }
                let rows = (0..<10).map { Int32($0) }
                sparse.accumulate(
                    rows: rows, gh: gh, count: 10, hist: hb, nonDefault: &count, rest: &rest, occupied: &occupied,
                    active: &active, layout: Self.plainLayout(1))
                // Totals that differ from the bins' sum in the last bits must not leave a residue.
                sparse.completeDefault(
                    feature: 0, hist: hb, total: NodeSums(g: 3.0000001, h: 3, count: 10), nonDefault: Int(count),
                    rest: rest)
            }
        }
        #expect(count == 10 && active == 1)
        #expect(occupied == [1 << 7, 0, 0, 0])
        #expect(abs(rest.x - 3) < 1e-6 && abs(rest.y - 3) < 1e-6)
        #expect(hist[0] == 0 && hist[1] == 0)
        #expect(abs(hist[14] - 3) < 1e-6 && abs(hist[15] - 3) < 1e-6)
    }

    /// Regression on 1,500 rows: 2 dense features and 40 sparse ones (90 % zero, the rest uniform).
    static func sparseRegression() -> TrainingSet {
        var g = SeededGenerator(seed: 11)
        let n = 1_500, f = 42
        var columns = [[Double]](repeating: [Double](repeating: 0, count: n), count: f)
        var y = [Double](repeating: 0, count: n)
        for r in 0..<n {
            for j in 0..<f {
                columns[j][r] = j < 2 ? g.nextGaussian() : (g.nextUnit() < 0.9 ? 0 : g.nextUnit())
            }
            y[r] = columns[0][r] + 3 * columns[2][r] - 2 * columns[5][r] + 0.3 * g.nextGaussian()
        }
        return TrainingSet(x: FeatureMatrix(columns: columns), y: .values(y))
    }

    /// Fits `set` with sparse histograms and with the dense kernel (sparseThreshold 2), expects the same trees
    /// and returns both fits.
    static func fitsGrowingTheSameTrees(_ set: TrainingSet, _ p: GradientBoostingParameters) throws
        -> (sparse: FittedGradientBoosting, dense: FittedGradientBoosting)
    {
        let sparse = try HistGradientBoosting(p).fit(set)
        var denseParameters = p
        denseParameters.sparseThreshold = 2
        let dense = try HistGradientBoosting(denseParameters).fit(set)
        #expect(sparse.trees.count == dense.trees.count)
        for (a, b) in zip(sparse.trees, dense.trees) {
            #expect(a.feature == b.feature)
            #expect(a.threshold.elementsEqual(b.threshold) { $0 == $1 || ($0.isNaN && $1.isNaN) })
            #expect(a.left == b.left && a.right == b.right)
        }
        return (sparse, dense)
    }

    @Test func sparseAndDenseGrowTheSameTrees() throws {
        let set = Self.sparseRegression()
        var p = GradientBoostingParameters()
        p.maxIter = 30
        p.minSamplesLeaf = 5
        let (sparse, dense) = try Self.fitsGrowingTheSameTrees(set, p)
        guard case .values(let ps) = try sparse.predict(set.x), case .values(let pd) = try dense.predict(set.x) else {
            Issue.record("regression predictions expected")
            return
        }
        #expect(zip(ps, pd).allSatisfy { abs($0 - $1) <= 1e-9 })
        // The sparse path is single-threaded and in row order: one thread gives the very same model.
        p.threads = 1
        let oneThread = try HistGradientBoosting(p).fit(set)
        guard case .values(let p1) = try oneThread.predict(set.x) else { return }
        #expect(p1 == ps)
    }

    @Test func titanicWithNamesMatchesTheDenseFit() throws {
        let d = try TestData.load("titanic.csv")
        let spec = try TargetSpec(dataset: d, column: "survived")
        let train = Array(0..<700), test = Array(700..<d.rowCount)
        let fitted = try Pipeline(dataset: d, target: "survived", preset: .tree).fit(d, rows: train)
        let trainSet = try fitted.trainingSet(d, target: spec, rows: train)
        let testSet = try fitted.trainingSet(d, target: spec, rows: test)
        #expect(trainSet.x.featureCount > 500, "names should give hundreds of TF-IDF features")
        var denseParameters = GradientBoostingParameters()
        denseParameters.sparseThreshold = 2
        let sparse = try HistGradientBoosting().fit(trainSet)
        let dense = try HistGradientBoosting(denseParameters).fit(trainSet)
        guard case .classes(_, let ps?, _) = try sparse.predict(testSet.x),
            case .classes(_, let pd?, _) = try dense.predict(testSet.x),
            case .classes(let labels, _) = testSet.y
        else {
            Issue.record("class probabilities expected")
            return
        }
        let gap = zip(ps, pd).map { abs($0 - $1) }
        #expect((gap.max() ?? 1) <= 0.05, "largest probability gap \(gap.max() ?? 1)")
        #expect(gap.reduce(0, +) / Double(max(1, gap.count)) <= 0.005)
        let positive = { (p: [Double]) in stride(from: 1, to: p.count, by: 2).map { p[$0] } }
        let aucS = try Metrics.rocAUC(labels, positive(ps)), aucD = try Metrics.rocAUC(labels, positive(pd))
        #expect(abs(aucS - aucD) <= 0.005, "AUC sparse \(aucS) vs dense \(aucD)")
    }
}
