// A compact Unicode rendering of a Chart for the terminal and for the agent: rows of bars, intervals
// and dots when one axis is categories (eighth-block bars, ├─┤ intervals, density dots for swarms),
// a shaded grid for heatmaps, and a braille plot (2×4 dots a character) for curves and scatters.
// Leaves out: colour (the output must read the same in a log file), area bands (their mean lines
// are drawn), and legends beyond the layers' names.
import Foundation

/// Draws charts with Unicode characters.
public enum TerminalChart {
    /// The chart as lines of text at most about `width` + label columns wide.
    public static func render(_ chart: Chart, width: Int = 48, height: Int = 10) -> String {
        let w = max(10, width), h = max(3, height)
        var lines = [chart.title]
        if chart.layers.contains(where: { $0.mark == .rect }) {
            lines += heatmap(chart)
        } else if chart.y.kind == .band {
            lines += rows(chart, width: w)
        } else if chart.x.kind == .band {
            lines += rows(transposed(chart), width: w)
        } else {
            lines += plot(chart, width: w, height: h)
        }
        let legend = chart.layers.compactMap { l -> String? in
            guard let name = l.name else { return nil }
            let glyph: String
            switch l.mark {
            case .line: glyph = "──"
            case .rule: glyph = "┄┄"
            case .errorBar: glyph = "├┤"
            case .point: glyph = "● "
            default: glyph = "██"
            }
            return "\(glyph) \(name)"
        }
        if !legend.isEmpty { lines.append(legend.joined(separator: "   ")) }
        return lines.joined(separator: "\n")
    }

    /// The same chart with x and y swapped (vertical bars read as horizontal rows).
    static func transposed(_ c: Chart) -> Chart {
        var t = c
        t.x = c.y; t.y = c.x
        t.layers = c.layers.map { l in
            var m = l
            m.data = l.data.map { d in
                var e = d
                e.x = d.y; e.y = d.x; e.x2 = d.y2; e.y2 = d.x2
                return e
            }
            return m
        }
        return t
    }

    // MARK: rows (one axis of categories)

    static func rows(_ chart: Chart, width: Int) -> [String] {
        var cats = chart.y.categories
        for l in chart.layers { for d in l.data { if let c = d.y.category, !cats.contains(c) { cats.append(c) } } }
        let numbers = chart.layers.flatMap { $0.data.flatMap { [$0.x.number, $0.x2].compactMap { $0 } } }
        let s = LinearScale(
            values: numbers, fixed: chart.x.domain, includesZero: chart.x.includesZero, range: (0, Double(width)))
        let labelW = min(24, cats.map(\.count).max() ?? 0)
        let bars = "▏▎▍▌▋▊▉█".map { String($0) }
        var out: [String] = []
        for cat in cats {
            var cells = [String](repeating: " ", count: width)
            var notes: [String] = []
            func cell(_ v: Double) -> Int { min(width - 1, max(0, Int(s(v)))) }
            for l in chart.layers {
                let data = l.data.filter { $0.y.category == cat }
                switch l.mark {
                case .bar:
                    for d in data {
                        guard let v = d.x.number else { continue }
                        let z = s(min(max(0, s.domain.lo), s.domain.hi)), e = s(v)
                        let (a, b) = (min(z, e), max(z, e))
                        var i = Int(a)
                        while Double(i) + 1 <= b, i < width { cells[i] = "█"; i += 1 }
                        let frac = b - Double(i)
                        if i < width, frac >= 1.0 / 16 {
                            cells[i] = bars[min(7, max(0, Int((frac * 8).rounded()) - 1))]
                        }
                        notes.append(d.label ?? ChartFormat.number(v))
                    }
                case .errorBar:
                    for d in data {
                        guard let lo = d.x.number, let hi = d.x2 else { continue }
                        let a = cell(min(lo, hi)), b = cell(max(lo, hi))
                        for i in a...b where cells[i] == " " { cells[i] = "─" }
                        if cells[a] == "─" { cells[a] = "├" }
                        if cells[b] == "─" { cells[b] = "┤" }
                        notes.append("[\(ChartFormat.number(lo)), \(ChartFormat.number(hi))]")
                    }
                case .point:
                    if data.count == 1, let v = data[0].x.number {
                        cells[cell(v)] = "●"
                        notes.insert(data[0].label ?? ChartFormat.number(v), at: 0)
                    } else {
                        var counts = [Int](repeating: 0, count: width)
                        for d in data { if let v = d.x.number { counts[cell(v)] += 1 } }
                        let peak = max(1, counts.max() ?? 1)
                        for (i, n) in counts.enumerated() where n > 0 {
                            cells[i] = ["·", "∙", "•", "●"][min(3, (n * 4 - 1) / peak)]
                        }
                    }
                case .rule:
                    for d in l.data { if let v = d.x.number, cells[cell(v)] == " " { cells[cell(v)] = "┊" } }
                default: break
                }
            }
            let label = cat.count > labelW ? String(cat.prefix(labelW - 1)) + "…" : cat
            out.append(
                pad(label, labelW) + " │" + cells.joined() + (notes.isEmpty ? "" : " " + notes.joined(separator: " ")))
        }
        let lo = ChartFormat.tick(s.domain.lo, step: s.tickStep), hi = ChartFormat.tick(s.domain.hi, step: s.tickStep)
        out.append(String(repeating: " ", count: labelW) + " └" + String(repeating: "─", count: width))
        let gap = max(1, width - lo.count - hi.count)
        out.append(
            String(repeating: " ", count: labelW + 2) + lo + String(repeating: " ", count: gap) + hi + "  "
                + chart.x.title)
        return out
    }

