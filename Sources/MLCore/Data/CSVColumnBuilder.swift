// Turns one column's cell offsets into a typed Column: type inference and conversion in one place.
//
// Type inference rules (per column, over its non-missing cells; missing = empty or a missing token):
//   1. integer  — every cell is a decimal integer literal (optional sign, digits only);
//   2. float    — every cell is a decimal number (point and/or exponent allowed);
//   3. boolean  — every cell is true/false, or every cell is yes/no (any letter case);
//   4. datetime — every cell is a date or date-time in one of DateParsing's formats;
//   5. text     — otherwise, when values are long (mean ≥ 3 words or ≥ 40 bytes) and mostly distinct
//                 (distinct values > 50 % of non-missing cells): free text (TF-IDF material);
//   6. categorical — otherwise: dictionary-encoded, levels sorted.
// A column with no non-missing cell is float (all NaN). 0/1 integer columns stay integer.
// Leaves out: deciding what a column means for a task (DataProfile does: IDs, class targets).

struct CellTable: @unchecked Sendable {
    let p: UnsafePointer<UInt8>
    let chunks: [FieldOffsets]
    let columns: Int
    let rows: Int
}

/// A cell that could not be converted (only invalid UTF-8 can fail: everything else falls back to text).
struct CellFailure: Error {
    let row: Int
    let offset: Int
}

enum CSVColumnBuilder {
    static func build(
        name: String, column c: Int, cells t: CellTable, missing: MissingTokens
    ) -> Result<Column, CellFailure> {
        if let numeric = numericColumn(column: c, cells: t, missing: missing) {
            return .success(Column(name: name, kind: numeric.kind, data: .numeric(numeric.values)))
        }
        return stringColumn(name: name, column: c, cells: t, missing: missing)
    }

    /// Integer or float, or nil at the first cell that is neither a number nor missing.
    static func numericColumn(column c: Int, cells t: CellTable, missing: MissingTokens) -> (values: [Double], kind: ColumnKind)? {
        var outcome = (failed: false, allInteger: true)
        let values = [Double](unsafeUninitializedCapacity: t.rows) { out, initialized in
            if let base = out.baseAddress { outcome = fillNumbers(base, column: c, cells: t, missing: missing) }
            initialized = t.rows
        }
        if outcome.failed { return nil }
        let anyValue = values.contains { !$0.isNaN }
        return (values, anyValue && outcome.allInteger ? .integer : .float)
    }

    /// The hot loop: parses every cell of column `c` into `out[0..<rows]` (NaN for missing); stops at
    /// the first cell that is neither (zero-filling the rest). Plain locals only: no captured state.
    static func fillNumbers(
        _ out: UnsafeMutablePointer<Double>, column c: Int, cells t: CellTable, missing: MissingTokens
    ) -> (failed: Bool, allInteger: Bool) {
        let powersArray = NumberParsing.powersOfTen
        return powersArray.withUnsafeBufferPointer { pw -> (failed: Bool, allInteger: Bool) in
            guard let powers = pw.baseAddress else { return (true, false) }
            let p = t.p, columns = t.columns
            var allInteger = true
            var row = 0
            for chunk in t.chunks {
                let starts = chunk.starts, ends = chunk.ends, rows = chunk.rows
                var i = c
                for _ in 0..<rows {
                    let s = Int(starts[i]), e = Int(ends[i])
                    i &+= columns
                    if s == e {
                        out[row] = .nan
                    } else if let parsed = NumberParsing.parse(p, s, e, powers: powers) {
                        out[row] = parsed.value
                        allInteger = allInteger && parsed.isInteger
                    } else if let value = slowCell(p, s, e, missing: missing, powers: powers, allInteger: &allInteger) {
                        out[row] = value
                    } else {
                        (out + row).initialize(repeating: 0, count: t.rows - row)
                        return (true, false)
                    }
                    row &+= 1
                }
            }
            return (false, allInteger)
        }
    }

    /// A quoted number, or a missing token; nil when the cell is text.
    static func slowCell(
        _ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int, missing: MissingTokens, powers: UnsafePointer<Double>, allInteger: inout Bool
    ) -> Double? {
        if p[s] == CSVTokenizer.quote {
            let inner = CSVTokenizer.unquote(p, s, e)
            return inner.withUnsafeBufferPointer { b -> Double? in
                guard let base = b.baseAddress else { return .nan }
                if missing.matches(base, 0, b.count) { return .nan }
                guard let parsed = NumberParsing.parse(base, 0, b.count, powers: powers) else { return nil }
                allInteger = allInteger && parsed.isInteger
                return parsed.value
            }
        }
        return missing.matches(p, s, e) ? .nan : nil
    }

