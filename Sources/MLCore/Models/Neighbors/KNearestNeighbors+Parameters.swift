// k-NN's settable hyper-parameters (`--set`, the train_model tool), each with its valid range.
// Leaves out: the scikit-learn equivalent (its row in ModelFamily+Table).

extension KNeighborsParameters {
    /// What `knn` takes, in the order `--help` lists it.
    static var specs: [ParameterSpec<Self>] {
        [
            .int("nNeighbors", \.nNeighbors, 1...1_000_000), .choice("weights", \.weights),
            .int("threads", \.threads, 1...256),
        ]
    }
}
