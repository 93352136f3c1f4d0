// ColumnScreening, the rule `mlexp train` and `mlexp explain` share: it leaves out titanic's free-text
// name (unique in nearly every row, datasets/titanic.csv), an identifier and a constant column, each
// with its reason; keeps what it is told to keep; refuses to keep a column that does not exist.

import Foundation
import Testing

@testable import MLCore

@Suite struct ColumnScreeningTests {
    @Test func titanicLeavesOutTheFreeTextName() throws {
        let data = try TestData.load("titanic.csv")
        let s = try ColumnScreening.screen(dataset: data, target: "survived")
        #expect(s.map(\.column) == ["name"])
        #expect(s.first?.reason.contains("free text") == true)
        #expect(ColumnScreening.describe(s).first?.contains("--keep name") == true)
        #expect(try ColumnScreening.screen(dataset: data, target: "survived", keep: ["name"]).isEmpty)
        #expect(try ColumnScreening.screen(dataset: data, target: "survived", excluding: ["name"]).isEmpty)
        #expect(throws: MLError.self) { try ColumnScreening.screen(dataset: data, target: "survived", keep: ["nmae"]) }
    }

    @Test func identifiersAndConstantsAreLeftOutWithTheirReason() throws {
        let n = 200
        let data = try Dataset(columns: [
            Column(name: "id", numbers: (0..<n).map(Double.init), kind: .integer),
            Column(name: "same", numbers: [Double](repeating: 3, count: n)),
            Column(name: "x", numbers: (0..<n).map { Double(($0 * 37) % 11) }),
            Column(name: "y", categories: (0..<n).map { $0 % 3 == 0 ? "a" : "b" }),
        ])
        let s = try ColumnScreening.screen(dataset: data, target: "y")
        #expect(Set(s.map(\.column)) == ["id", "same"])
        #expect(s.allSatisfy { !$0.reason.isEmpty })
        #expect(try ColumnScreening.screen(dataset: data, target: "y", keep: ["id"]).map(\.column) == ["same"])
    }
}
