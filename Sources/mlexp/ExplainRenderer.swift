// Plain-text tables for `mlexp explain`: importance with a bar per row, partial dependence curves,
// error slices, worst cases, calibration and limits, each under a heading. Leaves out: colour and
// charts (the charts module draws those for notebooks).

import Foundation
import MLCore

enum ExplainRenderer {
    /// `trainRows` nil: a stored run's model, evaluated on the file's rows without a refit.
    static func render(_ r: ExplainReport, file: String, target: String, trainRows: Int?) -> String {
        var out: [String] = []
        if let trainRows {
            out.append(
                "\(r.model) on \(file) → \(target): \(trainRows) training rows, \(r.validationRows) validation rows (holdout)"
            )
        } else {
            out.append("\(r.model) (stored run, no refit) on \(file) → \(target): \(r.validationRows) labelled rows")
        }
        out.append(
            "validation: "
                + r.metrics.sorted { $0.key < $1.key }.map { "\($0.key) \(num($0.value))" }.joined(separator: "  "))
        if let imp = r.importance {
            out.append("")
            out.append(
                "Importance (\(imp.method)\(imp.metric.map { ", drop in \($0)" } ?? "")\(imp.repeats.map { ", \($0) repeats" } ?? ""))"
            )
            let top = imp.features.prefix(15)
            let width = max(8, top.map(\.name.count).max() ?? 8)
            let maxV = max(top.map { abs($0.importance) }.max() ?? 1, 1e-12)
            for f in top {
                let bar = String(repeating: "█", count: Int((abs(f.importance) / maxV * 30).rounded()))
                out.append(
                    "  \(pad(f.name, width))  \(pad(num(f.importance), 9, right: true)) ± \(pad(num(f.std), 8))  \(bar)"
                )
            }
            if imp.features.count > 15 { out.append("  … \(imp.features.count - 15) more (see --json)") }
        }
        for pd in r.partialDependence ?? [] {
            out.append("")
            out.append("Partial dependence of \(pd.feature) (\(pd.kind), \(pd.ice.count) ICE curves in --json)")
            for (g, v) in zip(pd.grid, pd.average) { out.append("  \(pad(g, 16))  \(num(v))") }
            out.append("  → \(pd.sentence)")
        }
        if let e = r.errors {
            out.append("")
            out.append("Weakest slices (\(e.metric), overall \(num(e.overall)))")
            out.append(
                "  \(pad("input", 14))  \(pad("slice", 18))  \(pad("rows", 6, right: true))  \(pad(e.metric, 9, right: true))  worse by"
            )
            for s in e.slices.prefix(8) {
                out.append(
                    "  \(pad(s.feature, 14))  \(pad(s.slice, 18))  \(pad("\(s.support)", 6, right: true))  \(pad(num(s.score), 9, right: true))  \(num(s.gap))"
                )
            }
            out.append("")
            out.append("Worst predictions")
            for c in e.worst.prefix(5) {
                let f = c.features.sorted { $0.key < $1.key }.prefix(6).map { "\($0.key)=\(num($0.value))" }.joined(
                    separator: " ")
                out.append("  row \(c.row): truth \(c.truth), predicted \(c.predicted), loss \(num(c.loss)) | \(f)")
            }
            if let pairs = e.confusedPairs, !pairs.isEmpty {
                out.append("")
                out.append("Most confused classes")
                for p in pairs {
                    out.append("  \(p.truth) → \(p.predicted): \(p.count) rows (\(num(p.rate * 100)) % of \(p.truth))")
                }
            }
            if let bins = e.calibration, let ece = e.ece {
                out.append("")
                out.append("Calibration (expected calibration error \(num(ece)))")
                for b in bins {
                    out.append(
                        "  [\(num(b.low)), \(num(b.high)))  \(pad("\(b.count)", 5, right: true)) rows  predicted \(num(b.meanPredicted))  observed \(num(b.observed))"
                    )
                }
            }
        }
        if let l = r.limits {
            out.append("")
            out.append("Limits")
            for s in l.statements { out.append("  - \(s)") }
        } else if !r.notes.isEmpty {
            out.append("")
            for n in r.notes { out.append("  - \(n)") }
        }
        return out.joined(separator: "\n")
    }

    static func num(_ v: Double) -> String {
        if v.isNaN { return "nan" }
        let a = abs(v)
        if a != 0 && (a < 1e-3 || a >= 1e6) {
            let e = Int((log10(a)).rounded(.down))
            var m = v
            for _ in 0..<abs(e) { m = e > 0 ? m / 10 : m * 10 }
            return "\((m * 100).rounded() / 100)e\(e)"
        }
        let digits = a >= 100 ? 1 : (a >= 1 ? 3 : 4)
        var s = 1.0
        for _ in 0..<digits { s *= 10 }
        return "\((v * s).rounded() / s)"
    }

    static func pad(_ s: String, _ n: Int, right: Bool = false) -> String {
        s.count >= n
            ? s
            : (right ? String(repeating: " ", count: n - s.count) + s : s + String(repeating: " ", count: n - s.count))
    }
}
