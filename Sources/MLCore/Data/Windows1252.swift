// A CSV saved by Excel or an older system in Windows-1252 (Latin-1 with curly quotes, €, …) instead of
// UTF-8: its bytes transcoded to UTF-8 so the file reads as its author wrote it. Every byte maps to a
// character (the five undefined ones to U+FFFD), so the result is always valid UTF-8.
// Only bytes that look like such text are read so: accented letters sit next to plain letters or
// digits ("Zürich", "créée", "12€"), while stray bytes of a broken or binary file ("1,\xFF\xFE") do
// not, and those stay an error that says to re-save the file as UTF-8.
// Leaves out: other legacy encodings (UTF-16 is refused with a message; the rest are rare in CSVs).

enum Windows1252 {
    /// Unicode scalars of bytes 0x80–0x9F (0xA0–0xFF are Latin-1's, the same code points).
    private static let high: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152,
        0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122,
        0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]

    /// Whether `bytes` read as Windows-1252 look like text: no NUL byte, no byte Windows-1252 leaves
    /// undefined, and at least half of the bytes above 0x7F next to an ASCII letter or digit.
    static func looksLikeText(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        func isLetter(_ i: Int) -> Bool {
            guard bytes.indices.contains(i) else { return false }
            let b = bytes[i]
            return (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || (b >= 0x30 && b <= 0x39)
        }
        var nonASCII = 0, besideLetter = 0
        for (i, b) in bytes.enumerated() {
            if b == 0 { return false }
            guard b >= 0x80 else { continue }
            if b < 0xA0 && Self.high[Int(b - 0x80)] == 0xFFFD { return false }
            nonASCII += 1
            if isLetter(i - 1) || isLetter(i + 1) { besideLetter += 1 }
        }
        return nonASCII > 0 && besideLetter * 2 >= nonASCII
    }

    /// The UTF-8 bytes of `bytes` read as Windows-1252.
    static func utf8(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        for b in bytes {
            if b < 0x80 {
                out.append(b)
                continue
            }
            let scalar = b < 0xA0 ? high[Int(b - 0x80)] : UInt32(b)
            if scalar < 0x800 {
                out.append(UInt8(0xC0 | scalar >> 6))
                out.append(UInt8(0x80 | scalar & 0x3F))
            } else {
                out.append(UInt8(0xE0 | scalar >> 12))
                out.append(UInt8(0x80 | (scalar >> 6) & 0x3F))
                out.append(UInt8(0x80 | scalar & 0x3F))
            }
        }
        return out
    }
}
