// The decision tree's settable hyper-parameters (`--set`, the train_model tool), each with its valid
// range: the one place a range is stated (`DecisionTreeParameters.validate` checks against it), and
// the CART features-per-split rule (`maxFeatures`), which the random forest's trees share.
// Leaves out: the scikit-learn equivalent (its row in ModelFamily+Table).

extension DecisionTreeParameters {
    /// What `tree` takes, in the order `--help` lists it.
    static var specs: [ParameterSpec<Self>] {
        [
            .optionalChoice("criterion", \.criterion),
            .optionalInt("maxDepth", \.maxDepth, 1...10_000),
            .int("minSamplesSplit", \.minSamplesSplit, 2...Int(Int32.max)),
            .int("minSamplesLeaf", \.minSamplesLeaf, 1...Int(Int32.max)),
            .double("minImpurityDecrease", \.minImpurityDecrease, 0...Double.greatestFiniteMagnitude),
            .maxFeatures(\.maxFeatures),
            .seed("seed", \.seed),
        ]
    }
}

extension ParameterSpec {
    /// CART's features drawn per split: sqrt, log2, a fraction in (0, 1], a count ≥ 1, or none (all).
    static func maxFeatures(_ kp: WritableKeyPath<P, String?>) -> Self {
        .optionalString("maxFeatures", kp, valid: "sqrt, log2, a fraction in (0, 1], a count ≥ 1, or none") { v in
            if ["sqrt", "log2", "all"].contains(v) { return true }
            if let i = Int(v) { return i >= 1 }
            if let x = Double(v) { return x > 0 && x <= 1 }
            return false
        }
    }
}
