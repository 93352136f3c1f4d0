// Permutation importance finds the informative features of a synthetic set and ranks noise last;
// one-hot columns are shuffled together and reported under their source column.

import Testing

@testable import MLCore

@Suite struct PermutationImportanceTests {
    @Test func recoversInformativeFeaturesAndRanksNoiseLast() throws {
        let (xTrain, yTrain) = SyntheticData.informative(rows: 500, seed: 1)
        let (xValid, yValid) = SyntheticData.informative(rows: 300, seed: 2)
        let w = SyntheticData.leastSquares(xTrain, yTrain)
        let report = try PermutationImportance.compute(x: xValid, y: .values(yValid), repeats: 5, seed: 0) {
            (m: FeatureMatrix) throws(MLError) -> Prediction in .values(SyntheticData.predictLinear(w, m))
        }
        #expect(report.features.map(\.name).prefix(2) == ["signal_a", "signal_b"])
        #expect(report.metric == "r2" && report.repeats == 5)
        let noise = report.features.dropFirst(2)
        #expect(noise.allSatisfy { abs($0.importance) < 0.01 })
        #expect(report.features[0].importance > 1 && report.features[0].std > 0)
    }

    @Test func oneHotColumnsAreGroupedUnderTheirSource() throws {
        var g = SeededGenerator(seed: 9)
        let rows = 400
        let level = (0..<rows).map { _ in g.nextInt(below: 3) }
        let noise = (0..<rows).map { _ in g.nextGaussian() }
        let y = level.map { [0.0, 5.0, -5.0][$0] }
        let features = [
            FeatureInfo(name: "color=red", sourceColumn: "color"),
            FeatureInfo(name: "color=blue", sourceColumn: "color"),
            FeatureInfo(name: "color=green", sourceColumn: "color"), FeatureInfo(name: "noise"),
        ]
        let cols = (0..<3).map { k in level.map { $0 == k ? 1.0 : 0.0 } } + [noise]
        let x = FeatureMatrix(rows: rows, features: features, values: cols.flatMap { $0 })
        let report = try PermutationImportance.compute(x: x, y: .values(y)) {
            (m: FeatureMatrix) throws(MLError) -> Prediction in
            .values((0..<m.rows).map { 5 * m[$0, 1] - 5 * m[$0, 2] })
        }
        #expect(report.features.map(\.name) == ["color", "noise"])
        #expect(report.features[0].features == ["color=red", "color=blue", "color=green"])
        let ungrouped = try PermutationImportance.compute(x: x, y: .values(y), groupBySource: false) {
            (m: FeatureMatrix) throws(MLError) -> Prediction in
            .values((0..<m.rows).map { 5 * m[$0, 1] - 5 * m[$0, 2] })
        }
        #expect(ungrouped.features.count == 4)
    }
}
