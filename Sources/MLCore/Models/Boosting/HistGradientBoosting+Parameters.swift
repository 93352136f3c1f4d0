// gbdt's settable hyper-parameters (`--set`, the train_model tool), each with its valid range: the one
// place a range is stated (`GradientBoostingParameters.validate` checks a Swift caller's struct against it).
// Leaves out: the scikit-learn equivalent (its row in ModelFamily+Table).

extension GradientBoostingParameters {
    /// What `gbdt` takes, in the order `--help` lists it.
    static var specs: [ParameterSpec<Self>] {
        [
            .optionalChoice("loss", \.loss),
            .double("learningRate", \.learningRate, 0...Double.greatestFiniteMagnitude, openLower: true),
            .int("maxIter", \.maxIter, 1...100_000),
            .int("maxLeafNodes", \.maxLeafNodes, 2...65_536),
            .optionalInt("maxDepth", \.maxDepth, 1...1_000),
            .int("minSamplesLeaf", \.minSamplesLeaf, 1...Int(Int32.max)),
            .double("minChildWeight", \.minChildWeight, 0...Double.greatestFiniteMagnitude),
            .double("l2Regularization", \.l2Regularization, 0...Double.greatestFiniteMagnitude),
            .int("maxBins", \.maxBins, 2...255),
            .double("subsample", \.subsample, 0...1, openLower: true),
            .double("maxFeatures", \.maxFeatures, 0...1, openLower: true),
            .bool("earlyStopping", \.earlyStopping),
            .double("validationFraction", \.validationFraction, 0.01...0.9),
            .int("nIterNoChange", \.nIterNoChange, 1...100_000),
            .double("tol", \.tol, 0...Double.greatestFiniteMagnitude),
            .seed("seed", \.seed),
            .int("threads", \.threads, 1...256),
            .optionalDouble(
                "sparseThreshold", \.sparseThreshold, 0...Double.greatestFiniteMagnitude, openLower: true),
            .optionalString("classWeight", \.classWeight, valid: "balanced or none") { $0 == "balanced" },
            .optionalDouble("maxSeconds", \.maxSeconds, 0...Double.greatestFiniteMagnitude, openLower: true),
        ]
    }
}
