// Shared by the tests of the message tables: each message renders in every language, non-empty, and
// differs across languages unless its English is listed as the same word in all of them.
public import Languages
public import Testing

/// Expects every message to be said, and translated, in every language.
public func expectTranslated(
    _ messages: [any Message], alike: Set<String> = [], sourceLocation: SourceLocation = #_sourceLocation
) {
    for m in messages {
        let texts = Language.allCases.map { m.text($0) }
        #expect(texts.allSatisfy { !$0.isEmpty }, "\(m) is empty in a language", sourceLocation: sourceLocation)
        if !alike.contains(m.english) {
            #expect(Set(texts).count == texts.count, "\(m) is not translated", sourceLocation: sourceLocation)
        }
    }
}
