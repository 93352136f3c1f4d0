// Numbers written for people ($1,234.50, 45%, and as European spreadsheets save them: `;` between
// fields and a comma before the decimals, which pandas reads with sep=";", decimal=","; the expected
// values below are what it returns), and Windows-1252 bytes instead of UTF-8 (pandas:
// encoding="cp1252"). All read as their author meant, with a note; a file whose odd bytes do not look
// like text is still refused.
import Foundation
import Testing

@testable import MLCore

@Suite struct FormattedNumbersTests {
    @Test(arguments: [
        ("1,5", 1.5), ("-1.234,56", -1234.56), ("+12", 12), (" 0,25 ", 0.25), ("1.234.567,8", 1_234_567.8),
        ("12,5 €", 12.5), ("45%", 45),
    ])
    func aDecimalCommaNumberIsRead(text: String, value: Double) {
        #expect(FormattedNumbers.number(Substring(text), .decimalComma)?.value == value)
    }

    @Test(arguments: [
        ("$1,234.50", 1234.5), ("-$5", -5), ("$-5", -5), ("12.5%", 12.5), ("£ 3", 3), ("1,000,000", 1_000_000),
    ])
    func aDecoratedNumberIsRead(text: String, value: Double) {
        let n = FormattedNumbers.number(Substring(text), .decimalPoint)
        #expect(n?.value == value && n?.decorated == true)
    }

    @Test(arguments: ["1,2,3", "12.34,5", "1.2345,6", "abc", "1,", ",5", "", "1e3,5", "$", "%", "5%%", "1 000"])
    func anythingElseIsNotOne(text: String) {
        #expect(FormattedNumbers.number(Substring(text), .decimalComma) == nil)
    }

    @Test func commaFilesReadCurrencyAndPercentAsNumbers() throws {
        let d = try CSVReader.read(text: #"price,rate,plain,name\#n"$1,234.50",45%,7,a\#n$80,3.5%,8,b\#n,,9,$x\#n"#)
        guard case .numeric(let price) = try d.column(named: "price").data,
            case .numeric(let rate) = try d.column(named: "rate").data
        else { throw MLError(.invalidInput, "price and rate should be numbers") }
        #expect(price[0] == 1234.5 && price[1] == 80 && price[2].isNaN)
        #expect(rate[0] == 45 && rate[1] == 3.5 && rate[2].isNaN)
        #expect(try d.column(named: "name").kind == .categorical && d.readingNotes.count == 2)
        #expect(d.readingNotes[0].contains("'price'") && d.readingNotes[0].contains("$1,234.50"))
    }

    @Test func semicolonFilesReadDecimalCommasAsNumbers() throws {
        let d = try CSVReader.read(text: "price;city;code\n1.234,5;Lyon;1,5\n2,25;Köln;x\n;Paris;2\n")
        let price = try d.column(named: "price")
        #expect(price.kind == .float)
        guard case .numeric(let values) = price.data else { return }
        #expect(values[0] == 1234.5 && values[1] == 2.25 && values[2].isNaN)
        // A column with a value that is no number stays as read.
        #expect(try d.column(named: "code").kind == .categorical)
        #expect(d.readingNotes.count == 1 && d.readingNotes[0].hasPrefix("'price' holds numbers written with"))
        // With commas between fields a comma is no decimal mark ("1,5" is no number written for people).
        let commas = try CSVReader.read(text: "a,b\n\"1,5\",x\n\"2,5\",y\n")
        #expect(try commas.column(named: "a").kind == .categorical && commas.readingNotes.isEmpty)
    }

    @Test func windows1252TextIsReadWithItsAccents() throws {
        // "ville;prix\nZürich;3\nCréée – €;4\n" in Windows-1252.
        let bytes: [UInt8] =
            Array("ville;prix\nZ".utf8) + [0xFC] + Array("rich;3\nCr".utf8) + [0xE9, 0xE9] + Array("e ".utf8)
            + [0x96] + Array(" ".utf8) + [0x80] + Array(";4\n".utf8)
        let d = try CSVReader.read(bytes: bytes, name: "latin.csv")
        let ville = try d.column(named: "ville")
        #expect(ville.string(at: 0) == "Zürich" && ville.string(at: 1) == "Créée – €")
        #expect(d.readingNotes.first?.contains("read as Windows-1252") == true)
        #expect(throws: MLError.self) {
            try CSVReader.read(
                bytes: bytes, name: "latin.csv",
                options: {
                    var o = CSVOptions(); o.strictUTF8 = true; return o
                }())
        }
    }

    @Test func strayBytesThatAreNotTextAreStillRefused() {
        let bytes: [UInt8] = Array("a,b\n1,".utf8) + [0xFF, 0xFE] + Array("\n2,3\n".utf8)
        #expect(TestData.errorReading(bytes)?.message.contains("not valid UTF-8") == true)
        // A byte Windows-1252 leaves undefined (0x81) is no such text either.
        let undefined: [UInt8] = Array("a,b\n1,x".utf8) + [0x81] + Array("y\n".utf8)
        #expect(TestData.errorReading(undefined)?.message.contains("not valid UTF-8") == true)
    }
}
