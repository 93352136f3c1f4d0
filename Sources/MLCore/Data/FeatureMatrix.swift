// The numeric input every model trains on: what preprocessing produces from a Dataset.
// Column-major, because binning, tree split search and fold slicing all walk one feature at a time.

/// How a model should treat one feature column.
public enum FeatureKind: Sendable, Codable, Equatable {
    /// A real number; NaN marks a missing value.
    case numeric
    /// A category code in `0..<levels` stored as a Double; NaN marks a missing value.
    /// Models with native categorical support (trees, boosting) split on codes; others need one-hot.
    case categorical(levels: Int)
}

/// Name and kind of one model input, and the dataset column it came from
/// (one-hot columns `sex=male`, `sex=female` both come from `sex`, so importance can be grouped).
public struct FeatureInfo: Sendable, Codable, Equatable {
    public var name: String
    public var kind: FeatureKind
    public var sourceColumn: String

    public init(name: String, kind: FeatureKind = .numeric, sourceColumn: String? = nil) {
        self.name = name
        self.kind = kind
        self.sourceColumn = sourceColumn ?? name
    }
}

/// A dense `rows × features` matrix of Double in column-major order; NaN marks a missing value.
public struct FeatureMatrix: Sendable, Codable, Equatable {
    public let rows: Int
    public let features: [FeatureInfo]
    /// `values[feature * rows + row]`.
    public var values: [Double]

    public var featureCount: Int { features.count }

    public init(rows: Int, features: [FeatureInfo], values: [Double]) {
        precondition(values.count == rows * features.count, "values must hold rows × features entries")
        self.rows = rows
        self.features = features
        self.values = values
    }

    /// Builds a matrix from columns of equal length (all numeric unless `kinds` says otherwise).
    public init(columns: [[Double]], names: [String]? = nil, kinds: [FeatureKind]? = nil) {
        let rows = columns.first?.count ?? 0
        let names = names ?? columns.indices.map { "x\($0)" }
        let kinds = kinds ?? Array(repeating: .numeric, count: columns.count)
        self.init(
            rows: rows,
            features: zip(names, kinds).map { FeatureInfo(name: $0, kind: $1) },
            values: columns.flatMap { $0 })
    }

    public subscript(row: Int, feature: Int) -> Double {
        get { values[feature * rows + row] }
        set { values[feature * rows + row] = newValue }
    }

    /// One feature's values, in row order. - Complexity: O(1) (a slice).
    public func column(_ feature: Int) -> ArraySlice<Double> {
        values[(feature * rows)..<((feature + 1) * rows)]
    }

    /// The matrix restricted to `rowIndices`, in that order. - Complexity: O(rows × features).
    public func selecting(rows rowIndices: [Int]) -> FeatureMatrix {
        var out = [Double](repeating: 0, count: rowIndices.count * features.count)
        for j in 0..<features.count {
            let base = j * rows, outBase = j * rowIndices.count
            for (k, r) in rowIndices.enumerated() { out[outBase + k] = values[base + r] }
        }
        return FeatureMatrix(rows: rowIndices.count, features: features, values: out)
    }

    /// The row-major copy (`[row * features + feature]`), for models that walk rows (linear, k-NN).
    public func rowMajor() -> [Double] {
        let f = features.count
        var out = [Double](repeating: 0, count: rows * f)
        for j in 0..<f {
            let base = j * rows
            for r in 0..<rows { out[r * f + j] = values[base + r] }
        }
        return out
    }
}
