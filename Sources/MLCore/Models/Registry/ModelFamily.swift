// One model family, stated once: its name, what it is, the preprocessing its inputs need, the
// parameters it takes (names, valid values, defaults) and how it is built from the CLI's and the
// tools' string overrides and loaded back from a saved run. `ModelFamily.all` (ModelFamily+Table)
// lists them; the registry, the fitted-model codec, the experiment runner and `--help` read it.
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
    /// The estimator with `overrides` (camelCase or snake_case keys) applied over its defaults.
    let build: @Sendable ([String: String]) throws(MLError) -> any Estimator
    /// The type its fitted model is saved as.
    let fittedType: any FittedModel.Type

    init<P, E: Estimator>(
        name: String, summary: String, preset: PreprocessingPreset, acceptsMissingValues: Bool = false,
        ignoresFeatures: Bool = false, specs: @autoclosure @escaping @Sendable () -> [ParameterSpec<P>],
        defaults: @autoclosure @escaping @Sendable () -> P, estimator: @escaping @Sendable (P) -> E
    ) {
        self.name = name
        self.summary = summary
        self.preset = preset
        self.acceptsMissingValues = acceptsMissingValues
        self.ignoresFeatures = ignoresFeatures
        self.parameters = specs().map { ($0.name, $0.valid) }
        self.fittedType = E.Fitted.self
        self.build = { overrides throws(MLError) in
            estimator(try ParameterSpec.apply(overrides, specs(), defaults(), model: name))
        }
    }

    /// The estimator with `overrides`, plus an experiment's seed and thread count where the family takes
    /// them and `overrides` names none: one seed makes every fit of an experiment repeatable.
    /// - Throws: `MLError` naming an unknown parameter (with a suggestion) or the valid range of a value.
    public func make(_ overrides: [String: String], seed: UInt64, threads: Int? = nil) throws(MLError)
        -> AnyEstimator
    {
        var overrides = overrides
        let settable = Set(parameters.map(\.name))
        if settable.contains("seed"), overrides["seed"] == nil { overrides["seed"] = String(seed) }
        if let threads, settable.contains("threads"), overrides["threads"] == nil {
            overrides["threads"] = String(threads)
        }
        return try make(overrides)
    }

    /// The family called `name`. - Throws: `MLError` with the closest name and the list of families.
    public static func named(_ name: String) throws(MLError) -> ModelFamily {
        if let family = all.first(where: { $0.name == name }) { return family }
        let names = all.map(\.name)
        let hint = closestName(to: name, among: names).map { " Did you mean '\($0)'?" } ?? ""
        throw MLError(.invalidParameter, "Unknown model '\(name)'.\(hint) Models: \(names.joined(separator: ", ")).")
    }

    /// The unfitted estimator with `overrides` applied over the family's defaults.
    /// - Throws: `MLError` naming an unknown parameter (with a suggestion) or the valid range of a value.
    public func make(_ overrides: [String: String] = [:]) throws(MLError) -> AnyEstimator {
        AnyEstimator(family: self, estimator: try build(overrides))
    }
}

extension ParameterSpec {
    /// `overrides` parsed and written over `start`, keys in sorted order (so errors are stable).
    static func apply(_ overrides: [String: String], _ specs: [Self], _ start: P, model: String) throws(MLError) -> P {
        var p = start
        for key in overrides.keys.sorted() {
            let value = overrides[key]?.trimmingCharacters(in: .whitespaces) ?? ""
            let name = camelCaseKey(key)
            guard
                let spec = specs.first(where: { $0.name == name })
                    ?? specs.first(where: { $0.name.lowercased() == name.lowercased() })
            else {
                let known = specs.map(\.name)
                let hint = closestName(to: name, among: known).map { " Did you mean '\($0)'?" } ?? ""
                throw MLError(
                    .invalidParameter,
                    "\(model) has no parameter '\(key)'.\(hint) Its parameters: \(known.joined(separator: ", ")).")
            }
            try spec.apply(&p, value, model)
        }
        return p
    }
}
