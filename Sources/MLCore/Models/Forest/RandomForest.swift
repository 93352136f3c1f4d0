// Random forest (scikit-learn's RandomForestClassifier / Regressor): CART trees on bootstrap samples
// (as row weights, like scikit-learn), √features per split for classes and all features for numbers,
// trees grown in parallel, each from its own seeded stream (so the forest does not depend on the
// thread count), predictions averaged; optional out-of-bag score (accuracy or R²).
// Leaves out: extremely randomised trees, class weights, warm starts.

/// Hyper-parameters of `RandomForest`, scikit-learn's names and defaults.
public struct RandomForestParameters: Sendable, Codable, Equatable {
    public var nEstimators = 100
    public var criterion: CARTCriterion? = nil
    public var maxDepth: Int? = nil
    public var minSamplesSplit = 2
    public var minSamplesLeaf = 1
    /// nil: "sqrt" for classes, all features for numbers.
    public var maxFeatures: String? = nil
    public var bootstrap = true
    public var oobScore = false
    /// Fraction of rows drawn per tree (bootstrap only); nil: as many as there are rows.
    public var maxSamples: Double? = nil
    public var seed: UInt64 = 0
    public var threads = 2

    public init() {}
}

/// The random forest estimator (`random_forest` in the registry).
public struct RandomForest: Estimator {
    public var parameters: RandomForestParameters

    public init(_ parameters: RandomForestParameters = .init()) { self.parameters = parameters }

    public func fit(_ data: TrainingSet) throws(MLError) -> FittedRandomForest {
        let p = parameters, m = "random_forest"
        try InputChecks.require("nEstimators", p.nEstimators, in: 1...100_000, model: m)
        try InputChecks.require("threads", p.threads, in: 1...256, model: m)
        if let s = p.maxSamples { try InputChecks.require("maxSamples", s, in: 0.000_001...1, model: m) }
        var treeParameters = DecisionTreeParameters()
        treeParameters.maxDepth = p.maxDepth
        treeParameters.minSamplesSplit = p.minSamplesSplit
        treeParameters.minSamplesLeaf = p.minSamplesLeaf
        try treeParameters.validate(model: m)
        if p.oobScore && !p.bootstrap {
            throw MLError(
                .invalidParameter,
                "random_forest: oobScore=true needs bootstrap=true (out-of-bag rows exist only with bootstrap).")
        }
        let prepared = try CARTData(data, criterion: p.criterion, model: m)
        let isClassifier = prepared.classNames != nil
        let f = data.x.featureCount
        let settings = CARTSettings(
            criterion: prepared.criterion, maxDepth: p.maxDepth, minSamplesSplit: p.minSamplesSplit,
            minSamplesLeaf: p.minSamplesLeaf, minImpurityDecrease: 0,
            maxFeatures: try DecisionTreeParameters.featureCount(
                p.maxFeatures ?? (isClassifier ? "sqrt" : nil), features: f, model: m))
        let n = data.rows
        let draws = p.maxSamples.map { max(1, Int($0 * Double(n))) } ?? n
        let classes = prepared.classNames?.count ?? 0
        // Trees in rounds of a few per thread, cancellation polled between rounds; tree t's draws depend on t
        // alone, so the forest is the same whatever the rounds and threads.
        let round = 2 * max(1, p.threads)
        var grown: [(tree: TreeStructure, inBag: [Bool])] = []
        for first in stride(from: 0, to: p.nEstimators, by: round) {
            try Cancellation.check()
            let count = min(round, p.nEstimators - first)
            grown += Parallel.map(count, threads: p.threads) { i in
                Self.grow(
                    tree: first + i, p: p, n: n, draws: draws, prepared: prepared, x: data.x, classes: classes,
                    settings: settings)
            }
        }
        let trees = grown.map(\.tree)
        var oob: Double? = nil
        if p.oobScore {
            oob = Self.outOfBagScore(trees: trees, inBag: grown.map(\.inBag), data: data, prepared: prepared)
        }
        return FittedRandomForest(
            features: data.x.features, parameters: p, classNames: prepared.classNames, trees: trees, oobScore: oob)
    }