    static func pad(_ s: String, _ n: Int) -> String {
        s.count >= n ? s : s + String(repeating: " ", count: n - s.count)
    }

    // MARK: heatmap

    static func heatmap(_ chart: Chart) -> [String] {
        guard let rect = chart.layers.first(where: { $0.mark == .rect }) else { return [] }
        let cols = chart.x.categories, rowsCats = chart.y.categories
        let cellW = max(6, min(10, (cols.map(\.count).max() ?? 0) + 1))
        let labelW = min(16, rowsCats.map(\.count).max() ?? 0)
        let shades = [" ", "░", "▒", "▓", "█"]
        var out = [
            pad("\(chart.y.title) \\ \(chart.x.title)", labelW) + " "
                + cols.map { rightPad(String($0.prefix(cellW - 1)), cellW) }.joined()
        ]
        for r in rowsCats {
            var line = pad(String(r.prefix(labelW)), labelW) + " "
            for c in cols {
                let d = rect.data.first { $0.x.category == c && $0.y.category == r }
                let shade = shades[min(4, Int(((d?.color ?? 0) * 4).rounded()))]
                line += rightPad((d?.label ?? "") + shade, cellW)
            }
            out.append(line)
        }
        return out
    }

    static func rightPad(_ s: String, _ n: Int) -> String {
        s.count >= n ? s : String(repeating: " ", count: n - s.count) + s
    }

    // MARK: braille plot (two linear axes)

    static func plot(_ chart: Chart, width: Int, height: Int) -> [String] {
        let xs = chart.layers.flatMap { $0.data.flatMap { [$0.x.number, $0.x2].compactMap { $0 } } }
        let ys = chart.layers.filter { $0.mark != .area }.flatMap {
            $0.data.flatMap { [$0.y.number, $0.y2].compactMap { $0 } }
        }
        let dw = width * 2, dh = height * 4
        let sx = LinearScale(
            values: xs, fixed: chart.x.domain, includesZero: chart.x.includesZero, range: (0, Double(dw - 1)))
        let sy = LinearScale(
            values: ys, fixed: chart.y.domain, includesZero: chart.y.includesZero, range: (Double(dh - 1), 0))
        var dots = [[Bool]](repeating: [Bool](repeating: false, count: dw), count: dh)
        func set(_ x: Int, _ y: Int) { if x >= 0, x < dw, y >= 0, y < dh { dots[y][x] = true } }
        func line(_ a: (Int, Int), _ b: (Int, Int), dashed: Bool = false) {
            let n = max(abs(b.0 - a.0), abs(b.1 - a.1), 1)
            for k in 0...n where !dashed || (k / 2) % 2 == 0 {
                set(a.0 + (b.0 - a.0) * k / n, a.1 + (b.1 - a.1) * k / n)
            }
        }
        func p(_ x: Double, _ y: Double) -> (Int, Int) { (Int(sx(x).rounded()), Int(sy(y).rounded())) }
        for l in chart.layers {
            switch l.mark {
            case .line:
                var last: [String: (Int, Int)] = [:]
                for d in l.data {
                    guard let x = d.x.number, let y = d.y.number else { continue }
                    let q = p(x, y), k = d.series ?? ""
                    if let prev = last[k] { line(prev, q) } else { set(q.0, q.1) }
                    last[k] = q
                }
            case .point:
                for d in l.data { if let x = d.x.number, let y = d.y.number { let q = p(x, y); set(q.0, q.1) } }
            case .rule:
                for d in l.data {
                    guard let x = d.x.number, let y = d.y.number else { continue }
                    line(p(x, y), p(d.x2 ?? x, d.y2 ?? y), dashed: true)
                }
            default: break
            }
        }
        // Braille cell bits: columns (0,1) × rows (0...3).
        let bits = [[0x01, 0x08], [0x02, 0x10], [0x04, 0x20], [0x40, 0x80]]
        let top = ChartFormat.tick(sy.domain.hi, step: sy.tickStep),
            bottom = ChartFormat.tick(sy.domain.lo, step: sy.tickStep)
        let labelW = max(top.count, bottom.count)
        var out: [String] = []
        for row in 0..<height {
            var s = ""
            for col in 0..<width {
                var code = 0
                for dy in 0..<4 { for dx in 0..<2 where dots[row * 4 + dy][col * 2 + dx] { code |= bits[dy][dx] } }
                s.unicodeScalars.append(Unicode.Scalar(0x2800 + code) ?? " ")
            }
            let label = row == 0 ? top : (row == height - 1 ? bottom : "")
            out.append(rightPad(label, labelW) + " ┤" + s)
        }
        let lo = ChartFormat.tick(sx.domain.lo, step: sx.tickStep),
            hi = ChartFormat.tick(sx.domain.hi, step: sx.tickStep)
        out.append(String(repeating: " ", count: labelW) + " └" + String(repeating: "─", count: width))
        out.append(
            String(repeating: " ", count: labelW + 2) + lo
                + String(repeating: " ", count: max(1, width - lo.count - hi.count)) + hi
                + "  " + chart.x.title + "  (y: \(chart.y.title))")
        return out
    }
}
