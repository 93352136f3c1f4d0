// One model family, stated once: its name, what it is, the preprocessing its inputs need, the
// parameters it takes (names, valid values, defaults), how it is built from checked parameter
// values (ParameterValues) and loaded back from a saved run, and its scikit-learn equivalent.
// `ModelFamily.all` (ModelFamily+Table) lists them; the registry, the fitted-model codec, the
// experiment runner, `--help` and the exports read it.
// Leaves out: fitting (AnyEstimator) and the search spaces of tuning (TuneSpace).

/// A model family: everything the rest of the code needs to know about it without naming it.
public struct ModelFamily: Sendable {
    /// The name the CLI, the tools and saved runs use (`gbdt`, `ridge`, …).
    public let name: String
    /// What it is and which tasks it takes, in one line.
    public let summary: String
    /// How its inputs are prepared (scaling for linear and distance models, native codes for trees).
    public let preset: PreprocessingPreset
    /// Whether it fits on data with missing values (NaN) as they are.
    public let acceptsMissingValues: Bool
    /// Whether it never reads its inputs (the baseline predicts from the target alone), so
    /// cross-validation folds need no preprocessing.
    public let ignoresFeatures: Bool
    /// Its settable parameters: name → valid values, in the order `--help` lists them.
    public let parameters: [(name: String, valid: String)]
    /// A value of parameter `name` (a name of `parameters`), parsed from its text and range-checked.
    let coerce: @Sendable (_ name: String, _ value: ParameterValue) throws(MLError) -> ParameterValue
    /// The estimator with checked `values` over its defaults, and `seed` where the family takes one
    /// and `values` sets none.
    let build: @Sendable (_ values: ParameterValues, _ seed: UInt64?) -> any Estimator
    /// The type its fitted model is saved as.
    let fittedType: any FittedModel.Type
    /// The scikit-learn classes that do the same, for the notebook and script exports.
    public let scikitLearn: ScikitLearnEquivalent

    init<P, E: Estimator>(
        name: String, summary: String, preset: PreprocessingPreset, acceptsMissingValues: Bool = false,
        ignoresFeatures: Bool = false, specs: @autoclosure @escaping @Sendable () -> [ParameterSpec<P>],
        defaults: @autoclosure @escaping @Sendable () -> P, estimator: @escaping @Sendable (P) -> E,
        scikitLearn: ScikitLearnEquivalent
    ) {
        self.name = name
        self.summary = summary
        self.preset = preset
        self.acceptsMissingValues = acceptsMissingValues
        self.ignoresFeatures = ignoresFeatures
        self.parameters = specs().map { ($0.name, $0.valid) }
        self.fittedType = E.Fitted.self
        self.scikitLearn = scikitLearn
        self.coerce = { key, value throws(MLError) in
            guard let spec = specs().first(where: { $0.name == key }) else {
                throw MLError(.invalidParameter, "\(name) has no parameter '\(key)'.")
            }
            return try spec.parse(value.text.trimmingCharacters(in: .whitespaces), name)
        }
        self.build = { values, seed in
            var p = defaults()
            for spec in specs() {
                if let value = values[spec.name] {
                    spec.set(&p, value)
                } else if let seed, let setSeed = spec.setSeed {
                    setSeed(&p, seed)
                }
            }
            return estimator(p)
        }
    }

    /// The estimator with `values` over the family's defaults, plus an experiment's seed and thread count
    /// where the family takes them and `values` sets none: one seed makes every fit of an experiment
    /// repeatable. - Throws: `MLError` when `threads` is outside the family's range.
    public func make(_ values: ParameterValues = ParameterValues(), seed: UInt64? = nil, threads: Int? = nil)
        throws(MLError) -> AnyEstimator
    {
        var values = values
        if let threads, parameters.contains(where: { $0.name == "threads" }), values["threads"] == nil {
            values = try self.values(values.values.merging(["threads": .int(threads)]) { a, _ in a })
        }
        return AnyEstimator(family: self, estimator: build(values, seed))
    }

    /// The family called `name`. - Throws: `MLError` with the closest name and the list of families.
    public static func named(_ name: String) throws(MLError) -> ModelFamily {
        if let family = all.first(where: { $0.name == name }) { return family }
        let names = all.map(\.name)
        let hint = closestName(to: name, among: names).map { " Did you mean '\($0)'?" } ?? ""
        throw MLError(.invalidParameter, "Unknown model '\(name)'.\(hint) Models: \(names.joined(separator: ", ")).")
    }
}

extension ModelFamily: Equatable, Hashable {
    /// Families are equal by name (the table has one row per name).
    public static func == (a: ModelFamily, b: ModelFamily) -> Bool { a.name == b.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }
}
