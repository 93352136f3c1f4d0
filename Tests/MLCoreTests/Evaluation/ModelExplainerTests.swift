// ModelExplainer, the code behind `mlexp explain` and the explain_model tool: every method answers for a
// tree model and encodes to JSON; the importance agrees with the data's known structure; methods a model
// family cannot support fail with a message that names the alternative.

import Foundation
import Testing

@testable import MLCore

@Suite struct ModelExplainerTests {
    func input(_ family: String) throws -> ExplainInput {
        let (x, y) = SyntheticData.informative(rows: 500, seed: 31)
        let (xv, yv) = SyntheticData.informative(rows: 200, seed: 32)
        let train = TrainingSet(x: x, y: .values(y)), valid = TrainingSet(x: xv, y: .values(yv))
        let model = try ModelRegistry.make(family, parameters: family == "gbdt" ? ["maxIter": "40"] : [:]).fit(train)
        return ExplainInput(model: model, train: train, valid: valid, targetName: "y")
    }

    @Test(arguments: ExplainMethod.allCases) func everyMethodAnswersForGradientBoosting(method: ExplainMethod) throws {
        let r = try ModelExplainer.explain(try input("gbdt"), method: method, repeats: 3)
        let json = try JSONEncoder().encode(r)
        #expect(try JSONDecoder().decode(ExplainReport.self, from: json) == r)
        #expect(!r.notes.isEmpty && r.metrics["r2"] != nil)
        if method != .errors {
            #expect(
                Set(try #require(r.importance).features.prefix(2).map(\.name)) == ["signal_a", "signal_b"], "\(method)")
        }
        if method == .pdp { #expect(r.partialDependence?.first?.direction == "increasing") }
        if method == .limits { #expect(r.limits != nil) }
    }

    @Test func linearModelsGetCoefficientsAndNoTreeSHAP() throws {
        let lin = try input("linear")
        let gain = try ModelExplainer.explain(lin, method: .gain)
        #expect(gain.importance?.method == "coefficient" && gain.importance?.features.first?.name == "signal_a")
        #expect(throws: MLError.self) { try ModelExplainer.explain(lin, method: .shap) }
        #expect(throws: MLError.self) { try ModelExplainer.explain(try input("knn"), method: .gain) }
    }
}
