// One settable hyper-parameter of a model family: a camelCase name (snake_case is accepted too), a
// description of its valid values, a parser that reads the value as written (`--set key=value`, a
// tool's JSON) into a range-checked `ParameterValue`, a setter that writes that typed value into the
// family's parameter struct, and the same range check on a value already set (a Swift caller's
// struct), so each range is stated once.
// Leaves out: search spaces (the Validation layer declares those).

/// A named, range-checked setter for one field of a parameter struct `P`.
struct ParameterSpec<P> {
    let name: String
    /// Valid values, as the error message and the help list show them.
    let valid: String
    /// The value as written (`--set`, a JSON value's text), parsed and range-checked: (text, model).
    let parse: (String, String) throws(MLError) -> ParameterValue
    /// Writes a value `parse` returned into the parameter struct.
    let set: (inout P, ParameterValue) -> Void
    /// Checks the value already in a parameter struct: (parameters, model).
    let check: (P, String) throws(MLError) -> Void
    /// For the seed: writes an experiment's seed (which may exceed `Int.max`) into the struct.
    var setSeed: ((inout P, UInt64) -> Void)? = nil

    init(
        name: String, valid: String, check: @escaping (P, String) throws(MLError) -> Void = { _, _ throws(MLError) in },
        parse: @escaping (String, String) throws(MLError) -> ParameterValue,
        set: @escaping (inout P, ParameterValue) -> Void
    ) {
        self.name = name
        self.valid = valid
        self.check = check
        self.parse = parse
        self.set = set
    }

    static func int(_ name: String, _ kp: WritableKeyPath<P, Int>, _ range: ClosedRange<Int>) -> Self {
        Self(
            name: name, valid: "an integer in \(range.lowerBound)…\(range.upperBound)",
            check: { p, m throws(MLError) in try checkInt(name, p[keyPath: kp], range, m) },
            parse: { v, m throws(MLError) in .int(try parseInt(name, v, range, m)) },
            set: { p, v in if case .int(let i) = v { p[keyPath: kp] = i } })
    }

    static func optionalInt(_ name: String, _ kp: WritableKeyPath<P, Int?>, _ range: ClosedRange<Int>) -> Self {
        Self(
            name: name, valid: "none, or an integer in \(range.lowerBound)…\(range.upperBound)",
            check: { p, m throws(MLError) in if let i = p[keyPath: kp] { try checkInt(name, i, range, m) } },
            parse: { v, m throws(MLError) in isNone(v) ? .null : .int(try parseInt(name, v, range, m)) },
            set: { p, v in
                if case .int(let i) = v { p[keyPath: kp] = i } else if v == .null { p[keyPath: kp] = nil }
            })
    }

