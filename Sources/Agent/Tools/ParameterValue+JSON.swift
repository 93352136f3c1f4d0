// A tool's JSON hyper-parameter value (train_model's params, a stored run's hyper-parameters) as a
// typed ParameterValue: whole numbers as integers, the rest as they are. The family then checks it
// (ModelFamily.values), reading a value of another type as its text, so "200" works for an integer.
// Leaves out: search spaces (TuneModelTool.space reads those).

import MLCore
import Tracking

extension ParameterValue {
    /// `json` as a parameter value; a list or an object becomes its JSON text (which no parameter takes,
    /// so the family's error names the valid values).
    init(_ json: JSONValue) {
        switch json {
        case .null: self = .null
        case .bool(let b): self = .bool(b)
        case .number(let d): self = json.intValue.map(ParameterValue.int) ?? .double(d)
        case .string(let s): self = .string(s)
        case .array, .object: self = .string(json.description)
        }
    }
}

extension ModelFamily {
    /// A tool's `params` object checked against this family (an absent or non-object value: no overrides).
    func values(_ json: JSONValue?) throws(MLError) -> ParameterValues {
        try values((json?.objectValue ?? [:]).mapValues(ParameterValue.init))
    }
}
