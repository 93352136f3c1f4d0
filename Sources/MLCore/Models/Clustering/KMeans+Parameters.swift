// k-means's settable hyper-parameters (`--set`, the train_model tool), each with its valid range.
// Leaves out: parameters only a Swift caller can set (initial centres); the scikit-learn equivalent
// (its row in ModelFamily+Table).

extension KMeansParameters {
    /// What `kmeans` takes, in the order `--help` lists it.
    static var specs: [ParameterSpec<Self>] {
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
