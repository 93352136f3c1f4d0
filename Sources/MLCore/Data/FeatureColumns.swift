// Model input as separate column buffers read through row indices, for models that read every
// feature once and keep their own compact copy (gradient boosting bins them): a numeric dataset
// column passes through preprocessing unchanged for trees, so its buffer is shared instead of
// copied into a FeatureMatrix (a 1M × 20 table: 160 MB saved). Same values as the matrix would hold.
// Leaves out: writing (it is a read-only view), models that walk rows (they take FeatureMatrix).

/// Features as column buffers: feature `j`'s value at row `r` is
/// `storage[j][offset[j] + index(r)]`, where the index is the feature's row map (identity when nil).
public struct FeatureColumns: Sendable {
    public let rows: Int
    public let features: [FeatureInfo]
    private let storage: [[Double]]
    private let offsets: [Int]
    /// Which entry of `rowMaps` each feature reads through.
    private let mapOfFeature: [Int]
    /// Row maps shared by features (nil = identity); few, so selecting rows composes each once.
    private let rowMaps: [[Int]?]

    public var featureCount: Int { features.count }

    private init(
        rows: Int, features: [FeatureInfo], storage: [[Double]], offsets: [Int], mapOfFeature: [Int], rowMaps: [[Int]?]
    ) {
        self.rows = rows
        self.features = features
        self.storage = storage
        self.offsets = offsets
        self.mapOfFeature = mapOfFeature
        self.rowMaps = rowMaps
    }

    /// A view of `x`'s columns (its values are shared, not copied).
    public init(_ x: FeatureMatrix) {
        self.init(
            rows: x.rows, features: x.features, storage: Array(repeating: x.values, count: x.featureCount),
            offsets: (0..<x.featureCount).map { $0 * x.rows }, mapOfFeature: Array(repeating: 0, count: x.featureCount),
            rowMaps: [nil])
    }

    /// One feature of the result of `FeatureColumns.assemble`.
    public enum Part: Sendable {
        /// Read `values[rowMap[r]]` (a shared buffer, typically a dataset column).
        case shared([Double])
        /// Already in output row order.
        case own([Double])
    }

    /// Features from `parts`: `.shared` buffers read through `rowMap` (identity when nil), `.own` ones directly.
    /// - Precondition: every `.own` buffer has `rows` values and `.shared` ones cover the mapped rows.
    public static func assemble(rows: Int, features: [FeatureInfo], parts: [Part], rowMap: [Int]?) -> FeatureColumns {
        precondition(parts.count == features.count, "one part per feature")
        let storage = parts.map { p -> [Double] in
            switch p {
            case .shared(let v), .own(let v): v
            }
        }
        let maps = parts.map { p -> Int in
            if case .shared = p { return 0 }
            return 1
        }
        return FeatureColumns(
            rows: rows, features: features, storage: storage, offsets: Array(repeating: 0, count: parts.count),
            mapOfFeature: maps, rowMaps: [rowMap, nil])
    }

    /// Runs `body` with feature `j`'s values (from its offset) and its row map (nil = identity).
    /// Shape: value(r) = values[map?[r] ?? r] for r in 0..<rows.
    public func withFeature<R>(_ j: Int, _ body: (UnsafeBufferPointer<Double>, UnsafeBufferPointer<Int>?) -> R) -> R {
        storage[j].withUnsafeBufferPointer { all in
            let v = UnsafeBufferPointer(rebasing: all[offsets[j]...])
            guard let map = rowMaps[mapOfFeature[j]] else { return body(v, nil) }
            return map.withUnsafeBufferPointer { m in body(v, m) }
        }
    }

    /// The value of feature `j` at row `r`.
    public func value(_ j: Int, row r: Int) -> Double {
        let s = rowMaps[mapOfFeature[j]].map { $0[r] } ?? r
        return storage[j][offsets[j] + s]
    }

    /// The first value of feature `j` (in row order) that satisfies `predicate`. - Complexity: O(rows).
    public func firstValue(ofFeature j: Int, where predicate: (Double) -> Bool) -> Double? {
        withFeature(j) { v, map in
            if let map {
                for r in 0..<rows where predicate(v[map[r]]) { return v[map[r]] }
            } else {
                for r in 0..<rows where predicate(v[r]) { return v[r] }
            }
            return nil
        }
    }

    /// The view restricted to `rowIndices` (in that order); buffers are shared, row maps composed.
    /// - Complexity: O(rowIndices × distinct row maps) (at most two).
    public func selecting(rows rowIndices: [Int]) -> FeatureColumns {
        let maps = rowMaps.map { m -> [Int]? in m.map { m in rowIndices.map { m[$0] } } ?? rowIndices }
        return FeatureColumns(
            rows: rowIndices.count, features: features, storage: storage, offsets: offsets, mapOfFeature: mapOfFeature,
            rowMaps: maps)
    }

    /// The dense matrix of the same values. - Complexity: O(rows × features) time and memory.
    public func matrix() -> FeatureMatrix {
        var values = [Double](repeating: 0, count: rows * featureCount)
        values.withUnsafeMutableBufferPointer { out in
            for j in 0..<featureCount {
                withFeature(j) { v, map in
                    let base = j * rows
                    if let map {
                        for r in 0..<rows { out[base + r] = v[map[r]] }
                    } else {
                        for r in 0..<rows { out[base + r] = v[r] }
                    }
                }
            }
        }
        return FeatureMatrix(rows: rows, features: features, values: values)
    }
}
