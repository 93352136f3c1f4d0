// The random forest's settable hyper-parameters (`--set`, the train_model tool), each with its valid
// range (maxFeatures is CART's rule, DecisionTree+Parameters).
// Leaves out: the scikit-learn equivalent (its row in ModelFamily+Table).

extension RandomForestParameters {
    /// What `random_forest` takes, in the order `--help` lists it.
    static var specs: [ParameterSpec<Self>] {
        [
            .int("nEstimators", \.nEstimators, 1...100_000),
            .optionalChoice("criterion", \.criterion),
            .optionalInt("maxDepth", \.maxDepth, 1...10_000),
            .int("minSamplesSplit", \.minSamplesSplit, 2...Int(Int32.max)),
            .int("minSamplesLeaf", \.minSamplesLeaf, 1...Int(Int32.max)),
            .maxFeatures(\.maxFeatures),
            .bool("bootstrap", \.bootstrap),
            .bool("oobScore", \.oobScore),
            .optionalDouble("maxSamples", \.maxSamples, 0...1, openLower: true),
            .seed("seed", \.seed),
            .int("threads", \.threads, 1...256),
        ]
    }
}
