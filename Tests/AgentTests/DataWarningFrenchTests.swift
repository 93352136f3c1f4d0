// Every kind of profile warning has a French sentence, rendered from its facts: warnings of every kind
// are made by MLCore's profile on constructed data (a kind nothing here triggers fails the test), each
// is passed through load_data's JSON the way the Autopilot reads it, rebuilt and put into French, and the
// French must say the same facts as the English message and hold no English word of it.

import Foundation
import MLCore
import Testing

@testable import Agent

@Suite struct DataWarningFrenchTests {
    /// Warnings of every kind, each with the load_data result of its dataset (what the Autopilot sees).
    static func warnings() throws -> [(warning: DataWarning, result: JSONValue)] {
        var g = SeededGenerator(seed: 5)
        let n = 400
        let y = (0..<n).map { _ in g.nextInt(below: 2) }
        let noise = (0..<n).map { _ in g.nextGaussian() }
        let wide = try Dataset(columns: [
            Column(name: "customer_id", numbers: (0..<n).map { Double($0 + 1000) }, kind: .integer),
            Column(name: "constant", numbers: Array(repeating: 1, count: n)),
            Column(name: "empty", numbers: Array(repeating: .nan, count: n)),
            Column(name: "x", numbers: noise),
            Column(name: "x_copy", numbers: noise.map { $0 * 2 + 1 }),
            Column(name: "mostly_missing", numbers: (0..<n).map { $0 % 2 == 0 ? .nan : noise[($0 * 7) % n] }),
            Column(name: "nearly_empty", numbers: (0..<n).map { $0 % 40 == 0 ? noise[$0] : .nan }),
            Column(name: "leak", categories: y.map { $0 == 1 ? "refund_issued" : "none" }),
            Column(name: "code", categories: (0..<n).map { "c\(($0 * 37) % 80)" }),
            Column(name: "lvA", categories: (0..<n).map { "a\(($0 * 3) % 7)" }),
            Column(name: "lvB", categories: (0..<n).map { "b\(($0 * 3) % 7)" }),
            Column(name: "y", numbers: y.map(Double.init), kind: .integer),
        ])
        let skewed = try Dataset(columns: [
            Column(name: "x", numbers: (0..<300).map { Double($0 % 30) }),
            Column(name: "price_again", numbers: (0..<300).map { exp(Double($0 % 30) / 5) * 1.01 }),
            Column(name: "price", numbers: (0..<300).map { exp(Double($0 % 30) / 5) }),
        ])
        let rare = try Dataset(columns: [
            Column(name: "x", numbers: (0..<200).map { Double($0 % 13) }),
            Column(name: "fraud", categories: (0..<200).map { $0 % 25 == 0 ? "yes_fraud" : "no" }),
        ])
        // A noisy post-outcome column (suspicious_predictor), an applicant repeated over three rows sharing
        // the outcome (repeated_entity), and twenty rows re-entered with one field nudged (near_duplicates).
        let m = 300
        let outcome = (0..<m).map { ($0 / 3 * 7) % 5 < 2 ? 1 : 0 }
        let entities = try Dataset(columns: [
            Column(name: "applicant_id", categories: (0..<m).map { "A\($0 / 3)" }),
            Column(
                name: "retention_call",
                categories: (0..<m).map { outcome[$0] == 1 || $0 % 10 == 0 ? "offered" : "none" }),
            Column(name: "amount", numbers: (0..<m).map { _ in g.nextGaussian() }),
            Column(name: "bad", numbers: outcome.map(Double.init), kind: .integer),
        ])
        let base = (0..<200).map { _ in (g.nextGaussian(), g.nextGaussian(), g.nextGaussian()) }
        let copies = (0..<20).map { k in (base[k * 9].0 + 1e-4, base[k * 9].1, base[k * 9].2) }
        let rowsWithCopies = base + copies
        let dupes = try Dataset(columns: [
            Column(name: "a", numbers: rowsWithCopies.map(\.0)),
            Column(name: "b", numbers: rowsWithCopies.map(\.1)),
            Column(name: "z", numbers: rowsWithCopies.map(\.2)),
        ])
        var out: [(DataWarning, JSONValue)] = []
        for (dataset, target) in [(wide, "y"), (skewed, "price"), (rare, "fraud"), (entities, "bad"), (dupes, "z")] {
            let spec = try TargetSpec(dataset: dataset, column: target)
            let split = try SealedTestSplit(dataset: dataset, target: spec, testFraction: 0.2, seed: 42)
            let profile = try DataProfile(dataset: dataset, target: target)
            let result = LoadDataTool.summary(
                LoadedDataset(id: "d", path: "d.csv", dataset: dataset, target: spec, split: split, profile: profile))
            out += profile.warnings.map { ($0, result) }
        }
        return out
    }

    /// English words of the messages that must not survive in French (quoted names left out).
    static let englishWords: Set<String> = [
        "the", "of", "is", "and", "rows", "row", "with", "model", "drop", "missing", "levels", "keep", "it", "its",
        "likely", "leakage",
        "alone", "predicts", "explains", "every", "value", "target", "class", "near-copies", "carry", "same", "repeat",
        "suspiciously", "identifies", "entities", "several", "grouped", "near-duplicates", "spread",
    ]

    static func words(_ text: String) -> [String] {
        let unquoted = text.split(separator: "'", omittingEmptySubsequences: false).enumerated().filter {
            $0.offset % 2 == 0
        }.map(\.element).joined(separator: " ")
        return unquoted.lowercased().split { !$0.isLetter && $0 != "-" }.map(String.init)
    }

    /// The numbers a message states ("42%", "1.79", "80"), without the percent sign.
    static func numbers(_ text: String) -> [String] {
        text.matches(of: /\d+(?:\.\d+)?/).map { String($0.output) }
    }

    @Test func everyKindIsMadeAndRenderedInFrenchFromItsFacts() throws {
        let all = try Self.warnings()
        #expect(Set(all.map(\.warning.kind)) == Set(DataWarning.Kind.allCases), "a kind without a French test case")
        for (w, result) in all {
            let french = w.french
            #expect(french != w.message)
            let english = Self.words(french).filter(Self.englishWords.contains)
            #expect(english.isEmpty, "English in '\(french)': \(english)")
            for column in [w.column, w.relatedColumn].compactMap({ $0 }) { #expect(french.contains("'\(column)'")) }
            #expect(Self.numbers(french) == Self.numbers(w.message), "\(w.kind): \(french) vs \(w.message)")

            // What the Autopilot does: rebuild the warning from load_data's JSON, then render it.
            let rebuilt = try #require(
                DataWarning(loadDataWarning: LoadDataTool.warningJSON(w), in: result), "\(w.kind) not rebuilt")
            #expect(rebuilt.kind == w.kind && rebuilt.column == w.column && rebuilt.relatedColumn == w.relatedColumn)
            // Every fact the sentence states reaches the Autopilot (the leakage probe's baseline, the rare class included).
            #expect(rebuilt.french == french, "\(w.kind) rebuilt from load_data's facts reads '\(rebuilt.french)'")
        }
    }

    @Test func anUnknownKindOrAMissingValueIsNotRebuilt() {
        #expect(DataWarning(loadDataWarning: ["kind": "tomorrows_kind", "column": "x"], in: [:]) == nil)
        #expect(
            DataWarning(loadDataWarning: ["kind": "heavy_missing", "column": "x", "action": "review"], in: [:]) == nil)
    }
}
