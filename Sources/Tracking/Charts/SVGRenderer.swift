// Renders a Chart as a standalone SVG document: title, axes with round ticks and grid, the layers'
// marks, and a legend. Every mark carries class="mark <kind>" and every tick label class="tick-x" or
// "tick-y", so tests (and CSS) can find them. All text is XML-escaped. Leaves out: fonts other than
// the reader's sans-serif, clipping, and interactivity (the Vega-Lite spec is the interactive form).
import Foundation

/// Writes the SVG form of charts.
public enum SVGRenderer {
    /// The SVG document (UTF-8 text, no XML declaration, so it can also be inlined in HTML).
    public static func render(_ chart: Chart) -> String {
        var r = Layout(chart)
        return r.draw()
    }
}

/// The geometry of one chart and the drawing of its parts.
private struct Layout {
    let chart: Chart
    let left: Double, top: Double, plotW: Double, plotH: Double
    let xScale: AxisScale, yScale: AxisScale
    let legendX: Double
    var out = ""

    enum AxisScale {
        case linear(LinearScale)
        case band(BandScale)
    }

    init(_ chart: Chart) {
        self.chart = chart
        let w = Double(max(chart.width, 200)), h = Double(max(chart.height, 150))
        let yCats = Layout.categories(chart.y, chart.layers.flatMap { $0.data.map(\.y) })
        let longest = yCats.map { Layout.short($0).count }.max() ?? 0
        let yLabelW = chart.y.kind == .band ? min(180, 10 + 6.2 * Double(longest)) : 44
        let hasLegend = chart.layers.contains { $0.name != nil || $0.ramp != nil }
        left = 22 + yLabelW
        top = 36
        let right: Double = hasLegend ? 170 : 16
        plotW = max(60, w - left - right)
        plotH = max(60, h - top - 48)
        legendX = left + plotW + 14
        xScale = Layout.scale(
            chart.x, chart.layers.flatMap { $0.data.map(\.x) },
            chart.layers.flatMap { $0.data.flatMap { [$0.x.number, $0.x2].compactMap { $0 } } },
            range: (left, left + plotW), vertical: false)
        yScale = Layout.scale(
            chart.y, chart.layers.flatMap { $0.data.map(\.y) },
            chart.layers.flatMap { $0.data.flatMap { [$0.y.number, $0.y2].compactMap { $0 } } },
            range: (top, top + plotH), vertical: true)
    }

    static func categories(_ axis: ChartAxis, _ values: [ChartValue]) -> [String] {
        var cats = axis.categories
        for v in values { if let c = v.category, !cats.contains(c) { cats.append(c) } }
        return cats
    }

    /// Band axes list their first category at the top (vertical) or left (horizontal); linear
    /// vertical axes grow upwards, so their range is flipped.
    static func scale(
        _ axis: ChartAxis, _ values: [ChartValue], _ numbers: [Double],
        range: (Double, Double), vertical: Bool
    ) -> AxisScale {
        switch axis.kind {
        case .band:
            return .band(BandScale(categories: categories(axis, values), range: range))
        case .linear:
            let r = vertical ? (range.1, range.0) : range
            return .linear(LinearScale(values: numbers, fixed: axis.domain, includesZero: axis.includesZero, range: r))
        }
    }

    static func short(_ s: String) -> String { s.count > 28 ? String(s.prefix(27)) + "…" : s }

    func position(_ v: ChartValue, _ s: AxisScale, offset: Double? = nil) -> Double? {
        switch (v, s) {
        case (.number(let n), .linear(let l)): return n.isFinite ? l(n) : nil
        case (.category(let c), .band(let b)):
            guard let center = b.center(c) else { return nil }
            return center + (offset ?? 0) * b.bandwidth * 0.8
        default: return nil
        }
    }

    func number(_ n: Double, _ s: AxisScale) -> Double? {
        if case .linear(let l) = s, n.isFinite { return l(n) }
        return nil
    }

    func zero(_ s: AxisScale) -> Double {
        guard case .linear(let l) = s else { return 0 }
        return l(min(max(0, l.domain.lo), l.domain.hi))
    }

    func bandwidth(_ s: AxisScale) -> Double {
        if case .band(let b) = s { return b.bandwidth }
        return 0
    }

    mutating func emit(_ s: String) { out += s; out += "\n" }

