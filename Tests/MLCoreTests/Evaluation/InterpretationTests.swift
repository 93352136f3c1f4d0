// Interpretation on data with known structure: gain / split-count importance, SHAP ranking, partial
// dependence directions, error slices finding a planted bad segment first, calibration, model limits.

import Testing

@testable import MLCore

@Suite struct InterpretationTests {
    @Test func errorSlicesFindThePlantedBadSegmentFirst() throws {
        var g = SeededGenerator(seed: 11)
        let rows = 2000
        let region = (0..<rows).map { _ in Double(g.nextInt(below: 5)) }
        let age = (0..<rows).map { _ in 20 + 50 * g.nextUnit() }
        let y = (0..<rows).map { region[$0] * 2 + age[$0] / 10 }
        // The model is good everywhere except region 3, where its errors are five times larger.
        let p = (0..<rows).map { y[$0] + (region[$0] == 3 ? 5 : 1) * g.nextGaussian() }
        let x = FeatureMatrix(
            columns: [region, age], names: ["region", "age"], kinds: [.categorical(levels: 5), .numeric])
        let r = try ErrorAnalysis.analyze(
            x: x, target: .values(y), prediction: .values(p),
            levelNames: ["region": ["north", "south", "east", "west", "centre"]])
        let first = try #require(r.slices.first)
        #expect(first.feature == "region" && first.slice == "west")
        #expect(first.gap > 1 && first.support > 300)
        #expect(r.metric == "mae" && r.worst.count == 10)
        #expect(r.worst[0].loss >= r.worst[9].loss && r.worst[0].features["region"] != nil)
        #expect(r.slices.allSatisfy { $0.support >= 40 })
    }

    @Test func calibrationOfAPerfectlyCalibratedClassifierIsNearZero() throws {
        var g = SeededGenerator(seed: 12)
        let rows = 20000
        let p = (0..<rows).map { _ in g.nextUnit() }
        let y = p.map { g.nextUnit() < $0 ? 1 : 0 }
        let pred = Prediction.classes(
            labels: p.map { $0 > 0.5 ? 1 : 0 }, probabilities: p.flatMap { [1 - $0, $0] }, classCount: 2)
        let x = FeatureMatrix(columns: [p], names: ["score"])
        let r = try ErrorAnalysis.analyze(
            x: x, target: .classes(labels: y, classNames: ["no", "yes"]), prediction: pred)
        #expect(try #require(r.ece) < 0.02)
        #expect(r.calibration?.count == 10)
        #expect(r.confusedPairs?.first.map { $0.truth != $0.predicted } == true)
        // Overconfident scores (pushed to 0 or 1) are badly calibrated.
        let hard = Prediction.classes(
            labels: p.map { $0 > 0.5 ? 1 : 0 }, probabilities: p.flatMap { $0 > 0.5 ? [0.0, 1.0] : [1.0, 0.0] },
            classCount: 2)
        let bad = try ErrorAnalysis.analyze(
            x: x, target: .classes(labels: y, classNames: ["no", "yes"]), prediction: hard)
        #expect(try #require(bad.ece) > 0.2)
    }

    @Test func partialDependenceStatesTheDirectionOfEachEffect() throws {
        let (x, _) = SyntheticData.informative(rows: 400, seed: 5)
        let predict = { (m: FeatureMatrix) throws(MLError) -> Prediction in
            .values((0..<m.rows).map { 3 * m[$0, 0] - 2 * m[$0, 1] + m[$0, 2] * m[$0, 2] })
        }
        let up = try PartialDependence.compute(
            x: x, feature: "signal_a", outputLabel: "predicted price", predict: predict)
        #expect(up.direction == "increasing" && up.sentence.hasPrefix("higher signal_a → higher predicted price"))
        #expect(up.ice.count == 30 && up.ice[0].count == up.grid.count && up.range > 5)
        let down = try PartialDependence.compute(x: x, feature: "signal_b", predict: predict)
        #expect(down.direction == "decreasing")
        #expect(try PartialDependence.compute(x: x, feature: "noise_1", predict: predict).direction == "non-monotonic")
        #expect(try PartialDependence.compute(x: x, feature: "noise_2", predict: predict).direction == "flat")
        #expect(throws: MLError.self) { try PartialDependence.compute(x: x, feature: "nope", predict: predict) }
    }