    /// Tree `t`: its bootstrap draw (stream t + 1 of the seed) and the tree grown on it.
    private static func grow(
        tree t: Int, p: RandomForestParameters, n: Int, draws: Int, prepared: CARTData, x: FeatureMatrix, classes: Int,
        settings: CARTSettings
    ) -> (tree: TreeStructure, inBag: [Bool]) {
        var g = SeededGenerator(seed: p.seed, stream: UInt64(t) &+ 1)
        var w = prepared.weights
        var inBag = [Bool](repeating: true, count: p.bootstrap ? n : 0)
        if p.bootstrap {
            var counts = [Double](repeating: 0, count: n)
            for _ in 0..<draws { counts[g.nextInt(below: n)] += 1 }
            for i in 0..<n {
                w[i] *= counts[i]
                inBag[i] = counts[i] > 0
            }
        }
        let builder = CARTBuilder(
            x: x, labels: prepared.labels, targets: prepared.targets, classes: classes, settings: settings)
        return (builder.build(weights: w, seed: g.next()), inBag)
    }

    /// Accuracy (classes) or R² (numbers) of each row predicted by the trees that did not see it.
    static func outOfBagScore(trees: [TreeStructure], inBag: [[Bool]], data: TrainingSet, prepared: CARTData) -> Double?
    {
        let n = data.rows, width = trees.first?.valueWidth ?? 1
        var sums = [Double](repeating: 0, count: n * width), votes = [Int](repeating: 0, count: n)
        data.x.values.withUnsafeBufferPointer { vb in
            guard let v = vb.baseAddress else { return }
            for (t, tree) in trees.enumerated() {
                for r in 0..<n where !inBag[t][r] {
                    let leaf = tree.leaf(values: v, rows: n, row: r)
                    for k in 0..<width { sums[r * width + k] += tree.value[leaf * width + k] }
                    votes[r] += 1
                }
            }
        }
        let seen = (0..<n).filter { votes[$0] > 0 }
        guard !seen.isEmpty else { return nil }
        if let labels = prepared.labels {
            let correct = seen.filter { r in
                let row = sums[(r * width)..<((r + 1) * width)]
                return (row.indices.max { row[$0] < row[$1] } ?? 0) - r * width == labels[r]
            }.count
            return Double(correct) / Double(seen.count)
        }
        guard let y = prepared.targets else { return nil }
        let mean = seen.reduce(0.0) { $0 + y[$1] } / Double(seen.count)
        var ssRes = 0.0, ssTot = 0.0
        for r in seen {
            let pred = sums[r] / Double(votes[r])
            ssRes += (y[r] - pred) * (y[r] - pred)
            ssTot += (y[r] - mean) * (y[r] - mean)
        }
        return ssTot > 0 ? 1 - ssRes / ssTot : nil
    }
}

/// A fitted random forest.
public struct FittedRandomForest: TreeEnsemble {
    public let features: [FeatureInfo]
    public let parameters: RandomForestParameters
    public let classNames: [String]?
    public let trees: [TreeStructure]
    /// Out-of-bag accuracy or R² when `oobScore` was asked for.
    public let oobScore: Double?

    public var treeCombination: TreeCombination {
        TreeCombination(
            base: [Double](repeating: 0, count: trees.first?.valueWidth ?? 1), scale: 1 / Double(max(1, trees.count)))
    }

    public func predict(_ x: FeatureMatrix) throws(MLError) -> Prediction {
        try checkFeatures(of: x)
        try InputChecks.requireNoInfinity(x, model: "random_forest")
        let width = trees.first?.valueWidth ?? 1
        let raw = TreeEvaluation.rawScores(
            trees: trees, combination: treeCombination, outputs: width, x: x, threads: parameters.threads)
        return CARTOutput.prediction(raw: raw, rows: x.rows, classNames: classNames)
    }
}
