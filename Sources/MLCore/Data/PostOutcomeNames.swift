// Whether a column's name says it is recorded after the outcome: a refund, a retention offer, a
// cancellation, a closed case, a result. Such a name raises a suspicious predictor to a likely leak.
// The name is cut into words (snake_case, kebab-case, camelCase, spaces); a word matches a stem when
// it starts with it ("cancelled" → cancel, "refunds" → refund).
// Leaves out: meanings a name does not spell (an opaque code such as `flag_7`).

public enum PostOutcomeNames {
    /// Word stems of names recorded after the outcome.
    public static let stems = [
        "retention", "retain", "refund", "cancel", "closed", "closing", "closure", "outcome", "result",
        "resolution", "resolved", "chargeback", "collection", "recovery", "recovered", "writeoff", "settle",
        "payout", "terminat", "discharge", "churned", "final", "after", "post", "followup",
    ]

    /// The stem one of `name`'s words starts with, if any ("retention_call" → "retention").
    public static func match(_ name: String) -> String? {
        for word in words(name) {
            if let stem = stems.first(where: { word.hasPrefix($0) }) {
                // "post" and "after" only as whole words ("postal", "afternoon" are not after the outcome).
                if (stem == "post" || stem == "after") && word != stem { continue }
                return stem
            }
        }
        return nil
    }

    /// Lowercased words of a column name: split at non-letters and at lower→upper case changes.
    static func words(_ name: String) -> [String] {
        var out: [String] = [], current = ""
        var previousLower = false
        for ch in name {
            if !ch.isLetter {
                if !current.isEmpty { out.append(current.lowercased()) }
                current = ""
                previousLower = false
                continue
            }
            if ch.isUppercase && previousLower && !current.isEmpty {
                out.append(current.lowercased())
                current = ""
            }
            current.append(ch)
            previousLower = ch.isLowercase
        }
        if !current.isEmpty { out.append(current.lowercased()) }
        return out
    }
}
