// The English sentences of partial dependence effects and model limits, built from their facts
// (PartialDependenceEffect, ModelLimit.Detail), are word for word the ones MLCore wrote before they
// carried facts: the expected strings are that code's output (several are quoted from the shipped
// Autopilot transcripts: titanic's sex effect, penguins' bill length, titanic's weakest segment), so
// explain_model's results and the transcripts keep the same text. Also: the analyses fill the facts.

import Testing

@testable import MLCore

@Suite struct ExplainStatementTests {
    struct EffectCase: Sendable {
        let effect: PartialDependenceEffect, feature: String, output: String, direction: String, sentence: String
    }

    static let effects: [EffectCase] = [
        EffectCase(
            effect: .none, feature: "age", output: "prediction", direction: "flat", sentence: "age has no effect."),
        EffectCase(
            effect: .flat, feature: "age", output: "predicted survived (p(1))", direction: "flat",
            sentence: "age barely changes the predicted survived (p(1))."),
        EffectCase(
            effect: .categorical(
                highest: .init(name: "female", value: 0.62134), lowest: .init(name: "male", value: 0.19178)),
            feature: "sex", output: "predicted survived (p(1))", direction: "categorical",
            sentence: "sex = female gives the highest predicted survived (p(1)) (0.621), sex = male the lowest (0.192)."
        ),
        EffectCase(
            effect: .increasing(.init(from: 0.0031, to: 0.6142, low: 35.7, high: 52)), feature: "bill_length_mm",
            output: "predicted species (p(Chinstrap))", direction: "increasing",
            sentence:
                "higher bill_length_mm → higher predicted species (p(Chinstrap)) (from 0.003 to 0.614 over 35.7 … 52)."),
        EffectCase(
            effect: .decreasing(.init(from: 0.52, to: 0.2219, low: 345.5, high: 1294.8)), feature: "proline",
            output: "predicted target (p(1))", direction: "decreasing",
            sentence: "higher proline → lower predicted target (p(1)) (from 0.52 to 0.222 over 345.5 … 1294.8)."),
        EffectCase(
            effect: .nonMonotonic(peak: .init(at: 45.25, value: 0.5), lowest: .init(at: 30, value: 0.1)), feature: "x",
            output: "prediction", direction: "non-monotonic",
            sentence: "x has a non-monotonic effect: the prediction peaks at x ≈ 45.25 (0.5) and is lowest at 30 (0.1)."
        ),
    ]

    @Test(arguments: effects) func effectSentenceFollowsFromTheFacts(_ c: EffectCase) {
        #expect(c.effect.sentence(feature: c.feature, output: c.output) == c.sentence)
        #expect(c.effect.direction == c.direction)
    }

    static let limits: [(ModelLimit.Detail, String)] = [
        (
            .weakSegment(
                feature: "class", slice: "class=1st", rows: 251, metric: "accuracy", score: 0.7649, low: 0.7088,
                high: 0.8126, overall: 0.8261),
            "Weak segment: class class=1st (251 rows) has accuracy 0.765 [0.709, 0.813] vs 0.826 overall; its 95 % interval excludes the overall score, so the gap is beyond noise."
        ),
        (
            .noWeakSegmentBeyondNoise(metric: "mae", slices: 6, overall: 1.2345),
            "No limit found beyond noise among segments: 6 slices score worse than the overall mae 1.23, but each one's 95 % interval contains it."
        ),
        (
            .extrapolation([
                .init(feature: "age", rows: 3, min: 0.42, max: 80),
                .init(feature: "fare", rows: 1, min: 0, max: 512.3292),
            ]),
            "Extrapolation: 3 rows have age outside the training range [0.42, 80]; 1 rows have fare outside the training range [0, 512.3]; predictions there are guesses beyond the data."
        ),
        (
            .unstableImportance(feature: "fare", bestRank: 1, worstRank: 5),
            "Unstable importance: fare ranks between 1 and 5 across folds; do not read much into its position."
        ),
        (
            .classImbalance(className: "Chinstrap", share: 0.19643, recall: 0.98148),
            "Class imbalance: 'Chinstrap' is 19.64 % of training rows, recall on it 0.981; accuracy flatters the model, prefer balanced_accuracy or average_precision."
        ),
        (
            .classImbalance(className: "churn", share: 0.125, recall: nil),
            "Class imbalance: 'churn' is 12.5 % of training rows; accuracy flatters the model, prefer balanced_accuracy or average_precision."
        ),
        (
            .possibleLeakage(feature: "leak", importanceShare: 0.9237),
            "Possible leakage: leak carries 92 % of the importance with a near-perfect score; check it is known before the target is."
        ),
        (
            .noStrongLimit,
            "No strong limit found on these rows; the estimates still carry the uncertainty of their confidence intervals."
        ),
    ]

