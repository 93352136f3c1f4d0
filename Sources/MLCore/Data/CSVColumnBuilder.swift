// Turns one column's converted chunks into a typed Column: the type inference rules in one place.
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

/// A cell that could not be converted (only invalid UTF-8 can fail: everything else falls back to text).
struct CellFailure: Error {
    let row: Int
    let offset: Int
}

enum CSVColumnBuilder {
    /// Column `c` from every chunk's conversion state, chunks in file order.
    static func build(name: String, column c: Int, chunks: [ChunkResult], reader: ChunkReader) -> Result<
        Column, CellFailure
    > {
        let rows = chunks.reduce(0) { $0 + $1.rows }
        if chunks.allSatisfy({ $0.columns[c].isNumeric }) {
            // Take chunk 0's array out of its box (no copy; it reserved room for the whole file) and append the rest.
            var values: [Double] = []
            for chunk in chunks {
                guard let box = chunk.columns[c].numbers else { continue }
                if values.isEmpty {
                    swap(&values, &box.values)
                    if values.capacity < rows {
                        HugePages.reserve(&values, rows)
                    }
                } else {
                    values.append(contentsOf: box.values)
                    box.values = []
                }
            }
            let allInteger = chunks.allSatisfy { $0.columns[c].allInteger }
            let anyValue = values.contains { !$0.isNaN }
            return .success(
                Column(name: name, kind: anyValue && allInteger ? .integer : .float, data: .numeric(values)))
        }
        let merged = mergedCodes(column: c, chunks: chunks, rows: rows, reader: reader)
        return stringColumn(name: name, table: merged.table, codes: merged.codes) { row in
            var r = row
            for chunk in chunks {
                if r < chunk.rows { return reader.offset(row: r, column: c, in: chunk) }
                r -= chunk.rows
            }
            return 0
        }
    }

    /// One level table and one code per row for the whole column, levels in first-seen order:
    /// chunk 0's levels, then the levels chunk 1 adds, and so on (the order a single pass gives).
    static func mergedCodes(column c: Int, chunks: [ChunkResult], rows: Int, reader: ChunkReader) -> (
        table: LevelTable, codes: [Int32]
    ) {
        if chunks.count == 1, !chunks[0].columns[c].isNumeric {
            return (chunks[0].columns[c].table, chunks[0].columns[c].codes)
        }
        var table = LevelTable()
        let codes = [Int32](unsafeUninitializedCapacity: rows) { out, initialized in
            var row = 0
            for chunk in chunks {
                var state = chunk.columns[c]
                if state.isNumeric {
                    state = ChunkColumn(isNumeric: false)
                    reader.replay(blockStarts: chunk.blockStarts[...], end: chunk.end, column: c, into: &state)
                }
                let map = (0..<state.table.count).map { level in table.code(state.table.bytes(level)) }
                for code in state.codes where row < rows {
                    out[row] = code < 0 ? -1 : map[Int(code)]
                    row += 1
                }
            }
            initialized = row
        }
        return (table, codes)
    }

    /// Boolean, datetime, text or categorical, from the column's dictionary of distinct values;
    /// `offsetOf(row)` locates a row's cell for the invalid-UTF-8 error.
    static func stringColumn(name: String, table: LevelTable, codes: [Int32], offsetOf: (Int) -> Int) -> Result<
        Column, CellFailure
    > {
        // Validate UTF-8 once per level; point at the first row holding a bad one.
        var levels: [String] = []
        levels.reserveCapacity(table.count)
        for k in 0..<table.count {
            let bytes = table.bytes(k)
            guard let s = String(validating: bytes, as: UTF8.self) else {
                let bad = codes.firstIndex(of: Int32(k)) ?? 0
                return .failure(CellFailure(row: bad, offset: offsetOf(bad)))
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
        return .success(
            Column(
                name: name, kind: .categorical, data: .categorical(codes: sortedCodes, levels: order.map { levels[$0] })
            ))
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
                guard let v = DateParsing.parse(base, table.starts[k], table.ends[k], dayFirst: dayFirst) else {
                    return nil
                }
                out.append(v)
            }
            return out
        }
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
