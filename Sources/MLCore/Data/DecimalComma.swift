// Numbers written the European way (`1.234,56`: a comma before the decimals, dots between thousands)
// in a file whose fields are not separated by commas: a column whose every value is such a number, with
// at least one decimal comma, is read as a float column instead of categories a model cannot order.
// Leaves out: comma-separated files (there a comma separates fields) and columns without any comma
// (`1.234` alone is ambiguous: it stays as read).

enum DecimalComma {
    /// The value of `text` written with a decimal comma ("-1.234,5" → -1234.5), or nil when it is not one.
    static func number(_ text: Substring) -> Double? {
        var digits = ""
        var s = text.drop { $0 == " " }
        while s.last == " " { s = s.dropLast() }
        if let sign = s.first, sign == "-" || sign == "+" {
            if sign == "-" { digits.append("-") }
            s = s.dropFirst()
        }
        let parts = s.split(separator: ",", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = parts.first, !whole.isEmpty else { return nil }
        let groups = whole.split(separator: ".", omittingEmptySubsequences: false)
        guard groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigitCharacter) }),
            groups.count == 1 || (groups[0].count <= 3 && groups.dropFirst().allSatisfy { $0.count == 3 })
        else { return nil }
        digits += groups.joined()
        if parts.count == 2 {
            guard !parts[1].isEmpty, parts[1].allSatisfy(\.isASCIIDigitCharacter) else { return nil }
            digits += "." + parts[1]
        }
        return Double(digits)
    }

    /// `column` as floats when it holds decimal-comma numbers only (missing values aside), else nil.
    static func numbers(_ column: Column) -> Column? {
        switch column.data {
        case .categorical(let codes, let levels):
            guard levels.contains(where: { $0.contains(",") }) else { return nil }
            var values: [Double] = []
            values.reserveCapacity(levels.count)
            for level in levels {
                guard let v = number(Substring(level)) else { return nil }
                values.append(v)
            }
            return Column(name: column.name, numbers: codes.map { $0 < 0 ? .nan : values[Int($0)] })
        case .text(let cells):
            guard cells.contains(where: { $0?.contains(",") == true }) else { return nil }
            var out: [Double] = []
            out.reserveCapacity(cells.count)
            for cell in cells {
                guard let cell else {
                    out.append(.nan)
                    continue
                }
                guard let v = number(Substring(cell)) else { return nil }
                out.append(v)
            }
            return Column(name: column.name, numbers: out)
        case .numeric: return nil
        }
    }
}

extension Character {
    fileprivate var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
