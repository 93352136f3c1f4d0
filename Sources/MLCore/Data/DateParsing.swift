// Date and date-time cells → seconds since 1970-01-01 UTC, parsed from bytes.
// Accepted (the rules of type inference; a column is datetime only when every non-missing cell parses
// with one of them and they agree on day/month order):
//   YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD, optionally followed by 'T' or ' ' and HH:MM[:SS[.fraction]]
//     and an optional zone (Z, ±HH:MM, ±HHMM, ±HH; converted to UTC);
//   MM/DD/YYYY (US order) or, when some first part exceeds 12, DD/MM/YYYY, optionally with a time.
// Leaves out: month names ("Jan 5, 2020"), two-digit years, times without a date, epoch numbers
// (they stay integer columns).

enum DateParsing {
    /// Parses one cell; `dayFirst` selects DD/MM/YYYY for slash dates that start with the day.
    static func parse(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, dayFirst: Bool) -> Double? {
        var r = DateReader(p: p, i: start, e: end)
        r.trim()
        let year: Int, month: Int, day: Int
        if let y = r.digits(exactly: 4) {
            guard let sep = r.byte(), sep == 45 || sep == 47 || sep == 46,
                let m = r.digits(from: 1, to: 2), r.byte() == sep, let d = r.digits(from: 1, to: 2)
            else { return nil }
            (year, month, day) = (y, m, d)
        } else {
            guard let a = r.digits(from: 1, to: 2), r.byte() == 47, let b = r.digits(from: 1, to: 2), r.byte() == 47,
                let y = r.digits(exactly: 4)
            else { return nil }
            (year, month, day) = dayFirst ? (y, b, a) : (y, a, b)
        }
        guard month >= 1, month <= 12, day >= 1, day <= daysIn(month: month, year: year) else { return nil }
        var seconds = Double(daysFromCivil(year: year, month: month, day: day)) * 86_400
        if r.atEnd { return seconds }
        guard let t = r.byte(), t == 84 || t == 32, let hh = r.digits(exactly: 2), r.byte() == 58,
            let mm = r.digits(exactly: 2), hh < 24, mm < 60
        else { return nil }
        seconds += Double(hh * 3600 + mm * 60)
        if r.peek == 58 {
            r.i += 1
            guard let ss = r.digits(exactly: 2), ss <= 60 else { return nil }
            seconds += Double(ss)
            if r.peek == 46 || r.peek == 44 {
                r.i += 1
                var scale = 0.1, fraction = 0.0, any = false
                while let d = r.peekDigit {
                    fraction += Double(d) * scale
                    scale /= 10
                    r.i += 1
                    any = true
                }
                if !any { return nil }
                seconds += fraction
            }
        }
        if r.atEnd { return seconds }
        if r.peek == 90 {
            r.i += 1
            return r.atEnd ? seconds : nil
        }
        guard let sign = r.byte(), sign == 43 || sign == 45, let oh = r.digits(exactly: 2) else { return nil }
        var om = 0
        if r.peek == 58 { r.i += 1 }
        if !r.atEnd {
            guard let m = r.digits(exactly: 2) else { return nil }
            om = m
        }
        guard r.atEnd else { return nil }
        let offset = Double(oh * 3600 + om * 60)
        return sign == 43 ? seconds - offset : seconds + offset
    }

    /// Whether a slash date's first part exceeds 12 (so the column must be day-first).
    static func firstPartExceedsTwelve(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var r = DateReader(p: p, i: start, e: end)
        r.trim()
        guard r.digits(exactly: 4) == nil else { return false }
        r.i = start
        r.trim()
        guard let a = r.digits(from: 1, to: 2), r.byte() == 47 else { return false }
        return a > 12
    }

    static func parse(_ text: String, dayFirst: Bool = false) -> Double? {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { b in b.baseAddress.flatMap { parse($0, 0, b.count, dayFirst: dayFirst) }
        }
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The civil date of a day count since 1970-01-01.
    static func civilFromDays(_ z0: Int) -> (year: Int, month: Int, day: Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// "2013-01-01" at midnight, else "2013-01-01T05:00:00".
    static func isoString(secondsSinceEpoch s: Double) -> String {
        let total = Int(s.rounded(.down))
        let days = total >= 0 ? total / 86_400 : (total - 86_399) / 86_400
        let rest = total - days * 86_400
        let (y, m, d) = civilFromDays(days)
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        let date = "\(fourDigits(y))-\(two(m))-\(two(d))"
        if rest == 0 { return date }
        return date + "T\(two(rest / 3600)):\(two(rest % 3600 / 60)):\(two(rest % 60))"
    }
}

private func fourDigits(_ v: Int) -> String {
    let s = String(abs(v))
    return (v < 0 ? "-" : "") + String(repeating: "0", count: max(0, 4 - s.count)) + s
}

/// A cursor over one cell's bytes.
private struct DateReader {
    let p: UnsafePointer<UInt8>
    var i: Int
    var e: Int

    var atEnd: Bool { i >= e }
    var peek: UInt8? { i < e ? p[i] : nil }
    var peekDigit: Int? {
        guard i < e else { return nil }
        let d = p[i] &- 48
        return d <= 9 ? Int(d) : nil
    }

    mutating func trim() {
        while i < e && p[i] == 32 { i += 1 }
        while e > i && p[e - 1] == 32 { e -= 1 }
    }

    mutating func byte() -> UInt8? {
        guard i < e else { return nil }
        defer { i += 1 }
        return p[i]
    }

    mutating func digits(exactly n: Int) -> Int? { digits(from: n, to: n) }

    mutating func digits(from low: Int, to high: Int) -> Int? {
        var value = 0, count = 0
        let begin = i
        while count < high, let d = peekDigit {
            value = value * 10 + d
            count += 1
            i += 1
        }
        if count < low || (peekDigit != nil) {
            i = begin
            return nil
        }
        return value
    }
}
