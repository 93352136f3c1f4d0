// Histogram gradient boosting (LightGBM / scikit-learn HistGradientBoosting): bin once, then each
// iteration computes gradients, grows one leaf-wise tree per output on the binned columns, and adds
// its leaf values to the raw scores through the leaves' row ranges (no tree walk for training rows).
// Optional row subsampling per iteration and early stopping on a seeded validation fraction.
// classWeight "balanced" multiplies each row's sample weight by rows / (classes × its class's rows).
// Leaves out: dart, goss, monotonic constraints.

import Foundation

/// The gradient boosting estimator (`gbdt` in the registry).
public struct HistGradientBoosting: ColumnEstimator, TimeLimited {
    public var parameters: GradientBoostingParameters

    public init(_ parameters: GradientBoostingParameters = .init()) { self.parameters = parameters }

    /// With a time limit: the iteration count `fitted` reached as `maxIter`, and no limit.
    public func fixed(at fitted: FittedGradientBoosting) -> HistGradientBoosting? {
        guard parameters.maxSeconds != nil else { return nil }
        var p = parameters
        p.maxSeconds = nil
        p.maxIter = max(1, fitted.iterations)
        return HistGradientBoosting(p)
    }

    public func fit(_ data: TrainingSet) throws(MLError) -> FittedGradientBoosting {
        try fit(columns: FeatureColumns(data.x), y: data.y, sampleWeights: data.sampleWeights)
    }

    /// Fits on feature columns (bins them without a dense copy); the same model as `fit` on their matrix.
    public func fit(columns x: FeatureColumns, y: TargetValues, sampleWeights: [Double]? = nil) throws(MLError)
        -> FittedGradientBoosting
    {
        let p = parameters
        try p.validate()
        guard x.rows == y.count else {
            throw MLError(
                .shapeMismatch,
                "There are \(x.rows) feature rows but \(y.count) target values; give one target value per row.")
        }
        try InputChecks.requireRows(rows: x.rows, features: x.featureCount, model: "gbdt", minimumRows: 2)
        try InputChecks.requireNoInfinity(x, model: "gbdt")
        var classNames: [String]? = nil
        let yAll: [Double]
        var labels: [Int]? = nil
        let loss: BoostingLoss
        switch y.task {
        case .binary, .multiclass:
            let c = try InputChecks.classes(y, model: "gbdt")
            classNames = c.names
            labels = c.labels
            yAll = c.labels.map(Double.init)
            loss = p.loss ?? .logLoss
            guard loss == .logLoss else {
                throw MLError(
                    .invalidParameter,
                    "gbdt: loss=\(loss.rawValue) is for regression; a class target needs loss=log_loss.")
            }
        case .regression:
            yAll = try InputChecks.values(y, model: "gbdt")
            loss = p.loss ?? .squaredError
            guard loss != .logLoss else {
                throw MLError(
                    .invalidParameter,
                    "gbdt: loss=log_loss is for classes; a numeric target takes squared_error or absolute_error.")
            }
        case .clustering:
            throw MLError(.invalidTarget, "gbdt needs a target column; for clustering use kmeans.")
        }
        var weightsAll = sampleWeights == nil ? nil : try InputChecks.weights(sampleWeights, rows: x.rows)
        let classCount = classNames?.count ?? 0
        if p.classWeight == "balanced", let labels {
            var counts = [Double](repeating: 0, count: classCount)
            for l in labels { counts[l] += 1 }
            let cw = counts.map { $0 > 0 ? Double(labels.count) / (Double(classCount) * $0) : 0 }
            var w = weightsAll ?? [Double](repeating: 1, count: labels.count)
            for i in w.indices { w[i] *= cw[labels[i]] }
            weightsAll = w
        }

        let booster = Booster(p: p, loss: loss, classNames: classNames, features: x.features)
        guard p.earlyStopping else {
            return try booster.run(
                x: x, target: BoostingTarget(values: yAll, classCount: classCount, weights: weightsAll),
                validationX: nil, validationTarget: nil)
        }
        let split = InternalSplit.rows(count: x.rows, fraction: p.validationFraction, labels: labels, seed: p.seed)
        func part(_ rows: [Int]) -> BoostingTarget {
            BoostingTarget(
                values: rows.map { yAll[$0] }, classCount: classCount,
                weights: weightsAll.map { w in rows.map { w[$0] } })
        }
        return try booster.run(
            x: x.selecting(rows: split.train), target: part(split.train),
            validationX: x.selecting(rows: split.validation).matrix(), validationTarget: part(split.validation))
    }
}

