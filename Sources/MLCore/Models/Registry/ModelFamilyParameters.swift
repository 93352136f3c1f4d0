// The settable hyper-parameters of every family, by the names the CLI and the train_model tool use
// (scikit-learn's, camelCase), each with its valid range: the one place a range is stated (parsing
// `--set key=value` and checking a struct a Swift caller filled in both read it).
// Leaves out: parameters only a Swift caller can set (initial k-means centres).

enum FamilyParameters {
    static var dummy: [ParameterSpec<DummyParameters>] {
        [
            .optionalChoice("strategy", \.strategy), .seed("seed", \.seed),
        ]
    }

    static func linear(_ kind: LinearKind) -> [ParameterSpec<LinearParameters>] {
        var specs: [ParameterSpec<LinearParameters>] = [.bool("fitIntercept", \.fitIntercept)]
        if kind != .ols { specs.append(.double("alpha", \.alpha, 0...Double.greatestFiniteMagnitude)) }
        if kind == .elasticNet { specs.append(.double("l1Ratio", \.l1Ratio, 0...1)) }
        if kind == .lasso || kind == .elasticNet {
            specs += [.int("maxIter", \.maxIter, 1...10_000_000), .double("tol", \.tol, 0...1, openLower: true)]
        }
        return specs
    }

    static var logistic: [ParameterSpec<LogisticParameters>] {
        [
            .double("C", \.C, 0...Double.greatestFiniteMagnitude, openLower: true),
            .choice("penalty", \.penalty),
            .int("maxIter", \.maxIter, 1...1_000_000),
            .double("tol", \.tol, 0...1, openLower: true),
            .optionalString("classWeight", \.classWeight, valid: "balanced or none") { $0 == "balanced" },
            .int("threads", \.threads, 1...256),
        ]
    }

    static var knn: [ParameterSpec<KNeighborsParameters>] {
        [
            .int("nNeighbors", \.nNeighbors, 1...1_000_000), .choice("weights", \.weights),
            .int("threads", \.threads, 1...256),
        ]
    }

    static var naiveBayes: [ParameterSpec<NaiveBayesParameters>] {
        [
            .choice("distribution", \.distribution),
            .double("varSmoothing", \.varSmoothing, 0...1),
            .double("alpha", \.alpha, 0...Double.greatestFiniteMagnitude),
        ]
    }

    static let maxFeaturesValid = "sqrt, log2, a fraction in (0, 1], a count ≥ 1, or none"
    static func maxFeaturesOK(_ v: String) -> Bool {
        if ["sqrt", "log2", "all"].contains(v) { return true }
        if let i = Int(v) { return i >= 1 }
        if let x = Double(v) { return x > 0 && x <= 1 }
        return false
    }

    static var tree: [ParameterSpec<DecisionTreeParameters>] {
        [
            .optionalChoice("criterion", \.criterion),
            .optionalInt("maxDepth", \.maxDepth, 1...10_000),
            .int("minSamplesSplit", \.minSamplesSplit, 2...Int(Int32.max)),
            .int("minSamplesLeaf", \.minSamplesLeaf, 1...Int(Int32.max)),
            .double("minImpurityDecrease", \.minImpurityDecrease, 0...Double.greatestFiniteMagnitude),
            .optionalString("maxFeatures", \.maxFeatures, valid: maxFeaturesValid, check: maxFeaturesOK),
            .seed("seed", \.seed),
        ]
    }

    static var forest: [ParameterSpec<RandomForestParameters>] {
        [
            .int("nEstimators", \.nEstimators, 1...100_000),
            .optionalChoice("criterion", \.criterion),
            .optionalInt("maxDepth", \.maxDepth, 1...10_000),
            .int("minSamplesSplit", \.minSamplesSplit, 2...Int(Int32.max)),
            .int("minSamplesLeaf", \.minSamplesLeaf, 1...Int(Int32.max)),
            .optionalString("maxFeatures", \.maxFeatures, valid: maxFeaturesValid, check: maxFeaturesOK),
            .bool("bootstrap", \.bootstrap),
            .bool("oobScore", \.oobScore),
            .optionalDouble("maxSamples", \.maxSamples, 0...1, openLower: true),
            .seed("seed", \.seed),
            .int("threads", \.threads, 1...256),
        ]
    }

    static var gbdt: [ParameterSpec<GradientBoostingParameters>] {
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

    static var kmeans: [ParameterSpec<KMeansParameters>] {
        [
            .int("nClusters", \.nClusters, 1...1_000_000),
            .choice("init", \.initialization),
            .int("nInit", \.nInit, 1...1_000),
            .int("maxIter", \.maxIter, 1...1_000_000),
            .double("tol", \.tol, 0...Double.greatestFiniteMagnitude),
            .seed("seed", \.seed),
            .int("threads", \.threads, 1...256),
        ]
    }
}
