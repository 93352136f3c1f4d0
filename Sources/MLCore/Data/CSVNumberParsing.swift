// Parses decimal numbers straight from the file's bytes, without making a String per cell.
// Fast path (Clinger): ≤ 19 significant digits with mantissa ≤ 2^53 and |exponent| ≤ 22 is exact,
// one multiply or divide by an exact power of ten. Anything else that is valid decimal syntax goes to
// strtod on a stack copy, so every result is correctly rounded. Leaves out: hex floats, inf, nan
// (nan-like cells are missing tokens), thousands separators and decimal commas (they read as text).

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

enum NumberParsing {
    /// Exact powers of ten 10^0 … 10^22.
    static let powersOfTen: [Double] = (0...22).map { k in (0..<k).reduce(1.0) { r, _ in r * 10 } }

    /// Parses `p[start..<end]` (spaces and tabs trimmed) as a decimal number.
    /// - Returns: the value and whether the literal was an integer (no point, no exponent), or nil.
    @inline(__always)
    static func parse(
        _ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, powers: UnsafePointer<Double>
    ) -> (value: Double, isInteger: Bool)? {
        var i = start, e = end
        while i < e && (p[i] == 32 || p[i] == 9) { i += 1 }
        while e > i && (p[e - 1] == 32 || p[e - 1] == 9) { e -= 1 }
        if i == e { return nil }
        let literalStart = i
        var negative = false
        if p[i] == 45 {
            negative = true
            i += 1
        } else if p[i] == 43 {
            i += 1
        }
        var mantissa: UInt64 = 0
        var significant = 0, exponent = 0
        var anyDigit = false, truncated = false, isInteger = true
        while i < e {
            let d = p[i] &- 48
            if d > 9 { break }
            anyDigit = true
            if significant < 19 {
                mantissa = mantissa &* 10 &+ UInt64(d)
                if mantissa != 0 { significant += 1 }
            } else {
                exponent += 1
                if d != 0 { truncated = true }
            }
            i += 1
        }
        if i < e && p[i] == 46 {
            isInteger = false
            i += 1
            while i < e {
                let d = p[i] &- 48
                if d > 9 { break }
                anyDigit = true
                if significant < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(d)
                    if mantissa != 0 { significant += 1 }
                    exponent -= 1
                } else if d != 0 {
                    truncated = true
                }
                i += 1
            }
        }
        if !anyDigit { return nil }
        if i < e && (p[i] | 0x20) == 101 {
            isInteger = false
            i += 1
            var expNegative = false
            if i < e && (p[i] == 45 || p[i] == 43) {
                expNegative = p[i] == 45
                i += 1
            }
            var value = 0, anyExpDigit = false
            while i < e {
                let d = p[i] &- 48
                if d > 9 { break }
                anyExpDigit = true
                value = min(value * 10 + Int(d), 100_000)
                i += 1
            }
            if !anyExpDigit { return nil }
            exponent += expNegative ? -value : value
        }
        if i != e { return nil }
        if mantissa == 0 && !truncated { return (negative ? -0.0 : 0.0, isInteger) }
        if !truncated && mantissa <= 1 << 53 && exponent >= -22 && exponent <= 22 {
            var v = Double(mantissa)
            if exponent < 0 { v /= powers[-exponent] } else { v *= powers[exponent] }
            return (negative ? -v : v, isInteger)
        }
        return (slowParse(p, literalStart, e), isInteger)
    }

    /// strtod on a NUL-terminated copy of a literal already checked to be decimal syntax.
    static func slowParse(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Double {
        let n = end - start
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: n + 1) { buffer in
            guard let base = buffer.baseAddress else { return .nan }
            for k in 0..<n { base[k] = CChar(bitPattern: p[start + k]) }
            base[n] = 0
            return strtod(base, nil)
        }
    }

    /// Convenience for tests and one-off values.
    static func parse(_ text: String) -> (value: Double, isInteger: Bool)? {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { b in
            powersOfTen.withUnsafeBufferPointer { pw in
                guard let base = b.baseAddress, let pb = pw.baseAddress else { return nil }
                return parse(base, 0, b.count, powers: pb)
            }
        }
    }
}
