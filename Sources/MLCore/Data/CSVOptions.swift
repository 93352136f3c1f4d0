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

    public init(delimiter: UInt8? = nil, missingTokens: [String]? = nil, threads: Int? = nil) {
        self.delimiter = delimiter
        if let missingTokens { self.missingTokens = missingTokens }
        self.threads = threads
    }

    public static let `default` = CSVOptions()
}

/// The missing tokens compiled for byte comparison.
struct MissingTokens: Sendable {
    let tokens: [[UInt8]]
    let maxLength: Int

    init(_ strings: [String]) {
        tokens = strings.map { Array($0.utf8) }.filter { !$0.isEmpty }
        maxLength = tokens.map(\.count).max() ?? 0
    }

    /// Whether bytes `p[start..<end]` (spaces trimmed) are empty or a missing token.
    @inline(__always)
    func matches(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var s = start, e = end
        while s < e && p[s] == 32 { s += 1 }
        while e > s && p[e - 1] == 32 { e -= 1 }
        let n = e - s
        if n == 0 { return true }
        if n > maxLength { return false }
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
