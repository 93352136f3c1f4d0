// The CSV reader's dialect handling and type inference on small inputs.
import Foundation
import Testing

@testable import MLCore

@Suite struct CSVReaderTests {
    @Test func quotedFieldsCommasDoubledQuotesNewlines() throws {
        let d = try CSVReader.read(text: "a,b\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\",z\n")
        #expect(d.rowCount == 2)
        #expect(try d.column(named: "a").string(at: 0) == "x, y")
        #expect(try d.column(named: "b").string(at: 0) == "say \"hi\"")
        #expect(try d.column(named: "a").string(at: 1) == "two\nlines")
    }

    @Test func bomCrlfAndNoFinalNewline() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("id,v\r\n1,2.5\r\n2,3.5".utf8)
        let d = try CSVReader.read(bytes: bytes)
        #expect(d.columnNames == ["id", "v"])
        #expect(try d.column(named: "v").numbers == [2.5, 3.5])
        #expect(try d.column(named: "id").kind == .integer)
    }

    @Test(arguments: [(";", UInt8(59)), ("\t", UInt8(9)), ("|", UInt8(124)), (",", UInt8(44))])
    func sniffsTheDelimiter(delimiter: String, byte: UInt8) throws {
        let text =
            ["a", "b", "c"].joined(separator: delimiter) + "\n" + ["1", "x, y", "3"].joined(separator: delimiter) + "\n"
        let quoted = delimiter == "," ? "a,b,c\n1,\"x, y\",3\n" : text
        let d = try CSVReader.read(text: quoted)
        #expect(d.columnNames == ["a", "b", "c"])
        #expect(try d.column(named: "b").string(at: 0) == "x, y")
    }

    @Test func missingTokensAndTypeInference() throws {
        let d = try CSVReader.read(
            text: """
                i,f,b,c,d,t
                1,1.5,true,red,2024-01-05,the quick brown fox jumps
                NA,,false,blue,2024-02-29T10:30:00Z,over the lazy dog again
                3,1e3,TRUE,?,2024-03-01 12:00,a third long sentence here
                """)
        #expect(d.columns.map(\.kind) == [.integer, .float, .boolean, .categorical, .datetime, .text])
        let i = try d.column(named: "i").numbers ?? []
        #expect(i[1].isNaN && i[0] == 1 && i[2] == 3)
        #expect(try d.column(named: "f").numbers?[2] == 1000)
        #expect(try d.column(named: "b").numbers == [1, 0, 1])
        #expect(try d.column(named: "c").missingCount == 1)
        let dates = try d.column(named: "d")
        #expect(dates.string(at: 0) == "2024-01-05")
        #expect(dates.string(at: 1) == "2024-02-29T10:30:00")
    }

    @Test func dayFirstDatesWhenADayExceedsTwelve() throws {
        let d = try CSVReader.read(text: "when\n03/04/2020\n25/12/2020\n")
        let c = try d.column(named: "when")
        #expect(c.kind == .datetime)
        #expect(c.string(at: 0) == "2020-04-03")
        #expect(c.string(at: 1) == "2020-12-25")
    }

    @Test func numbersParseExactlyLikeStrtod() throws {
        let literals = [
            "0", "-0.0", "3.14159", "1e-300", "123456789012345678901234", "0.1", "2.2250738585072014e-308",
            "9007199254740993", "-7.5E+10", "12345678", "1234567890123456", "1234567890123456789",
            "12345678901234567890",
            "0.12345678", "00000000001", "-98765432.12345678", "1.5e-7", "3e22", "3e23", "4.9e-324", ".5", "5.", "+42",
            "1.7976931348623157e308", "0.000001234",
            "517.0", "1.2300", "100.000", "0.10", "-2.50", "7.0e2", "123456789012345.000", "0.0000001000",
            "9007199254740992.0",
        ]
        for s in literals {
            let parsed = try #require(NumberParsing.parse(s))
            #expect(parsed.value == strtod(s, nil), "\(s)")
        }
        for bad in ["1.2.3", "e5", "1e", "-", "12a", "0x10", "inf", "1,5"] {
            #expect(NumberParsing.parse(bad) == nil, "\(bad)")
        }
        var g = SeededGenerator(seed: 3)
        for _ in 0..<20_000 {
            let x = (g.nextUnit() - 0.5) * pow(10, Double(g.nextInt(below: 40) - 20))
            for s in [String(x), String(format: "%.6f", x), String(format: "%.3e", x)] {
                #expect(NumberParsing.parse(s)?.value == strtod(s, nil), "\(s)")
            }
        }
    }

    /// `parsePlain` (two 8-byte words per cell) against its naive twin `parse` and strtod: the same value and
    /// integer flag, or nil (the cell then goes to `parse`), for plain cells of every length and for cells
    /// it must refuse (spaces, exponents, signs, 8+ integer digits), followed by a delimiter and padding.
    @Test func plainCellsParseLikeTheGeneralParser() throws {
        var cells = [
            "0", "-0", "-0.000", "5.", ".5", "-.5", "1234567", "12345678", "-1234567.12345678", "0.00000001",
            "99999999", "1.23456789", "7.0", "+1", " 1", "1 ", "1e5", "-", ".", "-.", "1.2.3", "12a", "00000007",
        ]
        var g = SeededGenerator(seed: 4)
        for _ in 0..<20_000 {
            let x = (g.nextUnit() - 0.5) * pow(10, Double(g.nextInt(below: 12) - 4))
            cells += [String(format: "%.\(g.nextInt(below: 9))f", x), String(Int(x))]
        }
        for cell in cells {
            let bytes = Array((cell + ",9" + String(repeating: " ", count: 20)).utf8)
            try bytes.withUnsafeBufferPointer { b in
                try NumberParsing.powersOfTen.withUnsafeBufferPointer { pw in
                    let base = try #require(b.baseAddress), powers = try #require(pw.baseAddress)
                    let end = cell.utf8.count
                    guard let plain = NumberParsing.parsePlain(base, 0, end, limit: b.count, powers: powers) else {
                        return
                    }
                    let general = try #require(NumberParsing.parse(base, 0, end, powers: powers), "\(cell)")
                    #expect(plain.value.bitPattern == general.value.bitPattern, "\(cell)")
                    #expect(plain.isInteger == general.isInteger, "\(cell)")
                    #expect(plain.value == strtod(cell, nil), "\(cell)")
                }
            }
        }
        // The shapes it must take: plain cells are read by it, not passed on.
        for cell in ["-123.456789", "42", "0.5", "-7", "1234567.12345678"] {
            let bytes = Array((cell + String(repeating: ",", count: 20)).utf8)
            let parsed = bytes.withUnsafeBufferPointer { b in
                NumberParsing.powersOfTen.withUnsafeBufferPointer { pw in
                    NumberParsing.parsePlain(
                        b.baseAddress!, 0, cell.utf8.count, limit: b.count, powers: pw.baseAddress!)
                }
            }
            #expect(parsed?.value == strtod(cell, nil), "\(cell)")
        }
    }

    @Test func parallelAndSequentialReadsAgree() throws {
        // Quotes spanning lines near every chunk cut, 1.5 MB so the reader splits it.
        var text = "id,note,x\n"
        var g = SeededGenerator(seed: 9)
        for i in 0..<30_000 {
            let note = g.nextInt(below: 5) == 0 ? "\"multi\nline, \"\"quoted\"\"\nnote \(i)\"" : "plain note \(i % 7)"
            text += "\(i),\(note),\(g.nextUnit())\n"
        }
        let one = try CSVReader.read(text: text, options: CSVOptions(threads: 1))
        let many = try CSVReader.read(text: text, options: CSVOptions(threads: 4))
        #expect(one.rowCount == 30_000)
        #expect(one == many)
    }

    @Test func quotesThatStartLateDoNotBreakTheCuts() throws {
        // No quote in the first 64 KiB, so the planner cuts without counting quotes; later rows hold quoted
        // fields spanning lines, and whatever cut lands inside one, the parallel read equals the sequential one.
        var text = "id,note,x\n"
        var g = SeededGenerator(seed: 11)
        for i in 0..<40_000 {
            let late = i > 4_000 && g.nextInt(below: 3) == 0
            let note = late ? "\"line one,\nline two \(i)\nline three\"" : "plain \(i % 5)"
            text += "\(i),\(note),\(g.nextUnit())\n"
        }
        let one = try CSVReader.read(text: text, options: CSVOptions(threads: 1))
        for threads in [2, 3, 7] {
            let many = try CSVReader.read(text: text, options: CSVOptions(threads: threads))
            #expect(one.rowCount == 40_000)
            #expect(one == many, "threads \(threads)")
        }
    }

    @Test func fingerprintsAreStableAndContentBased() throws {
        let a = try CSVReader.read(text: "a,b\n1,x\n2,y\n")
        let b = try CSVReader.read(text: "a,b\r\n1,\"x\"\r\n2,y\r\n")
        let c = try CSVReader.read(text: "a,b\n1,x\n3,y\n")
        #expect(a.fingerprint == b.fingerprint)
        #expect(a.fingerprint != c.fingerprint)
        #expect(a.fileFingerprint != b.fileFingerprint)
        #expect(Fingerprint.hash(Array("hello".utf8)).hex.count == 16)
        #expect(Fingerprint.hash(Array("hello".utf8)) == Fingerprint.hash(Array("hello".utf8)))
    }
}
