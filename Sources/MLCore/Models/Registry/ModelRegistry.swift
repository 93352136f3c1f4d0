// Builds an estimator from a family name and `[String: String]` overrides as the command line writes
// them (`--model gbdt --set maxIter=200`): the by-name front door for callers holding text. Unknown names and
// keys get a suggestion and the list of valid ones; values outside their range name the range.
// The families themselves are rows of `ModelFamily.all`; this is the by-name front door to them.
// Leaves out: fitting (AnyEstimator.fit) and validation schemes (the experiment runner).

/// The model families by name.
public enum ModelRegistry {
    /// Every family name, as the CLI and the train_model tool accept them.
    public static var names: [String] { ModelFamily.all.map(\.name) }

    /// One line per family: what it is and which tasks it takes.
    public static var summaries: [String: String] {
        Dictionary(uniqueKeysWithValues: ModelFamily.all.map { ($0.name, $0.summary) })
    }

    /// The estimator for family `name` with `overrides` applied over scikit-learn's defaults.
    /// Keys may be camelCase (`maxIter`) or snake_case (`max_iter`).
    public static func make(_ name: String, parameters overrides: [String: String] = [:]) throws(MLError)
        -> AnyEstimator
    {
        let family = try ModelFamily.named(name)
        return try family.make(family.parse(overrides))
    }

    /// The settable parameters of family `name`: name → valid values (none for an unknown name).
    public static func parameters(of name: String) -> [(name: String, valid: String)] {
        ModelFamily.all.first { $0.name == name }?.parameters ?? []
    }
}
