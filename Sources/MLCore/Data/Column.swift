// One typed column of a Dataset: its name, inferred kind and columnar values.
// Numeric kinds share one contiguous [Double] (NaN = missing); categoricals are dictionary-encoded;
// free text keeps one String per row. Leaves out: parsing (CSVReader) and statistics (DataProfile).

/// What a column holds, as inferred from its values (rules in CSVColumnBuilder.swift).
public enum ColumnKind: String, Sendable, Codable, Equatable, CaseIterable {
    case integer, float, boolean, categorical, text, datetime

    /// Kinds stored as `ColumnData.numeric`.
    public var isNumeric: Bool { self == .integer || self == .float || self == .boolean || self == .datetime }
}

/// The values of a column, in row order.
public enum ColumnData: Sendable, Equatable {
    /// integer, float, boolean (0 / 1) or datetime (seconds since 1970-01-01 UTC); NaN marks a missing value.
    case numeric([Double])
    /// `codes[row]` indexes `levels` (sorted); -1 marks a missing value.
    case categorical(codes: [Int32], levels: [String])
    /// Free text; nil marks a missing value.
    case text([String?])
}

/// A named, typed column.
public struct Column: Sendable, Equatable {
    public var name: String
    public var kind: ColumnKind
    public var data: ColumnData

    public init(name: String, kind: ColumnKind, data: ColumnData) {
        self.name = name
        self.kind = kind
        self.data = data
    }

    /// A numeric column (kind `.float` unless given).
    public init(name: String, numbers: [Double], kind: ColumnKind = .float) {
        self.init(name: name, kind: kind, data: .numeric(numbers))
    }

    /// A categorical column built from strings (nil = missing); levels are sorted.
    public init(name: String, categories: [String?]) {
        let levels = Array(Set(categories.compactMap { $0 })).sorted()
        var index: [String: Int32] = [:]
        for (i, l) in levels.enumerated() { index[l] = Int32(i) }
        let codes = categories.map { $0.flatMap { index[$0] } ?? -1 }
        self.init(name: name, kind: .categorical, data: .categorical(codes: codes, levels: levels))
    }

    /// A free-text column (nil = missing).
    public init(name: String, text: [String?]) {
        self.init(name: name, kind: .text, data: .text(text))
    }

    /// Number of rows. - Complexity: O(1).
    public var count: Int {
        switch data {
        case .numeric(let v): v.count
        case .categorical(let c, _): c.count
        case .text(let t): t.count
        }
    }

    public func isMissing(_ row: Int) -> Bool {
        switch data {
        case .numeric(let v): v[row].isNaN
        case .categorical(let c, _): c[row] < 0
        case .text(let t): t[row] == nil
        }
    }

    /// Number of missing values. - Complexity: O(rows).
    public var missingCount: Int {
        switch data {
        case .numeric(let v): v.reduce(0) { $0 + ($1.isNaN ? 1 : 0) }
        case .categorical(let c, _): c.reduce(0) { $0 + ($1 < 0 ? 1 : 0) }
        case .text(let t): t.reduce(0) { $0 + ($1 == nil ? 1 : 0) }
        }
    }

    /// The numeric values, or nil for categorical and text columns.
    public var numbers: [Double]? {
        if case .numeric(let v) = data { return v }
        return nil
    }

    /// The value of one row as text (nil when missing): integers without a decimal point,
    /// booleans as true/false, datetimes in ISO 8601.
    public func string(at row: Int) -> String? {
        switch data {
        case .numeric(let v):
            let x = v[row]
            if x.isNaN { return nil }
            switch kind {
            case .integer: return abs(x) < 1e18 ? String(Int64(x)) : String(x)
            case .boolean: return x != 0 ? "true" : "false"
            case .datetime: return DateParsing.isoString(secondsSinceEpoch: x)
            default: return String(x)
            }
        case .categorical(let c, let levels): return c[row] < 0 ? nil : levels[Int(c[row])]
        case .text(let t): return t[row]
        }
    }

    /// The column restricted to `rows`, in that order. - Complexity: O(rows.count).
    public func selecting(rows: [Int]) -> Column {
        switch data {
        case .numeric(let v): Column(name: name, kind: kind, data: .numeric(rows.map { v[$0] }))
        case .categorical(let c, let l):
            Column(name: name, kind: kind, data: .categorical(codes: rows.map { c[$0] }, levels: l))
        case .text(let t): Column(name: name, kind: kind, data: .text(rows.map { t[$0] }))
        }
    }
}
