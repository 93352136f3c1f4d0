// How a command prints a result as JSON for scripts (`--json`): pretty, keys sorted, slashes kept,
// non-finite numbers as "inf" / "-inf" / "nan" strings. One place, so every command's JSON looks alike.

import Foundation

enum JSONOutput {
    /// Prints `value` as JSON on standard output.
    static func print<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        Swift.print(String(decoding: try encoder.encode(value), as: UTF8.self))
    }
}
