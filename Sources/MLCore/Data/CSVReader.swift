// Reads a CSV file into a columnar Dataset: RFC 4180 quoting, UTF-8 BOM, CRLF, delimiter sniffing,
// missing-value tokens, a header row. The file is memory-mapped; records are tokenised into byte
// offsets in parallel chunks cut at record boundaries (a quote-parity pre-scan finds them, and a chunk
// that does not end cleanly makes the reader fall back to one sequential pass); each chunk is read
// block by block on its own thread (ChunkReader: tokenise a block, convert its columns while it is in
// cache), then each column is finished in parallel (CSVColumnBuilder: type inference, merging chunks).
// Every error names the file, the line (physical, 1-based) and the column, and says what to do.
// Leaves out: files without a header row, encodings other than UTF-8, files ≥ 4 GiB.

import Foundation

/// The CSV reader. `Dataset.load(path:)` is the usual entry point.
public enum CSVReader {
    /// Reads the CSV file at `path`. - Complexity: O(file size), on up to `options.threads` cores.
    public static func read(path: String, options: CSVOptions = .default) throws(MLError) -> Dataset {
        let file = try FileBytes.map(path: path)
        return try read(file, name: path, options: options)
    }

    /// Reads CSV text held in memory (`name` appears in error messages).
    public static func read(text: String, name: String = "<text>", options: CSVOptions = .default) throws(MLError)
        -> Dataset
    {
        try read(bytes: Array(text.utf8), name: name, options: options)
    }

    /// Reads CSV bytes held in memory (`name` appears in error messages).
    public static func read(bytes: [UInt8], name: String = "<bytes>", options: CSVOptions = .default) throws(MLError)
        -> Dataset
    {
        try read(FileBytes.copying(bytes), name: name, options: options)
    }

    static func read(_ file: FileBytes, name: String, options: CSVOptions) throws(MLError) -> Dataset {
        let p = file.base, n = file.count
        let locator = CSVErrorLocator(p: p, count: n, name: name)
        if n >= 2 && ((p[0] == 0xFF && p[1] == 0xFE) || (p[0] == 0xFE && p[1] == 0xFF)) {
            throw MLError(
                .malformedFile, "'\(name)' is encoded as UTF-16; re-save it as UTF-8 (e.g. iconv -f UTF-16 -t UTF-8).")
        }
        var start = (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) ? 3 : 0
        while start < n && (p[start] == 10 || p[start] == 13) { start += 1 }
        var onlySpace = true
        for i in start..<n where !(p[i] == 32 || p[i] == 9 || p[i] == 10 || p[i] == 13) {
            onlySpace = false
            break
        }
        if onlySpace {
            throw MLError(
                .malformedFile,
                "'\(name)' is empty. A CSV needs a header row naming the columns, then one row per record.")
        }
        let delimiter = options.delimiter ?? DelimiterSniffer.sniff(p, from: start, count: n)
        let names = try headerNames(p, from: start, count: n, delimiter: delimiter, locator: locator)
        let dataStart = names.next
        let columns = names.names.count

        // Read chunks cut at record boundaries in parallel, block by block.
        let threads = max(1, min(options.threads ?? ProcessInfo.processInfo.activeProcessorCount, 8))
        let bounds = ChunkPlanner.boundaries(
            file, from: dataStart, to: n, chunks: n - dataStart < 1 << 20 ? 1 : threads)
        let estimate = ChunkPlanner.estimatedCellsPerByte(p, from: dataStart, to: n, columns: columns)
        let sink = ProgressReport.sink
        let reader = ChunkReader(
            file: file, delimiter: delimiter, columns: columns, missing: MissingTokens(options.missingTokens),
            progress: CSVReadProgress(sink: sink, bytes: n - dataStart))
        // Chunk 0 reserves room for every row, so its arrays become the columns without a copy.
        var chunks = Parallel.map(bounds.count - 1, parallel: bounds.count > 2) { k in
            reader.read(
                from: bounds[k], to: bounds[k + 1], isLast: k == bounds.count - 2,
                estimatedRows: Int(Double(bounds[k == 0 ? bounds.count - 1 : k + 1] - bounds[k]) * estimate)
                    / max(columns, 1) + 16)
        }
        if let bad = chunks.firstIndex(where: { $0.outcome != .complete }), chunks[bad].outcome == .misaligned {
            // Counted afresh: the chunks' rows were reported once already.
            var again = reader
            again.progress = CSVReadProgress(sink: sink, bytes: n - dataStart)
            chunks = [
                again.read(
                    from: dataStart, to: n, isLast: true,
                    estimatedRows: Int(Double(n - dataStart) * estimate) / max(columns, 1) + 16)
            ]
        }
        for chunk in chunks {
            switch chunk.outcome {
            case .complete, .misaligned: continue
            case .ragged(let offset, let fields):
                throw MLError(
                    .malformedFile,
                    "\(locator.line(offset)): expected \(columns) fields (one per header column) but found \(fields). "
                        + "Check that line for a missing or extra '\(Character(UnicodeScalar(delimiter)))', or quote values that contain one."
                )
            case .unterminatedQuote(let offset):
                throw MLError(
                    .malformedFile,
                    "\(locator.line(offset))\(locator.column(offset, delimiter: delimiter, names: names.names)): a quoted field opens here and never closes. "
                        + "Close the quote, and double any quote inside a quoted value (\"\").")
            }
        }
        let rows = chunks.reduce(0) { $0 + $1.rows }
        if rows == 0 {
            throw MLError(
                .malformedFile,
                "'\(name)' has a header (\(columns) columns: \(names.names.prefix(8).joined(separator: ", "))) but no data rows. Add at least one row below the header."
            )
        }

        // Finish columns in parallel (type inference, merging chunks); the file's fingerprint is one more task.
        let read = chunks
        let results = Parallel.map(columns + 1, parallel: threads > 1) { c -> Result<Column, CellFailure> in
            if c == columns {
                let hex = file.fingerprint().hex
                return .success(Column(name: hex, kind: .text, data: .text([])))
            }
            return CSVColumnBuilder.build(name: names.names[c], column: c, chunks: read, reader: reader)
        }
        var built: [Column] = []
        built.reserveCapacity(columns)
        for (c, result) in results.prefix(columns).enumerated() {
            switch result {
            case .success(let column): built.append(column)
            case .failure(let failure):
                // Not UTF-8: most often Windows-1252 from Excel. Read it as that when it looks like such text
                // (the transcoded bytes are valid UTF-8, so this happens once); otherwise the error stays.
                let bytes = UnsafeBufferPointer(start: p, count: n)
                if !options.strictUTF8 && Windows1252.looksLikeText(bytes) {
                    let utf8 = Windows1252.utf8(bytes)
                    var again = try Self.read(FileBytes.copying(utf8), name: name, options: options)
                    again.readingNotes.insert(
                        "'\(name)' is not UTF-8 (line \(locator.lineNumber(failure.offset)), column '\(names.names[c])'); "
                            + "it was read as Windows-1252 (Latin-1). Re-save it as UTF-8 if its accents look wrong.",
                        at: 0)
                    return again
                }
                throw MLError(
                    .malformedFile,
                    "\(locator.line(failure.offset)), column '\(names.names[c])': the bytes are not valid UTF-8. "
                        + "Re-save the file as UTF-8 (e.g. iconv -f latin1 -t utf-8 in.csv > out.csv).")
            }
        }
        // Numbers written for people ($1,234.50, 45%, 1.234,56 in a file not separated by commas) are numbers.
        var notes: [String] = []
        for (c, column) in built.enumerated() {
            guard let numbers = FormattedNumbers.numbers(column, delimiter: delimiter) else { continue }
            built[c] = numbers
            notes.append(
                "'\(column.name)' holds numbers written with signs or separators (e.g. '\(column.firstValueText)'); it was read as numbers."
            )
        }
        let fileHash: String? = if case .success(let c) = results[columns] { c.name } else { nil }
        var dataset = Dataset(uncheckedColumns: built, rowCount: rows, source: name, fileFingerprint: fileHash)
        dataset.readingNotes = notes
        return dataset
    }

