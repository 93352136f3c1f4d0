// The hot loop of the CSV reader: finds every field's byte range, record by record (RFC 4180:
// quoted fields hold delimiters, doubled quotes and newlines; CRLF or LF; blank lines are skipped).
// Output is row-major [start, end) offsets per cell; no String is made. Lenient where pandas is:
// text after a closing quote is kept, a quote inside an unquoted field is literal.
// Leaves out: type conversion (CSVColumnBuilder) and choosing chunk boundaries (CSVReader).

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Row-major cell offsets of one chunk: cell (r, c) is at index r × columns + c.
/// The tokenizer fills it through a local `Appender` (no class property access in the hot loop).
final class FieldOffsets {
    fileprivate(set) var starts: UnsafeMutablePointer<UInt32>
    fileprivate(set) var ends: UnsafeMutablePointer<UInt32>
    fileprivate(set) var count = 0
    fileprivate var capacity: Int
    var rows = 0
    /// Where tokenising stopped: the start of the next record (or the chunk's end).
    var next = 0

    init(estimatedCells: Int) {
        capacity = max(estimatedCells, 64)
        starts = .allocate(capacity: capacity)
        ends = .allocate(capacity: capacity)
    }

    /// Empties the buffer for the next block (capacity is kept).
    func reset() {
        count = 0
        rows = 0
    }

    deinit {
        starts.deallocate()
        ends.deallocate()
    }
}

/// The hot-loop view of a FieldOffsets: plain local pointers, written back by `finish`.
struct OffsetAppender {
    var starts: UnsafeMutablePointer<UInt32>
    var ends: UnsafeMutablePointer<UInt32>
    var count: Int
    var capacity: Int

    init(_ o: FieldOffsets) {
        starts = o.starts
        ends = o.ends
        count = o.count
        capacity = o.capacity
    }

    @inline(__always)
    mutating func append(_ start: Int, _ end: Int) {
        if count == capacity { grow() }
        starts[count] = UInt32(truncatingIfNeeded: start)
        ends[count] = UInt32(truncatingIfNeeded: end)
        count += 1
    }

    @inline(never)
    mutating func grow() {
        let newCapacity = capacity * 2
        let s = UnsafeMutablePointer<UInt32>.allocate(capacity: newCapacity)
        let e = UnsafeMutablePointer<UInt32>.allocate(capacity: newCapacity)
        s.moveInitialize(from: starts, count: count)
        e.moveInitialize(from: ends, count: count)
        starts.deallocate()
        ends.deallocate()
        (starts, ends, capacity) = (s, e, newCapacity)
    }

    func finish(into o: FieldOffsets, rows: Int, next: Int) {
        o.starts = starts
        o.ends = ends
        o.count = count
        o.capacity = capacity
        o.rows = rows
        o.next = next
    }
}

/// Why tokenising a chunk stopped early.
enum TokenizerOutcome: Sendable, Equatable {
    case complete
    /// A non-final chunk did not end on a record boundary (a quoted field spans the cut): re-read sequentially.
    case misaligned
    case ragged(recordOffset: Int, fields: Int)
    case unterminatedQuote(fieldOffset: Int)
}

enum CSVTokenizer {
    static let quote: UInt8 = 34, newline: UInt8 = 10, carriageReturn: UInt8 = 13

