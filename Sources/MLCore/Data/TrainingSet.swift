// What a model is fitted on: features, a target, optional weights.

/// What kind of problem a target poses.
public enum TaskKind: String, Sendable, Codable, Equatable, CaseIterable {
    case binary, multiclass, regression, clustering

    public var isClassification: Bool { self == .binary || self == .multiclass }
}

/// The target a model learns: class indices (with their names) or real values; none for clustering.
public enum TargetValues: Sendable, Codable, Equatable {
    /// `labels[i]` is an index into `classNames`.
    case classes(labels: [Int], classNames: [String])
    case values([Double])
    case none(rows: Int)

    public var count: Int {
        switch self {
        case .classes(let labels, _): labels.count
        case .values(let v): v.count
        case .none(let rows): rows
        }
    }

    public var task: TaskKind {
        switch self {
        case .classes(_, let names): names.count <= 2 ? .binary : .multiclass
        case .values: .regression
        case .none: .clustering
        }
    }

    /// The target restricted to `rows`, in that order.
    public func selecting(rows: [Int]) -> TargetValues {
        switch self {
        case .classes(let labels, let names): .classes(labels: rows.map { labels[$0] }, classNames: names)
        case .values(let v): .values(rows.map { v[$0] })
        case .none: .none(rows: rows.count)
        }
    }
}

/// Features, target and optional per-row weights of equal length.
public struct TrainingSet: Sendable {
    public var x: FeatureMatrix
    public var y: TargetValues
    public var sampleWeights: [Double]?

    public init(x: FeatureMatrix, y: TargetValues, sampleWeights: [Double]? = nil) {
        precondition(x.rows == y.count, "features and target must have the same number of rows")
        self.x = x
        self.y = y
        self.sampleWeights = sampleWeights
    }

    public var rows: Int { x.rows }

    public func selecting(rows: [Int]) -> TrainingSet {
        TrainingSet(
            x: x.selecting(rows: rows), y: y.selecting(rows: rows),
            sampleWeights: sampleWeights.map { w in rows.map { w[$0] } })
    }
}
