// The evaluation tools on the project's own models: a paired comparison says "not significant" for
// two identical models and "significant" for the baseline against gradient boosting on titanic
// (datasets/titanic.csv, 5-fold stratified CV, preprocessing refitted in each fold); TreeSHAP adds up
// to gradient boosting's raw scores on every row; permutation importance of a fitted forest ranks
// the informative features first and noise last.

import Foundation
import Testing

@testable import MLCore

@Suite struct ModelComparisonTests {
    static let titanic = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("datasets/titanic.csv").path

    /// 5-fold CV of `model` on titanic; each fold fits its own pipeline.
    func crossValidate(_ model: String) throws -> CrossValidationResult {
        let data = try Dataset.load(path: Self.titanic)
        let spec = try TargetSpec(dataset: data, column: "survived")
        let rows = try data.rowsWithTarget("survived")
        let y = try spec.values(in: data, rows: rows)
        guard case .classes(let labels, _) = y else {
            throw MLError(.invalidTarget, "titanic's target should be classes")
        }
        let folds = try StratifiedKFold(folds: 5, seed: 0).split(labels: labels).map {
            FoldRows(train: $0.train, valid: $0.test)
        }
        let estimator = try ModelRegistry.make(model, parameters: [:])
        let pipeline = try Pipeline(
            dataset: data, target: "survived", excluding: ["name"], preset: ExperimentRunner.preset(for: model))
        return try CrossValidation.run(target: y, folds: folds) { (train, valid) throws(MLError) -> Prediction in
            let tr = train.map { rows[$0] }, va = valid.map { rows[$0] }
            let fp = try pipeline.fit(data, rows: tr)
            let m = try estimator.fit(try fp.trainingSet(data, target: spec, rows: tr))
            return try m.predict(try fp.transform(data, rows: va))
        }
    }

    @Test func gradientBoostingBeatsTheBaselineSignificantlyOnTitanic() throws {
        let base = try crossValidate("baseline"), gbdt = try crossValidate("gbdt")
        let t = try PairedComparison.correctedTTest(
            metric: "roc_auc", foldScoresA: base.values("roc_auc"),
            foldScoresB: gbdt.values("roc_auc"), validFraction: 0.25)
        #expect(t.significant && t.better == "B" && t.improvement > 0.2, "\(t.summary)")
        let target = try Self.titanicTarget()
        let b = try PairedComparison.bootstrap(
            metric: "roc_auc", target: target, a: base.outOfFold, b: gbdt.outOfFold, resamples: 300)
        #expect(b.significant && b.better == "B", "\(b.summary)")
    }

    @Test func identicalModelsAreNotSignificantlyDifferent() throws {
        let a = try crossValidate("gbdt"), b = try crossValidate("gbdt")
        let t = try PairedComparison.correctedTTest(
            metric: "roc_auc", foldScoresA: a.values("roc_auc"),
            foldScoresB: b.values("roc_auc"), validFraction: 0.25)
        #expect(!t.significant && t.better == "neither" && t.pValue == 1)
        let boot = try PairedComparison.bootstrap(
            metric: "accuracy", target: try Self.titanicTarget(), a: a.outOfFold, b: b.outOfFold, resamples: 200)
        #expect(!boot.significant && boot.better == "neither")
    }

    static func titanicTarget() throws -> TargetValues {
        let data = try Dataset.load(path: titanic)
        let spec = try TargetSpec(dataset: data, column: "survived")
        return try spec.values(in: data, rows: try data.rowsWithTarget("survived"))
    }

    @Test func treeSHAPAddsUpToGradientBoostingRawScores() throws {
        let (x, y) = SyntheticData.informative(rows: 400, seed: 8)
        var p = GradientBoostingParameters()
        p.maxIter = 30
        let m = try HistGradientBoosting(p).fit(TrainingSet(x: x, y: .values(y)))
        let sv = try TreeSHAP.explain(m, x: x)
        let raw = try m.rawScores(x)
        for r in 0..<x.rows {
            let total = sv.expected[0] + (0..<x.featureCount).reduce(0.0) { $0 + sv[r, 0, $1] }
            #expect(abs(total - raw[r]) <= 1e-9)
        }
    }

    @Test func permutationImportanceOfAFittedForestRanksNoiseLast() throws {
        let (x, y) = SyntheticData.informative(rows: 600, seed: 1)
        let (xv, yv) = SyntheticData.informative(rows: 300, seed: 2)
        let m = try ModelRegistry.make("random_forest", parameters: ["seed": "0"]).fit(TrainingSet(x: x, y: .values(y)))
        let r = try PermutationImportance.compute(x: xv, y: .values(yv), repeats: 5) {
            (mx: FeatureMatrix) throws(MLError) -> Prediction in
            try m.predict(mx)
        }
        #expect(Set(r.features.prefix(2).map(\.name)) == ["signal_a", "signal_b"])
        #expect(r.features.suffix(3).allSatisfy { $0.importance < 0.05 * r.features[0].importance })
    }
}
