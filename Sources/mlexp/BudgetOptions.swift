// The session budget of `mlexp run`: wall time (`--budget 20m`, also the Autopilot's search budget) and
// tokens (`--token-budget`), both shown on screen as they are spent; the loop stops when one is spent.

import ArgumentParser
import Foundation

struct BudgetOptions: ParsableArguments {
    @Option(
        help:
            "Time the session may take: 90s, 20m, 1h (the Autopilot searches for 2m by default; a model session has no limit by default)."
    ) var budget: String?
    @Option(name: .customLong("token-budget"), help: "Tokens (prompt + answer) the session may spend.")
    var tokenBudget: Int?

    /// The time budget in seconds, or nil.
    func seconds() throws -> Double? {
        guard let budget else { return nil }
        guard let value = Self.parseDuration(budget), value > 0 else {
            throw ValidationError("--budget must be a duration such as 90s, 20m or 1h, not '\(budget)'.")
        }
        return value
    }

    func validate() throws {
        _ = try seconds()
        if let tokenBudget, tokenBudget <= 0 { throw ValidationError("--token-budget must be a positive number.") }
    }

    /// "90", "90s", "20m", "1.5h" → seconds.
    static func parseDuration(_ text: String) -> Double? {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        let units: [(String, Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("min", 60), ("h", 3600)]
        for (suffix, scale) in units.sorted(by: { $0.0.count > $1.0.count }) where t.hasSuffix(suffix) {
            return Double(t.dropLast(suffix.count).trimmingCharacters(in: .whitespaces)).map { $0 * scale }
        }
        return Double(t)
    }
}