    /// Boolean, datetime, text or categorical, from a dictionary of the distinct values.
    static func stringColumn(name: String, column c: Int, cells t: CellTable, missing: MissingTokens) -> Result<Column, CellFailure> {
        var table = LevelTable()
        var codes = [Int32](repeating: -1, count: t.rows)
        var row = 0
        for chunk in t.chunks {
            let starts = chunk.starts, ends = chunk.ends
            for r in 0..<chunk.rows {
                let i = r &* t.columns &+ c
                let s = Int(starts[i]), e = Int(ends[i])
                if s != e && t.p[s] == CSVTokenizer.quote {
                    let inner = CSVTokenizer.unquote(t.p, s, e)
                    let isMissing = inner.withUnsafeBufferPointer { b in b.baseAddress.map { missing.matches($0, 0, b.count) } ?? true }
                    codes[row] = isMissing ? -1 : table.code(inner)
                } else if !missing.matches(t.p, s, e) {
                    codes[row] = table.code(t.p, s, e)
                }
                row += 1
            }
        }
        // Validate UTF-8 once per level; point at the first row holding a bad one.
        var levels: [String] = []
        levels.reserveCapacity(table.count)
        for k in 0..<table.count {
            let bytes = table.bytes(k)
            guard let s = String(validating: bytes, as: UTF8.self) else {
                let bad = codes.firstIndex(of: Int32(k)) ?? 0
                return .failure(CellFailure(row: bad, offset: offsetOf(row: bad, column: c, cells: t)))
            }
            levels.append(s)
        }
        var counts = [Int](repeating: 0, count: levels.count)
        for code in codes where code >= 0 { counts[Int(code)] += 1 }
        let present = counts.reduce(0, +)

        if let flags = booleanValues(levels) {
            let values = codes.map { $0 < 0 ? Double.nan : (flags[Int($0)] ? 1 : 0) }
            return .success(Column(name: name, kind: .boolean, data: .numeric(values)))
        }
        if let seconds = datetimeValues(table) {
            let values = codes.map { $0 < 0 ? Double.nan : seconds[Int($0)] }
            return .success(Column(name: name, kind: .datetime, data: .numeric(values)))
        }
        var words = 0, bytes = 0
        for k in 0..<levels.count {
            let b = table.bytes(k)
            var w = 0, inWord = false
            for ch in b {
                let space = ch == 32 || ch == 9 || ch == 10 || ch == 13
                if !space && !inWord { w += 1 }
                inWord = !space
            }
            words += w * counts[k]
            bytes += b.count * counts[k]
        }
        let isLong = present > 0 && (Double(words) / Double(present) >= 3 || Double(bytes) / Double(present) >= 40)
        if isLong && Double(levels.count) > 0.5 * Double(present) {
            return .success(Column(name: name, kind: .text, data: .text(codes.map { $0 < 0 ? nil : levels[Int($0)] })))
        }
        // Sort levels and remap codes so the encoding does not depend on row order.
        let order = levels.indices.sorted { levels[$0] < levels[$1] }
        var remap = [Int32](repeating: 0, count: levels.count)
        for (newCode, old) in order.enumerated() { remap[old] = Int32(newCode) }
        let sortedCodes = codes.map { $0 < 0 ? -1 : remap[Int($0)] }
        return .success(Column(name: name, kind: .categorical, data: .categorical(codes: sortedCodes, levels: order.map { levels[$0] })))
    }

    /// Level → true/false when every level is true/false or every level is yes/no (any case).
    static func booleanValues(_ levels: [String]) -> [Bool]? {
        guard !levels.isEmpty else { return nil }
        let lower = levels.map { $0.lowercased().trimmingSpaces }
        if lower.allSatisfy({ $0 == "true" || $0 == "false" }) { return lower.map { $0 == "true" } }
        if lower.allSatisfy({ $0 == "yes" || $0 == "no" }) { return lower.map { $0 == "yes" } }
        return nil
    }

    /// Level → seconds since 1970 when every level parses as a date (one day/month order for all).
    static func datetimeValues(_ table: LevelTable) -> [Double]? {
        guard table.count > 0 else { return nil }
        return table.arena.withUnsafeBufferPointer { a -> [Double]? in
            guard let base = a.baseAddress else { return nil }
            // Cheap reject: a date starts with a digit and has a separator within its first 5 bytes.
            for k in 0..<table.count {
                let b = table.bytes(k)
                guard let f = b.first, f >= 48, f <= 57, b.count >= 8, b.count <= 40 else { return nil }
            }
            var dayFirst = false
            for k in 0..<table.count where DateParsing.firstPartExceedsTwelve(base, table.starts[k], table.ends[k]) {
                dayFirst = true
                break
            }
            var out: [Double] = []
            out.reserveCapacity(table.count)
            for k in 0..<table.count {
                guard let v = DateParsing.parse(base, table.starts[k], table.ends[k], dayFirst: dayFirst) else { return nil }
                out.append(v)
            }
            return out
        }
    }

    static func offsetOf(row: Int, column c: Int, cells t: CellTable) -> Int {
        var r = row
        for chunk in t.chunks {
            if r < chunk.rows { return Int(chunk.starts[r * t.columns + c]) }
            r -= chunk.rows
        }
        return 0
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
