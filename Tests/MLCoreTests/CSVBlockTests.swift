// The block-by-block, chunk-parallel CSV reader gives the same columns as the rules applied to the
// whole column at once: a column that turns out to be text late (in a later row block, or only in a
// later chunk) is encoded from all its rows; missing tokens and the level table match references.
import Foundation
import Testing

@testable import MLCore

@Suite struct CSVBlockTests {
    /// Rows of `id,late,early,x`: `late` is numeric until row `textRow`, `early` is text only in row 0.
    func text(rows: Int, textRow: Int) -> (csv: String, late: [String?], early: [String?]) {
        var csv = "id,late,early,x\n"
        var late: [String?] = [], early: [String?] = []
        var g = SeededGenerator(seed: 11)
        for i in 0..<rows {
            let l = i == textRow ? "n/a-ish" : (i % 13 == 0 ? "" : String(g.nextInt(below: 50)))
            let e = i == 0 ? "word" : String(i % 7)
            late.append(l.isEmpty ? nil : l)
            early.append(e)
            csv += "\(i),\(l),\(e),\(Double(i) / 8)\n"
        }
        return (csv, late, early)
    }

    @Test func aColumnThatTurnsToTextInALaterBlockKeepsEveryRow() throws {
        // 3 columns → 2,048 rows per block; the text cell is in the third block.
        let t = text(rows: 7_000, textRow: 5_000)
        let d = try CSVReader.read(text: t.csv, options: CSVOptions(threads: 1))
        #expect(try d.column(named: "late") == Column(name: "late", categories: t.late))
        #expect(try d.column(named: "early") == Column(name: "early", categories: t.early))
        #expect(try d.column(named: "id").kind == .integer)
        #expect(try d.column(named: "x").numbers == (0..<7_000).map { Double($0) / 8 })
    }

    @Test func textFoundInOneChunkOnlyIsEncodedAcrossAllChunks() throws {
        // ~1.6 MB so the reader cuts it into chunks; `late` turns to text near the end (last chunk),
        // `early` in row 0 (first chunk).
        let t = text(rows: 90_000, textRow: 89_000)
        let one = try CSVReader.read(text: t.csv, options: CSVOptions(threads: 1))
        let many = try CSVReader.read(text: t.csv, options: CSVOptions(threads: 3))
        #expect(one == many)
        #expect(try many.column(named: "late") == Column(name: "late", categories: t.late))
        #expect(try many.column(named: "early") == Column(name: "early", categories: t.early))
        #expect(try many.column(named: "x").kind == .float)
    }

    @Test func invalidUTF8InALaterBlockNamesItsLine() throws {
        var bytes = Array("a,b\n".utf8)
        for i in 0..<6_000 { bytes += Array("\(i),v\(i % 5)\n".utf8) }
        bytes += Array("6000,".utf8) + [0xC3, 0x28] + Array("\n".utf8)
        #expect(
            TestData.errorReading(bytes)?.message.hasPrefix(
                "'bad.csv', line 6002, column 'b': the bytes are not valid UTF-8.") == true)
    }

    @Test func missingTokensMatchByWordAndByBytes() throws {
        let long = "not available at all"
        let options = CSVOptions(missingTokens: ["NA", "#N/A", "-", long])
        let d = try CSVReader.read(
            text: "a,b\n1, NA \n2,#N/A\n3,-\n4,\(long)\n5,NB\n6,not available at alm\n7,NAN\n", options: options)
        let b = try d.column(named: "b")
        #expect(b.missingCount == 4)
        #expect((0..<7).map { b.string(at: $0) } == [nil, nil, nil, nil, "NB", "not available at alm", "NAN"])
        let defaults = MissingTokens(CSVOptions.default.missingTokens)
        for (cell, expected) in [
            ("NA", true), ("nan", true), ("#N/A", true), ("?", true), ("  ", true), ("NB", false), ("??", false),
            ("null!", false),
        ] {
            let bytes = Array(cell.utf8)
            let matched = bytes.withUnsafeBufferPointer { b in
                b.baseAddress.map { defaults.matches($0, 0, b.count) } ?? true
            }
            #expect(matched == expected, "\(cell)")
        }
    }

    @Test func levelTableCodesFollowFirstSeenOrder() {
        // Strings that differ only in one byte, of every length up to 24, against a dictionary.
        var g = SeededGenerator(seed: 5)
        var table = LevelTable()
        var reference: [[UInt8]: Int32] = [:]
        for _ in 0..<20_000 {
            let length = g.nextInt(below: 25)
            var bytes = [UInt8](repeating: 97, count: length)
            if length > 0 { bytes[g.nextInt(below: length)] = UInt8(97 + g.nextInt(below: 3)) }
            let expected = reference[bytes] ?? Int32(reference.count)
            reference[bytes] = expected
            #expect(table.code(bytes) == expected)
        }
        #expect(table.count == reference.count)
        for (bytes, code) in reference { #expect(Array(table.bytes(Int(code))) == bytes) }
    }
}
