// A duration as a person writes it on the command line: "90s", "2m", "1m30s", "1h", or plain seconds
// ("120", "7.5"). Parsed once at the edge into seconds; below that, budgets are numbers.
// Leaves out: days and calendar units (a session's budget is minutes).

import Foundation

/// Parses durations such as "90s" or "2m".
public enum BudgetDuration {
    /// Seconds in `text`, or nil when it is not a positive duration.
    public static func seconds(_ text: String) -> Double? {
        let s = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let plain = Double(s) { return plain > 0 && plain.isFinite ? plain : nil }
        var total = 0.0, number = "", sawUnit = false
        for ch in s {
            if ch.isNumber || ch == "." {
                number.append(ch)
                continue
            }
            let unit: Double
            switch ch {
            case "h": unit = 3600
            case "m": unit = 60
            case "s": unit = 1
            default: return nil
            }
            guard let n = Double(number) else { return nil }
            total += n * unit
            number = ""
            sawUnit = true
        }
        guard sawUnit, number.isEmpty, total > 0, total.isFinite else { return nil }
        return total
    }
}