    /// Tokenises up to `rowLimit` records starting in `p[from..<to)`, which must start at a record
    /// boundary; `out.next` tells where the next record starts.
    /// - Complexity: O(bytes read), one pass; memchr finds closing quotes.
    static func tokenize(
        _ p: UnsafePointer<UInt8>, from: Int, to: Int, isLast: Bool, delimiter: UInt8, columns: Int,
        rowLimit: Int = .max, into out: FieldOffsets
    ) -> TokenizerOutcome {
        var pos = from
        var rows = 0
        var cells = OffsetAppender(out)
        let delimiterMask = UInt64(delimiter) &* 0x0101_0101_0101_0101
        defer { cells.finish(into: out, rows: rows, next: min(pos, to)) }
        while pos < to && rows < rowLimit {
            let first = p[pos]
            if first == newline {
                pos += 1
                continue
            }
            if first == carriageReturn && pos + 1 < to && p[pos + 1] == newline {
                pos += 2
                continue
            }
            let recordStart = pos
            var field = 0
            while true {
                let start = pos
                if pos < to && p[pos] == quote {
                    var q = pos + 1
                    while true {
                        guard let hit = memchr(p + q, Int32(quote), to - q) else {
                            return isLast ? .unterminatedQuote(fieldOffset: start) : .misaligned
                        }
                        let at = UnsafeRawPointer(hit).assumingMemoryBound(to: UInt8.self) - p
                        if at + 1 < to && p[at + 1] == quote {
                            q = at + 2
                            continue
                        }
                        q = at + 1
                        break
                    }
                    pos = q
                    while pos < to {
                        let c = p[pos]
                        if c == delimiter || c == newline { break }
                        pos += 1
                    }
                } else {
                    pos = scanUnquoted(p, pos, to, delimiterMask: delimiterMask)
                }
                var end = pos
                let endsRecord = pos >= to || p[pos] == newline
                if endsRecord && end > start && p[end - 1] == carriageReturn { end -= 1 }
                if field < columns { cells.append(start, end) }
                field += 1
                pos += 1
                if endsRecord { break }
            }
            if field != columns { return .ragged(recordOffset: recordStart, fields: field) }
            rows += 1
        }
        return .complete
    }

    /// The index of the first delimiter or newline at or after `pos` (or `to`), eight bytes at a time:
    /// a byte of `v ^ mask` is zero exactly where `v` holds the searched byte.
    @inline(__always)
    static func scanUnquoted(_ p: UnsafePointer<UInt8>, _ start: Int, _ to: Int, delimiterMask: UInt64) -> Int {
        var pos = start
        let newlines: UInt64 = 0x0A0A_0A0A_0A0A_0A0A, low: UInt64 = 0x0101_0101_0101_0101,
            high: UInt64 = 0x8080_8080_8080_8080
        let delimiter = UInt8(truncatingIfNeeded: delimiterMask)
        while pos + 8 <= to {
            let v = UInt64(littleEndian: UnsafeRawPointer(p + pos).loadUnaligned(as: UInt64.self))
            let a = v ^ delimiterMask, b = v ^ newlines
            let hits = ((a &- low) & ~a & high) | ((b &- low) & ~b & high)
            if hits != 0 { return pos + hits.trailingZeroBitCount / 8 }
            pos += 8
        }
        while pos < to {
            let c = p[pos]
            if c == delimiter || c == newline { break }
            pos += 1
        }
        return pos
    }

    /// The fields of the first record (the header) and the offset just after it.
    static func firstRecord(_ p: UnsafePointer<UInt8>, from: Int, count: Int, delimiter: UInt8) -> (
        fields: [(Int, Int)], next: Int
    )? {
        var pos = from
        var fields: [(Int, Int)] = []
        while true {
            let start = pos
            if pos < count && p[pos] == quote {
                pos += 1
                while true {
                    guard pos < count else { return nil }
                    if p[pos] == quote {
                        if pos + 1 < count && p[pos + 1] == quote {
                            pos += 2
                            continue
                        }
                        pos += 1
                        break
                    }
                    pos += 1
                }
            }
            while pos < count && p[pos] != delimiter && p[pos] != newline { pos += 1 }
            var end = pos
            let endsRecord = pos >= count || p[pos] == newline
            if endsRecord && end > start && p[end - 1] == carriageReturn { end -= 1 }
            fields.append((start, end))
            pos += 1
            if endsRecord { return (fields, min(pos, count)) }
        }
    }

    /// The content of a quoted field: outer quotes removed, doubled quotes undone, trailing text kept.
    static func unquote(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(end - start)
        var i = start + 1
        var inQuotes = true
        while i < end {
            let c = p[i]
            if inQuotes && c == quote {
                if i + 1 < end && p[i + 1] == quote {
                    out.append(quote)
                    i += 2
                    continue
                }
                inQuotes = false
                i += 1
                continue
            }
            out.append(c)
            i += 1
        }
        return out
    }
}
