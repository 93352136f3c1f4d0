// A dataset's columns as one binary file (BinaryFile.swift): a JSON header (row count, each column's
// name, kind, storage and categorical levels) and then each column's values: Doubles for numeric
// columns, Int32 codes for categoricals, and for text one Int32 byte length per row (-1: missing)
// followed by the rows' UTF-8 bytes. Reading back gives an equal Dataset.
// Leaves out: the file's provenance (source, fingerprint, reading notes), which the caller keeps.

import Foundation
import MLCore

enum DatasetArchive {
    private struct Header: Codable {
        struct ColumnHeader: Codable {
            var name: String
            var kind: ColumnKind
            /// "numeric", "categorical" or "text".
            var storage: String
            var levels: [String]?
            /// Text only: the UTF-8 bytes of all rows together.
            var textBytes: Int?
        }
        var rows: Int
        var columns: [ColumnHeader]
    }

    private static let magic = Data("MLEXP-DATASET 1\n".utf8)

    /// Writes `dataset` to `url` (atomically: a failure leaves no partial file).
    static func write(_ dataset: Dataset, to url: URL) throws {
        var columns: [Header.ColumnHeader] = []
        var texts: [(lengths: [Int32], bytes: [UInt8])] = []
        for column in dataset.columns {
            var h = Header.ColumnHeader(name: column.name, kind: column.kind, storage: "numeric")
            switch column.data {
            case .numeric: break
            case .categorical(_, let levels):
                h.storage = "categorical"
                h.levels = levels
            case .text(let rows):
                h.storage = "text"
                var lengths: [Int32] = [], bytes: [UInt8] = []
                lengths.reserveCapacity(rows.count)
                for row in rows {
                    guard let row else {
                        lengths.append(-1)
                        continue
                    }
                    let utf8 = Array(row.utf8)
                    guard utf8.count <= Int32.max else { throw CocoaError(.fileWriteUnknown) }
                    lengths.append(Int32(utf8.count))
                    bytes.append(contentsOf: utf8)
                }
                h.textBytes = bytes.count
                texts.append((lengths, bytes))
            }
            columns.append(h)
        }
        let file = try BinaryFileWriter(
            url: url, magic: magic, header: Header(rows: dataset.rowCount, columns: columns))
        var nextText = 0
        for column in dataset.columns {
            switch column.data {
            case .numeric(let v): try file.write(v)
            case .categorical(let codes, _): try file.write(codes)
            case .text:
                try file.write(texts[nextText].lengths)
                try file.write(texts[nextText].bytes)
                nextText += 1
            }
        }
        try file.finish()
    }

    /// Reads what `write` wrote; nil for a missing, truncated or foreign file.
    static func read(from url: URL) -> Dataset? {
        guard var file = BinaryFileReader<Header>(url: url, magic: magic) else { return nil }
        let header = file.header
        var columns: [Column] = []
        for h in header.columns {
            let data: ColumnData
            switch h.storage {
            case "numeric":
                guard let v = file.read(header.rows, as: Double.self) else { return nil }
                data = .numeric(v)
            case "categorical":
                guard let codes = file.read(header.rows, as: Int32.self), let levels = h.levels,
                    codes.allSatisfy({ $0 >= -1 && Int($0) < levels.count })
                else { return nil }
                data = .categorical(codes: codes, levels: levels)
            case "text":
                guard let lengths = file.read(header.rows, as: Int32.self),
                    let bytes = file.read(h.textBytes ?? -1, as: UInt8.self)
                else { return nil }
                var rows: [String?] = []
                rows.reserveCapacity(header.rows)
                var at = 0
                for length in lengths {
                    guard length >= 0 else {
                        rows.append(nil)
                        continue
                    }
                    guard at + Int(length) <= bytes.count else { return nil }
                    rows.append(String(decoding: bytes[at..<(at + Int(length))], as: UTF8.self))
                    at += Int(length)
                }
                guard at == bytes.count else { return nil }
                data = .text(rows)
            default: return nil
            }
            columns.append(Column(name: h.name, kind: h.kind, data: data))
        }
        guard file.isAtEnd else { return nil }
        return try? Dataset(columns: columns)
    }
}
