// Python source for a JSON value, for the scripts the exports write (the W&B script): None, True,
// False, lists and dicts; strings quoted with JSON's escapes (valid in Python); numbers written
// exactly (Swift's shortest round-trip form, which Python's float() reads back to the same double),
// not rounded as in the notebook's JSON. Not-finite numbers become float("nan") / float("inf").
// Leaves out: Python code other than literals.
import Foundation

extension OrderedJSON {
    /// The value as a Python literal; `indent` > 0 puts each member of a dict, and each item of a list
    /// that holds lists or dicts, on its own line.
    public func python(indent: Int = 0) -> String {
        var out = ""
        writePython(into: &out, indent: indent, level: 0)
        return out
    }

    private func writePython(into out: inout String, indent: Int, level: Int) {
        let pad = indent > 0 ? "\n" + String(repeating: " ", count: indent * (level + 1)) : ""
        let close = indent > 0 ? "\n" + String(repeating: " ", count: indent * level) : ""
        switch self {
        case .null: out += "None"
        case .bool(let b): out += b ? "True" : "False"
        case .number(let n): out += Self.pythonNumber(n)
        case .string(let s): JSONText.quote(s, into: &out)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            // A list of plain values stays on one line.
            let flat = indent == 0 || items.allSatisfy { !$0.isContainer }
            out += "["
            for (i, item) in items.enumerated() {
                out += i > 0 ? "," + (flat ? " " : pad) : (flat ? "" : pad)
                item.writePython(into: &out, indent: flat ? 0 : indent, level: level + 1)
            }
            out += (flat ? "" : "," + close) + "]"
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            out += "{"
            for (i, (k, v)) in members.enumerated() {
                out += i > 0 ? "," + (indent > 0 ? pad : " ") : pad
                JSONText.quote(k, into: &out)
                out += ": "
                v.writePython(into: &out, indent: indent, level: level + 1)
            }
            out += (indent > 0 ? "," : "") + close + "}"
        }
    }

    var isContainer: Bool {
        switch self {
        case .array, .object: return true
        default: return false
        }
    }

    /// Integers without a fraction; other numbers in their shortest exact form ("0.1", "1e-05").
    static func pythonNumber(_ n: Double) -> String {
        if n.isNaN { return "float(\"nan\")" }
        if n.isInfinite { return n > 0 ? "float(\"inf\")" : "-float(\"inf\")" }
        if n == n.rounded(), abs(n) < 1e15 { return String(Int64(n)) }
        return "\(n)"
    }
}
