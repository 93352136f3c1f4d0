// Run ids of the recording mapped to the ids replay's fresh store gave the same runs. Learned by
// walking a recorded result and its replayed twin in parallel (a run id at the same place in both);
// applied to the recorded calls' arguments before they run and to recorded texts before comparing, so
// "compare r0003 with r0001" asks about the runs this replay trained. Leaves out: other id kinds
// (dataset ids come from file names and do not change).

import Synchronization

/// Recorded run id → replayed run id.
public final class RunIDMap: Sendable {
    private let map = Mutex<[String: String]>([:])

    public init() {}

    /// The mapping so far.
    public var pairs: [String: String] { map.withLock { $0 } }

    /// Learns the pairs found at the same places of the two results.
    public func learn(recorded: JSONValue, replayed: JSONValue) {
        var found: [(String, String)] = []
        Self.walk(recorded, replayed, &found)
        guard !found.isEmpty else { return }
        map.withLock { m in for (a, b) in found where m[a] == nil { m[a] = b } }
    }

    /// `text` with every known recorded run id replaced by its replayed id.
    public func apply(_ text: String) -> String {
        let m = pairs
        guard !m.isEmpty, text.contains("r") else { return text }
        return text.replacing(/\br\d{4,}\b/) { match in m[String(match.output)] ?? String(match.output) }
    }

    static func isRunID(_ s: String) -> Bool { s.wholeMatch(of: /r\d{4,}/) != nil }

    private static func walk(_ a: JSONValue, _ b: JSONValue, _ found: inout [(String, String)]) {
        switch (a, b) {
        case (.string(let x), .string(let y)):
            if x != y, isRunID(x), isRunID(y) { found.append((x, y)) }
        case (.object(let x), .object(let y)):
            for (k, u) in x { if let v = y[k] { walk(u, v, &found) } }
        case (.array(let x), .array(let y)):
            for (u, v) in zip(x, y) { walk(u, v, &found) }
        default: break
        }
    }
}
