// The baseline's settable hyper-parameters (`--set`, the train_model tool), each with its valid range.
// Leaves out: the scikit-learn equivalent (its row in ModelFamily+Table).

extension DummyParameters {
    /// What `baseline` takes, in the order `--help` lists it.
    static var specs: [ParameterSpec<Self>] {
        [.optionalChoice("strategy", \.strategy), .seed("seed", \.seed)]
    }
}