    @Test func partialDependenceOverOneHotLevelsNamesTheBestLevel() throws {
        let level = (0..<300).map { $0 % 3 }
        let features = ["sex=female", "sex=male", "sex=other"].map { FeatureInfo(name: $0, sourceColumn: "sex") }
        let x = FeatureMatrix(
            rows: 300, features: features, values: (0..<3).flatMap { k in level.map { $0 == k ? 1.0 : 0.0 } })
        let pd = try PartialDependence.compute(x: x, feature: "sex", outputLabel: "predicted survival") {
            (m: FeatureMatrix) throws(MLError) -> Prediction in
            let p = (0..<m.rows).map { 0.2 + 0.6 * m[$0, 0] }
            return .classes(
                labels: p.map { $0 > 0.5 ? 1 : 0 }, probabilities: p.flatMap { [1 - $0, $0] }, classCount: 2)
        }
        #expect(pd.kind == "categorical" && pd.grid == ["sex=female", "sex=male", "sex=other"])
        #expect(pd.sentence.hasPrefix("sex = female gives the highest predicted survival (0.8)"))
    }

    @Test func gainAndSplitCountAddUpOverTreesAndGroups() throws {
        var t = TreeStructure(valueWidth: 1)
        for _ in 0..<5 { t.appendNode(value: [0], cover: 1) }
        t.feature[0] = 0; t.left[0] = 1; t.right[0] = 2; t.gain[0] = 10
        t.feature[1] = 1; t.left[1] = 3; t.right[1] = 4; t.gain[1] = 4
        let features = [FeatureInfo(name: "age"), FeatureInfo(name: "sex=male", sourceColumn: "sex")]
        let gain = try ModelImportance.trees([t, t], features: features)
        #expect(
            gain.features.map(\.name) == ["age", "sex"] && gain.features[0].importance == 20
                && gain.features[1].importance == 8)
        let count = try ModelImportance.trees([t, t], features: features, kind: "split_count")
        #expect(count.features.map(\.importance) == [2, 2])
    }

    @Test func shapRankingPutsTheStrongestFeatureFirst() throws {
        let f = try #require(TreeSHAPTests.fixture)
        let c = try #require(f.cases.first { $0.name == "gradient_boosting" })
        let x = FeatureMatrix(columns: c.columns)
        let sv = try TreeSHAP.explain(
            trees: c.trees.map(\.structure), combination: TreeCombination(base: c.base, scale: c.scale), x: x)
        let rank = ModelImportance.shap(sv, features: x.features)
        #expect(rank.features.first?.name == "x0")  // y = 2·x0 + … dominates in the fixture's generator
        #expect(rank.method == "shap" && rank.features.count == 6)
    }

    @Test func limitsReportExtrapolationImbalanceAndLeakage() throws {
        let train = FeatureMatrix(columns: [[0, 1, 2, 3], [5, 5, 6, 6]], names: ["a", "b"])
        let valid = FeatureMatrix(columns: [[0, 9, -1, 2], [5, 5, 6, 6]], names: ["a", "b"])
        let imp = ImportanceReport(
            features: [.init(name: "id_leak", importance: 0.9, std: 0), .init(name: "a", importance: 0.05, std: 0)],
            method: "permutation")
        let y = TargetValues.classes(labels: [0, 0, 0, 0, 0, 0, 0, 0, 0, 1], classNames: ["stay", "churn"])
        let limits = ModelLimits.summarize(
            trainX: train, evaluatedX: valid, importance: imp, score: 0.999, metric: "roc_auc", trainTarget: y,
            evaluatedTarget: y,
            prediction: .classes(labels: Array(repeating: 0, count: 10), probabilities: nil, classCount: 2))
        #expect(limits.featureRanges.first { $0.name == "a" }?.outsideRows == 2)
        #expect(limits.leakageSuspects == ["id_leak"])
        #expect(limits.imbalance?.minorityClass == "churn" && limits.imbalance?.recallByClass["churn"] == 0)
        #expect(
            limits.statements.contains { $0.hasPrefix("Extrapolation") }
                && limits.statements.contains { $0.hasPrefix("Class imbalance") })
        let folds = [["a", "b", "c", "d", "e"], ["e", "b", "c", "d", "a"]].map { names in
            ImportanceReport(
                features: names.enumerated().map {
                    .init(name: $0.element, importance: Double(10 - $0.offset), std: 0)
                }, method: "permutation")
        }
        let unstable = ModelLimits.summarize(trainX: train, foldImportances: folds).unstableImportance
        #expect(Set(unstable.map(\.name)) == ["a", "e"])
    }
}
