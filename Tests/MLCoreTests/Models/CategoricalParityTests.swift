// Parity of gradient boosting's native categorical splits with LightGBM's (categorical_feature), on
// Fixtures/models/gbdt_categorical.json written by scripts/fixtures/models.py (regenerate with
// `$(scripts/venv.sh) scripts/fixtures/models.py`): holdout AUC within 0.005 of LightGBM's with the same
// hyper-parameters on titanic (class and sex as categories) and on a synthetic 20,000-row set with a
// 24-level and an 8-level category (5% of the first missing) that the test regenerates from the same
// SplitMix64 stream. Each case also checks that the trees really split on category sets.

import Foundation
import Testing

@testable import MLCore

@Suite struct CategoricalParityTests {
    struct TableCase: Decodable {
        // swift-format-ignore: AlwaysUseLowerCamelCase
        var x_train: [[Double?]], y_train: [Double], x_test: [[Double?]], y_test: [Double], lightgbm: Double
        var categorical: [Int]
    }
    struct Synthetic: Decodable { var seed: UInt64, rows: Int, levels: [Int], lightgbm: Double }
    struct Fixture: Decodable { var titanic: TableCase, synthetic: Synthetic }

    /// Marks `categorical` columns as categories with as many levels as their largest code + 1 (over both parts).
    static func kinds(_ train: [[Double?]], _ test: [[Double?]], categorical: [Int]) -> [FeatureKind] {
        train.indices.map { j in
            guard categorical.contains(j) else { return .numeric }
            let top = (train[j] + test[j]).compactMap { $0 }.max() ?? 0
            return .categorical(levels: Int(top) + 1)
        }
    }

    static func matrix(_ columns: [[Double?]], kinds: [FeatureKind]) -> FeatureMatrix {
        FeatureMatrix(columns: columns.map { $0.map { $0 ?? .nan } }, kinds: kinds)
    }

    /// Fits the default gbdt, returns the holdout AUC and how many nodes split on a category set.
    static func fitAndScore(train: TrainingSet, test: FeatureMatrix, labels: [Int]) throws -> (
        auc: Double, categoricalSplits: Int
    ) {
        let m = try HistGradientBoosting().fit(train)
        guard case .classes(_, let probs?, _) = try m.predict(test) else { return (.nan, 0) }
        let auc = try Metrics.rocAUC(labels, stride(from: 1, to: probs.count, by: 2).map { probs[$0] })
        let splits = m.trees.reduce(0) { $0 + $1.leftCategories.filter { $0 != nil }.count }
        return (auc, splits)
    }

    @Test func titanicWithCategoriesMatchesLightGBM() throws {
        let c = try ModelFixtures.load("gbdt_categorical.json", as: Fixture.self).titanic
        let kinds = Self.kinds(c.x_train, c.x_test, categorical: c.categorical)
        let train = TrainingSet(
            x: Self.matrix(c.x_train, kinds: kinds),
            y: .classes(labels: c.y_train.map { Int($0) }, classNames: ["0", "1"]))
        let (auc, splits) = try Self.fitAndScore(
            train: train, test: Self.matrix(c.x_test, kinds: kinds), labels: c.y_test.map { Int($0) })
        #expect(splits > 0, "no categorical split was made")
        #expect(abs(auc - c.lightgbm) <= 0.005, "ours \(auc) vs LightGBM \(c.lightgbm)")
    }

    @Test func syntheticCategoriesMatchLightGBM() throws {
        let s = try ModelFixtures.load("gbdt_categorical.json", as: Fixture.self).synthetic
        // The script's stream: per row a, b, three numeric draws, the missing draw, the label draw.
        var g = SeededGenerator(seed: s.seed)
        var columns = [[Double]](repeating: [], count: 5), labels: [Int] = []
        for _ in 0..<s.rows {
            let u = (0..<7).map { _ in g.nextUnit() }
            let a = (u[0] * Double(s.levels[0])).rounded(.down), b = (u[1] * Double(s.levels[1])).rounded(.down)
            let x = u[2..<5].map { $0 * 2 - 1 }
            let missing = u[5] < 0.05
            let effectA = missing ? 0 : 1.5 * sin(2.3 * a + 0.5)
            let effectB = (b.truncatingRemainder(dividingBy: 3) - 1) * 1.0
            let logit = effectA + effectB + 1.5 * x[0] - x[1] * x[2]
            labels.append(u[6] < 1 / (1 + exp(-logit)) ? 1 : 0)
            for (j, v) in ([missing ? .nan : a, b] + x).enumerated() { columns[j].append(v) }
        }
        let kinds: [FeatureKind] = [
            .categorical(levels: s.levels[0]), .categorical(levels: s.levels[1]), .numeric, .numeric, .numeric,
        ]
        let all = TrainingSet(
            x: FeatureMatrix(columns: columns, kinds: kinds), y: .classes(labels: labels, classNames: ["0", "1"]))
        let cut = s.rows * 8 / 10
        let (auc, splits) = try Self.fitAndScore(
            train: all.selecting(rows: Array(0..<cut)), test: all.x.selecting(rows: Array(cut..<s.rows)),
            labels: Array(labels[cut...]))
        #expect(splits > 0, "no categorical split was made")
        #expect(abs(auc - s.lightgbm) <= 0.005, "ours \(auc) vs LightGBM \(s.lightgbm)")
    }
}
