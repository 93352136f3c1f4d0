// Server-Sent Events framing: bytes in, `data` payloads out, per the WHATWG rules and then some.
// Lines end in LF, CRLF or CR (a CR at the end of one chunk and an LF at the start of the next
// are one line end); comment lines (": keep-alive") are skipped; multi-line data is joined with
// LF; a line that starts with "{" is taken as data (servers that forget "data:"). Lines are
// decoded only once complete, so a UTF-8 character split across chunks arrives whole.
// Leaves out: `id` and `retry` fields (no reconnection here).

/// One event: its type (`event:` field, nil for the default "message") and its data.
struct SSEEvent: Sendable, Equatable {
    var event: String?
    var data: String
}

/// Incremental SSE parser. Feed it chunks as they arrive; call `finish()` at the end of the stream.
struct SSEParser: Sendable {
    private var pending: [UInt8] = []
    private var skipLeadingLF = false
    private var dataLines: [String] = []
    private var eventName: String?

    /// The events completed by `bytes`.
    /// - Complexity: O(bytes.count) amortised.
    mutating func feed(_ bytes: [UInt8]) -> [SSEEvent] {
        var events: [SSEEvent] = []
        var bytes = bytes[...]
        if skipLeadingLF, let first = bytes.first {
            if first == 0x0A { bytes = bytes.dropFirst() }
            skipLeadingLF = false
        }
        var lineStart = bytes.startIndex
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x0D {
                pending.append(contentsOf: bytes[lineStart..<index])
                line(String(decoding: pending, as: UTF8.self), into: &events)
                pending.removeAll(keepingCapacity: true)
                if byte == 0x0D {
                    if index + 1 < bytes.endIndex {
                        if bytes[index + 1] == 0x0A { index += 1 }
                    } else {
                        skipLeadingLF = true
                    }
                }
                lineStart = index + 1
            }
            index += 1
        }
        pending.append(contentsOf: bytes[lineStart..<bytes.endIndex])
        return events
    }

    /// Events left when the stream ends without a final blank line.
    mutating func finish() -> [SSEEvent] {
        var events: [SSEEvent] = []
        if !pending.isEmpty {
            line(String(decoding: pending, as: UTF8.self), into: &events)
            pending.removeAll()
        }
        line("", into: &events)
        return events
    }

    private mutating func line(_ line: String, into events: inout [SSEEvent]) {
        if line.isEmpty {
            if !dataLines.isEmpty { events.append(SSEEvent(event: eventName, data: dataLines.joined(separator: "\n"))) }
            dataLines.removeAll()
            eventName = nil
            return
        }
        if line.hasPrefix(":") { return }  // comment / keep-alive
        if line.hasPrefix("{") {
            dataLines.append(line)
            return
        }
        let field: Substring
        var value: Substring
        if let colon = line.firstIndex(of: ":") {
            field = line[..<colon]
            value = line[line.index(after: colon)...]
            if value.hasPrefix(" ") { value = value.dropFirst() }
        } else {
            field = line[...]
            value = ""
        }
        switch field {
        case "data": dataLines.append(String(value))
        case "event": eventName = String(value)
        default: break
        }
    }
}