/// One boosting run: the loop over iterations.
private struct Booster {
    let p: GradientBoostingParameters
    let loss: BoostingLoss
    let classNames: [String]?
    let features: [FeatureInfo]

    func run(
        x: FeatureColumns, target: BoostingTarget, validationX: FeatureMatrix?, validationTarget: BoostingTarget?
    ) throws(MLError) -> FittedGradientBoosting {
        // maxSeconds counts from here: binning is part of the fit.
        let deadline = p.maxSeconds.map { DispatchTime.now().uptimeNanoseconds + UInt64($0 * 1e9) }
        let n = x.rows
        let threads = p.threads
        let binner = try FeatureBinner(fitting: x, maxBins: p.maxBins, seed: p.seed, threads: threads)
        let binned = binner.transform(x, threads: threads)
        let outputs = loss.outputs(classCount: target.classCount)
        let base = loss.baseScores(target)
        let settings = GrowerSettings(
            maxLeafNodes: p.maxLeafNodes, maxDepth: p.maxDepth,
            rules: SplitRules(
                l2: p.l2Regularization, minSamplesLeaf: p.minSamplesLeaf, minChildWeight: p.minChildWeight),
            learningRate: p.learningRate, maxFeatures: p.maxFeatures, threads: threads,
            sparseThreshold: p.sparseThreshold ?? SparseBins.defaultThreshold)
        let grower = TreeGrower(binned: binned, binnings: binner.features, settings: settings)
        var raw = [Double](repeating: 0, count: outputs * n)
        for k in 0..<outputs { for r in 0..<n { raw[k * n + r] = base[k] } }
        var prob = [Double](repeating: 0, count: outputs > 1 ? outputs * n : 0)
        let gh = UnsafeMutablePointer<Float>.allocate(capacity: 2 * n)
        gh.initialize(repeating: 0, count: 2 * n)
        defer { gh.deallocate() }
        let ghT = DisjointWrites(gh, count: 2 * n)  // rows' (g, h) pairs, written by their chunk
        var trees: [TreeStructure] = []
        var treeOutput: [Int] = []
        var rng = SeededGenerator(seed: p.seed, stream: 0xB0057)
        let combination0 = TreeCombination(base: base, scale: 1)
        var validationRaw: [Double]? = validationX.map { vx in
            TreeEvaluation.rawScores(trees: [], combination: combination0, outputs: outputs, x: vx, threads: threads)
        }
        var scores: [Double] = []
        if let vt = validationTarget, let vr = validationRaw { scores.append(-loss.value(raw: vr, target: vt)) }
        var iterations = 0
        for _ in 0..<p.maxIter {
            try Cancellation.check()
            if let deadline, iterations > 0, DispatchTime.now().uptimeNanoseconds >= deadline { break }
            if outputs > 1 {
                raw.withUnsafeBufferPointer { rb in
                    prob.withUnsafeMutableBufferPointer { pb in
                        guard let r = rb.baseAddress, let pr = pb.baseAddress else { return }
                        let rt = SharedReads(r, count: outputs * n), pt = DisjointWrites(pr, count: outputs * n)
                        Parallel.forChunks(n, threads: threads, minimumPerThread: 4096) { range in
                            BoostingLoss.softmax(raw: rt.base, prob: pt.base, outputs: outputs, n: n, rows: range)
                        }
                    }
                }
            }
            let sample = p.subsample < 1 ? drawSample(n: n, rng: &rng) : nil
            var allLeaves = true
            var newTrees: [TreeStructure] = []
            for k in 0..<outputs {
                raw.withUnsafeBufferPointer { rb in
                    prob.withUnsafeBufferPointer { pb in
                        guard let r = rb.baseAddress else { return }
                        let rt = SharedReads(r, count: outputs * n),
                            pt = pb.baseAddress.map { SharedReads($0, count: pb.count) }
                        Parallel.forChunks(n, threads: threads, minimumPerThread: 4096) { range in
                            loss.gradients(
                                raw: rt.base, prob: pt?.base, output: k, target: target, gh: ghT.base, rows: range)
                        }
                    }
                }
                var grown = grower.grow(gh: gh, sample: sample, rng: &rng)
                if grown.structure.nodeCount > 1 { allLeaves = false }
                if loss == .absoluteError { renewMedians(&grown, raw: raw, target: target, grower: grower) }
                update(&raw, output: k, n: n, with: grown, grower: grower, sampled: sample != nil)
                newTrees.append(grown.structure)
            }
            if allLeaves && iterations > 0 { break }
            trees += newTrees
            treeOutput += Array(0..<outputs)
            iterations += 1
            if let vx = validationX, let vt = validationTarget, var vr = validationRaw {
                let add = TreeEvaluation.rawScores(
                    trees: newTrees,
                    combination: TreeCombination(
                        base: [Double](repeating: 0, count: outputs), scale: 1, treeOutput: Array(0..<outputs)),
                    outputs: outputs, x: vx, threads: threads)
                for i in vr.indices { vr[i] += add[i] }
                validationRaw = vr
                scores.append(-loss.value(raw: vr, target: vt))
                if shouldStop(scores) { break }
            }
            if allLeaves { break }
        }
        return FittedGradientBoosting(
            features: features, parameters: p, loss: loss, classNames: classNames, trees: trees,
            treeCombination: TreeCombination(base: base, scale: 1, treeOutput: outputs > 1 ? treeOutput : nil),
            iterations: iterations, validationScores: scores.isEmpty ? nil : scores)
    }

