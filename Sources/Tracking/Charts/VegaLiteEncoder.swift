// Encodes a Chart as a Vega-Lite v5 specification (what JupyterLab renders natively for the
// `application/vnd.vegalite.v5+json` MIME type): one layer per chart layer, inline data, x/y
// encodings, explicit colours so the interactive chart matches the SVG. Leaves out: selections,
// transforms and external data (every spec is self-contained).

/// Writes the Vega-Lite form of charts.
public enum VegaLiteEncoder {
    public static let schema = "https://vega.github.io/schema/vega-lite/v5.json"
    public static let mimeType = "application/vnd.vegalite.v5+json"

    /// The Vega-Lite v5 spec of `chart`.
    public static func encode(_ chart: Chart) -> OrderedJSON {
        let named = chart.layers.compactMap { l in l.name.map { ($0, l.color) } }
        var seen = Set<String>()
        let legend = named.filter { seen.insert($0.0).inserted }
        var top: [(String, OrderedJSON)] = [
            ("$schema", .string(schema)),
            ("title", .string(chart.title)),
            ("width", .number(Double(max(chart.width - 170, 120)))),
            ("height", .number(Double(max(chart.height - 90, 100)))),
            ("layer", .array(chart.layers.map { layer($0, chart: chart, legend: legend) })),
        ]
        if chart.layers.contains(where: { $0.ramp != nil }) && !legend.isEmpty {
            top.append(("resolve", ["scale": ["color": "independent"]]))
        }
        return .object(top)
    }

    static func axis(_ a: ChartAxis, field: String) -> OrderedJSON {
        switch a.kind {
        case .band:
            var m: [(String, OrderedJSON)] = [
                ("field", .string(field)), ("type", "nominal"), ("title", .string(a.title)),
            ]
            if !a.categories.isEmpty { m.append(("sort", .array(a.categories.map { .string($0) }))) }
            return .object(m)
        case .linear:
            var scale: [(String, OrderedJSON)] = [("zero", .bool(a.includesZero))]
            if let d = a.domain, d.count == 2 { scale = [("domain", [.number(d[0]), .number(d[1])])] }
            return .object([
                ("field", .string(field)), ("type", "quantitative"), ("title", .string(a.title)),
                ("scale", .object(scale)),
            ])
        }
    }

    static func layer(_ l: ChartLayer, chart: Chart, legend: [(String, String)]) -> OrderedJSON {
        var mark: [(String, OrderedJSON)] = []
        let yBand = chart.y.kind == .band, xBand = chart.x.kind == .band
        // A rule spans a band axis whole, so it has no encoding on it.
        var enc: [(String, OrderedJSON)] = []
        if !(l.mark == .rule && xBand) { enc.append(("x", axis(chart.x, field: "x"))) }
        if !(l.mark == .rule && yBand) { enc.append(("y", axis(chart.y, field: "y"))) }
        switch l.mark {
        case .bar: mark = [("type", "bar")]
        case .point: mark = [("type", "circle"), ("size", .number(pow2(max(1.5, l.strokeWidth + 1)) * 3.2))]
        case .line:
            mark = [("type", "line"), ("strokeWidth", .number(l.strokeWidth))]
            enc += [
                ("detail", ["field": "series", "type": "nominal"]), ("order", ["field": "i", "type": "quantitative"]),
            ]
        case .area:
            mark = [("type", "area"), ("opacity", 0.25)]
            enc += [
                ("y2", ["field": "y2"]), ("detail", ["field": "series", "type": "nominal"]),
                ("order", ["field": "i", "type": "quantitative"]),
            ]
        case .rule:
            mark = [("type", "rule"), ("strokeDash", [5, 4]), ("strokeWidth", .number(l.strokeWidth))]
            // With a band axis the rule spans it, so it is a line across at one value: no second end.
            if !xBand && !yBand { enc += [("x2", ["field": "x2"]), ("y2", ["field": "y2"])] }
        case .errorBar:
            mark = [("type", "rule"), ("strokeWidth", .number(l.strokeWidth))]
            enc.append(yBand ? ("x2", ["field": "x2"]) : ("y2", ["field": "y2"]))
        case .rect: mark = [("type", "rect"), ("stroke", "#ffffff")]
        case .text:
            mark = [("type", "text")]
            enc += [
                ("text", ["field": "label", "type": "nominal"]),
                ("color", ["condition": ["test": "datum.color > 0.55", "value": "#ffffff"], "value": "#222222"]),
            ]
        }
        if l.mark != .text {
            mark.append(("color", .string(l.color)))
            if l.opacity < 1 && l.mark != .area { mark.append(("opacity", .number(l.opacity))) }
        }
        if let ramp = l.ramp {
            enc.append(
                (
                    "color",
                    [
                        "field": "color", "type": "quantitative", "title": .string(ramp.title),
                        "scale": ["domain": [0, 1], "range": [.string(ramp.low), .string(ramp.high)]],
                    ]
                ))
        } else if l.name != nil, l.mark != .text {
            enc.append(
                (
                    "color",
                    [
                        "field": "layer", "type": "nominal",
                        "scale": [
                            "domain": .array(legend.map { .string($0.0) }),
                            "range": .array(legend.map { .string($0.1) }),
                        ],
                        "legend": ["title": .null],
                    ]
                ))
        }
        if l.data.contains(where: { $0.offset != nil }) {
            let channel = yBand ? "yOffset" : "xOffset"
            enc.append((channel, ["field": "offset", "type": "quantitative", "scale": ["domain": [-0.6, 0.6]]]))
        }
        if l.mark != .text, l.data.contains(where: { $0.label != nil }) {
            enc.append(("tooltip", ["field": "label", "type": "nominal"]))
        }
        let rows = l.data.enumerated().map { values($1, $0, l.mark) }
        var out: [(String, OrderedJSON)] = [("data", ["values": .array(rows)])]
        // The legend entry is the layer's, not each row's: one calculated field instead of a copy per row
        // (a chart of thousands of rows stays small).
        if l.ramp == nil, let name = l.name {
            out.append(("transform", [["calculate": .string(expressionString(name)), "as": "layer"]]))
        }
        out.append(("mark", .object(mark)))
        if !enc.isEmpty { out.append(("encoding", .object(enc))) }
        return .object(out)
    }

    private static func pow2(_ v: Double) -> Double { v * v }

    /// `text` as a string literal of a Vega expression (single quotes; backslashes and quotes escaped).
    static func expressionString(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
    }

    /// One row of inline data.
    static func values(_ d: ChartDatum, _ i: Int, _ mark: ChartMark) -> OrderedJSON {
        func v(_ c: ChartValue) -> OrderedJSON {
            switch c {
            case .number(let n): return .number(n)
            case .category(let s): return .string(s)
            }
        }
        var m: [(String, OrderedJSON)] = [("x", v(d.x)), ("y", v(d.y))]
        // A rule without an end is a point-to-itself segment; give it explicit ends.
        let x2 = d.x2 ?? (mark == .rule ? d.x.number : nil), y2 = d.y2 ?? (mark == .rule ? d.y.number : nil)
        if let x2 { m.append(("x2", .number(x2))) }
        if let y2 { m.append(("y2", .number(y2))) }
        if let s = d.series { m.append(("series", .string(s))) }
        if let c = d.color { m.append(("color", .number(c))) }
        if let l = d.label { m.append(("label", .string(l))) }
        if let o = d.offset { m.append(("offset", .number(o))) }
        if mark == .line || mark == .area { m.append(("i", .number(Double(i)))) }
        return .object(m)
    }
}
