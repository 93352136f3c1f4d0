// Parses decimal numbers straight from the file's bytes, without making a String per cell.
// Shortest path (`parsePlain`), for the cells most files hold ("-123.456789", "42"): a sign, ≤ 8 integer
// digits, an optional point and ≤ 8 fraction digits, read as two 8-byte words with no branch per digit
// (SWAR), when 17 bytes past the cell's start are readable. Fast path (Clinger): ≤ 19 digits with
// mantissa ≤ 2^53 and |exponent| ≤ 22 is exact, one multiply or divide by an exact power of ten. Anything else that is valid decimal syntax goes to
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
    /// - Complexity: O(length); runs of 8 digits are combined at once (SWAR).
    @inline(__always)
    static func parse(
        _ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, powers: UnsafePointer<Double>
    ) -> (value: Double, isInteger: Bool)? {
        var i = start, e = end
        if p[i] == 32 || p[i] == 9 || p[e - 1] == 32 || p[e - 1] == 9 {
            while i < e && (p[i] == 32 || p[i] == 9) { i += 1 }
            while e > i && (p[e - 1] == 32 || p[e - 1] == 9) { e -= 1 }
            if i == e { return nil }
        }
        let literalStart = i
        var negative = false
        if p[i] == 45 {
            negative = true
            i += 1
        } else if p[i] == 43 {
            i += 1
        }
        // Digits (leading zeros included) accumulate while there are at most 19 of them; longer
        // literals go to strtod.
        var mantissa: UInt64 = 0
        let integerStart = i
        i = digits(p, i, e, &mantissa)
        var digitCount = i - integerStart
        var exponent = 0
        var isInteger = true
        if i < e && p[i] == 46 {
            isInteger = false
            let fractionStart = i + 1
            i = digits(p, fractionStart, e, &mantissa)
            exponent = fractionStart - i
            digitCount += i - fractionStart
        }
        if digitCount == 0 { return nil }
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
        if digitCount <= 19 {
            if mantissa == 0 { return (negative ? -0.0 : 0.0, isInteger) }
            if mantissa <= 1 << 53 && exponent >= -22 && exponent <= 22 {
                // Trailing fraction zeros ("517.0") come off first: m·10 / 10^k is the same rational as
                // m / 10^(k−1), so the correctly rounded result is identical, often without a division.
                var m = mantissa, x = exponent
                while x < 0 && m % 10 == 0 {
                    m /= 10
                    x += 1
                }
                var v = Double(m)
                if x < 0 { v /= powers[-x] } else if x > 0 { v *= powers[x] }
                return (negative ? -v : v, isInteger)
            }
        }
        return (slowParse(p, literalStart, e), isInteger)
    }

    /// `parse` for a cell of the shape `[-]d{0,8}[.d{0,8}]` (at least one digit) filling `p[start..<end]`,
    /// reading 8-byte words at the digits (`limit`: bytes readable from `p`, ≥ start + 17); nil for any other
    /// cell, which then goes to `parse`. The same value: m / 10^k, m ≤ 2^53, is correctly rounded (Clinger).
    /// - Complexity: O(1), no loop over digits.
    @inline(__always)
    static func parsePlain(
        _ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, limit: Int, powers: UnsafePointer<Double>
    ) -> (value: Double, isInteger: Bool)? {
        // The sign is data, not control: a branch on it mispredicts on half the cells of a column of
        // mixed signs, and each miss discards the overlapped parsing of the cells after it.
        let minus = p[start] == 45 ? 1 : 0
        let i = start &+ minus
        guard limit - i >= 17 else { return nil }
        let v = UInt64(littleEndian: UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self))
        let integerLength = min(leadingDigits(v), end - i)
        guard integerLength < 8 else { return nil }
        let point = i + integerLength
        var mantissa = digitValue(v, count: integerLength)
        var fractionLength = 0
        if point < end {
            guard p[point] == 46 else { return nil }
            fractionLength = end - point - 1
            guard fractionLength <= 8 else { return nil }
            let w = UInt64(littleEndian: UnsafeRawPointer(p + point + 1).loadUnaligned(as: UInt64.self))
            guard leadingDigits(w) >= fractionLength else { return nil }
            mantissa = mantissa &* UInt64(powers[fractionLength]) &+ digitValue(w, count: fractionLength)
        }
        guard integerLength + fractionLength > 0, mantissa <= 1 << 53 else { return nil }
        let value = Double(mantissa) / powers[fractionLength]
        return (Double(bitPattern: value.bitPattern | UInt64(truncatingIfNeeded: minus) << 63), point == end)
    }

    /// How many of the 8 bytes of `v` (first byte lowest) are '0'…'9' before the first that is not.
    @inline(__always)
    static func leadingDigits(_ v: UInt64) -> Int {
        let high: UInt64 = 0xF0F0_F0F0_F0F0_F0F0, threes: UInt64 = 0x3030_3030_3030_3030
        // A byte of `bad` is zero exactly when the byte is a digit: high nibble 3, and adding 6 keeps it 3
        // (a carry out of a byte ≥ 0xFA only reaches later bytes, past the first non-digit).
        let bad = ((v & high) ^ threes) | (((v &+ 0x0606_0606_0606_0606) & high) ^ threes)
        let seven: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let nonzero = (((bad & seven) &+ seven) | bad) & 0x8080_8080_8080_8080
        return nonzero == 0 ? 8 : nonzero.trailingZeroBitCount / 8
    }

    /// The number written by the first `count` (0…8) bytes of `v`, which are digits (first byte lowest).
    @inline(__always)
    static func digitValue(_ v: UInt64, count: Int) -> UInt64 {
        // Later bytes are shifted out (a borrow of theirs only reaches later bytes); the digits move to the
        // top, below them zeros: leading zero digits.
        var x = (v &- 0x3030_3030_3030_3030) << UInt64(8 * (8 - count))
        x = (x &* 10) &+ (x >> 8)
        let mask: UInt64 = 0x0000_00FF_0000_00FF
        let pairs: UInt64 = (x & mask) &* 0x000F_4240_0000_0064  // 100 + (1_000_000 << 32)
        let quads: UInt64 = ((x >> 16) & mask) &* 0x0000_2710_0000_0001  // 1 + (10_000 << 32)
        return (pairs &+ quads) >> 32
    }

    /// Appends the decimal digits at `p[i...]` to `m` (wrapping: callers check the digit count),
    /// eight at a time while it can; returns the index after the last digit.
    @inline(__always)
    static func digits(_ p: UnsafePointer<UInt8>, _ start: Int, _ e: Int, _ m: inout UInt64) -> Int {
        var i = start
        while i + 8 <= e {
            let v = UInt64(littleEndian: UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self))
            // All eight bytes are '0'…'9' when each high nibble is 3 and adding 6 does not carry into it.
            guard
                (v & 0xF0F0_F0F0_F0F0_F0F0) | (((v &+ 0x0606_0606_0606_0606) & 0xF0F0_F0F0_F0F0_F0F0) >> 4)
                    == 0x3333_3333_3333_3333
            else { break }
            var x = v &- 0x3030_3030_3030_3030
            x = (x &* 10) &+ (x >> 8)
            let mask: UInt64 = 0x0000_00FF_0000_00FF
            let mul1: UInt64 = 0x000F_4240_0000_0064  // 100 + (1_000_000 << 32)
            let mul2: UInt64 = 0x0000_2710_0000_0001  // 1 + (10_000 << 32)
            let pairs: UInt64 = (x & mask) &* mul1
            let quads: UInt64 = ((x >> 16) & mask) &* mul2
            x = (pairs &+ quads) >> 32
            m = m &* 100_000_000 &+ x
            i += 8
        }
        while i < e {
            let d = p[i] &- 48
            if d > 9 { break }
            m = m &* 10 &+ UInt64(d)
            i += 1
        }
        return i
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
