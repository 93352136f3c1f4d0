// The "no invented number" check: every decimal number or percentage in the assistant's text must be
// a number some tool returned before it (anywhere in a result, inside strings too), or one the user
// wrote, or the difference of two such numbers, once rounded to the digits written ("0.85" matches
// 0.8461; "84.6%" matches 0.8461). Integers and confidence levels ("95% CI") are not claims.
// Leaves out: numbers in the log (ExperimentLog.verify checks those against the store).

import Foundation
public import LLMClient

/// Finds the numbers an assistant stated that nothing backs.
public enum NumberClaims {
    /// A number as written.
    struct Written {
        var text: String
        var value: Double
        var decimals: Int
        var percent: Bool

        func matches(_ x: Double) -> Bool {
            let half = 0.5 * pow(10, Double(-decimals)) + 1e-9
            let x = abs(x)
            if abs(x - value) <= half { return true }
            return percent && abs(x * 100 - value) <= half
        }
    }

    /// The claims of the assistant's messages that no earlier tool result or user turn backs, as written.
    public static func unsupported(in messages: [ChatMessage], userTurns: [String] = []) -> [String] {
        var pool: [Double] = []
        for t in userTurns { pool += numbers(inText: t) }
        var out: [String] = []
        for m in messages {
            switch m.role {
            case .tool, .user:
                let text = m.content ?? ""
                if let v = try? JSONValue.parse(text) { collect(v, into: &pool) } else { pool += numbers(inText: text) }
            case .assistant:
                for claim in claims(in: m.content ?? "") where !backed(claim, pool: pool) {
                    out.append(claim.text)
                }
            case .system: break
            }
        }
        return out
    }

    static func backed(_ claim: Written, pool: [Double]) -> Bool {
        if pool.contains(where: claim.matches) { return true }
        // A difference ("+0.12 over the baseline") or a ratio of improvement of two returned numbers.
        let candidates = Array(Set(pool)).filter { abs($0) <= 1e6 }
        for (i, a) in candidates.enumerated() {
            for b in candidates[(i + 1)...] where claim.matches(abs(a - b)) { return true }
        }
        return false
    }

    static func collect(_ v: JSONValue, into pool: inout [Double]) {
        switch v {
        case .number(let d): pool.append(d)
        case .string(let s): pool += numbers(inText: s)
        case .array(let a): for x in a { collect(x, into: &pool) }
        case .object(let o): for x in o.values { collect(x, into: &pool) }
        case .bool, .null: break
        }
    }

    /// Every number in a text, integers included (the pool side).
    static func numbers(inText s: String) -> [Double] {
        s.matches(of: /[-−]?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?/).compactMap {
            Double(String($0.output).replacingOccurrences(of: "−", with: "-"))
        }
    }

    /// Decimal numbers and percentages in the assistant's text; run ids, versions, file names and
    /// confidence levels left out.
    static func claims(in text: String) -> [Written] {
        let cleaned = text.replacing(/\br\d{4,}\b/, with: " ")
            .replacing(/\d+\s?%\s*(?:CI|IC|conf)/.ignoresCase(), with: " ")
            .replacing(/(?:CI|IC)(?:\s*à)?\s*\d+\s?%/.ignoresCase(), with: " ")
            .replacing(/\b[\w-]+\.(?:csv|tsv|json|jsonl|md|txt)\b/.ignoresCase(), with: " ")
        return cleaned.matches(of: /(?:^|[^\w.])([-−+]?\d+(?:[.,](\d+))?)(\s?%)?(?![\w.]\d)/).compactMap { m in
            let raw = String(m.output.1).replacingOccurrences(of: "−", with: "-").replacingOccurrences(
                of: ",", with: ".")
            let decimals = m.output.2.map(\.count) ?? 0
            let percent = m.output.3 != nil
            guard decimals > 0 || percent, let value = Double(raw) else { return nil }
            return Written(
                text: String(m.output.1) + (percent ? "%" : ""), value: abs(value), decimals: decimals, percent: percent
            )
        }
    }
}
