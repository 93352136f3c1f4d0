// The facts behind a partial dependence curve's plain-words direction: what the curve measures (the
// output: its label, the target and the class whose probability it is) and, per shape, the values the
// English sentence quotes (the highest and lowest level of a categorical input, the start and end of a
// monotone curve with the input's range, the peak and trough of a non-monotonic one). The English
// sentence is built from these facts; a program that speaks another language renders the facts.
// Leaves out: how the shape is decided (PartialDependence.describe), any language but English.

/// What a partial dependence curve measures.
public struct PartialDependenceOutput: Sendable, Codable, Equatable {
    /// The words the sentence uses ("predicted survived (p(1))").
    public var label: String
    /// The predicted column, when known.
    public var target: String?
    /// The class whose probability the curve is (nil: the prediction itself).
    public var className: String?

    public init(label: String, target: String? = nil, className: String? = nil) {
        self.label = label
        self.target = target
        self.className = className
    }
}

/// The shape of a partial dependence curve, with the values its sentence quotes.
public enum PartialDependenceEffect: Sendable, Codable, Equatable {
    /// A level of a categorical input and the mean prediction there.
    public struct Level: Sendable, Codable, Equatable {
        public var name: String
        public var value: Double
        public init(name: String, value: Double) { self.name = name; self.value = value }
    }
    /// A monotone curve: the mean prediction at the first and last grid point, over the input's grid range.
    public struct Trend: Sendable, Codable, Equatable {
        public var from: Double
        public var to: Double
        public var low: Double
        public var high: Double
        public init(from: Double, to: Double, low: Double, high: Double) {
            self.from = from; self.to = to; self.low = low; self.high = high
        }
    }
    /// A grid value of a numeric input and the mean prediction there.
    public struct Point: Sendable, Codable, Equatable {
        public var at: Double
        public var value: Double
        public init(at: Double, value: Double) { self.at = at; self.value = value }
    }

    /// No grid point to read.
    case none
    /// The curve moves by less than 0.1 % of its scale.
    case flat
    case categorical(highest: Level, lowest: Level)
    case increasing(Trend)
    case decreasing(Trend)
    case nonMonotonic(peak: Point, lowest: Point)

    /// "increasing", "decreasing", "flat", "non-monotonic" or "categorical".
    public var direction: String {
        switch self {
        case .none, .flat: "flat"
        case .categorical: "categorical"
        case .increasing: "increasing"
        case .decreasing: "decreasing"
        case .nonMonotonic: "non-monotonic"
        }
    }

    /// The effect of input `name` on `output`, in English.
    public func sentence(feature name: String, output: String) -> String {
        let short = PartialDependence.short
        switch self {
        case .none: return "\(name) has no effect."
        case .flat: return "\(name) barely changes the \(output)."
        case .categorical(let hi, let lo):
            return
                "\(name) = \(hi.name) gives the highest \(output) (\(short(hi.value))), \(name) = \(lo.name) the lowest (\(short(lo.value)))."
        case .increasing(let t):
            return
                "higher \(name) → higher \(output) (from \(short(t.from)) to \(short(t.to)) over \(short(t.low)) … \(short(t.high)))."
        case .decreasing(let t):
            return
                "higher \(name) → lower \(output) (from \(short(t.from)) to \(short(t.to)) over \(short(t.low)) … \(short(t.high)))."
        case .nonMonotonic(let peak, let lowest):
            return
                "\(name) has a non-monotonic effect: the \(output) peaks at \(name) ≈ \(short(peak.at)) (\(short(peak.value))) and is lowest at \(short(lowest.at)) (\(short(lowest.value)))."
        }
    }
}