    mutating func draw() -> String {
        let w = chart.width, h = chart.height
        emit(
            ##"<svg xmlns="http://www.w3.org/2000/svg" width="\##(w)" height="\##(h)" viewBox="0 0 \##(w) \##(h)" "##
                + ##"role="img" font-family="Helvetica, Arial, sans-serif" font-size="11">"##)
        emit("<title>\(ChartFormat.xml(chart.title))</title>")
        emit(##"<rect width="100%" height="100%" fill="#ffffff"/>"##)
        emit(
            ##"<text class="title" x="\##(ChartFormat.px(left))" y="20" font-size="14" font-weight="bold">"##
                + "\(ChartFormat.xml(chart.title))</text>")
        drawAxis(horizontal: true)
        drawAxis(horizontal: false)
        for layer in chart.layers { drawLayer(layer) }
        drawLegend()
        emit("</svg>")
        return out
    }

    mutating func drawAxis(horizontal: Bool) {
        let s = horizontal ? xScale : yScale
        let axis = horizontal ? chart.x : chart.y
        let px = ChartFormat.px
        let bottom = top + plotH
        switch s {
        case .linear(let l):
            for t in l.ticks {
                let p = l(t), label = ChartFormat.xml(ChartFormat.tick(t, step: l.tickStep))
                if horizontal {
                    emit(
                        ##"<line class="grid-x" x1="\##(px(p))" y1="\##(px(top))" x2="\##(px(p))" y2="\##(px(bottom))" stroke="#e6e6e6"/>"##
                    )
                    emit(
                        ##"<text class="tick-x" x="\##(px(p))" y="\##(px(bottom + 15))" text-anchor="middle">\##(label)</text>"##
                    )
                } else {
                    emit(
                        ##"<line class="grid-y" x1="\##(px(left))" y1="\##(px(p))" x2="\##(px(left + plotW))" y2="\##(px(p))" stroke="#e6e6e6"/>"##
                    )
                    emit(
                        ##"<text class="tick-y" x="\##(px(left - 6))" y="\##(px(p + 4))" text-anchor="end">\##(label)</text>"##
                    )
                }
            }
        case .band(let b):
            for c in b.categories {
                guard let p = b.center(c) else { continue }
                let label = ChartFormat.xml(Layout.short(c))
                if horizontal {
                    emit(
                        ##"<text class="tick-x" x="\##(px(p))" y="\##(px(bottom + 15))" text-anchor="middle">\##(label)</text>"##
                    )
                } else {
                    emit(
                        ##"<text class="tick-y" x="\##(px(left - 6))" y="\##(px(p + 4))" text-anchor="end">\##(label)</text>"##
                    )
                }
            }
        }
        let title = ChartFormat.xml(axis.title)
        if horizontal {
            emit(
                ##"<line class="axis-x" x1="\##(px(left))" y1="\##(px(bottom))" x2="\##(px(left + plotW))" y2="\##(px(bottom))" stroke="#333333"/>"##
            )
            emit(
                ##"<text class="axis-title-x" x="\##(px(left + plotW / 2))" y="\##(px(bottom + 36))" text-anchor="middle" font-weight="bold">\##(title)</text>"##
            )
        } else {
            emit(
                ##"<line class="axis-y" x1="\##(px(left))" y1="\##(px(top))" x2="\##(px(left))" y2="\##(px(bottom))" stroke="#333333"/>"##
            )
            let cx = 12.0, cy = top + plotH / 2
            emit(
                ##"<text class="axis-title-y" x="\##(px(cx))" y="\##(px(cy))" text-anchor="middle" font-weight="bold" transform="rotate(-90 \##(px(cx)) \##(px(cy)))">\##(title)</text>"##
            )
        }
    }

    func fill(_ layer: ChartLayer, _ d: ChartDatum) -> String {
        if let ramp = layer.ramp, let c = d.color { return ChartFormat.mix(ramp.low, ramp.high, c) }
        if layer.ramp != nil { return ChartPalette.grey }
        return layer.color
    }

    mutating func drawLayer(_ layer: ChartLayer) {
        let px = ChartFormat.px
        let kind = layer.mark.rawValue.lowercased()
        let opacity = layer.opacity < 1 ? ##" opacity="\##(px(layer.opacity))""## : ""
        emit(##"<g class="layer \##(kind)"\##(opacity)>"##)
        switch layer.mark {
        case .bar:
            for d in layer.data { drawBar(layer, d) }
        case .point:
            let r = max(1.5, layer.strokeWidth + 1)
            for d in layer.data {
                guard let x = position(d.x, xScale, offset: d.offset), let y = position(d.y, yScale, offset: d.offset)
                else { continue }
                emit(
                    ##"<circle class="mark point" cx="\##(px(x))" cy="\##(px(y))" r="\##(px(r))" fill="\##(fill(layer, d))"/>"##
                )
            }
        case .line, .area:
            for (_, points) in seriesGroups(layer.data) { drawPath(layer, points) }
        case .rule:
            for d in layer.data {
                var x1 = position(d.x, xScale), y1 = position(d.y, yScale)
                var x2 = d.x2.flatMap { number($0, xScale) } ?? x1, y2 = d.y2.flatMap { number($0, yScale) } ?? y1
                if case .band = xScale { (x1, x2) = (left, left + plotW) }
                if case .band = yScale { (y1, y2) = (top, top + plotH) }
                guard let x1, let y1, let x2, let y2 else { continue }
                emit(
                    ##"<line class="mark rule" x1="\##(px(x1))" y1="\##(px(y1))" x2="\##(px(x2))" y2="\##(px(y2))" stroke="\##(layer.color)" stroke-width="\##(px(layer.strokeWidth))" stroke-dasharray="5 4"/>"##
                )
            }
        case .errorBar:
            for d in layer.data { drawErrorBar(layer, d) }
        case .rect:
            let bw = bandwidth(xScale), bh = bandwidth(yScale)
            for d in layer.data {
                guard let x = position(d.x, xScale), let y = position(d.y, yScale) else { continue }
                emit(
                    ##"<rect class="mark rect" x="\##(px(x - bw / 2))" y="\##(px(y - bh / 2))" width="\##(px(bw))" height="\##(px(bh))" fill="\##(fill(layer, d))" stroke="#ffffff"/>"##
                )
            }
        case .text:
            for d in layer.data {
                guard let x = position(d.x, xScale), let y = position(d.y, yScale), let label = d.label else {
                    continue
                }
                let ink = (d.color ?? 0) > 0.55 ? "#ffffff" : "#222222"
                emit(
                    ##"<text class="mark text" x="\##(px(x))" y="\##(px(y + 4))" text-anchor="middle" fill="\##(ink)">\##(ChartFormat.xml(label))</text>"##
                )
            }
        }
        emit("</g>")
    }

    mutating func drawBar(_ layer: ChartLayer, _ d: ChartDatum) {
        let px = ChartFormat.px
        let c = fill(layer, d)
        if case .band = yScale, let y = position(d.y, yScale), let v = d.x.number, let x = number(v, xScale) {
            let h = bandwidth(yScale) * 0.7, x0 = zero(xScale)
            emit(
                ##"<rect class="mark bar" x="\##(px(min(x, x0)))" y="\##(px(y - h / 2))" width="\##(px(abs(x - x0)))" height="\##(px(h))" fill="\##(c)"/>"##
            )
        } else if case .band = xScale, let x = position(d.x, xScale), let v = d.y.number, let y = number(v, yScale) {
            let w = bandwidth(xScale) * 0.7, y0 = zero(yScale)
            emit(
                ##"<rect class="mark bar" x="\##(px(x - w / 2))" y="\##(px(min(y, y0)))" width="\##(px(w))" height="\##(px(abs(y - y0)))" fill="\##(c)"/>"##
            )
        }
    }

    mutating func drawErrorBar(_ layer: ChartLayer, _ d: ChartDatum) {
        let px = ChartFormat.px
        let stroke = ##"stroke="\##(layer.color)" stroke-width="\##(px(layer.strokeWidth))""##
        if case .band = yScale, let y = position(d.y, yScale), let a = d.x.number, let b = d.x2,
            let x1 = number(a, xScale), let x2 = number(b, xScale)
        {
            let cap = min(6, bandwidth(yScale) * 0.2)
            emit(
                ##"<line class="mark errorbar" x1="\##(px(x1))" y1="\##(px(y))" x2="\##(px(x2))" y2="\##(px(y))" \##(stroke)/>"##
            )
            for x in [x1, x2] {
                emit(
                    ##"<line class="cap" x1="\##(px(x))" y1="\##(px(y - cap))" x2="\##(px(x))" y2="\##(px(y + cap))" \##(stroke)/>"##
                )
            }
        } else if case .band = xScale, let x = position(d.x, xScale), let a = d.y.number, let b = d.y2,
            let y1 = number(a, yScale), let y2 = number(b, yScale)
        {
            let cap = min(6, bandwidth(xScale) * 0.2)
            emit(
                ##"<line class="mark errorbar" x1="\##(px(x))" y1="\##(px(y1))" x2="\##(px(x))" y2="\##(px(y2))" \##(stroke)/>"##
            )
            for y in [y1, y2] {
                emit(
                    ##"<line class="cap" x1="\##(px(x - cap))" y1="\##(px(y))" x2="\##(px(x + cap))" y2="\##(px(y))" \##(stroke)/>"##
                )
            }
        }
    }

    /// The data of a layer split by series, in order of first appearance.
    func seriesGroups(_ data: [ChartDatum]) -> [(String, [ChartDatum])] {
        var order: [String] = [], groups: [String: [ChartDatum]] = [:]
        for d in data {
            let k = d.series ?? ""
            if groups[k] == nil { order.append(k) }
            groups[k, default: []].append(d)
        }
        return order.map { ($0, groups[$0] ?? []) }
    }

    mutating func drawPath(_ layer: ChartLayer, _ points: [ChartDatum]) {
        let px = ChartFormat.px
        let upper: [(Double, Double)] = points.compactMap { d in
            guard let x = position(d.x, xScale), let y = position(d.y, yScale) else { return nil }
            return (x, y)
        }
        guard !upper.isEmpty else { return }
        if layer.mark == .line {
            let pts = upper.map { "\(px($0.0)),\(px($0.1))" }.joined(separator: " ")
            emit(
                ##"<polyline class="mark line" points="\##(pts)" fill="none" stroke="\##(layer.color)" stroke-width="\##(px(layer.strokeWidth))" stroke-linejoin="round"/>"##
            )
        } else {
            let lower: [(Double, Double)] = points.compactMap { d in
                guard let x = position(d.x, xScale), let y2 = d.y2, let y = number(y2, yScale) else { return nil }
                return (x, y)
            }
            let pts = (upper + lower.reversed()).map { "\(px($0.0)),\(px($0.1))" }.joined(separator: " ")
            emit(
                ##"<polygon class="mark area" points="\##(pts)" fill="\##(layer.color)" fill-opacity="0.25" stroke="none"/>"##
            )
        }
    }

    mutating func drawLegend() {
        let px = ChartFormat.px
        var y = top + 4
        var entries: [String] = [], rampTitles: Set<String> = []
        for layer in chart.layers {
            if let name = layer.name {
                let sw: String
                switch layer.mark {
                case .line, .rule, .errorBar:
                    let dash = layer.mark == .rule ? ##" stroke-dasharray="5 4""## : ""
                    sw =
                        ##"<line x1="\##(px(legendX))" y1="\##(px(y))" x2="\##(px(legendX + 16))" y2="\##(px(y))" stroke="\##(layer.color)" stroke-width="2"\##(dash)/>"##
                case .point:
                    sw = ##"<circle cx="\##(px(legendX + 8))" cy="\##(px(y))" r="4" fill="\##(layer.color)"/>"##
                default:
                    sw =
                        ##"<rect x="\##(px(legendX))" y="\##(px(y - 5))" width="16" height="10" fill="\##(layer.color)" fill-opacity="\##(layer.mark == .area ? "0.35" : "1")"/>"##
                }
                entries.append(sw)
                entries.append(
                    ##"<text class="legend-label" x="\##(px(legendX + 22))" y="\##(px(y + 4))">\##(ChartFormat.xml(name.count > 24 ? String(name.prefix(23)) + "…" : name))</text>"##
                )
                y += 18
            }
            if let ramp = layer.ramp, !rampTitles.contains(ramp.title) {
                rampTitles.insert(ramp.title)
                entries.append(
                    ##"<text class="legend-label" x="\##(px(legendX))" y="\##(px(y + 4))" font-weight="bold">\##(ChartFormat.xml(ramp.title))</text>"##
                )
                y += 12
                for i in 0..<5 {
                    let c = ChartFormat.mix(ramp.low, ramp.high, Double(i) / 4)
                    entries.append(
                        ##"<rect x="\##(px(legendX + Double(i) * 20))" y="\##(px(y))" width="20" height="10" fill="\##(c)"/>"##
                    )
                }
                entries.append(
                    ##"<text x="\##(px(legendX))" y="\##(px(y + 22))">\##(ChartFormat.xml(ramp.lowLabel))</text>"##)
                entries.append(
                    ##"<text x="\##(px(legendX + 100))" y="\##(px(y + 22))" text-anchor="end">\##(ChartFormat.xml(ramp.highLabel))</text>"##
                )
                y += 34
            }
        }
        guard !entries.isEmpty else { return }
        emit(##"<g class="legend">"##)
        for e in entries { emit(e) }
        emit("</g>")
    }
}
