// explain_model's effects and limits in French carry the same numbers as MLCore's English sentences:
// every limit kind and every effect shape goes through explain_model's JSON facts (ExplainFacts) and
// the Autopilot's French rendering, and the numbers of the French text equal those of the English one.
// The whole French sessions on shipped datasets are checked in AutopilotFrenchTests.

import Foundation
import MLCore
import Testing

@testable import Agent

/// The numbers a sentence quotes, in order ("0.621", "52", "-inf" is not one).
func quotedNumbers(_ s: String) -> [Double] {
    guard let re = try? NSRegularExpression(pattern: #"-?\d+(?:\.\d+)?"#) else { return [] }
    return re.matches(in: s, range: NSRange(s.startIndex..., in: s)).compactMap { m in
        Range(m.range, in: s).flatMap { Double(s[$0]) }
    }
}

@Suite struct ExplainFrenchTests {
    static let limits: [ModelLimit.Detail] = [
        .weakSegment(
            feature: "age", slice: "[-inf, 26)", rows: 254, metric: "accuracy", score: 0.77559, low: 0.72066,
            high: 0.82146, overall: 0.82571),
        .extrapolation([
            .init(feature: "age", rows: 3, min: 0.42, max: 80), .init(feature: "fare", rows: 1, min: 0, max: 512.3292),
        ]),
        .unstableImportance(feature: "fare", bestRank: 1, worstRank: 5),
        .classImbalance(className: "Chinstrap", share: 0.19643, recall: 0.98148),
        .classImbalance(className: "churn", share: 0.125, recall: nil),
        .possibleLeakage(feature: "leak", importanceShare: 0.9237),
        .noStrongLimit,
        .noWeakSegmentBeyondNoise(metric: "accuracy", slices: 7, overall: 0.82571),
    ]

    @Test func everyLimitKindIsSaidInFrenchWithItsNumbers() throws {
        #expect(Set(Self.limits.map(\.kind)) == Set(ModelLimit.Kind.allCases))
        for detail in Self.limits {
            let limit = ModelLimit(detail)
            let facts = ExplainFacts.limit(limit)
            #expect(facts["kind"]?.stringValue == limit.kind.rawValue)
            let french = try #require(ExplainFindings.frenchLimit(facts), "\(limit.kind) has no French rendering")
            #expect(quotedNumbers(french) == quotedNumbers(limit.statement), "\(french) | \(limit.statement)")
            #expect(french != limit.statement)
        }
    }

    @Test func limitsWithoutFactsAreCountedNotLost() {
        let english = Self.limits.map { ModelLimit($0).statement }
        let result: JSONValue = [
            "limits": .strings(english), "limit_facts": .array([ExplainFacts.limit(ModelLimit(Self.limits[0]))]),
        ]
        let french = ExplainFindings.frenchLimits(result, count: 3)
        #expect(french.count == 2 && french[0].hasPrefix("Tranche faible : age [-inf, 26) (254 lignes)"))
        #expect(french[1].hasPrefix("2 limite(s)"))
    }

    static let effects: [(String, PartialDependenceEffect)] = [
        (
            "sex",
            .categorical(highest: .init(name: "female", value: 0.62134), lowest: .init(name: "male", value: 0.19178))
        ),
        ("bill_length_mm", .increasing(.init(from: 0.0031, to: 0.6142, low: 35.7, high: 52))),
        ("proline", .decreasing(.init(from: 0.52, to: 0.2219, low: 345.5, high: 1294.8))),
        ("x", .nonMonotonic(peak: .init(at: 45.25, value: 0.5), lowest: .init(at: 30, value: 0.1))),
        ("x", .flat),
    ]

    @Test func everyEffectShapeIsSaidInFrenchWithItsNumbers() throws {
        let output = PartialDependenceOutput(
            label: "predicted species (p(Chinstrap))", target: "species", className: "Chinstrap")
        for (feature, effect) in Self.effects {
            let sentence = effect.sentence(feature: feature, output: output.label)
            let x = ExplainFacts.effect(
                feature: feature, direction: effect.direction, sentence: sentence, output: output, effect: effect)
            let french = try #require(ExplainFindings.frenchEffect(x))
            #expect(quotedNumbers(french) == quotedNumbers(sentence), "\(french) | \(sentence)")
            #expect(french.contains("prédiction de species (p(Chinstrap))"), "\(french)")
        }
    }
}
