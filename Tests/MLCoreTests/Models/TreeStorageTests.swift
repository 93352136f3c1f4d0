// A tree's storage: its flat arrays as raw bytes (TreeStructure+Codable.swift). The same tree comes back
// exactly (NaN thresholds of missing-value branches, categorical splits, class-probability leaves), a model
// stored in the first form (number arrays) still reads, and a stored forest predicts as the fitted one.

import Foundation
import Testing

@testable import MLCore

/// The first storage form, as Swift's synthesised Codable wrote it.
private struct NumberArraysTree: Codable {
    var feature: [Int32], threshold: [Double], leftCategories: [[Int32]?], missingGoesLeft: [Bool]
    var left: [Int32], right: [Int32], value: [Double], valueWidth: Int, cover: [Double], gain: [Double]

    init(_ t: TreeStructure) {
        (feature, threshold, leftCategories, missingGoesLeft) = (
            t.feature, t.threshold, t.leftCategories, t.missingGoesLeft
        )
        (left, right, value, valueWidth, cover, gain) = (t.left, t.right, t.value, t.valueWidth, t.cover, t.gain)
    }
}

@Suite struct TreeStorageTests {
    static func json(_ value: some Encodable) throws -> Data {
        let e = JSONEncoder()
        e.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try e.encode(value)
    }

    static func tree(_ data: Data) throws -> TreeStructure {
        let d = JSONDecoder()
        d.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try d.decode(TreeStructure.self, from: data)
    }

    /// A root with a categorical split, a child with a NaN-safe numeric split, three-class leaves.
    static var handMade: TreeStructure {
        var t = TreeStructure(valueWidth: 3)
        for v in [[0.2, 0.3, 0.5], [0.1, 0.1, 0.8], [0.5, 0.5, 0], [1, 0, 0], [0, 1, 0]] {
            t.appendNode(value: v, cover: 10)
        }
        (t.feature[0], t.leftCategories[0], t.missingGoesLeft[0], t.left[0], t.right[0], t.gain[0]) = (
            2, [1, 4], false, 1, 2, 3.5
        )
        (t.feature[1], t.threshold[1], t.left[1], t.right[1], t.gain[1]) = (0, -0.0, 3, 4, 1.25)
        t.threshold[2] = .nan
        return t
    }

    @Test func aTreeComesBackExactly() throws {
        let t = Self.handMade
        let back = try Self.tree(try Self.json(t))
        #expect(back.feature == t.feature && back.leftCategories == t.leftCategories && back.left == t.left)
        #expect(back.value == t.value && back.cover == t.cover && back.gain == t.gain)
        #expect(back.threshold.map(\.bitPattern) == t.threshold.map(\.bitPattern))  // -0.0 and NaN kept
        #expect(back.missingGoesLeft == t.missingGoesLeft && back.valueWidth == 3)
    }

    @Test func aTreeStoredAsNumberArraysStillReads() throws {
        let t = Self.handMade
        let back = try Self.tree(try Self.json(NumberArraysTree(t)))
        #expect(back.feature == t.feature && back.leftCategories == t.leftCategories)
        #expect(back.value == t.value && back.threshold[1] == t.threshold[1] && back.threshold[2].isNaN)
    }

    @Test func aStoredForestPredictsAsTheFittedOne() throws {
        let data = try TestData.load("titanic.csv")
        let family = try ModelFamily.named("random_forest")
        let spec = ExperimentSpec(
            target: "survived", family: family, parameters: try family.values([:]), validation: .refit, seed: 7,
            excluding: ["name"])
        let fit = try ExperimentRunner.run(dataset: data, spec: spec)
        let model = TrainedModel(target: fit.target, pipeline: fit.pipeline, model: fit.fitted)
        let stored = try model.saved()
        let back = try TrainedModel.load(stored)
        #expect(try back.predict(data) == model.predict(data))
        // Stored as bytes, every tree of the forest: the same arrays as the number-array form reads back.
        let forest = try #require(fit.fitted.model as? any TreeEnsemble)
        for tree in forest.trees.prefix(5) {
            let bytes = try Self.tree(try Self.json(tree)),
                numbers = try Self.tree(try Self.json(NumberArraysTree(tree)))
            #expect(bytes.feature == numbers.feature && bytes.value == numbers.value && bytes.cover == numbers.cover)
        }
    }
}
