// A stored run's JSON hyper-parameter value (RunValue) as a typed ParameterValue: whole numbers as
// integers, the rest as they are. The family then checks it (ModelFamily.values), reading a value of
// another type as its text, so "200" works for an integer. (train_model's params decode straight into
// ParameterValue.)
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