    /// scikit-learn's rule: stop when none of the last `nIterNoChange` scores beats the one before them by `tol`.
    private func shouldStop(_ scores: [Double]) -> Bool {
        let k = p.nIterNoChange
        guard scores.count > k else { return false }
        let reference = scores[scores.count - k - 1]
        return !scores.suffix(k).contains { $0 > reference + p.tol }
    }

    private func drawSample(n: Int, rng: inout SeededGenerator) -> [Int32] {
        let m = max(1, Int((p.subsample * Double(n)).rounded()))
        var idx = Array(0..<Int32(n))
        for i in 0..<m { idx.swapAt(i, i + rng.nextInt(below: n - i)) }
        return Array(idx[0..<m]).sorted()
    }

    /// Adds the tree's leaf values to output `k`'s raw scores: by leaf row ranges, or by walking the
    /// binned rows when the tree saw only a sample.
    private func update(
        _ raw: inout [Double], output k: Int, n: Int, with tree: GrownTree, grower: TreeGrower, sampled: Bool
    ) {
        raw.withUnsafeMutableBufferPointer { rb in
            guard let r = rb.baseAddress else { return }
            let base = r + k * n
            if sampled {
                let bins = grower.binsPointer
                for row in 0..<n { base[row] += tree.structure.value[tree.leaf(row: row, bins: bins, rows: n)] }
            } else {
                for leaf in tree.leaves {
                    let v = tree.structure.value[leaf.node]
                    for i in leaf.start..<(leaf.start + leaf.count) { base[Int(grower.rowIndex[i])] += v }
                }
            }
        }
    }

    /// Absolute error: each leaf's value becomes the (weighted) median residual of its rows, shrunk.
    private func renewMedians(_ tree: inout GrownTree, raw: [Double], target: BoostingTarget, grower: TreeGrower) {
        for leaf in tree.leaves {
            var residuals: [Double] = []
            var weights: [Double]? = target.weights == nil ? nil : []
            for i in leaf.start..<(leaf.start + leaf.count) {
                let r = Int(grower.rowIndex[i])
                residuals.append(target.values[r] - raw[r])
                weights?.append(target.weights?[r] ?? 1)
            }
            tree.structure.value[leaf.node] = weightedMedian(residuals, weights: weights) * p.learningRate
        }
    }
}
