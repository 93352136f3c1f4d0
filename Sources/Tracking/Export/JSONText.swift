// JSON string escaping, in one place for every hand-written JSON writer (the export's ordered JSON,
// the agent's compact tool results). Leaves out: parsing.
import Foundation

/// Writing JSON text by hand.
public enum JSONText {
    /// Appends `s` to `out` as a quoted JSON string (quotes, backslashes and control characters escaped).
    public static func quote(_ s: String, into out: inout String) {
        out += "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 { out += String(format: "\\u%04x", u.value) } else { out.unicodeScalars.append(u) }
            }
        }
        out += "\""
    }
}
