// What the model reads of a tool result when its context is small: the same JSON with numbers at four
// significant digits, long lists cut to their first items (with how many were left out) and long texts
// cut. Run ids, metrics and errors survive; the full result stays in the transcript and the run store.
// Leaves out: choosing when to compact (ContextBudget).

import Foundation

enum ToolResultCompactor {
    /// How far a result is cut.
    struct Level: Equatable {
        var items: Int
        var characters: Int
        static let compact = Level(items: 8, characters: 240)
        static let tight = Level(items: 4, characters: 120)
    }

    /// `content` compacted; text that is not JSON is cut at the level's length times four.
    static func compact(_ content: String, level: Level = .compact) -> String {
        guard let value = try? JSONValue.parse(content) else {
            let limit = level.characters * 4
            return content.count > limit ? String(content.prefix(limit)) + "…" : content
        }
        return shrink(value, level: level).text
    }

    static func shrink(_ value: JSONValue, level: Level) -> JSONValue {
        switch value {
        case .number(let d):
            guard d.isFinite, d.rounded() != d else { return value }
            return .number(Double(String(format: "%.4g", d)) ?? d)
        case .string(let s):
            return s.count > level.characters ? .string(String(s.prefix(level.characters)) + "…") : value
        case .array(let a):
            var out = a.prefix(level.items).map { shrink($0, level: level) }
            if a.count > level.items { out.append(.string("… \(a.count - level.items) more")) }
            return .array(out)
        case .object(let o):
            return .object(o.mapValues { shrink($0, level: level) })
        case .bool, .null:
            return value
        }
    }
}
