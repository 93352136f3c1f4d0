import Testing

// SSE framing: every line ending, comments and keep-alives, multi-line data, events split at any
// byte (mid-JSON, mid-UTF-8, between CR and LF), and a stream that ends without a blank line.
@testable import LLMClient

@Suite struct SSEParserTests {
    /// Feeds `text`'s bytes cut into pieces of `size` and returns every data payload.
    func parse(_ text: String, pieceSize size: Int) -> [String] {
        var parser = SSEParser()
        let bytes = Array(text.utf8)
        var events: [SSEEvent] = []
        var start = 0
        while start < bytes.count {
            events += parser.feed(Array(bytes[start..<min(bytes.count, start + size)]))
            start += size
        }
        events += parser.finish()
        return events.map(\.data)
    }

    @Test(arguments: [1, 2, 3, 7, 1000])
    func lineEndingsCommentsAndKeepAlives(pieceSize: Int) {
        let text =
            ": keep-alive\r\n\r\ndata: {\"a\":1}\r\n\r\n:ping\n\ndata:{\"b\":2}\n\nevent: message\rdata: x\r\rdata: [DONE]\n\n"
        #expect(parse(text, pieceSize: pieceSize) == [#"{"a":1}"#, #"{"b":2}"#, "x", "[DONE]"])
    }

    @Test(arguments: [1, 2, 5])
    func multiByteCharactersSplitAcrossPiecesArriveWhole(pieceSize: Int) {
        let text = "data: {\"content\":\"héllo wörld — ✓ 🎉\"}\n\n"
        #expect(parse(text, pieceSize: pieceSize) == ["{\"content\":\"héllo wörld — ✓ 🎉\"}"])
    }

    @Test func multiLineDataIsJoinedWithNewlines() {
        #expect(parse("data: line one\ndata: line two\n\n", pieceSize: 4) == ["line one\nline two"])
    }

    @Test func aStreamEndingWithoutABlankLineStillDeliversItsLastEvent() {
        #expect(parse("data: {\"a\":1}\n\ndata: {\"b\":2}", pieceSize: 3) == [#"{"a":1}"#, #"{"b":2}"#])
    }

    @Test func aCRAtTheEndOfAPieceAndAnLFAtTheStartOfTheNextAreOneLineEnd() {
        var parser = SSEParser()
        var events = parser.feed(Array("data: a\r".utf8))
        events += parser.feed(Array("\ndata: b\r".utf8))
        events += parser.feed(Array("\n\r\n".utf8))
        #expect(events.map(\.data) == ["a\nb"])
    }

    @Test func eventNamesAreKeptAndBareJSONLinesAreData() {
        var parser = SSEParser()
        let events = parser.feed(Array("event: error\ndata: {\"error\":\"x\"}\n\n{\"raw\":true}\n\n".utf8))
        #expect(
            events == [SSEEvent(event: "error", data: #"{"error":"x"}"#), SSEEvent(event: nil, data: #"{"raw":true}"#)])
    }
}
