// Reads one chunk of a CSV (a byte range cut at record boundaries) block by block: it tokenises a
// block of rows into a small reusable offset buffer, then converts every column of that block while
// its bytes and offsets are still in cache: numbers are parsed straight into the column's Double
// buffer; once a cell of a column is neither a number nor missing, the column is dictionary-encoded
// from then on (never retrying numbers), and its earlier blocks are re-tokenised once to encode them.
// Memory is the converted values plus one block of offsets, not the file's cell count.
// Leaves out: deciding a column's final kind and merging chunks (CSVColumnBuilder).

/// One chunk's numbers of one column; a class so the column's finisher can take the array out
/// without a copy.
// Unchecked: a class with a mutable array; each chunk fills its own box and each column is finished by one
// task, so no two threads touch the same box.
final class NumberBox: @unchecked Sendable {
    var values: [Double] = []

    init(capacity: Int) {
        HugePages.reserve(&values, capacity)
    }
}

/// One column's conversion state within one chunk.
struct ChunkColumn {
    /// Still numeric: every cell so far was a number or missing (values in `numbers`).
    var isNumeric = true
    /// Every number so far was an integer literal.
    var allInteger = true
    var numbers: NumberBox?
    /// When not numeric: the chunk's distinct values and each row's code (-1 = missing).
    var table = LevelTable()
    var codes: [Int32] = []
}

/// What reading one chunk produced.
struct ChunkResult {
    var outcome: TokenizerOutcome = .complete
    var rows = 0
    var columns: [ChunkColumn] = []
    /// The byte offset where each row block starts; every block but the last holds `blockRows` rows.
    var blockStarts: [Int] = []
    /// The chunk's end offset (re-tokenising a block stops there at the latest).
    var end = 0
    /// Rows the chunk's arrays reserve room for.
    var estimatedRows = 0
}

/// What every chunk shares: the bytes, the dialect and the missing tokens.
struct ChunkReader: Sendable {
    let file: FileBytes
    let delimiter: UInt8
    let columns: Int
    let missing: MissingTokens
    /// Where rows read are counted for the screen (nil: nobody watches).
    var progress: CSVReadProgress? = nil
    /// Rows per block: 8,192 cells keep a block's offsets (64 KiB) and its bytes within L2.
    var blockRows: Int { max(16, 8_192 / max(columns, 1)) }
    var p: UnsafePointer<UInt8> { file.base }

    /// Tokenises and converts the records of `p[from..<to)`; `estimatedRows` reserves the arrays
    /// (reserved pages that are never written cost no memory).
    func read(from: Int, to: Int, isLast: Bool, estimatedRows: Int) -> ChunkResult {
        var result = ChunkResult(end: to, estimatedRows: estimatedRows)
        result.columns = (0..<columns).map { _ in ChunkColumn(numbers: NumberBox(capacity: estimatedRows)) }
        let block = FieldOffsets(estimatedCells: blockRows * columns)
        let scratch = UnsafeMutablePointer<Double>.allocate(capacity: blockRows)
        defer { scratch.deallocate() }
        NumberParsing.powersOfTen.withUnsafeBufferPointer { pw in
            guard let powers = pw.baseAddress else { return }
            var pos = from
            // Windowed files: bring the next window in ahead, release what is a window behind.
            var fetched = from, released = from
            defer { file.release(from: released, to: to) }
            var unreported = (blocks: 0, rows: 0, from: from)
            defer { if unreported.rows > 0 { progress?.add(rows: unreported.rows, bytes: pos - unreported.from) } }
            while pos < to {
                if file.windowed && pos + file.window / 2 > fetched {
                    file.prefetch(from: fetched, to: min(to, fetched + file.window))
                    fetched = min(to, fetched + file.window)
                    if pos - released >= file.window {
                        file.release(from: released, to: pos)
                        released = pos
                    }
                }
                block.reset()
                let outcome = CSVTokenizer.tokenize(
                    p, from: pos, to: to, isLast: isLast, delimiter: delimiter, columns: columns, rowLimit: blockRows,
                    into: block)
                if outcome != .complete {
                    result.outcome = outcome
                    return
                }
                if block.rows == 0 { break }
                result.blockStarts.append(pos)
                convert(block, into: &result, scratch: scratch, powers: powers)
                result.rows += block.rows
                pos = block.next
                if let progress {
                    unreported.blocks += 1
                    unreported.rows += block.rows
                    if unreported.blocks == CSVReadProgress.every {
                        progress.add(rows: unreported.rows, bytes: pos - unreported.from)
                        unreported = (0, 0, pos)
                    }
                }
            }
        }
        return result
    }

