// The least-squares families' settable hyper-parameters (`--set`, the train_model tool), each with its
// valid range: the one place a range is stated (`LinearParameters.validate` checks a Swift caller's
// struct against it). Which ones a family takes depends on its penalty.
// Leaves out: the scikit-learn equivalents (the families' rows in ModelFamily+Table).

extension LinearParameters {
    /// What the `kind` family takes, in the order `--help` lists it.
    static func specs(_ kind: LinearKind) -> [ParameterSpec<Self>] {
        var specs: [ParameterSpec<Self>] = [.bool("fitIntercept", \.fitIntercept)]
        if kind != .ols { specs.append(.double("alpha", \.alpha, 0...Double.greatestFiniteMagnitude)) }
        if kind == .elasticNet { specs.append(.double("l1Ratio", \.l1Ratio, 0...1)) }
        if kind == .lasso || kind == .elasticNet {
            specs += [.int("maxIter", \.maxIter, 1...10_000_000), .double("tol", \.tol, 0...1, openLower: true)]
        }
        return specs
    }
}