    static func double(
        _ name: String, _ kp: WritableKeyPath<P, Double>, _ range: ClosedRange<Double>, openLower: Bool = false
    ) -> Self {
        let text = "a number in \(openLower ? "(" : "[")\(format(range.lowerBound)), \(format(range.upperBound))]"
        return Self(
            name: name, valid: text,
            check: { p, m throws(MLError) in try checkDouble(name, p[keyPath: kp], range, openLower, text, m) },
            parse: { v, m throws(MLError) in .double(try parseDouble(name, v, range, openLower: openLower, text, m)) },
            set: { p, v in if case .double(let x) = v { p[keyPath: kp] = x } })
    }

    static func optionalDouble(
        _ name: String, _ kp: WritableKeyPath<P, Double?>, _ range: ClosedRange<Double>, openLower: Bool = false
    ) -> Self {
        let text =
            "none, or a number in \(openLower ? "(" : "[")\(format(range.lowerBound)), \(format(range.upperBound))]"
        return Self(
            name: name, valid: text,
            check: { p, m throws(MLError) in
                if let x = p[keyPath: kp] { try checkDouble(name, x, range, openLower, text, m) }
            },
            parse: { v, m throws(MLError) in
                isNone(v) ? .null : .double(try parseDouble(name, v, range, openLower: openLower, text, m))
            },
            set: { p, v in
                if case .double(let x) = v { p[keyPath: kp] = x } else if v == .null { p[keyPath: kp] = nil }
            })
    }

    static func bool(_ name: String, _ kp: WritableKeyPath<P, Bool>) -> Self {
        Self(
            name: name, valid: "true or false",
            parse: { v, m throws(MLError) in
                switch v.lowercased() {
                case "true", "1", "yes": return .bool(true)
                case "false", "0", "no": return .bool(false)
                default: throw MLError(.invalidParameter, "\(m): \(name)=\(v) is not valid; use true or false.")
                }
            },
            set: { p, v in if case .bool(let b) = v { p[keyPath: kp] = b } })
    }

    /// The seed: a non-negative integer as a parameter value (up to `Int.max`); an experiment's seed
    /// of any size goes through `setSeed`.
    static func seed(_ name: String, _ kp: WritableKeyPath<P, UInt64>) -> Self {
        var spec = Self(
            name: name, valid: "a non-negative integer",
            parse: { v, m throws(MLError) in
                guard let s = Int(v), s >= 0 else {
                    throw MLError(.invalidParameter, "\(m): \(name)=\(v) is not valid; use a non-negative integer.")
                }
                return .int(s)
            },
            set: { p, v in if case .int(let i) = v { p[keyPath: kp] = UInt64(i) } })
        spec.setSeed = { p, seed in p[keyPath: kp] = seed }
        return spec
    }

    static func choice<E: RawRepresentable & CaseIterable>(
        _ name: String, _ kp: WritableKeyPath<P, E>
    ) -> Self where E.RawValue == String {
        let all = E.allCases.map(\.rawValue)
        return Self(
            name: name, valid: "one of \(all.joined(separator: ", "))",
            parse: { v, m throws(MLError) in
                guard E(rawValue: v) != nil else {
                    throw MLError(
                        .invalidParameter, "\(m): \(name)=\(v) is not valid; use one of \(all.joined(separator: ", "))."
                    )
                }
                return .string(v)
            },
            set: { p, v in if case .string(let s) = v, let e = E(rawValue: s) { p[keyPath: kp] = e } })
    }

    static func optionalChoice<E: RawRepresentable & CaseIterable>(
        _ name: String, _ kp: WritableKeyPath<P, E?>
    ) -> Self where E.RawValue == String {
        let all = E.allCases.map(\.rawValue)
        return Self(
            name: name, valid: "one of \(all.joined(separator: ", ")) (default: chosen from the target)",
            parse: { v, m throws(MLError) in
                if isNone(v) { return .null }
                guard E(rawValue: v) != nil else {
                    throw MLError(
                        .invalidParameter, "\(m): \(name)=\(v) is not valid; use one of \(all.joined(separator: ", "))."
                    )
                }
                return .string(v)
            },
            set: { p, v in
                if case .string(let s) = v, let e = E(rawValue: s) {
                    p[keyPath: kp] = e
                } else if v == .null {
                    p[keyPath: kp] = nil
                }
            })
    }

    static func optionalString(
        _ name: String, _ kp: WritableKeyPath<P, String?>, valid: String,
        check: @escaping (String) -> Bool
    ) -> Self {
        let invalid = { (v: String, m: String) in
            MLError(.invalidParameter, "\(m): \(name)=\(v) is not valid; use \(valid).")
        }
        return Self(
            name: name, valid: valid,
            check: { p, m throws(MLError) in
                if let v = p[keyPath: kp], !check(v) { throw invalid(v, m) }
            },
            parse: { v, m throws(MLError) in
                if isNone(v) { return .null }
                guard check(v) else { throw invalid(v, m) }
                return .string(v)
            },
            set: { p, v in
                if case .string(let s) = v { p[keyPath: kp] = s } else if v == .null { p[keyPath: kp] = nil }
            })
    }
}

private func isNone(_ v: String) -> Bool { ["none", "null", "nil", ""].contains(v.lowercased()) }

private func format(_ x: Double) -> String {
    if x == .infinity || x == .greatestFiniteMagnitude { return "∞" }
    return x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
}

private func parseInt(_ name: String, _ v: String, _ range: ClosedRange<Int>, _ m: String) throws(MLError) -> Int {
    guard let i = Int(v) ?? Double(v).flatMap({ $0 == $0.rounded() && abs($0) < 1e15 ? Int($0) : nil }) else {
        throw MLError(
            .invalidParameter,
            "\(m): \(name)=\(v) is not an integer; valid values are \(range.lowerBound)…\(range.upperBound).")
    }
    try checkInt(name, i, range, m, written: v)
    return i
}

/// Throws unless `i` is in `range`; the message shows the value as `written` when it was parsed from text.
private func checkInt(_ name: String, _ i: Int, _ range: ClosedRange<Int>, _ m: String, written: String? = nil)
    throws(MLError)
{
    guard range.contains(i) else {
        throw MLError(
            .invalidParameter,
            "\(m): \(name)=\(written ?? String(i)) is out of range; valid values are \(range.lowerBound)…\(range.upperBound)."
        )
    }
}

/// Throws unless `x` is finite and in `range`; the message shows the value as `written` when it was parsed.
private func checkDouble(
    _ name: String, _ x: Double, _ range: ClosedRange<Double>, _ openLower: Bool, _ text: String, _ m: String,
    written: String? = nil
) throws(MLError) {
    guard x.isFinite, range.contains(x), !(openLower && x == range.lowerBound) else {
        throw MLError(
            .invalidParameter, "\(m): \(name)=\(written ?? format(x)) is out of range; valid values are \(text).")
    }
}

extension Array {
    /// Checks every value of `parameters` against these specs: the ranges the parser uses, for a struct
    /// a Swift caller filled in directly.
    func check<P>(_ parameters: P, model: String) throws(MLError) where Element == ParameterSpec<P> {
        for spec in self { try spec.check(parameters, model) }
    }
}

private func parseDouble(
    _ name: String, _ v: String, _ range: ClosedRange<Double>, openLower: Bool, _ text: String, _ m: String
) throws(MLError) -> Double {
    guard let x = Double(v), x.isFinite else {
        throw MLError(.invalidParameter, "\(m): \(name)=\(v) is not a number; valid values are \(text).")
    }
    try checkDouble(name, x, range, openLower, text, m, written: v)
    return x
}

/// Parameter names: snake_case keys become camelCase (`max_iter` → `maxIter`).
func camelCaseKey(_ key: String) -> String {
    let parts = key.split(separator: "_", omittingEmptySubsequences: true)
    guard parts.count > 1, let first = parts.first else { return key }
    return String(first) + parts.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
}

/// The closest candidate to `word` by edit distance (case-insensitive), if close enough to be a likely typo.
func closestName(to word: String, among candidates: [String]) -> String? {
    let w = Array(word.lowercased())
    let scored = candidates.map { ($0, editDistance(w, Array($0.lowercased()))) }.sorted { $0.1 < $1.1 }
    guard let best = scored.first, best.1 <= max(2, w.count / 3) else { return nil }
    return best.0
}
