// The fast JSON reader of replay against its naive twin (JSONValue.parse, Foundation's decoder): the same
// value on tool-result-like documents, escapes, unicode, numbers and random documents; nil where the
// twin refuses (malformed, trailing garbage, leading zeros, bare control characters).

import Agent
import Foundation
import Testing

@Suite struct FastJSONTests {
    static let samples = [
        #"{"run_id":"r0001","metrics":{"roc_auc":{"mean":0.8461,"std":0.0123}},"ok":true,"none":null,"l":[1,2.5,-3e-2,1E+3]}"#,
        #"  [ "a\"b\\c\/d\n\t\r\b\f", "\u00e9\u4e2d\ud83d\ude00", "café ☕", "" ]  "#,
        #"{"nested":{"a":[{"b":[[],{}]}]},"neg":-0.0,"big":1.7976931348623157e308,"small":5e-324}"#,
        "0", "-12", "\"x\"", "true", "null", "{}", "[]",
    ]
    static let malformed = [
        "", "{", "[1,]", "{\"a\":1,}", "01", "1.", ".5", "+1", "\"a\nb\"", "[1] x", "{'a':1}", "tru", "\"\\x\"",
        "\"\\ud800\"", "NaN",
    ]

    @Test(arguments: samples) func readsWhatTheNaiveParserReads(_ text: String) throws {
        #expect(JSONValue.readFast(text) == (try JSONValue.parse(text)))
    }

    @Test(arguments: malformed) func refusesWhatIsNotJSON(_ text: String) {
        #expect(JSONValue.readFast(text) == nil)
    }

    @Test func randomDocumentsRoundTrip() throws {
        var rng = SystemRandomNumberGenerator()
        func random(_ depth: Int) -> JSONValue {
            switch Int.random(in: 0..<(depth > 3 ? 4 : 6), using: &rng) {
            case 0: return .number(Double.random(in: -1e6...1e6, using: &rng))
            case 1:
                return .string(
                    String(
                        (0..<Int.random(in: 0..<12, using: &rng)).map { _ in
                            "aé\"\\\n☕ 1".randomElement(using: &rng) ?? "a"
                        }))
            case 2: return .bool(Bool.random(using: &rng))
            case 3: return .null
            case 4: return .array((0..<Int.random(in: 0..<5, using: &rng)).map { _ in random(depth + 1) })
            default:
                var o: [String: JSONValue] = [:]
                for i in 0..<Int.random(in: 0..<5, using: &rng) { o["k\(i)"] = random(depth + 1) }
                return .object(o)
            }
        }
        for _ in 0..<200 {
            let v = random(0)
            #expect(JSONValue.readFast(v.text) == (try JSONValue.parse(v.text)))
            #expect(JSONValue.readFast(v.text) == v)
        }
    }
}
