// Numbers written for people rather than machines: a currency sign ("$1,234.50", "12 €"), a percent
// sign ("45%"), thousands separators, or the European decimal comma ("1.234,56", in a file whose
// fields are not separated by commas). A column whose every value is such a number, with at least one
// such decoration, is read as a float column instead of categories a model cannot order; the numbers
// keep their written value (45% → 45, $1,234.50 → 1234.5).
// Leaves out: ambiguous columns (`1.234` alone stays as read), dates, and units other than % and currency.

enum FormattedNumbers {
    /// How the digits are written: which mark comes before the decimals and which groups thousands.
    enum Style {
        /// `1,234.5`
        case decimalPoint
        /// `1.234,5`
        case decimalComma

        var decimal: Character { self == .decimalPoint ? "." : "," }
        var group: Character { self == .decimalPoint ? "," : "." }
    }

    private static let currencies: Set<Character> = ["$", "€", "£", "¥", "₹", "₩", "₽", "₺", "₪", "₫"]

    /// The value of `text` in `style` ("-$1,234.5" → -1234.5), and whether it carried a decoration
    /// (a sign of currency or percent, a group or a decimal comma); nil when it is not such a number.
    static func number(_ text: Substring, _ style: Style) -> (value: Double, decorated: Bool)? {
        var s = text.drop { $0 == " " }
        while s.last == " " { s = s.dropLast() }
        var negative = false, decorated = false
        func takeSign() {
            if let c = s.first, c == "-" || c == "+" || c == "−" {
                negative = c != "+"
                s = s.dropFirst()
            }
        }
        takeSign()
        if let c = s.first, currencies.contains(c) {
            decorated = true
            s = s.dropFirst().drop { $0 == " " }
            if !negative { takeSign() }
        }
        if let c = s.last, currencies.contains(c) || c == "%" {
            decorated = true
            s = s.dropLast()
            while s.last == " " { s = s.dropLast() }
        }
        let parts = s.split(separator: style.decimal, omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = parts.first, !whole.isEmpty else { return nil }
        let groups = whole.split(separator: style.group, omittingEmptySubsequences: false)
        guard groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isDigitASCII) }),
            groups.count == 1 || (groups[0].count <= 3 && groups.dropFirst().allSatisfy { $0.count == 3 })
        else { return nil }
        if groups.count > 1 { decorated = true }
        var digits = (negative ? "-" : "") + groups.joined()
        if parts.count == 2 {
            guard !parts[1].isEmpty, parts[1].allSatisfy(\.isDigitASCII) else { return nil }
            digits += "." + parts[1]
            if style == .decimalComma { decorated = true }
        }
        return Double(digits).map { ($0, decorated) }
    }

    /// `column` as floats when every value (missing ones aside) is a number in `style` and at least one
    /// is decorated; else nil.
    static func numbers(_ column: Column, _ style: Style) -> Column? {
        var decorated = false
        func value(_ text: String) -> Double? {
            guard let n = number(Substring(text), style) else { return nil }
            decorated = decorated || n.decorated
            return n.value
        }
        let values: [Double]
        switch column.data {
        case .categorical(let codes, let levels):
            var byLevel: [Double] = []
            byLevel.reserveCapacity(levels.count)
            for level in levels {
                guard let v = value(level) else { return nil }
                byLevel.append(v)
            }
            values = codes.map { $0 < 0 ? .nan : byLevel[Int($0)] }
        case .text(let cells):
            var out: [Double] = []
            out.reserveCapacity(cells.count)
            for cell in cells {
                guard let cell else {
                    out.append(.nan)
                    continue
                }
                guard let v = value(cell) else { return nil }
                out.append(v)
            }
            values = out
        case .numeric: return nil
        }
        return decorated ? Column(name: column.name, numbers: values) : nil
    }

    /// `column` as floats in the styles a file with `delimiter` may use: a file separated by commas
    /// writes `1,234.5`; any other may write `1.234,5` or `1,234.5` (tried in that order).
    static func numbers(_ column: Column, delimiter: UInt8) -> Column? {
        if delimiter == UInt8(ascii: ",") { return numbers(column, .decimalPoint) }
        return numbers(column, .decimalComma) ?? numbers(column, .decimalPoint)
    }
}

extension Column {
    /// The first non-missing value as written, for a message.
    var firstValueText: String {
        (0..<count).lazy.compactMap { self.string(at: $0) }.first ?? ""
    }
}

extension Character {
    fileprivate var isDigitASCII: Bool { isASCII && isNumber }
}
