// Naive Bayes's settable hyper-parameters (`--set`, the train_model tool), each with its valid range.
// Leaves out: the scikit-learn equivalent (its row in ModelFamily+Table).

extension NaiveBayesParameters {
    /// What `naive_bayes` takes, in the order `--help` lists it.
    static var specs: [ParameterSpec<Self>] {
        [
            .choice("distribution", \.distribution),
            .double("varSmoothing", \.varSmoothing, 0...1),
            .double("alpha", \.alpha, 0...Double.greatestFiniteMagnitude),
        ]
    }
}