    /// Converts every column of one tokenised block (appended after `result.rows` rows).
    private func convert(
        _ block: FieldOffsets, into result: inout ChunkResult, scratch: UnsafeMutablePointer<Double>,
        powers: UnsafePointer<Double>
    ) {
        for c in 0..<columns {
            if result.columns[c].isNumeric, let box = result.columns[c].numbers {
                if fillNumbers(scratch, block, column: c, powers: powers, allInteger: &result.columns[c].allInteger) {
                    box.values.append(contentsOf: UnsafeBufferPointer(start: scratch, count: block.rows))
                    continue
                }
                result.columns[c].isNumeric = false
                result.columns[c].numbers = nil
                HugePages.reserve(&result.columns[c].codes, max(result.estimatedRows, result.rows + block.rows))
                replay(blockStarts: result.blockStarts.dropLast(), end: result.end, column: c, into: &result.columns[c])
            }
            encode(block, column: c, into: &result.columns[c])
        }
    }

    /// Encodes column `c` of the blocks starting at `blockStarts` (re-tokenised) into `state`.
    func replay(blockStarts: ArraySlice<Int>, end: Int, column c: Int, into state: inout ChunkColumn) {
        let block = FieldOffsets(estimatedCells: blockRows * columns)
        for start in blockStarts {
            block.reset()
            _ = CSVTokenizer.tokenize(
                p, from: start, to: end, isLast: true, delimiter: delimiter, columns: columns, rowLimit: blockRows,
                into: block)
            encode(block, column: c, into: &state)
        }
    }

    /// Parses column `c` of `block` into `out[0..<block.rows]` (NaN for missing).
    /// - Returns: false at the first cell that is neither a number nor missing.
    func fillNumbers(
        _ out: UnsafeMutablePointer<Double>, _ block: FieldOffsets, column c: Int, powers: UnsafePointer<Double>,
        allInteger: inout Bool
    ) -> Bool {
        let starts = block.starts, ends = block.ends, columns = columns, p = p, limit = file.count
        var integers = allInteger
        defer { allInteger = integers }
        var i = c
        for row in 0..<block.rows {
            let s = Int(starts[i]), e = Int(ends[i])
            i &+= columns
            if s == e {
                out[row] = .nan
            } else if let parsed = NumberParsing.parsePlain(p, s, e, limit: limit, powers: powers) {
                out[row] = parsed.value
                integers = integers && parsed.isInteger
            } else if let parsed = NumberParsing.parse(p, s, e, powers: powers) {
                out[row] = parsed.value
                integers = integers && parsed.isInteger
            } else if let value = slowCell(s, e, powers: powers, allInteger: &integers) {
                out[row] = value
            } else {
                return false
            }
        }
        return true
    }

    /// A quoted number, or a missing token; nil when the cell is text.
    private func slowCell(_ s: Int, _ e: Int, powers: UnsafePointer<Double>, allInteger: inout Bool) -> Double? {
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

    /// Appends the codes of column `c` of `block` to `state.codes`. A cell equal to the one above
    /// reuses its code without hashing (runs are common: sorted dates, grouped keys); a known level
    /// skips the missing-token check (a missing token never becomes a level).
    func encode(_ block: FieldOffsets, column c: Int, into state: inout ChunkColumn) {
        let starts = block.starts, ends = block.ends, columns = columns, p = p
        let codes = UnsafeMutablePointer<Int32>.allocate(capacity: max(block.rows, 1))
        defer { codes.deallocate() }
        var i = c
        var previous = (start: 0, length: -1, code: Int32(-1))
        for row in 0..<block.rows {
            let s = Int(starts[i]), e = Int(ends[i])
            i &+= columns
            if e - s == previous.length && LevelTable.equal(p + s, p + previous.start, e - s) {
                codes[row] = previous.code
                continue
            }
            let code: Int32
            if s == e {
                code = -1
            } else if p[s] == CSVTokenizer.quote {
                let inner = CSVTokenizer.unquote(p, s, e)
                let isMissing = inner.withUnsafeBufferPointer { b in
                    b.baseAddress.map { missing.matches($0, 0, b.count) } ?? true
                }
                code = isMissing ? -1 : state.table.code(inner)
            } else {
                let probe = state.table.lookup(p, s, e)
                if probe.code >= 0 {
                    code = probe.code
                } else {
                    code = missing.matches(p, s, e) ? -1 : state.table.insert(p, s, e, probe)
                }
            }
            codes[row] = code
            previous = (s, e - s, code)
        }
        state.codes.append(contentsOf: UnsafeBufferPointer(start: codes, count: block.rows))
    }

    /// The byte offset of row `row` (chunk-relative) in column `c`, for error messages.
    func offset(row: Int, column c: Int, in chunk: ChunkResult) -> Int {
        let k = row / blockRows
        guard k < chunk.blockStarts.count else { return 0 }
        let block = FieldOffsets(estimatedCells: blockRows * columns)
        _ = CSVTokenizer.tokenize(
            p, from: chunk.blockStarts[k], to: chunk.end, isLast: true, delimiter: delimiter, columns: columns,
            rowLimit: blockRows, into: block)
        let r = row - k * blockRows
        return r < block.rows ? Int(block.starts[r * columns + c]) : 0
    }
}
