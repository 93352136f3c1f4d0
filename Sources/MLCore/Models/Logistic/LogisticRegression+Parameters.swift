// The logistic regression's settable hyper-parameters (`--set`, the train_model tool), each with its
// valid range: the one place a range is stated (`LogisticParameters.validate` checks against it).
// Leaves out: the scikit-learn equivalent (its row in ModelFamily+Table).

extension LogisticParameters {
    /// What `logistic` takes, in the order `--help` lists it.
    static var specs: [ParameterSpec<Self>] {
        [
            .double("C", \.C, 0...Double.greatestFiniteMagnitude, openLower: true),
            .choice("penalty", \.penalty),
            .int("maxIter", \.maxIter, 1...1_000_000),
            .double("tol", \.tol, 0...1, openLower: true),
            .optionalString("classWeight", \.classWeight, valid: "balanced or none") { $0 == "balanced" },
            .int("threads", \.threads, 1...256),
        ]
    }
}
