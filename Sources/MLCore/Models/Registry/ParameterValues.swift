// The hyper-parameter overrides of one experiment, typed and checked: each key a parameter of the
// family they were built for (its camelCase name), each value of that parameter's type and in its
// range. Built only by `ModelFamily.values(_:)` (typed values, e.g. a search's configuration or a
// tool's JSON) or `ModelFamily.parse(_:)` (the CLI's `--set name=value` text), so a set that exists is
// valid; `ModelFamily.make` writes it into the family's parameter struct without parsing anything.
// Leaves out: the defaults (the family's parameter struct holds those).

/// Checked hyper-parameter overrides for one model family.
public struct ParameterValues: Sendable, Hashable {
    /// Value by camelCase parameter name.
    public private(set) var values: [String: ParameterValue]

    /// No overrides: the family's defaults (valid for every family).
    public init() { values = [:] }

    init(checked values: [String: ParameterValue]) { self.values = values }

    public subscript(name: String) -> ParameterValue? { values[name] }

    public var isEmpty: Bool { values.isEmpty }

    /// The values as the CLI writes them (`maxIter` → "200"), for run records.
    public var texts: [String: String] { values.mapValues(\.text) }
}

extension ModelFamily {
    /// `given` checked against this family's parameters: keys may be camelCase or snake_case (any case);
    /// a value of another type is read as its text (JSON "200" for an integer, 3.0 for an integer).
    /// - Throws: `MLError` naming an unknown parameter (with a suggestion) or the valid values of a value;
    ///   keys are checked in sorted order, so the error is stable.
    public func values(_ given: [String: ParameterValue]) throws(MLError) -> ParameterValues {
        var out: [String: ParameterValue] = [:]
        for (key, value) in given.sorted(by: { $0.key < $1.key }) {
            let name = try parameterName(key)
            out[name] = try coerce(name, value)
        }
        return ParameterValues(checked: out)
    }

    /// `overrides` as written on the command line (`--set maxIter=200`), parsed and checked.
    /// - Throws: `MLError` as `values(_:)` does.
    public func parse(_ overrides: [String: String]) throws(MLError) -> ParameterValues {
        try values(overrides.mapValues { .string($0) })
    }

    /// The parameter `key` names (camelCase or snake_case, any case).
    /// - Throws: `MLError` with the closest name and the family's parameters.
    func parameterName(_ key: String) throws(MLError) -> String {
        let name = camelCaseKey(key)
        let known = parameters.map(\.name)
        if let exact = known.first(where: { $0 == name })
            ?? known.first(where: { $0.lowercased() == name.lowercased() })
        {
            return exact
        }
        let hint = closestName(to: name, among: known).map { " Did you mean '\($0)'?" } ?? ""
        throw MLError(
            .invalidParameter,
            "\(self.name) has no parameter '\(key)'.\(hint) Its parameters: \(known.joined(separator: ", ")).")
    }
}
