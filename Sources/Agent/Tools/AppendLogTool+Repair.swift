// The repair of an entry refused for numbers no tool result holds: the sentences stating them are left
// out, the rest is written as given. A small model sent back its refused entry unchanged again and again
// (titanic, Qwen2.5-Coder-1.5B at 16,384 tokens: five times, then the session stopped); the loop uses
// this repair only then, so a model that can correct its entry still does so itself, and the log still
// holds no number that is not a recorded one. A field left with nothing is
// written by the tool where it can (title, hypothesis, approach), else says that it was left out.
// Leaves out: when a repair is tried (AgentLoop), the check itself (AppendLogTool.requireBackedNumbers).

import Foundation
import Languages

extension AppendLogTool {
    public func repaired(_ arguments: JSONValue, in context: ToolContext) -> (arguments: JSONValue, note: String)? {
        guard case .object(var fields) = arguments else { return nil }
        let pool = Self.backedNumbers(context)
        let language = context.session.language
        var leftOut: [String] = []
        for field in Self.checkedFields {
            guard let text = fields[field]?.stringValue else { continue }
            let sentences = Self.sentences(text)
            let kept = sentences.filter { sentence in
                let unbacked = NumberClaims.claims(in: sentence).filter { !NumberClaims.backed($0, pool: pool) }
                leftOut += unbacked.map(\.text)
                return unbacked.isEmpty
            }
            guard kept.count < sentences.count else { continue }
            if !kept.isEmpty {
                fields[field] = .string(kept.joined(separator: " "))
            } else if Self.filledByTheTool.contains(field) {
                fields[field] = nil
            } else {
                fields[field] = .string(ToolMessage.leftOutField.text(language))
            }
        }
        guard !leftOut.isEmpty else { return nil }
        let numbers = leftOut.joined(separator: ", ")
        let note = ToolMessage.entryRepaired(numbers: numbers).text(language)
        return (.object(fields), note)
    }

    /// `text` cut after each sentence's end (a full stop, ! ? or ; followed by a space: not a decimal point).
    static func sentences(_ text: String) -> [String] {
        var sentences: [String] = []
        var current = ""
        var previous: Character = " "
        for c in text {
            if c.isWhitespace, ".!?;…".contains(previous) {
                if !current.isEmpty { sentences.append(current) }
                current = ""
            } else if !(c.isWhitespace && current.isEmpty) {
                current.append(c)
            }
            previous = c
        }
        if !current.isEmpty { sentences.append(current) }
        return sentences
    }

    /// Fields the tool writes itself when they are missing (the runs' families, hypothesis, ids).
    static let filledByTheTool: Set<String> = ["title", "hypothesis", "approach"]
}
