// Renders a DataProfile as a plain-text table for the terminal (no colours, so it pipes cleanly).
// Leaves out: JSON output (ProfileCommand encodes the profile directly).

import Agent
import MLCore

enum ProfileRenderer {
    static func render(_ p: DataProfile, loadSeconds: Double) -> String {
        var lines: [String] = []
        let source = p.source.map { $0.split(separator: "/").last.map(String.init) ?? $0 } ?? "data"
        lines.append(
            "\(source): \(grouped(p.rows)) rows (\(p.rows)) × \(p.columnCount) columns · data fingerprint \(p.fingerprint)"
                + " · read in \(format(loadSeconds * 1000, digits: 0)) ms")
        if let t = p.target {
            var line = "target '\(t.column)': \(t.task.rawValue)"
            if t.task.isClassification {
                let total = max(t.classCounts.reduce(0, +), 1)
                let parts = zip(t.classNames, t.classCounts).map {
                    "\($0) \(grouped($1)) (\(format(100 * Double($1) / Double(total), digits: 1))%)"
                }
                line += " · classes: " + parts.joined(separator: ", ")
            } else if let d = t.distribution {
                line += " · mean \(format(d.mean)) · std \(format(d.std)) · range \(format(d.min))–\(format(d.max))"
            }
            if t.missing > 0 { line += " · \(grouped(t.missing)) rows without a target" }
            lines.append(line)
        } else {
            lines.append("no target: clustering (give --target COL to frame a prediction task)")
        }
        let v = p.suggestedValidation
        lines.append(
            "suggested metric: \(p.suggestedMetric) · validation: \(v.scheme.rawValue)\(v.groupColumn.map { " on '\($0)'" } ?? "")\(v.folds > 1 ? " (\(v.folds) folds)" : "") with a sealed \(Int(v.testFraction * 100))%\(v.groupColumn == nil ? "" : " grouped") test split"
        )
        lines.append("")
        var table: [[String]] = [["column", "type", "missing", "distinct", "summary"]]
        for c in p.columns {
            let missing =
                c.missing == 0
                ? "0"
                : "\(grouped(c.missing)) (\(format(100 * Double(c.missing) / Double(max(p.rows, 1)), digits: 0))%)"
            table.append([c.name, c.kind.rawValue, missing, grouped(c.distinct), summary(c)])
        }
        lines += align(table)
        lines.append("")
        if p.warnings.isEmpty {
            lines.append("warnings: none")
        } else {
            lines.append("warnings (\(p.warnings.count)):")
            for w in p.warnings { lines.append("  ! [\(w.kind.rawValue)] \(w.message)") }
        }
        return lines.joined(separator: "\n")
    }

    static func summary(_ c: ColumnProfile) -> String {
        if c.kind == .text, let m = c.meanLength { return "free text, mean length \(format(m, digits: 0)) chars" }
        if let top = c.topLevels, c.kind == .categorical || c.kind == .boolean || c.kind == .integer && c.distinct <= 10
        {
            return top.map { "\($0.value) \(grouped($0.count))" }.joined(separator: ", ")
                + (c.distinct > top.count ? ", …" : "")
        }
        if let n = c.numeric {
            if c.kind == .datetime {
                return "from \(isoDate(n.min)) to \(isoDate(n.max))"
            }
            return
                "min \(format(n.min)) · median \(format(n.median)) · mean \(format(n.mean)) · max \(format(n.max)) · std \(format(n.std))"
        }
        return ""
    }

    static func align(_ rows: [[String]]) -> [String] {
        guard let columns = rows.first?.count else { return [] }
        let widths = (0..<(columns - 1)).map { j in min(28, rows.map { $0[j].count }.max() ?? 0) }
        return rows.map { row in
            var line = ""
            for j in 0..<columns {
                var cell = row[j]
                if j < columns - 1 {
                    if cell.count > widths[j] { cell = String(cell.prefix(widths[j] - 1)) + "…" }
                    line += cell + String(repeating: " ", count: widths[j] - cell.count + 2)
                } else {
                    line += cell
                }
            }
            return line
        }
    }

    /// 1313 → "1,313".
    static func grouped(_ n: Int) -> String { ProgressText.grouped(n) }

    /// A compact number: 4 significant digits, no exponent for everyday magnitudes.
    static func format(_ x: Double, digits: Int? = nil) -> String {
        if x.isNaN { return "nan" }
        if let digits {
            let scale = pow10(digits)
            let r = (x * scale).rounded() / scale
            return digits == 0 ? grouped(Int(r)) : String(r)
        }
        let magnitude = abs(x)
        if magnitude >= 1e15 || (magnitude < 1e-4 && magnitude > 0) { return String(x) }
        let decimals = magnitude >= 1000 ? 0 : magnitude >= 100 ? 1 : magnitude >= 1 ? 2 : 4
        let scale = pow10(decimals)
        let r = (x * scale).rounded() / scale
        if decimals == 0 { return grouped(Int(r)) }
        var s = String(r)
        if s.hasSuffix(".0") { s.removeLast(2) }
        return s
    }

    static func pow10(_ k: Int) -> Double { (0..<k).reduce(1.0) { r, _ in r * 10 } }

    static func isoDate(_ seconds: Double) -> String {
        Column(name: "", numbers: [seconds], kind: .datetime).string(at: 0) ?? ""
    }
}
