// How the CSV reader reads a file: delimiter (sniffed when not given), missing-value tokens,
// and how much parallelism it may use. Leaves out: the parsing itself (CSVReader, CSVTokenizer).

/// Options of `CSVReader`.
public struct CSVOptions: Sendable, Equatable {
    /// The field separator; nil sniffs it from the first lines among `,` tab `;` `|`.
    public var delimiter: UInt8?
    /// Cell values read as missing (compared after trimming spaces); the empty cell is always missing.
    public var missingTokens: [String] = ["NA", "N/A", "n/a", "NaN", "nan", "NAN", "null", "NULL", "Null", "?", "#N/A"]
    /// How many threads may tokenise and convert (1 reads sequentially); nil uses every core, at most 8.
    public var threads: Int?
    /// Refuse a file that is not valid UTF-8 instead of reading it as Windows-1252 (Latin-1).
    public var strictUTF8 = false

    public init(delimiter: UInt8? = nil, missingTokens: [String]? = nil, threads: Int? = nil) {
        self.delimiter = delimiter
        if let missingTokens { self.missingTokens = missingTokens }
        self.threads = threads
    }

    public static let `default` = CSVOptions()
}

/// The missing tokens compiled for byte comparison: tokens of up to 8 bytes as little-endian words
/// (one compare each), longer ones byte by byte.
struct MissingTokens: Sendable {
    let tokens: [[UInt8]]
    let maxLength: Int
    /// Bit n is set when some token is n bytes long (n ≤ 63).
    let lengths: UInt64
    let words: [(length: Int, word: UInt64)]

    init(_ strings: [String]) {
        tokens = strings.map { Array($0.utf8) }.filter { !$0.isEmpty }
        maxLength = tokens.map(\.count).max() ?? 0
        lengths = tokens.reduce(0) { $0 | ($1.count < 64 ? 1 << UInt64($1.count) : 0) }
        words = tokens.filter { $0.count <= 8 }.map { t in
            (t.count, t.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) })
        }
    }

    /// Whether bytes `p[start..<end]` (spaces trimmed) are empty or a missing token.
    @inline(__always)
    func matches(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var s = start, e = end
        while s < e && p[s] == 32 { s += 1 }
        while e > s && p[e - 1] == 32 { e -= 1 }
        let n = e - s
        if n == 0 { return true }
        if n > maxLength || (n < 64 && lengths & (1 << UInt64(n)) == 0) { return false }
        if n <= 8 {
            var w: UInt64 = 0
            for k in 0..<n { w |= UInt64(p[s + k]) << (8 * UInt64(k)) }
            for t in words where t.length == n && t.word == w { return true }
            return false
        }
        for t in tokens where t.count == n {
            var equal = true
            for k in 0..<n where t[k] != p[s + k] {
                equal = false
                break
            }
            if equal { return true }
        }
        return false
    }
}
