// The chart inputs computed by scikit-learn and shap (scripts/fixtures/chart_inputs.py, on the
// shipped wine and mpg datasets), decoded straight into the chart input types.
import Foundation
import Tracking

struct ChartFixtures: Decodable {
    struct PrecisionRecall: Decodable { var prevalence: Double; var curves: [CurveInput] }
    struct Repeats: Decodable { var repeats: [String: [Double]] }

    var source: String
    var featureImportance: FeatureImportanceInput
    var shapSummary: ShapSummaryInput
    var partialDependence: PartialDependenceInput
    var confusionMatrix: ConfusionMatrixInput
    var roc: [CurveInput]
    var precisionRecall: PrecisionRecall
    var calibration: [CurveInput]
    var residuals: ResidualsInput
    var learningCurve: LearningCurveInput
    var runComparison: RunComparisonInput

    static var url: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/chart_inputs.json")
    }

    static func load() throws -> ChartFixtures {
        try JSONDecoder().decode(ChartFixtures.self, from: Data(contentsOf: url))
    }

    /// The per-repeat permutation importances of the fixture.
    static func repeats() throws -> [String: [Double]] {
        struct Outer: Decodable { var featureImportance: Repeats }
        return try JSONDecoder().decode(Outer.self, from: Data(contentsOf: url)).featureImportance.repeats
    }
}