    /// Column names from the header: unquoted, trimmed, valid UTF-8, non-empty and distinct.
    static func headerNames(
        _ p: UnsafePointer<UInt8>, from start: Int, count n: Int, delimiter: UInt8, locator: CSVErrorLocator
    ) throws(MLError) -> (names: [String], next: Int) {
        guard let header = CSVTokenizer.firstRecord(p, from: start, count: n, delimiter: delimiter) else {
            throw MLError(
                .malformedFile,
                "\(locator.line(start)): the header row opens a quote that never closes. Close the quote in the header."
            )
        }
        var names: [String] = []
        for (index, (s, e)) in header.fields.enumerated() {
            let bytes =
                s < e && p[s] == CSVTokenizer.quote
                ? CSVTokenizer.unquote(p, s, e) : Array(UnsafeBufferPointer(start: p + s, count: e - s))
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw MLError(
                    .malformedFile,
                    "\(locator.line(s)): header column \(index + 1) is not valid UTF-8. Re-save the file as UTF-8.")
            }
            let name = text.trimmingCharacters(in: .whitespaces)
            if name.isEmpty {
                throw MLError(
                    .malformedFile,
                    "\(locator.line(s)): header column \(index + 1) has an empty name. Give every column a name in the header row."
                )
            }
            if let first = names.firstIndex(of: name) {
                throw MLError(
                    .malformedFile,
                    "\(locator.line(s)): columns \(first + 1) and \(index + 1) are both named '\(name)'. Give every column a distinct name."
                )
            }
            names.append(name)
        }
        return (names, header.next)
    }
}

/// Turns byte offsets into "'file.csv', line 12" and ", column 'b'" for error messages.
struct CSVErrorLocator {
    let p: UnsafePointer<UInt8>
    let count: Int
    let name: String

    func lineNumber(_ offset: Int) -> Int {
        var line = 1
        for i in 0..<min(offset, count) where p[i] == 10 { line += 1 }
        return line
    }

    func line(_ offset: Int) -> String { "'\(name)', line \(lineNumber(offset))" }

    /// The column at `offset`, counting delimiters from the start of its physical line.
    func column(_ offset: Int, delimiter: UInt8, names: [String]) -> String {
        var lineStart = min(offset, count)
        while lineStart > 0 && p[lineStart - 1] != 10 { lineStart -= 1 }
        var field = 0
        for i in lineStart..<min(offset, count) where p[i] == delimiter { field += 1 }
        return field < names.count ? ", column '\(names[field])'" : ""
    }
}
