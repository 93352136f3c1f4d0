// Applies one fitted step to one column's rows, appending its feature columns (column-major) to
// the output. Also the column readers shared with fitting: numbers of a column, category text of
// a column, datetime parts. Leaves out: learning the statistics (Pipeline+Fit).

import Foundation

enum StepTransform {
    static func apply(_ step: FittedStep, column: Column, rows: [Int], into out: inout [Double]) throws(MLError) {
        switch step {
        case .numeric(_, let fill, let mean, let scale, let indicator):
            let x = try numbers(column)
            for r in rows {
                let v = x[r]
                out.append(v.isNaN ? (fill.map { ($0 - mean) / scale } ?? .nan) : (v - mean) / scale)
            }
            if indicator { for r in rows { out.append(x[r].isNaN ? 1 : 0) } }
        case .oneHot(_, let levels, let other, let missing):
            let map = codeMap(column, levels: levels)
            let width = levels.count + (other ? 1 : 0) + (missing ? 1 : 0)
            let base = out.count
            out.append(contentsOf: repeatElement(0, count: width * rows.count))
            for (k, r) in rows.enumerated() {
                let code = map.code(r)
                let feature: Int? =
                    code >= 0
                    ? code
                    : (code == -1 ? (missing ? levels.count + (other ? 1 : 0) : nil) : (other ? levels.count : nil))
                if let feature { out[base + feature * rows.count + k] = 1 }
            }
        case .codes(_, let levels, let other, _):
            let map = codeMap(column, levels: levels)
            for r in rows {
                let code = map.code(r)
                out.append(code >= 0 ? Double(code) : (code == -2 && other ? Double(levels.count) : .nan))
            }
        case .tfidf(_, let model):
            let docs = try texts(column)
            let weights = model.transform(rows.map { docs[$0] })
            let base = out.count
            out.append(contentsOf: repeatElement(0, count: model.terms.count * rows.count))
            for (k, row) in weights.enumerated() {
                for (j, w) in row { out[base + j * rows.count + k] = w }
            }
        case .encoded(let e):
            e.apply(column, rows: rows, into: &out)
        case .datetime(_, let parts):
            let seconds = try numbers(column)
            for (index, part) in parts.enumerated() {
                let derived = Column(name: part.column, numbers: DatetimeParts.values(seconds, part: index))
                try apply(part, column: derived, rows: rows, into: &out)
            }
        }
    }

    /// The numbers of a numeric column (booleans 0/1, datetimes in seconds).
    static func numbers(_ column: Column) throws(MLError) -> [Double] {
        guard let x = column.numbers else {
            throw MLError(
                .invalidInput,
                "Column '\(column.name)' is \(column.kind.rawValue) here but was numeric when the pipeline was fitted; give it numeric values."
            )
        }
        return x
    }

    /// The text of each row of a text or categorical column.
    static func texts(_ column: Column) throws(MLError) -> [String?] {
        if case .text(let t) = column.data { return t }
        return (0..<column.count).map { column.string(at: $0) }
    }

    /// Maps a column's values to fitted level indices: ≥ 0 known, −1 missing, −2 unseen.
    struct CodeMap {
        let column: Column
        let translate: [Int32]?
        let index: [String: Int]

        func code(_ row: Int) -> Int {
            if let translate, case .categorical(let codes, _) = column.data {
                let c = codes[row]
                return c < 0 ? -1 : Int(translate[Int(c)])
            }
            guard let s = column.string(at: row) else { return -1 }
            return index[s] ?? -2
        }
    }

    static func codeMap(_ column: Column, levels: [String]) -> CodeMap {
        var index: [String: Int] = [:]
        for (i, l) in levels.enumerated() { index[l] = i }
        if case .categorical(_, let own) = column.data {
            return CodeMap(column: column, translate: own.map { Int32(index[$0] ?? -2) }, index: index)
        }
        return CodeMap(column: column, translate: nil, index: index)
    }
}

/// Numeric parts of a datetime column: year, month, day of month, weekday (0 = Monday), hour of day.
enum DatetimeParts {
    static let names = ["year", "month", "day", "weekday", "hour"]

    static func values(_ seconds: [Double], part: Int) -> [Double] {
        seconds.map { s in
            if s.isNaN { return .nan }
            let days = Int((s / 86_400).rounded(.down))
            let (y, m, d) = DateParsing.civilFromDays(days)
            switch part {
            case 0: return Double(y)
            case 1: return Double(m)
            case 2: return Double(d)
            case 3: return Double(((days % 7) + 7 + 3) % 7)  // 1970-01-01 was a Thursday
            default: return (s - Double(days) * 86_400) / 3600
            }
        }
    }
}
