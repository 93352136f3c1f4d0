// A chart as a value: two axes and layers of marks over plain data (names and numbers).
// One SVG renderer, one Vega-Lite encoder and one terminal renderer read this value; the chart
// builders (Chart+Explain, Chart+Evaluation, Chart+Runs) only fill it in. Leaves out: facets,
// interactivity and anything a renderer would have to guess (colours and orders are explicit).

/// A value on an axis: a number on a linear axis or a category on a band axis.
public enum ChartValue: Sendable, Equatable, Codable {
    case number(Double)
    case category(String)

    public var number: Double? {
        if case .number(let v) = self { return v }
        return nil
    }

    public var category: String? {
        if case .category(let c) = self { return c }
        return nil
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let v = try? c.decode(Double.self) { self = .number(v) } else { self = .category(try c.decode(String.self)) }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .number(let v): try c.encode(v)
        case .category(let s): try c.encode(s)
        }
    }
}

/// One axis: a title and either a linear scale (numbers) or a band scale (ordered categories).
public struct ChartAxis: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable { case linear, band }

    public var title: String
    public var kind: Kind
    /// Band axes: the categories in display order (first at the top on a vertical axis, left on a horizontal one).
    public var categories: [String]
    /// Linear axes: a fixed domain (for example 0...1 for rates); nil means "fit the data".
    public var domain: [Double]?
    /// Linear axes: whether the fitted domain must contain zero (bars start at zero).
    public var includesZero: Bool

    public static func linear(_ title: String, domain: ClosedRange<Double>? = nil, includesZero: Bool = false) -> Self {
        Self(
            title: title, kind: .linear, categories: [], domain: domain.map { [$0.lowerBound, $0.upperBound] },
            includesZero: includesZero)
    }

    public static func band(_ title: String, categories: [String]) -> Self {
        Self(title: title, kind: .band, categories: categories, domain: nil, includesZero: false)
    }
}

/// The kinds of marks; each reads the datum fields noted.
public enum ChartMark: String, Sendable, Codable {
    /// From zero to the value on the linear axis, at a category of the band axis.
    case bar
    /// A dot at (x, y); `offset` moves it within its band (beeswarm), `color` shades it.
    case point
    /// A polyline through the points of each `series`, in data order.
    case line
    /// A band between y and y2 along x, per `series` (for example mean ± std).
    case area
    /// A straight reference line from (x, y) to (x2 ?? x, y2 ?? y), dashed. On a band axis it spans
    /// the whole axis (a vertical line at x across every category, say).
    case rule
    /// An interval from the value to x2 (or y2) at a category, with caps.
    case errorBar
    /// A cell at a (category, category) pair, shaded by `color`.
    case rect
    /// `label` written at (x, y); dark cells (`color` > 0.55) get light ink.
    case text
}

/// One data point of a layer. Unused fields stay nil.
public struct ChartDatum: Sendable, Codable, Equatable {
    public var x: ChartValue
    public var y: ChartValue
    public var x2: Double?
    public var y2: Double?
    /// Groups the points of a line or area into separate polylines.
    public var series: String?
    /// A value in 0...1 mapped through the layer's colour ramp.
    public var color: Double?
    /// Text of a text mark, or a tooltip.
    public var label: String?
    /// Position within the band of a band axis, in -0.5...0.5 of the band (beeswarm jitter).
    public var offset: Double?

    public init(
        x: ChartValue, y: ChartValue, x2: Double? = nil, y2: Double? = nil, series: String? = nil,
        color: Double? = nil, label: String? = nil, offset: Double? = nil
    ) {
        self.x = x; self.y = y; self.x2 = x2; self.y2 = y2
        self.series = series; self.color = color; self.label = label; self.offset = offset
    }
}

/// A colour ramp for data-driven colours: `low` at 0, `high` at 1, linear in RGB between them.
public struct ChartRamp: Sendable, Codable, Equatable {
    public var title: String
    public var low: String
    public var high: String
    /// What 0 and 1 mean, for the legend (for example "low", "high" or "0", "412").
    public var lowLabel: String
    public var highLabel: String

    public init(title: String, low: String, high: String, lowLabel: String, highLabel: String) {
        self.title = title; self.low = low; self.high = high; self.lowLabel = lowLabel; self.highLabel = highLabel
    }
}

/// One layer: a mark, its data and its look.
public struct ChartLayer: Sendable, Codable, Equatable {
    public var mark: ChartMark
    public var data: [ChartDatum]
    /// Legend entry; nil layers stay out of the legend.
    public var name: String?
    /// Fixed colour (hex) when `ramp` is nil or a datum has no `color`.
    public var color: String
    public var ramp: ChartRamp?
    public var opacity: Double
    public var strokeWidth: Double

    public init(
        _ mark: ChartMark, _ data: [ChartDatum], name: String? = nil, color: String = ChartPalette.blue,
        ramp: ChartRamp? = nil, opacity: Double = 1, strokeWidth: Double = 2
    ) {
        self.mark = mark; self.data = data; self.name = name; self.color = color
        self.ramp = ramp; self.opacity = opacity; self.strokeWidth = strokeWidth
    }
}

/// A chart: a title, two axes and layers drawn in order (later layers on top).
public struct Chart: Sendable, Codable, Equatable {
    /// A stable name for files and cell ids, for example "feature_importance".
    public var kind: String
    public var title: String
    public var x: ChartAxis
    public var y: ChartAxis
    public var layers: [ChartLayer]
    public var width: Int
    public var height: Int

    public init(
        kind: String, title: String, x: ChartAxis, y: ChartAxis, layers: [ChartLayer],
        width: Int = 560, height: Int = 340
    ) {
        self.kind = kind; self.title = title; self.x = x; self.y = y
        self.layers = layers; self.width = width; self.height = height
    }
}

/// The colours of the charts (Tableau 10, readable on white and for most colour-blind readers).
public enum ChartPalette {
    public static let blue = "#4e79a7"
    public static let orange = "#f28e2b"
    public static let red = "#e15759"
    public static let teal = "#76b7b2"
    public static let green = "#59a14f"
    public static let yellow = "#edc948"
    public static let purple = "#b07aa1"
    public static let pink = "#ff9da7"
    public static let brown = "#9c755f"
    public static let grey = "#8c8c8c"
    public static let series = [blue, orange, green, red, purple, teal, brown, pink, yellow, grey]

    /// The colour of the i-th series, cycling.
    public static func series(_ i: Int) -> String { series[i % series.count] }
}