    @Test func limitStatementFollowsFromTheFacts() {
        for (detail, statement) in Self.limits {
            let limit = ModelLimit(detail)
            #expect(limit.statement == statement)
            #expect(limit.kind == detail.kind)
        }
        #expect(Set(Self.limits.map(\.0.kind)) == Set(ModelLimit.Kind.allCases))
    }

    @Test func partialDependenceCarriesItsFactsAndOutput() throws {
        let (x, _) = SyntheticData.informative(rows: 400, seed: 5)
        let predict = { (m: FeatureMatrix) throws(MLError) -> Prediction in
            .values((0..<m.rows).map { 3 * m[$0, 0] - 2 * m[$0, 1] + m[$0, 2] * m[$0, 2] })
        }
        for name in ["signal_a", "signal_b", "noise_1", "noise_2"] {
            let pd = try PartialDependence.compute(
                x: x, feature: name, outputLabel: "predicted price", outputTarget: "price", predict: predict)
            let effect = try #require(pd.effect)
            #expect(pd.output == PartialDependenceOutput(label: "predicted price", target: "price"))
            #expect(
                pd.sentence == effect.sentence(feature: name, output: "predicted price")
                    && pd.direction == effect.direction)
            let values = try #require(pd.gridValues)
            switch effect {
            case .increasing(let t), .decreasing(let t):
                #expect(
                    t.from == pd.average.first && t.to == pd.average.last && t.low == values.first
                        && t.high == values.last)
            case .nonMonotonic(let peak, let lowest):
                #expect(
                    values.contains(peak.at) && values.contains(lowest.at) && peak.value == pd.average.max()
                        && lowest.value == pd.average.min())
            case .flat: #expect(name == "noise_2")
            case .none, .categorical: Issue.record("\(name): \(effect)")
            }
        }
    }

    @Test func oneHotEffectNamesItsLevels() throws {
        let level = (0..<300).map { $0 % 3 }
        let features = ["sex=female", "sex=male", "sex=other"].map { FeatureInfo(name: $0, sourceColumn: "sex") }
        let x = FeatureMatrix(
            rows: 300, features: features, values: (0..<3).flatMap { k in level.map { $0 == k ? 1.0 : 0.0 } })
        let pd = try PartialDependence.compute(x: x, feature: "sex", outputClass: "yes") {
            (m: FeatureMatrix) throws(MLError) -> Prediction in
            let p = (0..<m.rows).map { 0.2 + 0.6 * m[$0, 0] - 0.1 * m[$0, 1] }
            return .classes(
                labels: p.map { $0 > 0.5 ? 1 : 0 }, probabilities: p.flatMap { [1 - $0, $0] }, classCount: 2)
        }
        guard case .categorical(let hi, let lo)? = pd.effect else {
            Issue.record("\(String(describing: pd.effect))"); return
        }
        #expect(hi.name == "female" && lo.name == "male" && abs(hi.value - 0.8) < 1e-9 && abs(lo.value - 0.1) < 1e-9)
        #expect(pd.output?.className == "yes" && pd.output?.target == nil)
    }

    @Test func limitsCarryTheirFacts() throws {
        let train = FeatureMatrix(columns: [[0, 1, 2, 3], [5, 5, 6, 6]], names: ["a", "b"])
        let valid = FeatureMatrix(columns: [[0, 9, -1, 2], [5, 5, 6, 6]], names: ["a", "b"])
        let imp = ImportanceReport(
            features: [.init(name: "id_leak", importance: 0.9, std: 0), .init(name: "a", importance: 0.1, std: 0)],
            method: "permutation")
        let y = TargetValues.classes(labels: [0, 0, 0, 0, 0, 0, 0, 0, 0, 1], classNames: ["stay", "churn"])
        let folds = [["a", "b", "c", "d", "e"], ["e", "b", "c", "d", "a"]].map { names in
            ImportanceReport(
                features: names.enumerated().map {
                    .init(name: $0.element, importance: Double(10 - $0.offset), std: 0)
                }, method: "permutation")
        }
        let limits = ModelLimits.summarize(
            trainX: train, evaluatedX: valid, foldImportances: folds, importance: imp, score: 0.999, metric: "roc_auc",
            trainTarget: y,
            evaluatedTarget: y,
            prediction: .classes(labels: Array(repeating: 0, count: 10), probabilities: nil, classCount: 2))
        #expect(limits.statements == limits.findings.map(\.statement))
        #expect(
            limits.findings.map(\.detail) == [
                .extrapolation([.init(feature: "a", rows: 2, min: 0, max: 3)]),
                .unstableImportance(feature: "a", bestRank: 1, worstRank: 5),
                .unstableImportance(feature: "e", bestRank: 1, worstRank: 5),
                .classImbalance(className: "churn", share: 0.1, recall: 0),
                .possibleLeakage(feature: "id_leak", importanceShare: 0.9),
            ])
        #expect(
            ModelLimits.summarize(trainX: FeatureMatrix(columns: [[0, 1]], names: ["a"])).findings.map(\.detail) == [
                .noStrongLimit
            ])
    }
}
