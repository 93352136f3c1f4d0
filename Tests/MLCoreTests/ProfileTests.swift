// The profile's task, metric and warnings on real and constructed data.
import Foundation
import Testing

@testable import MLCore

@Suite struct ProfileTests {
    @Test func titanicProfile() throws {
        let p = try DataProfile(dataset: TestData.load("titanic.csv"), target: "survived")
        #expect(p.task == .binary)
        #expect(p.suggestedMetric == "roc_auc")
        #expect(p.suggestedValidation.scheme == .stratifiedKFold)
        #expect(p.target?.classCounts == [863, 450])
        #expect(p.warnings.contains { $0.kind == .heavyMissing && $0.column == "age" })
        #expect(!p.warnings.contains { $0.kind == .likelyLeakage })
        #expect(p.column("age")?.missing == 557)
    }

    @Test func mpgProfileFlagsDuplicatesAndTheCtyShortcut() throws {
        let p = try DataProfile(dataset: TestData.load("mpg.csv"), target: "hwy")
        #expect(p.task == .regression)
        #expect(p.suggestedMetric == "r2")
        #expect(p.duplicateRows == 9)
        #expect(p.warnings.contains { $0.kind == .duplicateRows && $0.value == 9 })
        #expect(p.warnings.contains { $0.kind == .likelyLeakage && $0.column == "cty" })
        #expect(p.columnsToDrop == ["cty"])
    }

    @Test func wineIsMulticlassWithAccuracy() throws {
        let p = try DataProfile(dataset: TestData.load("wine.csv"), target: "target")
        #expect(p.task == .multiclass)
        #expect(p.suggestedMetric == "accuracy")
        #expect(p.warnings.isEmpty)
    }

    @Test func constructedProblemsAreAllFlagged() throws {
        var g = SeededGenerator(seed: 5)
        let n = 400
        let y = (0..<n).map { _ in g.nextInt(below: 2) }
        let noise = (0..<n).map { _ in g.nextGaussian() }
        let d = try Dataset(columns: [
            Column(name: "customer_id", numbers: (0..<n).map { Double($0 + 1000) }, kind: .integer),
            Column(name: "constant", numbers: Array(repeating: 1, count: n)),
            Column(name: "x", numbers: noise),
            Column(name: "x_copy", numbers: noise.map { $0 * 2 + 1 }),
            Column(name: "mostly_missing", numbers: (0..<n).map { $0 % 2 == 0 ? .nan : Double($0) }),
            Column(name: "leak", categories: y.map { $0 == 1 ? "refund_issued" : "none" }),
            Column(name: "code", categories: (0..<n).map { "c\($0 % 80)" }),
            Column(name: "y", numbers: y.map(Double.init), kind: .integer),
        ])
        let p = try DataProfile(dataset: d, target: "y")
        let kinds = Dictionary(grouping: p.warnings, by: \.kind).mapValues { $0.compactMap(\.column) }
        #expect(kinds[.idLike] == ["customer_id"])
        #expect(kinds[.constant] == ["constant"])
        #expect(kinds[.nearCopy] == ["x_copy"])
        #expect(kinds[.heavyMissing] == ["mostly_missing"])
        #expect(kinds[.likelyLeakage] == ["leak"])
        #expect(kinds[.highCardinality] == ["code"])
        #expect(Set(p.columnsToDrop) == ["leak", "customer_id", "constant"])
        let json = try JSONEncoder().encode(p)
        #expect(try JSONDecoder().decode(DataProfile.self, from: json) == p)
    }

    @Test func skewedTargetAndImbalance() throws {
        let values = (1...300).map { exp(Double($0 % 30) / 5) }
        let d = try Dataset(columns: [
            Column(name: "x", numbers: (1...300).map(Double.init)), Column(name: "price", numbers: values),
        ])
        let p = try DataProfile(dataset: d, target: "price")
        #expect(p.warnings.contains { $0.kind == .skewedTarget && $0.action == .logTransformTarget })
        let rare = try Dataset(columns: [
            Column(name: "x", numbers: (0..<200).map { Double($0 % 13) }),
            Column(name: "fraud", categories: (0..<200).map { $0 % 25 == 0 ? "yes_fraud" : "no" }),
        ])
        let q = try DataProfile(dataset: rare, target: "fraud")
        #expect(q.warnings.contains { $0.kind == .imbalancedTarget && $0.column == "fraud" })
    }

    @Test func noTargetMeansClustering() throws {
        let p = try DataProfile(dataset: TestData.load("penguins.csv"))
        #expect(p.task == .clustering)
        #expect(p.target == nil)
        #expect(p.suggestedMetric == "silhouette")
    }
}
