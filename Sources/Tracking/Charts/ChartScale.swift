// Scales shared by the renderers: a linear scale with "nice" ticks (1, 2, 5 × 10^k) and a band
// scale for categories, plus the number formatting and colour interpolation they need.
// Leaves out: log and time scales (no chart here needs them).
import Foundation

/// Maps a numeric domain onto a pixel range, with round tick values.
struct LinearScale: Equatable {
    var domain: (lo: Double, hi: Double)
    var range: (lo: Double, hi: Double)

    static func == (a: Self, b: Self) -> Bool { a.domain == b.domain && a.range == b.range }

    /// A scale covering `values` (or the fixed `fixed` domain), widened to nice tick bounds.
    init(values: [Double], fixed: [Double]?, includesZero: Bool, range: (lo: Double, hi: Double)) {
        self.range = range
        if let fixed, fixed.count == 2, fixed[0] < fixed[1] {
            domain = (fixed[0], fixed[1])
            return
        }
        let finite = values.filter(\.isFinite)
        var lo = finite.min() ?? 0, hi = finite.max() ?? 1
        if includesZero { lo = min(lo, 0); hi = max(hi, 0) }
        if lo == hi { lo -= lo == 0 ? 1 : abs(lo) * 0.1; hi += hi == 0 ? 1 : abs(hi) * 0.1 }
        let step = Self.niceStep((hi - lo) / 5)
        domain = ((lo / step).rounded(.down) * step, (hi / step).rounded(.up) * step)
    }

    /// The pixel position of `v`.
    func callAsFunction(_ v: Double) -> Double {
        let t = (v - domain.lo) / (domain.hi - domain.lo)
        return range.lo + t * (range.hi - range.lo)
    }

    /// The step between ticks for about five ticks.
    var tickStep: Double { Self.niceStep((domain.hi - domain.lo) / 5) }

    /// Round values inside the domain, about five of them.
    var ticks: [Double] {
        let step = tickStep
        var out: [Double] = []
        var k = (domain.lo / step).rounded(.up)
        while k * step <= domain.hi + step * 1e-9, out.count < 50 {
            out.append(abs(k * step) < step * 1e-9 ? 0 : k * step)
            k += 1
        }
        return out
    }

    /// The smallest of 1, 2, 5 × 10^k not below `raw`.
    static func niceStep(_ raw: Double) -> Double {
        guard raw.isFinite, raw > 0 else { return 1 }
        let mag = pow(10, (log10(raw)).rounded(.down))
        for m in [1.0, 2, 5, 10] where m * mag >= raw * (1 - 1e-12) { return m * mag }
        return 10 * mag
    }
}

/// Maps ordered categories onto equal bands of a pixel range.
struct BandScale: Equatable {
    var categories: [String]
    var range: (lo: Double, hi: Double)

    static func == (a: Self, b: Self) -> Bool { a.categories == b.categories && a.range == b.range }

    var bandwidth: Double { categories.isEmpty ? 0 : (range.hi - range.lo) / Double(categories.count) }

    /// The centre of the band of `c`, or nil for an unknown category.
    func center(_ c: String) -> Double? {
        guard let i = categories.firstIndex(of: c) else { return nil }
        return range.lo + (Double(i) + 0.5) * bandwidth
    }
}

/// Number and text formatting of the charts: locale-independent, short, and safe inside XML.
enum ChartFormat {
    /// A short label for `v`: four significant digits at most, no trailing zeros.
    static func number(_ v: Double) -> String {
        guard v.isFinite else { return v.isNaN ? "NaN" : (v > 0 ? "inf" : "-inf") }
        if v == 0 { return "0" }
        let a = abs(v)
        if a >= 1e6 || a < 1e-4 { return String(format: "%.3g", v) }
        let decimals = max(0, 3 - Int(log10(a).rounded(.down)))
        return trim(String(format: "%.\(decimals)f", v))
    }

    /// A tick label with as many decimals as the tick step needs.
    static func tick(_ v: Double, step: Double) -> String {
        let decimals = max(0, -Int(log10(step).rounded(.down)))
        if abs(v) >= 1e6 { return String(format: "%.3g", v) }
        return String(format: "%.\(min(decimals, 8))f", v)
    }

    /// A pixel coordinate with two decimals.
    static func px(_ v: Double) -> String { trim(String(format: "%.2f", v.isFinite ? v : 0)) }

    private static func trim(_ s: String) -> String {
        guard s.contains(".") else { return s }
        var t = s
        while t.hasSuffix("0") { t.removeLast() }
        if t.hasSuffix(".") { t.removeLast() }
        return t == "-0" ? "0" : t
    }

    /// `s` escaped for XML text and attribute values; control characters XML forbids are dropped.
    static func xml(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.count)
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(u)
            default:
                if u.value < 0x20 || (0xFFFE...0xFFFF).contains(u.value) { continue }
                out.unicodeScalars.append(u)
            }
        }
        return out
    }

    /// The colour at `t` in 0...1 between two hex colours, as hex.
    static func mix(_ low: String, _ high: String, _ t: Double) -> String {
        let a = rgb(low), b = rgb(high), u = min(max(t.isFinite ? t : 0, 0), 1)
        var c: [Int] = []
        for i in 0..<3 {
            let lo = Double(a[i]), hi = Double(b[i])
            c.append(Int((lo + (hi - lo) * u).rounded()))
        }
        return String(format: "#%02x%02x%02x", c[0], c[1], c[2])
    }

    private static func rgb(_ hex: String) -> [Int] {
        let h = hex.hasPrefix("#") ? String(hex.dropFirst()) : hex
        guard h.count == 6, let v = Int(h, radix: 16) else { return [0, 0, 0] }
        return [(v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff]
    }
}
